// Party-branch authorization end to end: an officer creates a community and registers a resident
// whose account holds no tokens; the resident takes part for free up to the daily quota, pays
// beyond it, and a relative acts for them through a civic proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate, blake2AsHex } from '@polkadot/util-crypto';
import { startNode, sendAndWait, rpcHttp, eventsOf } from './lib/node.mjs';

const UNITS = 10n ** 12n;
const EAST_STREET = 1;
const PLUM_GARDEN = 3;
const BAMBOO_LANE = 4;
let node, api, keyring, alice, bob, resident, relative, community;

const balanceOf = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob'); // secretary of East Street in the sample organisation
  resident = keyring.addFromMnemonic(mnemonicGenerate());
  relative = keyring.addFromMnemonic(mnemonicGenerate());
  node = await startNode(['--dev'], { name: 'civic' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('an officer of the street creates a community', async () => {
  const created = await sendAndWait(
    api.tx.partyBranch.createUnit('Community', EAST_STREET, 'Lotus Court Community', null), bob);
  assert.ok(created.ok, created.error);
  const [event] = eventsOf(created, 'partyBranch', 'UnitCreated');
  community = event.data.unit.toNumber();
  assert.equal(event.data.parent.unwrap().toNumber(), EAST_STREET);
  assert.equal(event.data.by.asOfficer.toString(), bob.address);
  const unit = (await api.query.partyBranch.units(community)).unwrap();
  assert.equal(unit.level.toString(), 'Community');
});

test('someone who is not an officer of the street cannot create a community', async () => {
  const charlie = keyring.addFromUri('//Charlie'); // secretary of West Street
  const refused = await sendAndWait(
    api.tx.partyBranch.createUnit('Community', EAST_STREET, 'Not mine', null), charlie);
  assert.equal(refused.error, 'partyBranch.NotOfficer');
});

test('two officers register a resident whose account holds no tokens', async () => {
  assert.equal(await balanceOf(resident), 0n);
  const commitment = blake2AsHex('e2e sample identity of the new resident');
  // The street's secretary records the application made in person ...
  const recorded = await sendAndWait(
    api.tx.partyBranch.register(resident.address, community, commitment), bob);
  assert.ok(recorded.ok, recorded.error);
  assert.equal(eventsOf(recorded, 'partyBranch', 'InPersonRecorded').length, 1);
  assert.ok((await api.query.partyBranch.residents(resident.address)).isNone);
  const alone = await sendAndWait(api.tx.partyBranch.approve(resident.address), bob);
  assert.equal(alone.error, 'partyBranch.SecondOfficerNeeded');
  // ... and a second officer (the district's secretary) approves it.
  const registered = await sendAndWait(api.tx.partyBranch.approve(resident.address), alice);
  assert.ok(registered.ok, registered.error);
  const [event] = eventsOf(registered, 'partyBranch', 'ResidentApproved');
  const record = (await api.query.partyBranch.residents(resident.address)).unwrap();
  assert.equal(record.community.toNumber(), community);
  assert.equal(record.commitment.toHex(), commitment);
  // The referendum vote vests after the delay governance set (ten blocks on a dev chain).
  const delay = (await api.query.partyBranch.voteVestingDelay()).toNumber();
  assert.equal(delay, 10);
  assert.equal(event.data.votesFrom.toNumber(), record.since.toNumber() + delay);
  assert.equal((await api.query.partyBranch.units(community)).unwrap().residents.toNumber(), 1);
});

test('the resident makes a civic call for free', async () => {
  // Wallets ask the chain what a transaction costs: a civic call within the quota, nothing.
  const civic = api.tx.partyBranch.requestMove(PLUM_GARDEN);
  assert.equal((await civic.paymentInfo(resident)).partialFee.toBigInt(), 0n, 'quoted free');
  const signed = await api.tx.partyBranch.requestMove(PLUM_GARDEN).signAsync(resident);
  const details = await api.rpc.payment.queryFeeDetails(signed.toHex());
  assert.ok(details.inclusionFee.isNone, 'no inclusion fee in the details either');
  const transfer = api.tx.balances.transferKeepAlive(alice.address, UNITS);
  assert.ok((await transfer.paymentInfo(resident)).partialFee.toBigInt() > 0n, 'a transfer is quoted a fee');
  const moved = await sendAndWait(api.tx.partyBranch.requestMove(PLUM_GARDEN), resident);
  assert.ok(moved.ok, moved.error);
  assert.equal(eventsOf(moved, 'transactionPayment', 'TransactionFeePaid').length, 0, 'no fee paid');
  assert.equal(await balanceOf(resident), 0n);
  assert.equal((await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber(), 1);
});

test('a relative acts for the resident through a civic proxy, and only in civic business', async () => {
  const funded = await sendAndWait(api.tx.balances.transferKeepAlive(relative.address, 10n * UNITS), alice);
  assert.ok(funded.ok, funded.error);

  const appointed = await sendAndWait(api.tx.proxy.addProxy(relative.address, 'Civic', 0), resident);
  assert.ok(appointed.ok, appointed.error);
  assert.equal(await balanceOf(resident), 0n, 'appointing a civic proxy is free too');

  const acted = await sendAndWait(
    api.tx.proxy.proxy(resident.address, 'Civic', api.tx.partyBranch.requestMove(BAMBOO_LANE)), relative);
  assert.ok(acted.ok, acted.error);
  const [event] = eventsOf(acted, 'proxy', 'ProxyExecuted');
  assert.ok(event.data.result.isOk, `${event.data.result}`);
  assert.equal((await api.query.partyBranch.moveRequests(resident.address)).unwrap().toNumber(), BAMBOO_LANE);

  const refused = await sendAndWait(
    api.tx.proxy.proxy(resident.address, 'Civic', api.tx.balances.transferAllowDeath(alice.address, 1)), relative);
  const [filtered] = eventsOf(refused, 'proxy', 'ProxyExecuted');
  assert.ok(filtered.data.result.isErr, 'a civic proxy cannot move money');
});

test('a resident has one free transaction waiting in the pool at a time', async () => {
  const usedBefore = (await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber();
  const nonce = (await api.rpc.system.accountNextIndex(resident.address)).toNumber();
  const [first, second] = await Promise.all([0, 1].map((i) =>
    api.tx.partyBranch.requestMove(PLUM_GARDEN).signAsync(resident, { nonce: nonce + i })));
  await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [first.toHex()]);
  // Free transactions cannot pile up: the second waits until the first is in a block.
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [second.toHex()]), /1014|priority/i);
  for (let i = 0; i < 30 && (await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber() === usedBefore; i++) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [second.toHex()]);
  for (let i = 0; i < 30 && (await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber() < usedBefore + 2; i++) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal((await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber(), usedBefore + 2);
  assert.equal(await balanceOf(resident), 0n);
});

test('the quota counts each call in a batch; beyond it the resident is refused without funds, and charged with them', async () => {
  const quota = (await api.query.partyBranch.freeCallQuota()).toNumber();
  const used = (await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber();
  const moves = (n) => api.tx.utility.batchAll(Array.from({ length: n }, () => api.tx.partyBranch.requestMove(PLUM_GARDEN)));
  // One call more than the quota has left: the batch is not free, and the resident cannot pay.
  const tooMany = await moves(quota - used + 1).signAsync(resident);
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [tooMany.toHex()]), /1010.*pay/i);
  // Exactly what is left: one free transaction uses all of it.
  const batch = await sendAndWait(moves(quota - used), resident);
  assert.ok(batch.ok, batch.error);
  assert.equal(eventsOf(batch, 'transactionPayment', 'TransactionFeePaid').length, 0);
  assert.equal((await api.query.partyBranch.freeCallsUsed(resident.address)).used.toNumber(), quota);
  assert.equal(await balanceOf(resident), 0n);
  const nonce = (await api.rpc.system.accountNextIndex(resident.address)).toNumber();

  const over = await api.tx.partyBranch.requestMove(PLUM_GARDEN).signAsync(resident, { nonce });
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [over.toHex()]), /1010.*pay/i);
  const quoted = (await api.tx.partyBranch.requestMove(PLUM_GARDEN).paymentInfo(resident)).partialFee.toBigInt();
  assert.ok(quoted > 0n, 'beyond the quota the same call is quoted a fee');

  await sendAndWait(api.tx.balances.transferKeepAlive(resident.address, UNITS), alice);
  const paid = await sendAndWait(api.tx.partyBranch.requestMove(PLUM_GARDEN), resident);
  assert.ok(paid.ok, paid.error);
  const [event] = eventsOf(paid, 'transactionPayment', 'TransactionFeePaid');
  assert.equal(event.data.who.toString(), resident.address);
  assert.ok(event.data.actualFee.toBigInt() > 0n);
  assert.equal(await balanceOf(resident), UNITS - event.data.actualFee.toBigInt());
});
