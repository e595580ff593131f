// Reading live data and sending actions, for pages.
import { useEffect, useState } from 'preact/hooks';
import type { Transaction } from 'polkadot-api';
import { send, type Chain, type Stage } from './chain';
import { actingFor, chain, current, finalized, lastAction, subject } from './state';

/**
 * `load(chain, who)` at every finalised block (and when the account changes); `undefined` until
 * the first answer. A failed read keeps the last answer.
 */
export function useLive<T>(load: (c: Chain, who: string | undefined) => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const c = chain.value;
  const who = subject.value;
  const block = finalized.value;
  useEffect(() => {
    if (!c) return;
    let live = true;
    load(c, who).then((v) => { if (live) setValue(v); }, (e) => console.warn('read failed', e));
    return () => { live = false; };
  }, [c, who, block, ...deps]);
  return value;
}

/** One action's progress, and a function that sends it (for the acted-for resident if any). */
export function useAction() {
  const [stage, setStage] = useState<Stage | undefined>(undefined);
  const run = async (tx: Transaction<any, any>) => {
    const c = chain.value;
    const signer = current.value?.signer;
    if (!c || !signer) return undefined;
    const report = (s: Stage) => { setStage(s); lastAction.value = s; };
    return send(c, tx, signer, report, actingFor.value);
  };
  const busy = stage !== undefined && stage.stage !== 'final' && stage.stage !== 'failed';
  return { stage, run, busy, reset: () => setStage(undefined) };
}
