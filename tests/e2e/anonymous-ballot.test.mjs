// Anonymous ballots end to end with real ring-VRF proofs: ten residents of Plum Garden register
// ballot keys, the community's secretary opens a secret poll, and each resident votes through
// the node's prover (`gongzhi-node ballot prove`), submitting a general transaction that names
// no account. One tries to vote twice and the pool refuses it; the tally is right; and no
// stored item or event of the poll links a ballot to an account. Then a consultation topic raised
// as anonymous is voted on the same way, in a poll its voting opens, and decided from its counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate, blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  startNode, ok, eventOf, until, viewFunction, rpcHttp, nodeBinary, councilMotion, sendAndWait,
} from './lib/node.mjs';

const PLUM_GARDEN = 3;
let node, api, keyring, dave, eve, dir;
const residents = [];

const view = (name, ...args) => viewFunction(api, 'AnonymousBallot', name, args);
const ballot = (args) => JSON.parse(execFileSync(nodeBinary(), ['ballot', ...args], { encoding: 'utf8' }));

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dave = keyring.addFromUri('//Dave'); // secretary of Plum Garden
  eve = keyring.addFromUri('//Eve'); // its committee member
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-ballots-'));
  node = await startNode(['--dev'], { name: 'anonymous-ballot' });
  api = node.api;
});

