// What a resident's secret ballots keep in this browser, and can export (a resident who changes
// phones keeps them): the choice and salt of a sealed vote until it is revealed, the secret of
// their anonymous ballot key, and the alias and number of their last anonymous ballot in a poll.
// The export therefore holds the ballot key's secret: whoever has the file can vote with it.
import type { Choice } from './chain';

const key = (topic: number, who: string) => `gongzhi.ballot.${topic}.${who}`;

export function newSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export function keep(topic: number, who: string, choice: Choice, salt: Uint8Array) {
  localStorage.setItem(key(topic, who), JSON.stringify({ choice, salt: [...salt] }));
}

export function kept(topic: number, who: string): { choice: Choice; salt: Uint8Array } | undefined {
  const raw = localStorage.getItem(key(topic, who));
  if (!raw) return undefined;
  try {
    const { choice, salt } = JSON.parse(raw) as { choice: Choice; salt: number[] };
    return { choice, salt: Uint8Array.from(salt) };
  } catch {
    return undefined;
  }
}

/** Every kept ballot as a JSON file the browser downloads. */
export function exportBallots() {
  const all: Record<string, unknown> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith('gongzhi.ballot.')) all[k] = JSON.parse(localStorage.getItem(k) ?? 'null');
  }
  const url = URL.createObjectURL(new Blob([JSON.stringify(all, null, 1)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'gongzhi-ballots.json';
  a.click();
  URL.revokeObjectURL(url);
}

const secretKey = (who: string) => `gongzhi.ballot.key.${who}`;
const toHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

/** Keeps the secret of `who`'s anonymous ballot key, with its public key. */
export function keepBallotSecret(who: string, secret: Uint8Array, key: Uint8Array) {
  localStorage.setItem(secretKey(who), JSON.stringify({ secret: toHex(secret), key: `0x${toHex(key)}` }));
}

/** The public ballot key whose secret this browser holds for `who`, if any. */
export function heldBallotKey(who: string): `0x${string}` | undefined {
  try {
    const { key } = JSON.parse(localStorage.getItem(secretKey(who)) ?? '{}') as { key?: `0x${string}` };
    return key && /^0x[0-9a-f]{64}$/.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The secret of `who`'s anonymous ballot key, if this browser holds it. */
export function ballotSecret(who: string): Uint8Array | undefined {
  try {
    const { secret } = JSON.parse(localStorage.getItem(secretKey(who)) ?? '{}') as { secret?: string };
    return secret && /^[0-9a-f]{64}$/.test(secret) ? fromHex(secret) : undefined;
  } catch {
    return undefined;
  }
}

const anonymousKey = (poll: number, who: string) => `gongzhi.ballot.poll.${poll}.${who}`;

/** `who`'s last anonymous ballot in `poll`: its alias (hex) and sequence number. */
export interface AnonymousBallotKept { alias: `0x${string}`; sequence: number }

export function keepAnonymous(poll: number, who: string, ballot: AnonymousBallotKept) {
  localStorage.setItem(anonymousKey(poll, who), JSON.stringify(ballot));
}

export function keptAnonymous(poll: number, who: string): AnonymousBallotKept | undefined {
  try {
    const raw = localStorage.getItem(anonymousKey(poll, who));
    return raw ? (JSON.parse(raw) as AnonymousBallotKept) : undefined;
  } catch {
    return undefined;
  }
}

/** What this browser holds of `who`'s ballot key, to put back if a new key is refused. */
export const ballotKeyBackup = (who: string) => localStorage.getItem(secretKey(who));

export function restoreBallotKey(who: string, backup: string | null) {
  if (backup === null) localStorage.removeItem(secretKey(who));
  else localStorage.setItem(secretKey(who), backup);
}
