// Volunteer credits end to end on a development chain (stars at 1, 3, 6, 10 and 15 hours): East
// Street's volunteer organisation publishes an activity in Plum Garden, two residents sign up and
// it records their minutes; one reaches a star and redeems credits at Plum Garden's registered
// service; the other donates credits to a special-needs neighbour. The RPC methods show it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, sendAndWait, rpcHttp, ok, eventsOf } from './lib/node.mjs';

const PLUM_GARDEN = 3;
let node, api, dave, ferdie, charlieStash, daveStash, eveStash, ferdieStash;

const eventOf = (result, method) => eventsOf(result, 'volunteerCredits', method)[0];
const account = (who) => rpcHttp(node.httpUrl, 'volunteerCredits_account', [who.address]);

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  // Sample organisation: Eve//stash is East Street's volunteer organisation; Charlie//stash
  // (Plum Garden) and Dave//stash (Riverside) are volunteers; Ferdie has special needs;
  // Ferdie//stash is Plum Garden's registered service; Dave is Plum Garden's secretary.
  [dave, ferdie, charlieStash, daveStash, eveStash, ferdieStash] =
    ['//Dave', '//Ferdie', '//Charlie//stash', '//Dave//stash', '//Eve//stash', '//Ferdie//stash'].map((u) => keyring.addFromUri(u));
  node = await startNode(['--dev'], { name: 'credits' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('an organisation records service for two residents; one reaches a star', async () => {
  const published = await ok(api.tx.volunteerCredits.publishActivity(PLUM_GARDEN, 'Clean the riverside path', 240), eveStash);
  const activity = eventOf(published, 'ActivityPublished').data.activity.toNumber();
  const listed = await rpcHttp(node.httpUrl, 'volunteerCredits_activities', [PLUM_GARDEN]);
  assert.deepEqual(listed.map(([id]) => id), [activity]);

  const before = (await api.query.system.account(charlieStash.address)).data.free.toBigInt();
  await Promise.all([
    ok(api.tx.volunteerCredits.signUp(activity), charlieStash),
    ok(api.tx.volunteerCredits.signUp(activity), daveStash),
  ]);
  assert.equal((await api.query.system.account(charlieStash.address)).data.free.toBigInt(), before,
    'signing up is free for a resident');
  const notAVolunteer = await sendAndWait(api.tx.volunteerCredits.signUp(activity), ferdie);
  assert.equal(notAVolunteer.error, 'volunteerCredits.NotAVolunteer');

  const notOrganiser = await sendAndWait(api.tx.volunteerCredits.recordService(activity, charlieStash.address, 90), dave);
  assert.equal(notOrganiser.error, 'volunteerCredits.NotTheOrganiser');
  const recorded = await ok(api.tx.volunteerCredits.recordService(activity, charlieStash.address, 90), eveStash);
  assert.equal(eventOf(recorded, 'ServiceRecorded').data.organiser.toString(), eveStash.address);
  const star = eventOf(recorded, 'StarLevelReached');
  assert.equal(star.data.who.toString(), charlieStash.address);
  assert.equal(star.data.stars.toNumber(), 1);
  await ok(api.tx.volunteerCredits.recordService(activity, daveStash.address, 45), eveStash);

  assert.deepEqual(await account(charlieStash), { balance: 90, lifetime: 90, stars: 1 });
  assert.deepEqual(await account(daveStash), { balance: 45, lifetime: 45, stars: 0 });
  const viaApi = await api.call.volunteerCreditsApi.account(charlieStash.address);
  assert.equal(viaApi.stars.toNumber(), 1);
});

test('credits are redeemed at a registered service and donated to a neighbour in need', async () => {
  const redeemed = await ok(api.tx.volunteerCredits.redeem(ferdieStash.address, 60, 7), charlieStash);
  assert.equal(eventOf(redeemed, 'Redeemed').data.provider.toString(), ferdieStash.address);
  assert.deepEqual(await account(charlieStash), { balance: 30, lifetime: 90, stars: 1 });
  const tooMuch = await sendAndWait(api.tx.volunteerCredits.redeem(ferdieStash.address, 31, 7), charlieStash);
  assert.equal(tooMuch.error, 'volunteerCredits.InsufficientCredits');

  // Credits are not transferable: only special-needs residents receive them.
  const transfer = await sendAndWait(api.tx.volunteerCredits.donate(charlieStash.address, 10), daveStash);
  assert.equal(transfer.error, 'volunteerCredits.NotSpecialNeeds');
  await ok(api.tx.volunteerCredits.donate(ferdie.address, 20), daveStash);
  assert.deepEqual(await account(daveStash), { balance: 25, lifetime: 45, stars: 0 });
  assert.deepEqual(await account(ferdie), { balance: 20, lifetime: 0, stars: 0 });

  const history = await rpcHttp(node.httpUrl, 'volunteerCredits_history', [ferdie.address, 10]);
  assert.equal(history.length, 1);
  assert.equal(history[0].incoming, true);
  assert.equal(history[0].minutes, 20);
  assert.deepEqual(history[0].counterparty, { donation: { other: daveStash.address } });
  const charlieHistory = await rpcHttp(node.httpUrl, 'volunteerCredits_history', [charlieStash.address, 10]);
  assert.deepEqual(charlieHistory.map((h) => [h.incoming, h.minutes]), [[false, 60], [true, 90]]);
  assert.equal((await api.query.volunteerCredits.totalIssued()).toNumber(), 135);
  assert.equal((await api.query.volunteerCredits.totalRetired()).toNumber(), 60);
});
