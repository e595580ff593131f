// District network test. Starts the district network with scripts/district-network.sh (four street
// validators and the residents' RPC node, as an operator does), then:
//   1. stops one validator: blocks and finality continue;
//   2. stops a second: blocks continue, finality stalls;
//   3. restarts both from their databases: they resume, finality catches up;
//   4. a fifth node registers session keys (author_rotateKeysWithOwner + session.setKeys) and a
//      council motion admits its account: it authors from the session after next;
//   5. a council motion removes a validator: it stops authoring from the session after next.
// Throughout: no finalised block is ever replaced, and all nodes agree on the finalised head and
// its state root. Prints each figure as a JSON line and a summary; exits 1 if a property fails.
// The chain is the `district` preset with 10-block sessions, so that changes show within minutes.
//
//   node scripts/network-test.mjs [DIR]     (DIR: /tmp/gongzhi-network-test; logs stay there)
//
// Needs tests/e2e's npm install and a built node ($GONGZHI_NODE or the release build). Uses the
// fixed ports of scripts/district-network.sh.
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '../tests/e2e/node_modules/@polkadot/api/index.js';
import { Keyring } from '../tests/e2e/node_modules/@polkadot/keyring/index.js';
import { u8aToHex } from '../tests/e2e/node_modules/@polkadot/util/index.js';
import { cryptoWaitReady } from '../tests/e2e/node_modules/@polkadot/util-crypto/index.js';
import { REPO, nodeBinary, rpcHttp, sendAndWait, sleep } from '../tests/e2e/lib/node.mjs';

const DIR = process.argv[2] || '/tmp/gongzhi-network-test';
const SESSION_LENGTH = 10;
const EAST_STREET = 1;
const RPC = { street1: 9945, street2: 9946, street3: 9947, street4: 9948, street5: 9949, rpc: 9944 };
const figures = {};
const failures = [];

function record(name, value) {
  figures[name] = value;
  console.log(JSON.stringify({ [name]: value }));
}

function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures.push(what);
}

