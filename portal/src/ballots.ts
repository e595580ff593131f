// Secret ballots: the choice and salt of a committed vote stay in this browser until revealed,
// and can be exported (a resident who changes phones keeps them).
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
