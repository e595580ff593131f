#!/usr/bin/env node
// Takes a snapshot of a chain's whole top-level storage at one block, through any node's RPC,
// for the try-runtime rehearsal (runtime/tests/try_runtime.rs):
//
//   node scripts/snapshot-state.mjs <rpc url: ws:// or http://> <out.json> [block hash]
//
// Without a block hash it takes the last finalised block. Reads pages of 1,000 keys
// (`state_getKeysPaged`) and their values (`state_queryStorageAt`); the chain has no child tries.
import { writeFileSync } from 'node:fs';
import { rpcHttp } from '../tests/e2e/lib/node.mjs';

const [url, out, at] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/snapshot-state.mjs <rpc url> <out.json> [block hash]');
  process.exit(2);
}
const http = url.replace(/^ws(s?):\/\//, 'http$1://');
const call = (method, params) => rpcHttp(http, method, params).catch((e) => {
  console.error(`snapshot-state: ${method} at ${http} failed: ${e.message}`);
  process.exit(1);
});

const block = at || await call('chain_getFinalizedHead', []);
const header = await call('chain_getHeader', [block]);
const version = await call('state_getRuntimeVersion', [block]);
const top = [];
const PAGE = 1000;
for (let start = null; ;) {
  const keys = await call('state_getKeysPaged', ['0x', PAGE, start, block]);
  if (keys.length === 0) break;
  const [{ changes }] = await call('state_queryStorageAt', [keys, block]);
  for (const [key, value] of changes) if (value !== null) top.push([key, value]);
  if (keys.length < PAGE) break;
  start = keys[keys.length - 1];
}
writeFileSync(out, JSON.stringify({ block, number: parseInt(header.number, 16), specVersion: version.specVersion, top }));
console.log(`snapshot of #${parseInt(header.number, 16)} (${block}, spec ${version.specVersion}): ${top.length} keys → ${out}`);
