// Sending a resident's action: signed by their wallet, wrapped in `proxy.proxy` when a relative or
// grid worker acts for them, and followed from "submitted" to "in block" to "final". A refusal
// comes back as a named chain error (`Pallet.Error`) that the portal explains in plain words.
import { InvalidTxError, type PolkadotSigner, type Transaction } from 'polkadot-api';
import { MultiAddress } from '@polkadot-api/descriptors';
import type { Chain } from './connection';
import { errorDocs } from './docs';

export type Stage =
  | { stage: 'signing' }
  | { stage: 'submitted'; txHash: string }
  | { stage: 'in-block'; block: number; blockHash: string }
  | { stage: 'final'; block: number; blockHash: string }
  | { stage: 'failed'; error: ChainError; block?: number };

/**
 * Why the chain (or the wallet) refused an action. `key` names the message in the locale files:
 * `errors.<Pallet>.<Error>` for a pallet's error, `errors.invalid.<Reason>` for a transaction the
 * chain would not take (no funds for the fee, an outdated nonce), `errors.cancelled` when the
 * signer declined.
 */
export interface ChainError {
  key: string;
  /** `Pallet.Error` or the raw reason, shown next to the message for support staff. */
  code: string;
  /** The runtime's documentation of the error, for errors the locale files do not explain. */
  docs?: string;
}

type AnyTx = Transaction<any, any>;

/** The call `tx` as the account `actingFor` would make it, made by its civic proxy. */
export function asProxy(chain: Chain, tx: AnyTx, actingFor: string): AnyTx {
  return chain.api.tx.Proxy.proxy({
    real: MultiAddress.Id(actingFor),
    force_proxy_type: undefined,
    call: tx.decodedCall,
  }) as AnyTx;
}

type DispatchError = { type: string; value: unknown };

/** A dispatch error as a ChainError: `Module` errors by pallet and name, others by kind. */
export function explainDispatch(error: DispatchError): ChainError {
  if (error.type === 'Module') {
    const m = error.value as { type: string; value?: { type: string; value?: { type?: string } } };
    const name = m.value?.type ?? 'Unknown';
    // Every civic pallet refuses text holding personal data with the same nested error.
    if (name === 'PersonalData') {
      const kind = m.value?.value?.type ?? 'Unknown';
      return { key: `errors.personalData.${kind}`, code: `${m.type}.${name}.${kind}` };
    }
    return { key: `errors.${m.type}.${name}`, code: `${m.type}.${name}` };
  }
  const inner = (error.value as { type?: string } | undefined)?.type;
  return { key: `errors.dispatch.${error.type}`, code: inner ? `${error.type}.${inner}` : error.type };
}

function explainThrown(e: unknown): ChainError {
  if (e instanceof InvalidTxError) {
    const err = e.error as { type: string; value?: { type: string } };
    const reason = err.value?.type ?? err.type;
    return { key: `errors.invalid.${reason}`, code: `${err.type}.${reason}` };
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/cancel|reject|denied/i.test(message)) return { key: 'errors.cancelled', code: message };
  return { key: 'errors.unknown', code: message };
}

interface Emitted { type: string; value: { type: string; value: any } }

/** The error inside a proxied call: `proxy.proxy` itself succeeds and reports it in an event. */
function proxiedFailure(events: Emitted[]): ChainError | undefined {
  const executed = events.find((e) => e.type === 'Proxy' && e.value.type === 'ProxyExecuted');
  const result = executed?.value.value?.result as { success: boolean; value: DispatchError } | undefined;
  return result && !result.success ? explainDispatch(result.value) : undefined;
}

export interface Sent {
  ok: boolean;
  block: number;
  events: Emitted[];
  error?: ChainError;
}

/**
 * Signs `tx` with `signer` (for `actingFor` through a civic proxy when given), submits it and
 * reports each stage to `onStage`. Resolves when the block that holds it is final.
 */
export function send(chain: Chain, tx: AnyTx, signer: PolkadotSigner, onStage: (s: Stage) => void,
  actingFor?: string): Promise<Sent> {
  const call = actingFor ? asProxy(chain, tx, actingFor) : tx;
  onStage({ stage: 'signing' });
  const failed = (error: ChainError, block?: number) =>
    void errorDocs(chain, error.code).then((docs) => onStage({ stage: 'failed', error: { ...error, docs }, block }));
  return new Promise((resolve) => {
    let inBlock: Sent | undefined;
    const sub = call.signSubmitAndWatch(signer).subscribe({
      next: (ev) => {
        if (ev.type === 'signed') onStage({ stage: 'submitted', txHash: ev.txHash });
        if (ev.type === 'txBestBlocksState' && ev.found) {
          const events = ev.events as unknown as Emitted[];
          const error = ev.ok ? proxiedFailure(events) : explainDispatch(ev.dispatchError);
          inBlock = { ok: !error, block: ev.block.number, events, error };
          if (error) failed(error, ev.block.number);
          else onStage({ stage: 'in-block', block: ev.block.number, blockHash: ev.block.hash });
        }
        if (ev.type === 'finalized') {
          const events = ev.events as unknown as Emitted[];
          const error = ev.ok ? proxiedFailure(events) : explainDispatch(ev.dispatchError);
          const done = { ok: !error, block: ev.block.number, events, error };
          if (!error) onStage({ stage: 'final', block: ev.block.number, blockHash: ev.block.hash });
          else if (!inBlock) failed(error, ev.block.number);
          sub.unsubscribe();
          resolve(done);
        }
      },
      error: (e) => {
        const error = explainThrown(e);
        failed(error);
        resolve({ ok: false, block: inBlock?.block ?? 0, events: [], error });
      },
    });
  });
}

