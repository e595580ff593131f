// Anonymous ballots from the portal: what the chain knows of a resident's ballot key and a poll,
// and casting a ballot made in this browser (prover.ts). A ballot is a *general* transaction: no
// account, no signature, no fee; the chain's `AuthorizeCall` extension checks its proof.
import type { Chain } from './connection';
import { proveBallot } from './prover';

const toHex = (b: Uint8Array) => `0x${[...b].map((x) => x.toString(16).padStart(2, '0')).join('')}` as const;
const fromHex = (h: string) => Uint8Array.from(h.slice(2).match(/../g) ?? [], (x) => parseInt(x, 16));

/** A resident's registered ballot key: the key, and the ring of their community that holds it. */
export interface BallotKeyRecord { key: `0x${string}`; community: number; ring: number }

export async function ballotKeyOf(chain: Chain, who: string): Promise<BallotKeyRecord | undefined> {
  const record = await chain.api.view.AnonymousBallot.key_of(who);
  return record ? { key: record.key as `0x${string}`, community: record.community, ring: record.ring } : undefined;
}

/** What a voter needs of a poll: whether it takes ballots, whether they may be changed. */
export interface PollView { closes: number; open: boolean; changesAllowed: boolean; online: number; keys: number }

export async function pollView(chain: Chain, poll: number): Promise<PollView | undefined> {
  const [p, now] = await Promise.all([chain.api.view.AnonymousBallot.poll(poll), chain.api.query.System.Number.getValue()]);
  if (!p) return undefined;
  return { closes: p.closes, open: now < p.closes, changesAllowed: p.changes_allowed, online: p.online, keys: p.keys };
}

/** The keys ring `ring` held when `poll` opened (what a ballot proves against). */
export async function pollRingKeys(chain: Chain, poll: number, ring: number): Promise<Uint8Array[] | undefined> {
  const keys = await chain.api.view.AnonymousBallot.poll_ring_keys(poll, ring);
  return keys?.map((k) => fromHex(k as string));
}

/** The ballot counted for `alias` in `poll`, if any. */
export async function counted(chain: Chain, poll: number, alias: `0x${string}`): Promise<{ choice: number; sequence: number } | undefined> {
  return chain.api.view.AnonymousBallot.ballot(poll, alias);
}

/**
 * The explicit parts of the chain's transaction extensions in a general transaction, in the
 * runtime's order (`TxExtension`): `AuthorizeCall`, `CheckNonZeroSender`, `CheckSpecVersion`,
 * `CheckTxVersion` and `CheckGenesis` have none; then an immortal era (0x00), nonce 0 (compact
 * 0x00), no tip (compact 0x00, `ChargeCivicFees`), metadata-hash mode off (0x00); `CheckWeight` and
 * `WeightReclaim` have none. The node's `ballot prove` builds the same bytes from the runtime's
 * types; the end-to-end test's ballot, counted by the chain, checks they agree.
 */
const EXTENSIONS = Uint8Array.of(0x00, 0x00, 0x00, 0x00);
/** Extrinsic format 5, general transaction (0b01 << 6 | 5), then extension version 0. */
const GENERAL_V5 = Uint8Array.of(0x45, 0x00);

function compact(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, n >> 6);
  const v = (n << 2) | 2;
  return Uint8Array.of(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

export interface CastBallot { alias: `0x${string}`; sequence: number; block: number; proveMs: number }

/**
 * Makes `who`'s ballot for option `choice` in `poll` from their key's `secret` (their key in ring
 * `ring`), its `sequence`-th, and submits it. Resolves once a block holds it; the chain counts it
 * at that block's end (see `counted`).
 */
export async function castAnonymously(chain: Chain, secret: Uint8Array, poll: number, ring: number, choice: number,
  sequence: number, onProved?: (ms: number) => void): Promise<CastBallot> {
  const keys = await pollRingKeys(chain, poll, ring);
  if (!keys) throw new Error('poll-keys-gone');
  const made = await proveBallot(secret, keys, poll, choice, sequence);
  onProved?.(made.ms);
  const call = await chain.api.tx.AnonymousBallot.cast({
    poll, ring, choice, sequence, alias: toHex(made.alias), proof: made.proof,
  }).getEncodedData();
  const body = concat(GENERAL_V5, EXTENSIONS, call);
  const extrinsic = concat(compact(body.length), body);
  const included = await new Promise<number>((resolve, reject) => {
    const sub = chain.client.submitAndWatch(extrinsic).subscribe({
      next: (ev) => {
        if (ev.type === 'txBestBlocksState' && ev.found) {
          sub.unsubscribe();
          resolve(ev.block.number);
        }
      },
      error: reject,
    });
  });
  return { alias: toHex(made.alias), sequence, block: included, proveMs: made.ms };
}

/** Where an owner stands in a secret election's anonymous poll. */
export interface ElectionStanding {
  /** The ring the owner enrolled in (owners of their area), if they did. */
  ring?: number;
  /** How many owners enrolled in that ring. */
  ringSize?: number;
  /** The fewest owners a ring needs for its ballots to be taken: in a smaller one an owner's
   * area would show who voted, so they vote on paper. */
  minRing: number;
  /** Whether ballots are taken: the options fixed and the rings built. */
  open: boolean;
}

export async function electionStanding(chain: Chain, poll: number, who: string): Promise<ElectionStanding> {
  const [ring, roll, record, minRing] = await Promise.all([
    chain.api.view.AnonymousBallot.enrolment(poll, who),
    chain.api.view.AnonymousBallot.roll(poll),
    chain.api.view.AnonymousBallot.poll(poll),
    chain.api.constants.AnonymousBallot.MinRollRing(),
  ]);
  const ringSize = ring === undefined ? undefined : roll?.rings[ring]?.[1];
  return { ring, ringSize, minRing, open: (record?.rings.length ?? 0) > 0 };
}