function network(action, ...names) {
  execFileSync('bash', [join(REPO, 'scripts/district-network.sh'), action, DIR, ...names], {
    env: { ...process.env, GONGZHI_SPEC: join(DIR, 'spec.json'), GONGZHI_NODE: nodeBinary() },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const call = (node, method, params = []) => rpcHttp(`http://127.0.0.1:${RPC[node]}`, method, params);

/** A node's best and finalised block numbers, and the finalised block's hash and state root. */
async function heads(node) {
  const best = await call(node, 'chain_getHeader');
  const finalizedHash = await call(node, 'chain_getFinalizedHead');
  const finalized = await call(node, 'chain_getHeader', [finalizedHash]);
  return { best: Number(best.number), finalized: Number(finalized.number), finalizedHash };
}

/** Polls `probe` every second until it returns a truthy value; throws after `ms`. */
async function until(probe, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (_) { /* a node still starting */ }
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(1000);
  }
}

/** Every node in `nodes` holds the same block at the lowest finalised height among them. */
async function agreement(nodes) {
  const all = await Promise.all(nodes.map(heads));
  const height = Math.min(...all.map((h) => h.finalized));
  const blocks = await Promise.all(nodes.map(async (node) => {
    const hash = await call(node, 'chain_getBlockHash', [height]);
    const header = await call(node, 'chain_getHeader', [hash]);
    return `${hash}/${header.stateRoot}`;
  }));
  return { height, agree: new Set(blocks).size === 1 };
}

// --- the chain spec: the district preset with short sessions
await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((u) => keyring.addFromUri(u));

try { network('stop'); } catch (_) { /* nothing was running */ }
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const plain = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--chain', 'district'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
plain.genesis.runtimeGenesis.patch.validatorSet.sessionLength = SESSION_LENGTH;
writeFileSync(join(DIR, 'spec-plain.json'), JSON.stringify(plain));
writeFileSync(join(DIR, 'spec.json'), execFileSync(nodeBinary(), ['build-spec', '--chain', join(DIR, 'spec-plain.json'), '--raw'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));

let api;
const finalizedSeen = new Map();
try {
  // --- start: four validators and the residents' RPC node
  let started = Date.now();
  network('start');
  api = await ApiPromise.create({ provider: new WsProvider('ws://127.0.0.1:9944', 1000), noInitWarn: true });
  await api.rpc.chain.subscribeFinalizedHeads((header) => finalizedSeen.set(header.number.toNumber(), header.hash.toHex()));
  await until(async () => (await heads('rpc')).finalized >= 3, 180000, 'first finalised blocks');
  record('startup_to_third_finalised_s', Math.round((Date.now() - started) / 1000));
  const validators = ['street1', 'street2', 'street3', 'street4'];
  const atStart = await agreement([...validators, 'rpc']);
  check(atStart.agree, `all five nodes agree on block #${atStart.height} (hash and state root)`);

  // --- one of four down
  const beforeStop = {};
  const stop = async (node) => { beforeStop[node] = (await heads(node)).best; network('stop', node); };
  await stop('street4');
  let h0 = await heads('rpc');
  started = Date.now();
  const oneDown = await until(async () => { const h = await heads('rpc'); return h.finalized >= h0.finalized + 5 && h; }, 120000, 'finality with one validator down');
  record('one_down', { blocks: oneDown.best - h0.best, finalised: oneDown.finalized - h0.finalized, seconds: Math.round((Date.now() - started) / 1000) });
  check(oneDown.finalized > h0.finalized, 'one validator down: blocks and finality continue');

  // --- two of four down: GRANDPA needs more than two thirds
  await stop('street3');
  await sleep(6000); // a round already under way may still complete
  h0 = await heads('rpc');
  await sleep(36000);
  const twoDown = await heads('rpc');
  record('two_down_36s', { blocks: twoDown.best - h0.best, finalised: twoDown.finalized - h0.finalized, lag: twoDown.best - twoDown.finalized });
  check(twoDown.best > h0.best, 'two validators down: blocks continue');
  check(twoDown.finalized === h0.finalized, 'two validators down: finality stalls');

  // --- both back, from their databases
  network('start', 'street3', 'street4');
  started = Date.now();
  for (const node of ['street3', 'street4']) {
    const resumed = await until(async () => (await heads(node)).best, 60000, `${node} RPC`);
    check(resumed >= beforeStop[node], `${node} resumes from its database (#${resumed} ≥ #${beforeStop[node]}, its best when stopped)`);
  }
  const target = (await heads('rpc')).best;
  await until(async () => (await heads('rpc')).finalized >= target, 180000, 'finality catching up');
  record('catch_up', { seconds: Math.round((Date.now() - started) / 1000), lag_blocks: target - twoDown.finalized });
  check(true, `finality caught up past #${target}`);

  // --- a fifth validator, admitted by the council
  network('start', 'street5');
  const generated = await until(() => call('street5', 'author_rotateKeysWithOwner', [u8aToHex(eve.publicKey)]), 60000, 'street5 RPC');
  const eveAura = generated.keys.slice(0, 66);
  const motion = async (inner) => {
    const length = inner.method.encodedLength;
    const proposed = await sendAndWait(api.tx.council.propose(3, inner.method, length), alice);
    const { proposalIndex, proposalHash } = proposed.events.find(({ event }) => api.events.council.Proposed.is(event)).event.data;
    for (const member of [alice, bob, charlie]) await sendAndWait(api.tx.council.vote(proposalHash, proposalIndex, true), member);
    const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(inner.method, length)).weight;
    const closed = await sendAndWait(api.tx.council.close(proposalHash, proposalIndex, weight, length), alice);
    const executed = closed.events.find(({ event }) => api.events.council.Executed.is(event));
    if (!executed?.event.data.result.isOk) throw new Error(`motion failed: ${executed?.event.data.result}`);
    return (await api.rpc.chain.getHeader(closed.blockHash)).number.toNumber();
  };
  /** The Aura set that authors block `number`: the one in its parent's state (a session change
   * in block `number` itself takes effect from the next block). */
  const auraAt = async (number) => (await (await api.at(await api.rpc.chain.getBlockHash(number - 1))).query.aura.authorities()).map((k) => k.toHex());
  const sessionAt = async (number) => (await (await api.at(await api.rpc.chain.getBlockHash(number))).query.session.currentIndex()).toNumber();
  /** The account key that authored block `number`: the Aura authority of its slot. */
  const authorOf = async (number) => {
    const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(number));
    const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
    const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
    const authorities = await auraAt(number);
    return authorities[Number(slot % BigInt(authorities.length))];
  };
  /** The first block from `from` on for which `probe(number)` holds, waiting for new blocks. */
  const firstBlock = async (from, probe, ms, what) => {
    let number = from;
    const deadline = Date.now() + ms;
    for (;;) {
      if (number <= (await heads('rpc')).best) {
        if (await probe(number)) return number;
        number += 1;
      } else {
        if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
        await sleep(1000);
      }
    }
  };

  const added = await motion(api.tx.validatorSet.addValidator(eve.address, EAST_STREET));
  const keysSet = await sendAndWait(api.tx.session.setKeys(generated.keys, generated.proof), eve);
  check(keysSet.ok, `Eve registers the session keys street5 generated (${keysSet.error || 'ok'})`);
  const keysAt = (await api.rpc.chain.getHeader(keysSet.blockHash)).number.toNumber();
  const inAura = await firstBlock(added, async (n) => (await auraAt(n)).includes(eveAura), 6 * SESSION_LENGTH * 6000, 'Eve in the Aura set');
  const firstAuthored = await firstBlock(inAura, async (n) => (await authorOf(n)) === eveAura, 3 * SESSION_LENGTH * 6000, 'a block by street5');
  record('validator_added', {
    motion_block: added, keys_block: keysAt, authority_from: inAura, blocks_to_effect: inAura - added,
    sessions: (await sessionAt(inAura)) - (await sessionAt(added)), first_block_by_new_validator: firstAuthored,
  });
  check(true, `street5 (Eve) authors block #${firstAuthored}`);

  // --- a validator removed by the council
  const daveAura = u8aToHex(dave.publicKey);
  const removed = await motion(api.tx.validatorSet.removeValidator(dave.address));
  const outOfAura = await firstBlock(removed, async (n) => !(await auraAt(n)).includes(daveAura), 6 * SESSION_LENGTH * 6000, 'Dave out of the Aura set');
  const after = (await heads('rpc')).best;
  await until(async () => (await heads('rpc')).best >= after + 10, 120000, 'ten more blocks');
  let byDave = 0;
  for (let n = outOfAura; n <= after + 10; n++) if ((await authorOf(n)) === daveAura) byDave += 1;
  record('validator_removed', { motion_block: removed, out_from: outOfAura, blocks_to_effect: outOfAura - removed, sessions: (await sessionAt(outOfAura)) - (await sessionAt(removed)) });
  check(byDave === 0, `street4 (Dave) authors nothing from #${outOfAura} on`);
  const grandpa = (await api.call.grandpaApi.grandpaAuthorities()).length;
  check(grandpa === 4, `GRANDPA has four voters after the changes (${grandpa})`);

  // --- safety and agreement over the whole run
  const final = (await heads('rpc')).finalized;
  await until(async () => (await heads('rpc')).finalized > final, 60000, 'finality after the changes');
  const atEnd = await agreement([...validators, 'street5', 'rpc']);
  check(atEnd.agree, `all six nodes agree on finalised block #${atEnd.height} (hash and state root)`);
  let replaced = 0;
  for (const [number, hash] of finalizedSeen) if ((await call('rpc', 'chain_getBlockHash', [number])) !== hash) replaced += 1;
  record('finalised_heads_checked', finalizedSeen.size);
  check(replaced === 0, `no finalised block was replaced (${finalizedSeen.size} checked)`);
} catch (error) {
  failures.push(error.message);
  console.error(error);
} finally {
  await api?.disconnect();
  network('stop');
}

console.log(JSON.stringify({ machine: `${(await import('node:os')).cpus().length} cores`, figures }, null, 1));
if (failures.length) {
  console.error(`network test failed (logs in ${DIR}):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('network test passed');
