// Consultation end to end on a development chain (deliberation 2 blocks, voting 4): Plum Garden's
// secretary sets the unit's rules (two supports, a meeting per topic); a resident raises a topic
// asking the community pot to pay a contractor; a neighbour's support qualifies it and the
// meeting convenes by itself; residents vote, one of them through a relative acting as a civic
// proxy; the topic is approved at close and the treasury pays. Then a spend a resident objected
// to is put to the residents and voted down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { startNode, sendAndWait, waitForHead, ok, eventsOf } from './lib/node.mjs';

const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
let node, api, keyring, alice, bob, dave, eve, ferdie, charlieStash, daveStash, contractor;

const balanceOf = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const eventOf = (result, method, section = 'consultation') => eventsOf(result, section, method)[0];
const untilBlock = (n) => waitForHead(api, { check: (header) => header.number.toNumber() >= n, ms: 120000 });
const blockEvents = async (n) => {
  const at = await api.at(await api.rpc.chain.getBlockHash(n));
  return (await at.query.system.events()).map(({ event }) => event);
};
const find = (events, section, method) => events.filter((e) => e.section === section && e.method === method);

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  // Sample organisation: Bob is East Street's secretary, Dave and Eve Plum Garden's officers;
  // Ferdie and Charlie//stash are Plum Garden's residents, Dave//stash lives in Riverside.
  [alice, bob, dave, eve, ferdie, charlieStash, daveStash] =
    ['//Alice', '//Bob', '//Dave', '//Eve', '//Ferdie', '//Charlie//stash', '//Dave//stash'].map((u) => keyring.addFromUri(u));
  contractor = keyring.addFromMnemonic(mnemonicGenerate());
  node = await startNode(['--dev'], { name: 'consultation' });
  api = node.api;
  // Plum Garden's pot: supervised by its two officers, with money in it.
  const settings = { supervisors: [dave.address, eve.address], requiredApprovals: 2, objectionShare: 500_000, voteCap: 1_000n * UNITS };
  await ok(api.tx.communityTreasury.configure(PLUM_GARDEN, settings), bob);
  await ok(api.tx.communityTreasury.donate(PLUM_GARDEN, 300n * UNITS, 'neighbourhood fund'), alice);
});

after(async () => { await node?.stop(); });

test('the community secretary sets the unit\'s rules, a resident may not', async () => {
  const rules = { support: { Absolute: 2 }, batch: 1 };
  const refused = await sendAndWait(api.tx.consultation.setUnitRules(PLUM_GARDEN, rules), ferdie);
  assert.equal(refused.error, 'consultation.NotAnOfficer');
  const set = await ok(api.tx.consultation.setUnitRules(PLUM_GARDEN, rules), dave);
  assert.equal(eventOf(set, 'UnitRulesSet').data.by.asOfficer.toString(), dave.address);
});

