#!/usr/bin/env node
// Measures the portal's ballot prover (portal/public/ballot-prover.wasm, built by
// scripts/ballot-prover-wasm.sh) in node's V8, the engine Chromium runs it in: the first
// call's setup load, a ballot key, and a ballot for rings of 10 and 255 keys (the chain's rings
// hold up to 255). `node scripts/ballot-prover-bench.mjs [rounds]`. Figures: docs/performance.md.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webcrypto } from 'node:crypto';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'portal', 'public', 'ballot-prover.wasm');
const rounds = Number(process.argv[2] ?? 3);
let m;
const { instance } = await WebAssembly.instantiate(readFileSync(file), {
  env: { gongzhi_random: (ptr, len) => webcrypto.getRandomValues(new Uint8Array(m.memory.buffer, ptr, len)) },
});
m = instance.exports;

/** `bytes` copied into the module's memory; returns the pointer (freed by `free`). */
const put = (bytes) => {
  const ptr = m.buffer_new(bytes.length);
  new Uint8Array(m.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
};
const secrets = Array.from({ length: 255 }, () => webcrypto.getRandomValues(new Uint8Array(32)));
const keyOf = (secret) => {
  const s = put(secret);
  const out = m.buffer_new(32);
  m.ballot_key(s, out);
  const key = new Uint8Array(m.memory.buffer, out, 32).slice();
  m.buffer_free(s, 32);
  m.buffer_free(out, 32);
  return key;
};
let started = performance.now();
const keys = secrets.map(keyOf);
console.log(`ballot prover (wasm, ${readFileSync(file).length} bytes) in node ${process.version}'s V8`);
console.log(`ballot key: ${((performance.now() - started) / keys.length).toFixed(2)} ms a key`);

const prove = (ring, who) => {
  const flat = new Uint8Array(ring.length * 32);
  ring.forEach((k, i) => flat.set(k, i * 32));
  const [s, r, out] = [put(secrets[who]), put(flat), m.buffer_new(2048)];
  const t = performance.now();
  const written = m.ballot_prove(s, r, ring.length, 7, 1, 0, out, 2048);
  const ms = performance.now() - t;
  [[s, 32], [r, flat.length], [out, 2048]].forEach(([p, n]) => m.buffer_free(p, n));
  if (written < 0) throw new Error(`ballot_prove: ${written}`);
  return { ms, bytes: written };
};
for (const size of [10, 255]) {
  const ring = keys.slice(0, size);
  const first = prove(ring, 0);
  const times = Array.from({ length: rounds }, (_, i) => prove(ring, (i * 97) % size).ms);
  console.log(`ring ${String(size).padStart(3)}: first ballot ${first.ms.toFixed(0)} ms${size === 10 ? ' (loads the setup)' : ''}, then ${(times.reduce((a, b) => a + b) / rounds).toFixed(0)} ms a ballot; alias and proof ${first.bytes} bytes`);
}
