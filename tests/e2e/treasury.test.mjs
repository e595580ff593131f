// Community treasury end to end on a development chain (approval period 100 blocks, notice 5):
// the street's officer names Plum Garden's supervisors, a donor gives, the community's secretary
// proposes a spend, its committee member approves, the notice passes and the pot pays by itself,
// as the balances and the statement RPC show. Then a resident's objection holds a second spend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { startNode, sendAndWait, rpcHttp, waitForHead, ok, eventsOf } from './lib/node.mjs';

const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
let node, api, keyring, alice, bob, dave, eve, ferdie, contractor;

const balanceOf = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const eventOf = (result, method) => eventsOf(result, 'communityTreasury', method)[0];
const untilBlock = (n) => waitForHead(api, { check: (header) => header.number.toNumber() >= n, ms: 120000 });

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  // Sample organisation: Bob is East Street's secretary; Dave and Eve are Plum Garden's officers;
  // Ferdie is a resident of Plum Garden.
  [alice, bob, dave, eve, ferdie] = ['//Alice', '//Bob', '//Dave', '//Eve', '//Ferdie'].map((u) => keyring.addFromUri(u));
  contractor = keyring.addFromMnemonic(mnemonicGenerate());
  node = await startNode(['--dev'], { name: 'treasury' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('the street officer names Plum Garden\'s supervisors', async () => {
  const settings = {
    supervisors: [dave.address, eve.address, ferdie.address],
    requiredApprovals: 2,
    objectionShare: 500_000, // 50% of the two residents: one objection sends a spend to a vote
    voteCap: 1_000n * UNITS,
  };
  const configured = await ok(api.tx.communityTreasury.configure(PLUM_GARDEN, settings), bob);
  assert.equal(eventOf(configured, 'Configured').data.by.asOfficer.toString(), bob.address);
  const refused = await sendAndWait(api.tx.communityTreasury.configure(PLUM_GARDEN, settings), dave);
  assert.equal(refused.error, 'communityTreasury.NotAnOfficerAbove');
});

test('a donation reaches the pot and its statement', async () => {
  const donated = await ok(api.tx.communityTreasury.donate(PLUM_GARDEN, 500n * UNITS, 'for the lift'), alice);
  assert.equal(eventOf(donated, 'Donated').data.amount.toBigInt(), 500n * UNITS);
  const pot = await rpcHttp(node.httpUrl, 'communityTreasury_pot', [PLUM_GARDEN]);
  assert.equal(pot.balance, (500n * UNITS).toString());
  // The same through the runtime API, as @polkadot/api calls it.
  const viaApi = (await api.call.communityTreasuryApi.pot(PLUM_GARDEN)).unwrap();
  assert.equal(viaApi.account.toString(), pot.account);
  assert.equal(viaApi.balance.toBigInt(), 500n * UNITS);
});

test('propose, approve, notice, and the pot pays by itself', async () => {
  const proposed = await ok(api.tx.communityTreasury.proposeSpend(
    PLUM_GARDEN, { Account: contractor.address }, 120n * UNITS, 'Facilities', { Text: 'repair the lift' }, null), dave);
  const index = eventOf(proposed, 'SpendProposed').data.index.toNumber();
  const notApprover = await sendAndWait(api.tx.communityTreasury.approveSpend(index), bob);
  assert.equal(notApprover.error, 'communityTreasury.NotASupervisor');
  const approved = await ok(api.tx.communityTreasury.approveSpend(index), eve);
  const endsAt = eventOf(approved, 'NoticeStarted').data.endsAt.toNumber();

  const open = await rpcHttp(node.httpUrl, 'communityTreasury_openSpends', [PLUM_GARDEN]);
  assert.deepEqual(open.map(([i]) => i), [index]);
  assert.equal(open[0][1].amount, (120n * UNITS).toString());
  assert.deepEqual(open[0][1].status, { Notice: { ends_at: endsAt } });
  assert.equal(await balanceOf(contractor), 0n, 'nothing is paid during the notice');

  await untilBlock(endsAt);
  const hash = await api.rpc.chain.getBlockHash(endsAt);
  const events = await (await api.at(hash)).query.system.events();
  const paid = events.find(({ event }) => event.section === 'communityTreasury' && event.method === 'SpendPaid');
  assert.ok(paid, `SpendPaid in block ${endsAt}`);
  assert.equal(paid.event.data.index.toNumber(), index);
  assert.equal(await balanceOf(contractor), 120n * UNITS);

  const statement = await rpcHttp(node.httpUrl, 'communityTreasury_statement', [PLUM_GARDEN, 0, endsAt, null, 10]);
  assert.equal(statement.next, null);
  const lines = statement.entries.map(([, line]) => [line.direction, line.amount, line.block]);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[0].slice(0, 2), ['In', (500n * UNITS).toString()]);
  assert.deepEqual(lines[1], ['Out', (120n * UNITS).toString(), endsAt]);
  assert.deepEqual(statement.entries[1][1].counterparty, { Account: contractor.address });
  const pot = await rpcHttp(node.httpUrl, 'communityTreasury_pot', [PLUM_GARDEN]);
  assert.equal(pot.balance, (380n * UNITS).toString());
});

test('a resident\'s objection holds a spend for the residents\' vote', async () => {
  const proposed = await ok(api.tx.communityTreasury.proposeSpend(
    PLUM_GARDEN, { Account: contractor.address }, 50n * UNITS, 'Culture', { Text: 'lantern festival' }, null), dave);
  const index = eventOf(proposed, 'SpendProposed').data.index.toNumber();
  const approved = await ok(api.tx.communityTreasury.approveSpend(index), eve);
  const endsAt = eventOf(approved, 'NoticeStarted').data.endsAt.toNumber();

  const outsider = await sendAndWait(api.tx.communityTreasury.object(index), bob);
  assert.equal(outsider.error, 'communityTreasury.NotAResidentOfUnit');
  const objected = await ok(api.tx.communityTreasury.object(index), ferdie);
  assert.equal(eventOf(objected, 'VoteRequested').data.reason.toString(), 'Objections');

  await untilBlock(endsAt + 1);
  assert.equal(await balanceOf(contractor), 120n * UNITS, 'the objected spend was not paid');
  const spend = (await api.query.communityTreasury.spends(index)).unwrap();
  assert.ok(spend.status.isAwaitingVote);
  const open = await rpcHttp(node.httpUrl, 'communityTreasury_openSpends', [PLUM_GARDEN]);
  assert.deepEqual(open.map(([i, s]) => [i, s.status]), [[index, 'AwaitingVote']]);
});