after(async () => {
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('ten residents register ballot keys made by the node and the ring root is built', async () => {
  // Ferdie and Charlie//stash live in Plum Garden already; eight new residents join them,
  // each registered by one officer and approved by another.
  const fresh = Array.from({ length: 8 }, () => keyring.addFromMnemonic(mnemonicGenerate()));
  await ok(api.tx.utility.batchAll(fresh.map((who) =>
    api.tx.partyBranch.register(who.address, PLUM_GARDEN, blake2AsHex(`ballot e2e ${who.address}`)))), dave);
  await ok(api.tx.utility.batchAll(fresh.map((who) => api.tx.partyBranch.approve(who.address))), eve);
  residents.push(keyring.addFromUri('//Ferdie'), keyring.addFromUri('//Charlie//stash'), ...fresh);
  const made = residents.map((who, i) => {
    const secretFile = join(dir, `secret-${i}`);
    const out = JSON.parse(execFileSync(nodeBinary(),
      ['ballot', 'key', '--secret-file', secretFile, '--generate', '--account', who.address], { encoding: 'utf8' }));
    assert.match(out.key, /^0x[0-9a-f]{64}$/);
    assert.match(out.possession, /^0x[0-9a-f]{128}$/);
    // Without --account the command prints the same key alone.
    const alone = execFileSync(nodeBinary(), ['ballot', 'key', '--secret-file', secretFile], { encoding: 'utf8' }).trim();
    assert.equal(alone, out.key);
    who.secretFile = secretFile;
    who.ballotKey = out.key;
    return out;
  });
  const refusal = async (tx, signer) => new Promise((res) => tx.signAndSend(signer, ({ status, dispatchError }) => {
    if (status.isInBlock) res(dispatchError && api.registry.findMetaError(dispatchError.asModule).name);
  }));
  // A resident who copies another's key and proof (as seen in the pool) cannot register it.
  assert.equal(await refusal(api.tx.anonymousBallot.registerKey(made[0].key, made[0].possession), residents[1]),
    'NotKeyHolder');
  await Promise.all(residents.map((who, i) => ok(api.tx.anonymousBallot.registerKey(made[i].key, made[i].possession), who)));
  // Only verified residents register keys (Dave is an officer, not a resident).
  assert.equal(await refusal(api.tx.anonymousBallot.registerKey(made[0].key, made[0].possession), dave), 'NotAResident');
  const [keys, current] = await until(async () => {
    const ring = await view('ring_keys', PLUM_GARDEN, 0);
    return ring && ring[1] ? ring : null;
  }, 'the ring root to be built', 60000);
  assert.equal(current, true);
  assert.equal(keys.length, 10);
  assert.deepEqual([...keys].sort(), residents.map((r) => r.ballotKey).sort());
});

test('they vote anonymously with real proofs; a second ballot is refused; the tally is right', async () => {
  const terms = { question: blake2AsHex('是否在小区东门增设电动车充电棚？ 0 同意 1 反对 2 弃权'), options: 3, votingPeriod: 100, changesAllowed: false };
  const opened = await ok(api.tx.anonymousBallot.openPoll(PLUM_GARDEN, terms), dave);
  // PollOpened { poll, community, question, options, closes, keys }
  const [poll, community, , options, , keys] = eventOf(opened, 'anonymousBallot', 'PollOpened').data.toJSON();
  assert.deepEqual([community, options, keys], [PLUM_GARDEN, 3, 10]);
  const ringKeys = await view('poll_ring_keys', poll, 0);
  const ringFile = join(dir, 'ring-0');
  writeFileSync(ringFile, ringKeys.join('\n') + '\n');

  // Seven for, two against, one abstains.
  const choices = [0, 0, 1, 0, 2, 0, 1, 0, 0, 0];
  const submitted = [];
  for (const [i, who] of residents.entries()) {
    const made = ballot(['prove', '--secret-file', who.secretFile, '--poll', String(poll), '--ring', '0',
      '--choice', String(choices[i]), '--ring-keys', ringFile]);
    assert.equal(made.ringSize, 10);
    submitted.push(made);
    await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [made.extrinsic]);
  }
  // The first resident tries again, for another option: the pool refuses the ballot.
  const twice = ballot(['prove', '--secret-file', residents[0].secretFile, '--poll', String(poll),
    '--ring', '0', '--choice', '1', '--ring-keys', ringFile]);
  assert.equal(twice.alias, submitted[0].alias, 'one key, one alias per poll');
  const until_counted = () => until(async () => {
    const p = await view('poll', poll);
    return p.online === 10 ? p : null;
  }, 'ten ballots to be counted', 90000);
  await until_counted();
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [twice.extrinsic]), /Invalid Transaction|1010|Custom/);
  // A malformed proof and a proof for another choice are refused the same way.
  const forged = submitted[1].extrinsic.slice(0, -8) + '00000000';
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [forged]));

  const final = await view('poll', poll);
  assert.deepEqual(final.tally, [7, 2, 1]);
  assert.equal(final.online, 10);
  assert.equal(final.paper, 0);
  for (const made of submitted) {
    const stored = await view('ballot', poll, made.alias);
    assert.ok(stored, 'each alias has its ballot');
  }

  // Nothing on chain links a ballot to an account: every ballot's extrinsic carries no signer,
  // its events carry the alias only, and no account's bytes appear in them or in the ballots.
  const accounts = residents.map((r) => u8aToHex(decodeAddress(r.address)).slice(2));
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  let ballotsSeen = 0;
  for (let n = 1; n <= head; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const block = await api.rpc.chain.getBlock(hash);
    const events = await (await api.at(hash)).query.system.events();
    let ballotsHere = 0;
    block.block.extrinsics.forEach((ext, index) => {
      if (ext.method.section !== 'anonymousBallot' || ext.method.method !== 'cast') return;
      ballotsSeen += 1;
      ballotsHere += 1;
      assert.equal(ext.isSigned, false, 'a ballot names no account');
      const bytes = ext.toHex();
      const mine = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index);
      const eventBytes = mine.map(({ event }) => event.toHex()).join('');
      for (const account of accounts) {
        assert.ok(!bytes.includes(account) && !eventBytes.includes(account), 'no account in a ballot or its events');
      }
    });
    // The block's ballots are counted at its end, after one batched check of their proofs.
    const counted = events.filter(({ phase, event }) => phase.isFinalization &&
      event.section === 'anonymousBallot' && event.method === 'BallotCast');
    assert.equal(counted.length, ballotsHere, `every ballot of block #${n} counted at its end`);
    const countedBytes = counted.map(({ event }) => event.toHex()).join('');
    for (const account of accounts) assert.ok(!countedBytes.includes(account), 'no account in a counted ballot');
  }
  assert.equal(ballotsSeen, 10);
  const stored = await api.query.anonymousBallot.ballots.entries(poll);
  assert.equal(stored.length, 10);
  for (const [key, value] of stored) {
    for (const account of accounts) assert.ok(!key.toHex().includes(account) && !value.toHex().includes(account));
  }
});

