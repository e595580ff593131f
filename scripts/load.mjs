// Load generator: starts a development node whose genesis adds N load accounts, pre-signs N
// transactions of one kind (one per account, nonce 0), submits them all at once, and reports
// inclusion per block, the sustained rate, and submission→inclusion and submission→finality
// latencies (p50, p95). Prints the figures as JSON; asserts nothing.
//
//   node scripts/load.mjs transfers [N]   balance transfers from N funded accounts (default 2000)
//   node scripts/load.mjs votes [N]       consultation votes by N verified residents of Plum Garden
//   node scripts/load.mjs records [N]     volunteer hour records: N volunteers of Plum Garden signed
//                                         up to one activity, recorded by its organiser (consecutive
//                                         nonces of one account)
//   node scripts/load.mjs requests [N]    assistance requests opened by N special-needs residents,
//                                         250 to a community (communities hold 256 open requests)
//
// Needs tests/e2e's npm install and a built node ($GONGZHI_NODE or the release build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '../tests/e2e/node_modules/@polkadot/keyring/index.js';
import { blake2AsHex, cryptoWaitReady, xxhashAsHex } from '../tests/e2e/node_modules/@polkadot/util-crypto/index.js';
import { nodeBinary, startNode, waitForHead } from '../tests/e2e/lib/node.mjs';

const kind = process.argv[2] || 'transfers';
const count = Number(process.argv[3] || 2000);
if (!['transfers', 'votes', 'records', 'requests'].includes(kind) || !(count > 0)) {
  console.error('usage: node scripts/load.mjs transfers|votes|records|requests [N]');
  process.exit(2);
}
const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
const EAST_STREET = 1;
const PER_COMMUNITY = 250;

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const accounts = Array.from({ length: count }, (_, i) => keyring.addFromUri(`//load//${i}`));
const [alice, dave, organiser] = ['//Alice', '//Dave', '//Eve//stash'].map((u) => keyring.addFromUri(u));

// The development chain spec, with the load accounts funded (transfers) or registered (votes).
const spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--chain', 'dev'], { maxBuffer: 1 << 30, stderr: 'ignore' }));
const patch = spec.genesis.runtimeGenesis.patch;
if (kind === 'transfers') {
  patch.balances.balances.push(...accounts.map((a) => [a.address, Number(1000n * UNITS)]));
} else if (kind === 'requests') {
  // New communities under East Street for the requesters, `PER_COMMUNITY` each.
  const first = patch.partyBranch.units.length;
  for (let c = 0; c * PER_COMMUNITY < count; c++) {
    patch.partyBranch.units.push({ level: 'Community', parent: EAST_STREET, name: `Load community ${c}`, secretary: null, committee: [] });
  }
  const community = (i) => first + Math.floor(i / PER_COMMUNITY);
  patch.partyBranch.residents.push(...accounts.map((a, i) => [a.address, community(i), blake2AsHex(`load resident ${i}`)]));
  patch.partyBranch.roles.push(...accounts.map((a, i) => [a.address, 'SpecialNeeds', community(i)]));
} else {
  patch.partyBranch.residents.push(...accounts.map((a, i) => [a.address, PLUM_GARDEN, blake2AsHex(`load resident ${i}`)]));
  if (kind === 'records') patch.partyBranch.roles.push(...accounts.map((a) => [a.address, 'Volunteer', PLUM_GARDEN]));
  patch.partyBranch.freeCallQuota = 200;
}
const specPath = join(mkdtempSync(join(tmpdir(), 'gongzhi-load-')), 'spec.json');
writeFileSync(specPath, JSON.stringify(spec));

const node = await startNode(['--chain', specPath, '--alice', '--validator', '--force-authoring',
  '--node-key', '0000000000000000000000000000000000000000000000000000000000000001',
  '--pool-limit', String(count + 1000), '--pool-kbytes', String(200 * 1024)], { name: 'load' });
const { api } = node;
await waitForHead(api, { ms: 120000, check: (h) => h.number.toNumber() >= 1 });

/**
 * Bytes of state (keys and values) under each pallet's storage prefix at block `hash`, with
 * `System.Account` apart from the rest of `System` (block-by-block bookkeeping).
 */
async function stateBytes(hash) {
  const prefixes = api.runtimeMetadata.asLatest.pallets
    .filter((p) => p.storage.isSome)
    .map((p) => [p.name.toString(), xxhashAsHex(p.storage.unwrap().prefix.toString(), 128)]);
  prefixes.push(['System.Account', xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2)]);
  const sizes = {};
  for (const [name, prefix] of prefixes) {
    const pairs = await api.rpc.state.getPairs(prefix, hash);
    sizes[name] = pairs.reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  }
  sizes.System -= sizes['System.Account'];
  return sizes;
}

