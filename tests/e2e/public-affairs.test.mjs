// Public affairs end to end on a development chain (answer period: ten blocks). Dave, secretary
// of Plum Garden, publishes the quarter's accounts with a publicity period; Ferdie and
// Charlie//stash, residents, say they read them and reply, free; Ferdie raises a matter about
// the lift that nobody in Plum Garden answers, so it goes up to East Street, whose secretary Bob
// answers, and Ferdie rates the answer. Text holding an ID or phone number is refused wherever it
// is typed; a reply is taken down by Plum Garden's two officers, a notice's title by the street
// alone, and both disappear from what readers get while their hashes stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { startNode, sendAndWait, ok, eventOf, until, viewFunction } from './lib/node.mjs';

const PLUM_GARDEN = 3;
const EAST_STREET = 1;
let node, api, bob, dave, eve, ferdie, charlieStash, notice;

const hex = (text) => u8aToHex(stringToU8a(text));
const view = (name, ...args) => viewFunction(api, 'PublicAffairs', name, args);

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [bob, dave, eve, ferdie, charlieStash] = ['//Bob', '//Dave', '//Eve', '//Ferdie', '//Charlie//stash']
    .map((u) => keyring.addFromUri(u));
  node = await startNode(['--dev'], { name: 'public-affairs' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('an officer publishes a notice with a publicity period; residents acknowledge and reply for free', async () => {
  const published = await ok(api.tx.publicAffairs.publishNotice(
    PLUM_GARDEN, 'Finances', '三季度账目公示', { Text: '收入12000元，支出9000元，明细见公告栏' }, 30, true), dave);
  const event = eventOf(published, 'publicAffairs', 'NoticePublished').data;
  notice = event.notice.toNumber();
  const at = (await api.rpc.chain.getHeader(published.blockHash)).number.toNumber();
  assert.equal(event.publicityEnds.unwrap().toNumber(), at + 30);

  // The board, newest first, through the view function the portal and wallets read.
  const [[id, record]] = await view('notices', PLUM_GARDEN, 0);
  assert.equal(id, notice);
  assert.equal(record.title, hex('三季度账目公示'));
  assert.equal(record.publisher, dave.address);

  const acknowledge = api.tx.publicAffairs.acknowledge(notice, false);
  assert.equal((await acknowledge.paymentInfo(ferdie)).partialFee.toBigInt(), 0n, 'a resident acknowledges for free');
  const quiet = await ok(acknowledge, ferdie);
  assert.ok(eventOf(quiet, 'publicAffairs', 'NoticeAcknowledged').data.who.isNone, 'not named unless chosen');
  const named = await ok(api.tx.publicAffairs.acknowledge(notice, true), charlieStash);
  assert.equal(eventOf(named, 'publicAffairs', 'NoticeAcknowledged').data.who.unwrap().toString(), charlieStash.address);
  assert.equal((await sendAndWait(api.tx.publicAffairs.acknowledge(notice, true), ferdie)).error, 'publicAffairs.AlreadyAcknowledged');

  await ok(api.tx.publicAffairs.reply(notice, '同意公示'), ferdie);
  // A phone number in a reply is refused, and nothing is stored.
  const phone = await sendAndWait(api.tx.publicAffairs.reply(notice, '有疑问请打138 1234 5678'), charlieStash);
  assert.equal(phone.error, 'publicAffairs.PersonalData');
  const stored = (await api.query.publicAffairs.notices(notice)).unwrap();
  assert.equal(stored.acknowledgements.toNumber(), 2);
  assert.equal(stored.replies.toNumber(), 1);
  // An officer of another community may not publish on Plum Garden's board.
  const foreign = await sendAndWait(api.tx.publicAffairs.publishNotice(
    PLUM_GARDEN, 'Housing', 't', { Text: 'b' }, null, false), charlieStash);
  assert.equal(foreign.error, 'publicAffairs.NotAnOfficer');
});

test('a matter nobody answers goes up to the street, which answers; the resident rates it', async () => {
  const raised = await ok(api.tx.publicAffairs.raiseMatter(PLUM_GARDEN, { Notice: notice }, '3号楼电梯坏了一周'), ferdie);
  const { matter, deadline } = eventOf(raised, 'publicAffairs', 'MatterRaised').data;
  const id = matter.toNumber();
  assert.deepEqual(await view('open_matters', PLUM_GARDEN), [[id, deadline.toNumber()]]);

  // Nobody in Plum Garden answers: at the deadline it goes up to East Street.
  await until(async () => (await api.query.publicAffairs.matters(id)).unwrap().unit.toNumber() === EAST_STREET,
    'the matter to go up to the street', 150000);
  assert.equal((await view('stats', PLUM_GARDEN)).overdue, 1);
  assert.deepEqual((await view('open_matters', EAST_STREET)).map(([m]) => m), [id]);
  assert.deepEqual(await view('open_matters', PLUM_GARDEN), []);
  // Plum Garden's secretary can no longer answer it; the street's can.
  const late = await sendAndWait(api.tx.publicAffairs.answerMatter(id, '下周修'), dave);
  assert.equal(late.error, 'publicAffairs.NotAnOfficer');
  const answered = await ok(api.tx.publicAffairs.answerMatter(id, '街道已派维修队，周五前修好'), bob);
  assert.ok(eventOf(answered, 'publicAffairs', 'MatterAnswered').data.inTime.isTrue);

  await ok(api.tx.publicAffairs.rateAnswer(id, true), ferdie);
  const closed = (await api.query.publicAffairs.matters(id)).unwrap().status;
  assert.ok(closed.isClosed && closed.asClosed.satisfied.unwrap().isTrue);
  const street = await view('stats', EAST_STREET);
  assert.deepEqual([street.cameUp, street.answered, street.answeredInTime, street.satisfied], [1, 1, 1, 1]);
});

test('a topic with an ID number in it is refused', async () => {
  const before = (await api.query.consultation.nextTopicId()).toNumber();
  const refused = await sendAndWait(api.tx.consultation.raiseTopic(
    PLUM_GARDEN, '电梯维修', { Text: '联系人身份证11010519491231002X' }, 'Facilities', 'Resolution', 'Open'), ferdie);
  assert.equal(refused.error, 'consultation.PersonalData');
  assert.equal((await api.query.consultation.nextTopicId()).toNumber(), before);
});

test('two officers take a reply down, the street a title: both leave what readers get, their hashes stay', async () => {
  const rude = '楼下那家人是骗子';
  await ok(api.tx.publicAffairs.reply(notice, rude), charlieStash);
  const reply = { NoticeReply: [notice, charlieStash.address] };
  // One officer of the community only proposes; a second confirms.
  const proposed = await ok(api.tx.publicAffairs.hideText(reply, 'Abuse'), dave);
  assert.ok(eventOf(proposed, 'publicAffairs', 'TakeDownProposed'));
  assert.equal((await api.query.publicAffairs.replies(notice, charlieStash.address)).unwrap().text.toHex(), hex(rude));
  const again = await sendAndWait(api.tx.publicAffairs.hideText(reply, 'Abuse'), dave);
  assert.equal(again.error, 'publicAffairs.AlreadyProposed');
  const hidden = await ok(api.tx.publicAffairs.hideText(reply, 'Abuse'), eve);
  const told = eventOf(hidden, 'publicAffairs', 'TextHidden').data;
  assert.equal(told.author.toString(), charlieStash.address, 'the author is told');
  assert.equal((await api.query.publicAffairs.replies(notice, charlieStash.address)).unwrap().text.toHex(), '0x');
  const kept = await view('hidden', reply);
  assert.equal(kept.hash, blake2AsHex(rude));
  assert.equal(kept.author, charlieStash.address);
  assert.deepEqual(kept.hiddenBy, [dave.address, eve.address]);

  // An officer of the street takes a Plum Garden notice's title down alone.
  await ok(api.tx.publicAffairs.hideText({ NoticeTitle: notice }, 'Other'), bob);
  const [[, record]] = await view('notices', PLUM_GARDEN, 0);
  assert.equal(record.title, '0x', 'the board no longer shows the title');
  assert.equal((await view('hidden', { NoticeTitle: notice })).hash, blake2AsHex('三季度账目公示'));

  // The author appeals once, to the street, which keeps the take-down.
  await ok(api.tx.publicAffairs.appeal(reply), charlieStash);
  await ok(api.tx.publicAffairs.ruleOnAppeal(reply, null), bob);
  assert.equal((await view('hidden', reply)).appeal, 'Dismissed');
});
