// Anonymous ballots made in this browser: a ballot key from a secret, and a ballot (alias and
// ring-VRF proof) from the secret and the keys the poll fixed for the voter's ring. The work runs
// in a Web Worker (prover.worker.ts) over the wasm build of the chain's own prover crate
// (pallets/anonymous-ballot/prover), so proofs are made exactly as the chain checks them. The
// module (about 5 MB: the setup's parameters are compiled in) loads on first use and stays.

import { AccountId } from 'polkadot-api';

const accountId = AccountId();

/** Why a ballot could not be made; names the message `errors.prover.<reason>`. */
export type ProverFailure = 'notInRing' | 'badRing' | 'proof' | 'badChoice' | 'unavailable';

export class ProverError extends Error {
  constructor(public reason: ProverFailure, detail?: string) {
    super(detail ?? reason);
  }
}

const FAILURES: Record<number, ProverFailure> = { [-1]: 'notInRing', [-2]: 'badRing', [-3]: 'proof', [-5]: 'badChoice' };

/** Where the module is served: next to the portal's page. */
const MODULE_URL = new URL('ballot-prover.wasm', document.baseURI).href;

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (reply: any) => void>();

function ask<T>(request: Record<string, unknown>): Promise<T> {
  if (!worker) {
    worker = new Worker(new URL('./prover.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number }>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  }
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply: { ok: boolean; code?: number; message?: string }) => {
      if (reply.ok) resolve(reply as T);
      else reject(new ProverError(FAILURES[reply.code ?? 0] ?? 'unavailable', reply.message));
    });
    worker!.postMessage({ ...request, id, url: MODULE_URL });
  });
}

/** A new ballot secret: 32 random bytes that never leave this browser (but for an export). */
export function newBallotSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export interface BallotKeyProof {
  /** The public ballot key. */
  key: Uint8Array;
  /** Its proof of possession for the registering account (a signature by the key's secret). */
  possession: Uint8Array;
}

/**
 * The public ballot key of `secret` and the proof that its holder registers it for `account`
 * (an address): the two arguments of `AnonymousBallot.register_key` and `replace_key`.
 */
export function ballotKey(secret: Uint8Array, account: string): Promise<BallotKeyProof> {
  return ask<BallotKeyProof>({ kind: 'key', secret, account: accountId.enc(account) });
}

export interface MadeBallot {
  alias: Uint8Array;
  proof: Uint8Array;
  /** How long the proof took here, in milliseconds. */
  ms: number;
}

/**
 * The ballot for option `choice` in `poll` of `secret`'s key, its `sequence`-th (from 0), proved
 * against `ringKeys`: the keys the poll fixed for the key's ring (`poll_ring_keys`).
 */
export function proveBallot(secret: Uint8Array, ringKeys: Uint8Array[], poll: number, choice: number,
  sequence: number): Promise<MadeBallot> {
  return ask<MadeBallot>({ kind: 'prove', secret, keys: ringKeys, poll, choice, sequence });
}