test('a consultation topic raised as anonymous is voted on in a poll opened with its voting and decided from its counts', async () => {
  const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
  // Setup: twelve blocks to vote (the development chain gives four), a meeting per topic.
  await councilMotion(api, api.tx.consultation.setPeriods({ support: 100, wait: 10, deliberation: 2, voting: 12, reveal: 3 }),
    [alice, bob, charlie]);
  await ok(api.tx.consultation.setUnitRules(PLUM_GARDEN, { support: { Absolute: 2 }, batch: 1 }), dave);
  const raised = await ok(api.tx.consultation.raiseTopic(PLUM_GARDEN, '东门增设电动车充电棚',
    { Text: '充电棚建在东门内侧，费用由公共收益支出。' }, 'PublicAffairs', 'Resolution', 'Anonymous'), dave);
  const topic = eventOf(raised, 'consultation', 'TopicRaised').data.topic.toNumber();
  const poll = (await until(async () => {
    const p = await viewFunction(api, 'Consultation', 'anonymous_poll', [topic]);
    return p === null || p === undefined ? null : { p };
  }, 'voting to open the topic\'s poll', 90000)).p;
  const record = await view('poll', poll);
  assert.equal(record.keys, 10, 'the poll holds the ring as it was when voting opened');
  // Nobody votes on it by name.
  const byName = await sendAndWait(api.tx.consultation.vote(topic, 'Aye'), residents[0]);
  assert.equal(byName.error, 'consultation.AnonymousBallot');

  // The last resident replaces their key while the poll is open (a new phone): ring 0 changes
  // and is rebuilt, and the poll's voters prove against the keys its root holds, which the chain
  // keeps for it (the old key among them).
  const renewedFile = join(dir, 'renewed-secret');
  const { key: renewed, possession } = JSON.parse(execFileSync(nodeBinary(),
    ['ballot', 'key', '--secret-file', renewedFile, '--generate', '--account', residents[9].address], { encoding: 'utf8' }));
  await ok(api.tx.anonymousBallot.replaceKey(renewed, possession), residents[9]);
  const [current] = await until(async () => {
    const ring = await view('ring_keys', PLUM_GARDEN, 0);
    return ring && ring[1] && ring[0].includes(renewed) ? ring : null;
  }, 'the ring to be rebuilt with the new key', 60000);
  const ringKeys = await view('poll_ring_keys', poll, 0);
  assert.deepEqual([...ringKeys].sort(), residents.map((r) => r.ballotKey).sort());
  assert.ok(!current.includes(residents[9].ballotKey) && !ringKeys.includes(renewed));
  const ringFile = join(dir, 'ring-topic');
  writeFileSync(ringFile, ringKeys.join('\n') + '\n');
  const choices = [1, 0, 0, 2, 0, 0, 1, 0, 0, 0]; // 0 aye, 1 nay, 2 abstain
  for (const [i, who] of residents.entries()) {
    const made = ballot(['prove', '--secret-file', who.secretFile, '--poll', String(poll), '--ring', '0',
      '--choice', String(choices[i]), '--ring-keys', ringFile]);
    await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [made.extrinsic]);
  }
  const decided = await until(async () => {
    const t = (await api.query.consultation.topics(topic)).unwrap();
    return t.status.isClosed ? t : null;
  }, 'the topic to be decided after voting and the count phase', 240000);
  assert.deepEqual(decided.tally.toJSON(), { ayes: 7, nays: 2, abstentions: 1, sealed: 0 });
  assert.equal(decided.status.asClosed.outcome.toString(), 'Approved');
  assert.equal((await api.query.consultation.ballots.entries(topic)).length, 0, 'no ballot names a resident');
});