const send = (tx, signer) => new Promise((res, rej) => {
  tx.signAndSend(signer, ({ status, dispatchError }) => {
    if (status.isInBlock) res(dispatchError);
  }).catch(rej);
});

let transactions;
if (kind === 'transfers') {
  transactions = await Promise.all(accounts.map((a) => api.tx.balances.transferKeepAlive(alice.address, UNITS).signAsync(a, { nonce: 0, era: 256 })));
} else if (kind === 'votes') {
  // One topic, qualified by its author's support and convened at once; voting opens after the
  // development chain's deliberation.
  await send(api.tx.consultation.setUnitRules(PLUM_GARDEN, { support: { Absolute: 1 }, batch: 1 }), dave);
  const topic = (await api.query.consultation.nextTopicId()).toNumber();
  await send(api.tx.consultation.raiseTopic(PLUM_GARDEN, 'Load test', { Text: '' }, 'Other', 'Resolution', false), accounts[0]);
  const meeting = (await api.query.consultation.meetings((await api.query.consultation.nextMeetingId()).toNumber() - 1)).unwrap();
  await waitForHead(api, { ms: 120000, check: (h) => h.number.toNumber() >= meeting.phase.asDeliberation.until.toNumber() });
  transactions = await Promise.all(accounts.map((a, i) => api.tx.consultation.vote(topic, 'Aye').signAsync(a, { nonce: i === 0 ? 1 : 0, era: 256 })));
} else if (kind === 'records') {
  // Setup, not measured: the organiser (Eve//stash, a volunteer organisation of East Street)
  // publishes an activity in Plum Garden and every volunteer signs up to it.
  const activity = (await api.query.volunteerCredits.nextActivityId()).toNumber();
  await send(api.tx.volunteerCredits.publishActivity(PLUM_GARDEN, 'Load test', 480), organiser);
  const signUps = await Promise.all(accounts.map((a) => api.tx.volunteerCredits.signUp(activity).signAsync(a, { nonce: 0, era: 256 })));
  await Promise.all(signUps.map((tx) => api.rpc.author.submitExtrinsic(tx)));
  for (;;) {
    const signed = (await api.query.volunteerCredits.participations.keys(activity)).length;
    if (signed >= count) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const nonce = (await api.rpc.system.accountNextIndex(organiser.address)).toNumber();
  transactions = await Promise.all(accounts.map((a, i) => api.tx.volunteerCredits.recordService(activity, a.address, 60).signAsync(organiser, { nonce: nonce + i, era: 256 })));
} else {
  const details = blake2AsHex('load request');
  transactions = await Promise.all(accounts.map((a) => api.tx.assistance.openRequest(a.address, 'Shopping', 'Normal', 60, details, 0, 0).signAsync(a, { nonce: 0, era: 256 })));
}

// Setup finalised first, so that the state measured before the load includes it.
const setupBest = (await api.rpc.chain.getHeader()).number.toNumber();
await waitForHead(api, { finalized: true, ms: 120000, check: (h) => h.number.toNumber() >= setupBest });
const stateBefore = await stateBytes(await api.rpc.chain.getFinalizedHead());
const pending = new Map(transactions.map((tx) => [tx.hash.toHex(), {}]));
const perBlock = [];
let finalizedHandled = 0;
const unsubNew = await api.rpc.chain.subscribeNewHeads(async (header) => {
  const seen = Date.now();
  const block = await api.rpc.chain.getBlock(header.hash);
  let included = 0;
  for (const ext of block.block.extrinsics) {
    const entry = pending.get(ext.hash.toHex());
    if (entry && !entry.included) {
      entry.included = seen;
      entry.block = header.number.toNumber();
      included += 1;
    }
  }
  perBlock.push({ block: header.number.toNumber(), included, extrinsics: block.block.extrinsics.length, lag: header.number.toNumber() - finalizedHandled });
});
const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((header) => {
  const now = Date.now();
  const number = header.number.toNumber();
  for (const entry of pending.values()) {
    if (entry.included && !entry.finalized && entry.block <= number) entry.finalized = now;
  }
  finalizedHandled = number;
});

const submittedAt = Date.now();
const results = await Promise.allSettled(transactions.map((tx) => {
  pending.get(tx.hash.toHex()).submitted = Date.now();
  return api.rpc.author.submitExtrinsic(tx);
}));
const rejected = results.filter((r) => r.status === 'rejected');
const submittedIn = (Date.now() - submittedAt) / 1000;

const deadline = Date.now() + 10 * 60000;
const entries = [...pending.values()];
while (Date.now() < deadline && entries.some((e) => e.submitted && !e.finalized) && entries.filter((e) => e.finalized).length < count - rejected.length) {
  await new Promise((r) => setTimeout(r, 500));
}
unsubNew();
unsubFinal();
const stateAfter = await stateBytes(await api.rpc.chain.getFinalizedHead());
await node.stop({ keepBasePath: true });

// Block import time: the node's `benchmark block` re-executes the loaded blocks from the
// database (three times each) and compares the time taken with the weight the block was charged.
const loaded = perBlock.filter((b) => b.included > 0).map((b) => b.block);
const importTime = [];
if (loaded.length) {
  const run = spawnSync(nodeBinary(), ['benchmark', 'block', '--chain', specPath, '--base-path', node.basePath,
    '--from', String(Math.min(...loaded)), '--to', String(Math.max(...loaded)), '--repeat', '3'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = /Block (\d+) with\s+(\d+) tx used\s+([\d.]+)% of its weight \(\s*([\d,]+) of\s+([\d,]+) ns\)/g;
  for (const m of `${run.stdout}${run.stderr}`.matchAll(line)) {
    importTime.push({ block: Number(m[1]), extrinsics: Number(m[2]), ms: Number(m[4].replaceAll(',', '')) / 1e6, percentOfWeight: Number(m[3]) });
  }
}
// The block author's own account of each loaded block: how long it took to build and why it
// stopped adding transactions (pool drained, block weight or length full, or deadline hit).
const authoring = [];
const prepared = /Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)/g;
for (const m of readFileSync(join(node.basePath, 'load.log'), 'utf8').replace(/\x1b\[[0-9;]*m/g, '').matchAll(prepared)) {
  if (loaded.includes(Number(m[1]))) authoring.push({ block: Number(m[1]), ms: Number(m[2]), end: m[3], extrinsics: Number(m[4]) });
}
rmSync(node.basePath, { recursive: true, force: true });

const included = entries.filter((e) => e.included);
const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : null);
const seconds = (xs) => ({ p50: pct(xs, 0.5) / 1000, p95: pct(xs, 0.95) / 1000 });
const busy = perBlock.filter((b) => b.included > 0);
const firstIncluded = Math.min(...included.map((e) => e.included));
const lastIncluded = Math.max(...included.map((e) => e.included));
console.log(JSON.stringify({
  kind,
  transactions: count,
  rejectedAtSubmission: rejected.length,
  firstRejection: rejected[0]?.reason?.message,
  submittedInSeconds: submittedIn,
  included: included.length,
  finalized: entries.filter((e) => e.finalized).length,
  perBlock: busy.map((b) => [b.block, b.included]),
  maxPerBlock: Math.max(0, ...busy.map((b) => b.included)),
  blocksUsed: busy.length,
  sustainedPerSecond: included.length > 1 ? +(included.length / ((lastIncluded - submittedAt) / 1000)).toFixed(1) : null,
  spanSeconds: (lastIncluded - firstIncluded) / 1000,
  submissionToInclusion: seconds(included.map((e) => e.included - e.submitted)),
  submissionToFinality: seconds(entries.filter((e) => e.finalized).map((e) => e.finalized - e.submitted)),
  lastFinalized: finalizedHandled,
  // Best minus finalised when each loaded block arrived.
  finalityLagWhileLoaded: busy.map((b) => b.lag),
  // Re-executing each loaded block (import without the network): time and share of its weight.
  importTime,
  authoring,
  // State before the load (setup done), and what the included transactions added, by pallet.
  stateBytesBefore: stateBefore,
  stateBytesAdded: Object.fromEntries(Object.keys(stateAfter).map((k) => [k, stateAfter[k] - stateBefore[k]]).filter(([, d]) => d !== 0)),
  stateBytesPerTransaction: included.length ? +((Object.keys(stateAfter).filter((k) => k !== 'System').reduce((s, k) => s + stateAfter[k] - stateBefore[k], 0)) / included.length).toFixed(1) : null,
}, null, 2));
// Weights are upper bounds: a loaded block that takes longer to execute than the weight it was
// charged means a validator can be made to miss its slot. That fails the run.
const over = importTime.filter((b) => b.percentOfWeight > 100);
if (loaded.length && !importTime.length) {
  console.error('load: `benchmark block` printed no figures: cannot check the weights');
  process.exit(1);
}
if (over.length) {
  console.error(`load: ${over.length} loaded block(s) took longer than their weight: ${over.map((b) => `#${b.block} ${b.percentOfWeight}%`).join(', ')}`);
  process.exit(1);
}
process.exit(0);
