// Assistance end to end on a development chain: Eve, grid worker of Plum Garden, opens a request
// for Ferdie (special needs) with a subsidy from the community's assistance fund; Charlie//stash,
// a volunteer who declared shopping in Plum Garden, finds it through the RPC, accepts and
// completes it; Ferdie's relative confirms through a civic proxy; the volunteer's credits and the
// subsidy arrive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, sendAndWait, rpcHttp, ok, eventsOf } from './lib/node.mjs';

const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
let node, api, alice, bob, dave, eve, ferdie, charlieStash, daveStash, ferdieStash;

const eventOf = (result, method, section = 'assistance') => eventsOf(result, section, method)[0];
const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, dave, eve, ferdie, charlieStash, daveStash, ferdieStash] =
    ['//Alice', '//Bob', '//Dave', '//Eve', '//Ferdie', '//Charlie//stash', '//Dave//stash', '//Ferdie//stash']
      .map((u) => keyring.addFromUri(u));
  node = await startNode(['--dev'], { name: 'assistance' });
  api = node.api;
  // Plum Garden's pot, its assistance fund: supervised by its officers, with money in it.
  const settings = { supervisors: [dave.address, eve.address], requiredApprovals: 2, objectionShare: 500_000, voteCap: 1_000n * UNITS };
  await ok(api.tx.communityTreasury.configure(PLUM_GARDEN, settings), bob);
  await ok(api.tx.communityTreasury.donate(PLUM_GARDEN, 100n * UNITS, 'assistance fund'), alice);
  // Subsidies are paid only within an Assistance budget line, which the street office sets.
  await ok(api.tx.communityTreasury.setBudget(PLUM_GARDEN, 'Assistance', 50n * UNITS), bob);
  // Up to 10 GZT a request is paid at once; above that the supervisors approve it first.
  await ok(api.tx.communityTreasury.setSubsidyCap(PLUM_GARDEN, 10n * UNITS), bob);
});

after(async () => { await node?.stop(); });

test('a grid worker opens a request; a matching volunteer finds it, helps; the proxy confirms', async () => {
  // The details (address, what to buy) stay off chain; only their hash is stored.
  const details = blake2AsU8a(JSON.stringify({ address: 'kept off chain', list: ['rice', 'eggs'] }));
  const beyond = await sendAndWait(api.tx.assistance.openRequest(
    ferdie.address, 'Shopping', 'Normal', 60, details, 0, 101n * UNITS), eve);
  assert.equal(beyond.error, 'assistance.SubsidyBeyondFund');
  const notOnBehalf = await sendAndWait(api.tx.assistance.openRequest(
    ferdie.address, 'Shopping', 'Normal', 60, details, 0, 0), daveStash);
  assert.equal(notOnBehalf.error, 'assistance.NotOnBehalf');
  const opened = await ok(api.tx.assistance.openRequest(
    ferdie.address, 'Shopping', 'Urgent', 60, details, 0, 5n * UNITS), eve);
  const request = eventOf(opened, 'RequestOpened').data.request.toNumber();

  // The volunteer declares what they give, and finds the request on the need list.
  await ok(api.tx.assistance.declareService(['Shopping', 'Companionship'], [PLUM_GARDEN]), charlieStash);
  const needs = await rpcHttp(node.httpUrl, 'assistance_openRequests', [PLUM_GARDEN, 'Shopping']);
  assert.deepEqual(needs.map(([id]) => id), [request]);
  assert.equal(needs[0][1].recipient, ferdie.address);
  assert.deepEqual(await rpcHttp(node.httpUrl, 'assistance_openRequests', [PLUM_GARDEN, 'HomeRepair']), []);

  const volunteerBefore = await free(charlieStash);
  await ok(api.tx.assistance.accept(request), charlieStash);
  assert.deepEqual(await rpcHttp(node.httpUrl, 'assistance_openRequests', [PLUM_GARDEN, null]), []);
  await ok(api.tx.assistance.complete(request, 50), charlieStash);
  const own = await sendAndWait(api.tx.assistance.confirm(request), charlieStash);
  assert.equal(own.error, 'assistance.SelfConfirmation');

  // Ferdie's relative holds a civic proxy and confirms for him.
  await ok(api.tx.proxy.addProxy(ferdieStash.address, 'Civic', 0), ferdie);
  const confirmed = await ok(api.tx.proxy.proxy(ferdie.address, null, api.tx.assistance.confirm(request)), ferdieStash);
  const done = eventOf(confirmed, 'Confirmed');
  assert.equal(done.data.confirmedBy.toString(), ferdie.address);
  assert.equal(done.data.minutes.toNumber(), 50);
  assert.equal(eventOf(confirmed, 'SubsidyPaid').data.amount.toBigInt(), 5n * UNITS);
  assert.ok(eventOf(confirmed, 'SpendPaid', 'communityTreasury'));

  const credits = await rpcHttp(node.httpUrl, 'volunteerCredits_account', [charlieStash.address]);
  assert.deepEqual(credits, { balance: 50, lifetime: 50, stars: 0 });
  // Accepting and completing were free; the subsidy is the whole difference.
  assert.equal(await free(charlieStash) - volunteerBefore, 5n * UNITS);
  assert.ok((await api.query.assistance.requests(request)).isNone);
});
