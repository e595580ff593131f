// Measures a development chain as a user starts it: node start to first block, block times and
// finality lag over a period. Prints the figures; asserts nothing.
//
//   node scripts/measure-chain.mjs [minutes]      (default 5; needs tests/e2e's npm install)
import { startNode, waitForHead } from '../tests/e2e/lib/node.mjs';

const minutes = Number(process.argv[2] || 5);
const started = Date.now();
const node = await startNode(['--dev'], { name: 'measure' });
const rpcUp = Date.now();
await waitForHead(node.api, { ms: 120000, check: (h) => h.number.toNumber() >= 1 });
const firstBlock = Date.now();

const arrivals = [];
const lags = [];
let finalized = 0;
const unsubFinal = await node.api.rpc.chain.subscribeFinalizedHeads((h) => { finalized = h.number.toNumber(); });
const unsubNew = await node.api.rpc.chain.subscribeNewHeads((h) => {
  arrivals.push({ n: h.number.toNumber(), t: Date.now() });
  lags.push(h.number.toNumber() - finalized);
});
await new Promise((r) => setTimeout(r, minutes * 60000));
unsubNew();
unsubFinal();
await node.stop();

const gaps = arrivals.slice(1).map((a, i) => (a.t - arrivals[i].t) / 1000);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = Math.sqrt(mean(gaps.map((g) => (g - mean(gaps)) ** 2)));
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(JSON.stringify({
  minutes,
  startToRpcSeconds: (rpcUp - started) / 1000,
  startToFirstBlockSeconds: (firstBlock - started) / 1000,
  blocks: arrivals.length,
  blockTimeMeanSeconds: +mean(gaps).toFixed(3),
  blockTimeStdDevSeconds: +sd.toFixed(3),
  blockTimeMinMax: [Math.min(...gaps), Math.max(...gaps)],
  finalityLagBlocks: { mean: +mean(lags).toFixed(2), p95: pct(lags, 0.95), max: Math.max(...lags) },
}, null, 2));
process.exit(0);
