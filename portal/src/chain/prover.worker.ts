// The ballot prover in a Web Worker: the wasm module (built from pallets/anonymous-ballot/prover
// by scripts/ballot-prover-wasm.sh, served as ballot-prover.wasm next to the portal) takes a few
// seconds to make a proof, and the page stays responsive meanwhile. Messages: see prover.ts.

export {};

interface Exports {
  memory: WebAssembly.Memory;
  buffer_new(len: number): number;
  buffer_free(ptr: number, len: number): void;
  ballot_key(secret: number, out: number): number;
  ballot_possession(secret: number, account: number, out: number): number;
  ballot_prove(secret: number, keys: number, count: number, poll: number, choice: number, sequence: number,
    out: number, outLen: number): number;
}

/** Room for an alias and a proof (787 bytes on the chain), with a margin. */
const OUT_LEN = 32 + 1024;

let loaded: Promise<Exports> | undefined;

function load(url: string): Promise<Exports> {
  loaded ??= (async () => {
    let exports: Exports | undefined;
    const imports = {
      env: {
        // The proof's blinding: fresh randomness from the browser each time.
        gongzhi_random: (ptr: number, len: number) => {
          crypto.getRandomValues(new Uint8Array(exports!.memory.buffer, ptr, len));
        },
      },
    };
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
    exports = instance.exports as unknown as Exports;
    return exports;
  })();
  return loaded;
}

/** Runs `f` with `inputs` copied into fresh buffers of the module's memory, then frees them. */
function withBuffers<T>(m: Exports, inputs: (Uint8Array | number)[], f: (ptrs: number[]) => T): T {
  const sizes = inputs.map((i) => (typeof i === 'number' ? i : i.length));
  const ptrs = sizes.map((size) => m.buffer_new(Math.max(size, 1)));
  try {
    inputs.forEach((i, n) => { if (typeof i !== 'number') new Uint8Array(m.memory.buffer, ptrs[n], i.length).set(i); });
    return f(ptrs);
  } finally {
    ptrs.forEach((ptr, n) => m.buffer_free(ptr, Math.max(sizes[n], 1)));
  }
}

type Request =
  | { id: number; url: string; kind: 'key'; secret: Uint8Array; account: Uint8Array }
  | { id: number; url: string; kind: 'prove'; secret: Uint8Array; keys: Uint8Array[]; poll: number; choice: number; sequence: number };

/** This worker's scope (the project's types are the page's, not a worker's). */
const scope = self as unknown as { onmessage: (e: MessageEvent<Request>) => void; postMessage(message: unknown): void };

scope.onmessage = async (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    const m = await load(req.url);
    if (req.kind === 'key') {
      const key = withBuffers(m, [req.secret, 32], ([secret, out]) => {
        m.ballot_key(secret, out);
        return new Uint8Array(m.memory.buffer, out, 32).slice();
      });
      const possession = withBuffers(m, [req.secret, req.account, 64], ([secret, account, out]) => {
        const written = m.ballot_possession(secret, account, out);
        return written < 0 ? written : new Uint8Array(m.memory.buffer, out, 64).slice();
      });
      if (typeof possession === 'number') scope.postMessage({ id: req.id, ok: false, code: possession });
      else scope.postMessage({ id: req.id, ok: true, key, possession });
      return;
    }
    const keys = new Uint8Array(req.keys.length * 32);
    req.keys.forEach((k, i) => keys.set(k, i * 32));
    const started = performance.now();
    const result = withBuffers(m, [req.secret, keys, OUT_LEN], ([secret, ring, out]) => {
      const written = m.ballot_prove(secret, ring, req.keys.length, req.poll, req.choice, req.sequence, out, OUT_LEN);
      return written < 0 ? written : new Uint8Array(m.memory.buffer, out, written).slice();
    });
    const ms = Math.round(performance.now() - started);
    if (typeof result === 'number') scope.postMessage({ id: req.id, ok: false, code: result });
    else scope.postMessage({ id: req.id, ok: true, alias: result.slice(0, 32), proof: result.slice(32), ms });
  } catch (e) {
    scope.postMessage({ id: req.id, ok: false, code: 0, message: e instanceof Error ? e.message : String(e) });
  }
};