test('a topic qualifies, convenes, is voted on, and its spend is paid', async () => {
  const ferdieBefore = await balanceOf(ferdie);
  const raised = await ok(api.tx.consultation.raiseTopic(
    PLUM_GARDEN, 'Repaint the playground', { Text: 'The paint is peeling; the quote is attached.' }, 'Funds',
    { TreasurySpend: { beneficiary: contractor.address, amount: 80n * UNITS, category: 'Facilities' } }, 'Open'), ferdie);
  const topic = eventOf(raised, 'TopicRaised').data.topic.toNumber();
  assert.equal(eventOf(raised, 'TopicRaised').data.supportThreshold.toNumber(), 2);
  assert.equal(await balanceOf(ferdie), ferdieBefore, 'raising a topic is free for a resident');

  const outsider = await sendAndWait(api.tx.consultation.support(topic), daveStash);
  assert.equal(outsider.error, 'consultation.NotAResidentOfUnit');
  const twice = await sendAndWait(api.tx.consultation.support(topic), ferdie);
  assert.equal(twice.error, 'consultation.AlreadySupported');

  // The second support qualifies the topic; with K = 1 the meeting convenes in the same block.
  const supported = await ok(api.tx.consultation.support(topic), charlieStash);
  assert.ok(eventOf(supported, 'TopicQualified'));
  const convened = eventOf(supported, 'MeetingConvened');
  assert.deepEqual(convened.data.topics.map((t) => t.toNumber()), [topic]);
  const meeting = convened.data.meeting.toNumber();
  const votingOpens = convened.data.votingOpens.toNumber();

  // Both in the next block, while the meeting deliberates.
  const [, early] = await Promise.all([
    ok(api.tx.consultation.giveOpinion(topic, 'Use lead-free paint, please.'), ferdie),
    sendAndWait(api.tx.consultation.vote(topic, 'Aye'), charlieStash),
  ]);
  assert.equal(early.error, 'consultation.NotVoting');

  await untilBlock(votingOpens);
  const opened = find(await blockEvents(votingOpens), 'consultation', 'VotingOpened')[0];
  assert.equal(opened.data.meeting.toNumber(), meeting);
  assert.equal(opened.data.electorate.toNumber(), 2);
  const closes = opened.data.closes.toNumber();

  // Charlie//stash's relative (Eve) votes for them through a civic proxy.
  await ok(api.tx.proxy.addProxy(eve.address, 'Civic', 0), charlieStash);
  const [byProxy] = await Promise.all([
    ok(api.tx.proxy.proxy(charlieStash.address, null, api.tx.consultation.vote(topic, 'Aye')), eve),
    ok(api.tx.consultation.vote(topic, 'Aye'), ferdie),
  ]);
  assert.equal(eventOf(byProxy, 'Voted').data.who.toString(), charlieStash.address);
  const stranger = await sendAndWait(api.tx.consultation.vote(topic, 'Nay'), daveStash);
  assert.equal(stranger.error, 'consultation.NotAResidentOfUnit');

  await untilBlock(closes);
  const events = await blockEvents(closes);
  const decided = find(events, 'consultation', 'TopicDecided')[0];
  assert.equal(decided.data.outcome.toString(), 'Approved');
  assert.equal(decided.data.tally.ayes.toNumber(), 2);
  const ordered = find(events, 'consultation', 'SpendOrdered')[0];
  const paid = find(events, 'communityTreasury', 'SpendPaid')[0];
  assert.equal(paid.data.index.toNumber(), ordered.data.spend.toNumber());
  assert.equal(await balanceOf(contractor), 80n * UNITS);
  const stored = (await api.query.consultation.topics(topic)).unwrap();
  assert.ok(stored.status.isClosed);
  assert.equal(stored.status.asClosed.outcome.toString(), 'Approved');
});

test('a spend residents object to is put to their vote and voted down', async () => {
  const proposed = await ok(api.tx.communityTreasury.proposeSpend(
    PLUM_GARDEN, { Account: contractor.address }, 60n * UNITS, 'Culture', { Text: 'fireworks' }, null), dave);
  const index = eventOf(proposed, 'SpendProposed', 'communityTreasury').data.index.toNumber();
  await ok(api.tx.communityTreasury.approveSpend(index), eve);
  // One objection (half of two residents) asks for a vote; the consultation convenes it at once.
  const objected = await ok(api.tx.communityTreasury.object(index), ferdie);
  const raised = eventOf(objected, 'TopicRaised');
  assert.ok(raised.data.author.isNone);
  const topic = raised.data.topic.toNumber();
  const convened = eventOf(objected, 'MeetingConvened');
  assert.deepEqual(convened.data.topics.map((t) => t.toNumber()), [topic]);

  await untilBlock(convened.data.votingOpens.toNumber());
  await Promise.all([
    ok(api.tx.consultation.vote(topic, 'Nay'), ferdie),
    ok(api.tx.consultation.vote(topic, 'Nay'), charlieStash),
  ]);
  const closes = (await api.query.consultation.meetings(convened.data.meeting)).unwrap().phase.asVoting.until.toNumber();
  await untilBlock(closes);
  const events = await blockEvents(closes);
  assert.equal(find(events, 'consultation', 'TopicDecided')[0].data.outcome.toString(), 'Rejected');
  assert.equal(find(events, 'consultation', 'ResultReported')[0].data.approved.isFalse, true);
  assert.equal(find(events, 'communityTreasury', 'SpendEnded')[0].data.reason.toString(), 'VotedDown');
  assert.equal(await balanceOf(contractor), 80n * UNITS, 'the voted-down spend was not paid');
  assert.ok((await api.query.communityTreasury.spends(index)).isNone);
});
