// A runtime upgrade on a running chain, the way a district does it (docs/deployment.md,
// "Upgrading the runtime"). The chain starts on an earlier release's runtime
// (fixtures/previous-runtime.json, made by scripts/previous-runtime.mjs); residents and officers
// use it; the residents authorise the runtime built now in a referendum; anyone applies it. The
// chain goes on, its storage migrated, what people made before intact, wallets still working.
// Refused on the way: a blob other than the one authorised, and a runtime with a lower version
// (authorised by a council motion). Prints the upgrade's figures (docs/performance.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { cryptoWaitReady, blake2AsHex, blake2AsU8a, mnemonicGenerate, xxhashAsU8a } from '@polkadot/util-crypto';
import {
  startNode, sendAndWait, ok, eventOf, eventsOf, until, waitForHead, runtimeBlob, councilMotion as councilMotionBy, REPO,
} from './lib/node.mjs';

const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
const FIXTURE = join(REPO, 'tests', 'e2e', 'fixtures', 'previous-runtime.json');
/** Where FRAME keeps a pallet's storage version. */
const storageVersionKey = (pallet) =>
  u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(':__STORAGE_VERSION__:', 128)));

let node, api, keyring;
let alice, bob, charlie, dave, eve, ferdie, charlieStash, daveStash, eveStash, newcomer, registered;
let oldCode, newCode, oldVersion;
/** What people made on the earlier runtime, as read before the upgrade. */
const made = {};

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie, dave, eve, ferdie, charlieStash, daveStash, eveStash] =
    ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie', '//Charlie//stash', '//Dave//stash', '//Eve//stash']
      .map((uri) => keyring.addFromUri(uri));
  newcomer = keyring.addFromMnemonic(mnemonicGenerate());
  registered = keyring.addFromMnemonic(mnemonicGenerate());
  oldCode = hexToU8a(JSON.parse(readFileSync(FIXTURE, 'utf8')).genesis.raw.top['0x3a636f6465']);
  newCode = runtimeBlob();
  // One validator holding Alice's keys, as on `--dev`, but on the earlier release's chain.
  node = await startNode(['--chain', FIXTURE, '--alice', '--validator', '--force-authoring',
    '--unsafe-force-node-key-generation'], { name: 'upgrade' });
  api = node.api;
});

after(async () => { await node?.stop(); });

/** A council motion passed by `ayes` members (of four), Alice proposing and closing it. */
const councilMotion = (call, ayes) => councilMotionBy(api, call, [alice, bob, charlie, dave].slice(0, ayes));

/**
 * A referendum on `call`: the council proposes it and fast-tracks it (unanimously, for a short
 * vote), the sample organisation's three residents vote aye with their one civic vote (at
 * conviction Locked1x, the only one allowed), and the call is enacted a block after the vote.
 */
async function referendum(call) {
  await councilMotion(api.tx.democracy.externalProposeMajority({ Inline: call.method.toHex() }), 3);
  const fastTracked = await councilMotion(
    api.tx.democracy.fastTrack(blake2AsHex(call.method.toU8a()), 5, 1), 4);
  const refIndex = eventOf(fastTracked, 'democracy', 'Started').data.refIndex;
  await Promise.all([ferdie, charlieStash, daveStash].map((resident) => ok(api.tx.democracy.vote(refIndex,
    { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 1 } }), resident)));
  return refIndex;
}

/** The runtime version at `hash`, or at the best block. */
const specAt = async (hash) =>
  (await (hash ? api.rpc.state.getRuntimeVersion(hash) : api.rpc.state.getRuntimeVersion())).specVersion.toNumber();
const storageVersion = async (pallet, hash) => {
  const key = storageVersionKey(pallet);
  const raw = await (hash ? api.rpc.state.getStorage(key, hash) : api.rpc.state.getStorage(key));
  return raw.isSome ? raw.unwrap().toU8a(true)[0] : 0;
};
/** A topic as raised: its phase and electorate move on by themselves (dev periods are short). */
const topicWithoutPhase = (topic) => {
  const { status, electorate, secret, secrecy, ...raised } = topic.toJSON();
  // The consultation's storage version 1 reads the earlier flag `secret` as `secrecy`.
  return { ...raised, secrecy: secrecy ?? (secret ? 'Sealed' : 'Open') };
};
const potBalance = async (client) =>
  (await client.call.communityTreasuryApi.pot(PLUM_GARDEN)).unwrap().balance.toBigInt();

test('residents and officers use the chain on the earlier release\'s runtime', async () => {
  oldVersion = await specAt();
  assert.equal(await storageVersion('PartyBranch'), 0, 'the earlier runtime keeps residents in layout 0');
  const fromChain = await api.rpc.state.getStorage('0x3a636f6465');
  assert.equal(blake2AsHex(fromChain.unwrap().toU8a(true)), blake2AsHex(oldCode));

  const details = blake2AsU8a('kept off chain: address and shopping list');
  const [, , raised, published, opened] = await Promise.all([
    ok(api.tx.balances.transferKeepAlive(newcomer.address, 5n * UNITS), alice),
    ok(api.tx.partyBranch.register(registered.address, PLUM_GARDEN, blake2AsHex('identity of the registered')), dave),
    ok(api.tx.consultation.raiseTopic(PLUM_GARDEN, 'A bench by the pond', { Text: 'For the elderly.' },
      'Facilities', 'Resolution', false), ferdie),
    ok(api.tx.volunteerCredits.publishActivity(PLUM_GARDEN, 'Read to the elderly', 120), eveStash),
    ok(api.tx.assistance.openRequest(ferdie.address, 'Shopping', 'Normal', 60, details, 0, 0), eve),
    ok(api.tx.communityTreasury.configure(PLUM_GARDEN, { supervisors: [dave.address, eve.address],
      requiredApprovals: 2, objectionShare: 500_000, voteCap: 1_000n * UNITS }), bob),
  ]);
  made.topic = eventOf(raised, 'consultation', 'TopicRaised').data.topic.toNumber();
  made.activity = eventOf(published, 'volunteerCredits', 'ActivityPublished').data.activity.toNumber();
  made.request = eventOf(opened, 'assistance', 'RequestOpened').data.request.toNumber();
  await Promise.all([
    ok(api.tx.partyBranch.apply(PLUM_GARDEN, blake2AsHex('identity of the newcomer')), newcomer),
    ok(api.tx.volunteerCredits.signUp(made.activity), charlieStash),
    ok(api.tx.communityTreasury.donate(PLUM_GARDEN, 50n * UNITS, 'bench fund'), alice),
  ]);
  await ok(api.tx.volunteerCredits.recordService(made.activity, charlieStash.address, 30), eveStash);

  made.residents = Object.fromEntries((await api.query.partyBranch.residents.entries())
    .map(([key, record]) => [key.args[0].toString(), record.unwrap().toJSON()]));
  assert.ok(made.residents[registered.address], 'the officer registered a resident on the earlier runtime');
  made.application = (await api.query.partyBranch.applications(newcomer.address)).unwrap().toJSON();
  made.topicRecord = topicWithoutPhase((await api.query.consultation.topics(made.topic)).unwrap());
  made.activityRecord = (await api.query.volunteerCredits.activities(made.activity)).unwrap().toJSON();
  made.credits = (await api.query.volunteerCredits.accounts(charlieStash.address)).toJSON();
  made.requestRecord = (await api.query.assistance.requests(made.request)).unwrap().toJSON();
  made.potBalance = await potBalance(api);
  assert.equal(made.potBalance, 50n * UNITS);
  assert.equal(made.credits.balance, 30);
});

test('the residents authorise the new runtime in a referendum; a blob other than the authorised one is refused', async () => {
  const codeHash = blake2AsHex(newCode);
  await referendum(api.tx.system.authorizeUpgrade(codeHash));
  const authorised = await until(async () => {
    const pending = await api.query.system.authorizedUpgrade();
    return pending.isSome && pending.unwrap();
  }, 'the referendum to authorise the upgrade');
  assert.equal(authorised.codeHash.toHex(), codeHash);
  assert.ok(authorised.checkVersion.isTrue, 'the version is checked when the code is applied');

  // Anyone may apply the authorised code; a tampered blob is not it.
  const tampered = newCode.slice();
  tampered[tampered.length - 1] ^= 0xff;
  const refused = await sendAndWait(api.tx.system.applyAuthorizedUpgrade(u8aToHex(tampered)), bob);
  assert.equal(refused.error, 'system.Unauthorized');
  assert.equal(await specAt(), oldVersion, 'the chain stays on its runtime');
  assert.ok((await api.query.system.authorizedUpgrade()).isSome, 'the authorisation stands for the right blob');
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, { check: (h) => h.number.toNumber() > head + 1 });
});

test('the authorised runtime is applied: blocks and finality go on, the storage is migrated, wallets keep working', async () => {
  const wallet = api; // connected before the upgrade, as a resident's wallet would be
  const sent = Date.now();
  const applied = await ok(api.tx.system.applyAuthorizedUpgrade(u8aToHex(newCode)), bob);
  // The block's own events are not read here: @polkadot/api decodes a block's events with the
  // metadata of the state after it, which this block changed. Its storage says it all.
  const codeAfter = await api.rpc.state.getStorage('0x3a636f6465', applied.blockHash);
  assert.equal(blake2AsHex(codeAfter.unwrap().toU8a(true)), blake2AsHex(newCode), 'the block set the new code');
  const appliedAt = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();
  const first = await waitForHead(api, { check: (h) => h.number.toNumber() > appliedAt });
  const firstNewBlockSeconds = (Date.now() - sent) / 1000;
  const newVersion = await specAt(first.hash);
  assert.ok(newVersion > oldVersion, `spec_version ${oldVersion} → ${newVersion}`);
  await waitForHead(api, { finalized: true, ms: 90000, check: (h) => h.number.toNumber() > appliedAt + 1 });

  // The migrations ran in the first block on the new runtime (registry versions 0 → 1 → 2).
  assert.equal(await storageVersion('PartyBranch', first.hash), 2);
  assert.equal(await storageVersion('Consultation', first.hash), 1, 'topics carry their secrecy');
  // Anonymous ballots arrive with the upgrade: their version-1 migration runs on empty storage.
  assert.equal(await storageVersion('AnonymousBallot', first.hash), 1, 'ring roots in use are kept');
  const weights = api.consts.system.blockWeights;
  const used = (await (await api.at(first.hash)).query.system.blockWeight()).mandatory.refTime.toBigInt();
  const limit = weights.maxBlock.refTime.toBigInt();
  assert.ok(used < limit, 'the migration fits in its block');

  // Residents registered before vote from their registration; the delay applies from now on.
  await until(() => wallet.runtimeVersion.specVersion.toNumber() === newVersion, 'the wallet to load the new metadata', 30000);
  const residents = await wallet.query.partyBranch.residents.entries();
  assert.equal(residents.length, Object.keys(made.residents).length);
  for (const [key, record] of residents) {
    const { votesFrom, ...rest } = record.unwrap().toJSON();
    assert.deepEqual(rest, made.residents[key.args[0].toString()]);
    assert.equal(votesFrom, rest.since);
  }
  const delay = (await wallet.query.partyBranch.voteVestingDelay()).toNumber();
  assert.equal(delay, wallet.consts.democracy.votingPeriod.toNumber(),
    'an upgraded chain vests votes over a referendum\'s voting period, as a new district chain does');
  // Officers' offices are counted: their civic calls are free like residents'.
  assert.ok((await wallet.query.partyBranch.officeCount(dave.address)).toNumber() >= 1, 'Dave\'s office is counted');
  const { recordedBy, ...application } = (await wallet.query.partyBranch.applications(newcomer.address)).unwrap().toJSON();
  assert.deepEqual(application, made.application);
  assert.equal(recordedBy, null, 'the newcomer applied themselves');

  // Topics, activities, credits and requests are as they were (the pot: below).
  assert.deepEqual(topicWithoutPhase((await wallet.query.consultation.topics(made.topic)).unwrap()), made.topicRecord);
  assert.deepEqual((await wallet.query.volunteerCredits.activities(made.activity)).unwrap().toJSON(), made.activityRecord);
  assert.deepEqual((await wallet.query.volunteerCredits.accounts(charlieStash.address)).toJSON(), made.credits);
  assert.deepEqual((await wallet.query.assistance.requests(made.request)).unwrap().toJSON(), made.requestRecord);

  // The wallet connected before signs with the new metadata: the officer approves the newcomer,
  // whose vote now vests after the delay.
  const approved = await ok(wallet.tx.partyBranch.approve(newcomer.address), dave);
  const { votesFrom } = eventOf(approved, 'partyBranch', 'ResidentApproved').data;
  const since = (await wallet.query.partyBranch.residents(newcomer.address)).unwrap().since.toNumber();
  assert.equal(votesFrom.toNumber(), since + delay);
  // A wallet reconnecting sees the new calls, and the runtime APIs, which a connection kept
  // across the upgrade loses (@polkadot/api refreshes the metadata without their descriptions).
  const fresh = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  try {
    assert.equal(fresh.runtimeVersion.specVersion.toNumber(), newVersion);
    assert.ok(fresh.tx.partyBranch.setVoteVestingDelay, 'a call of the new runtime');
    assert.ok(fresh.tx.consultation.retryAction, 'a call of the new runtime');
    assert.equal(await potBalance(fresh), made.potBalance);
  } finally {
    await fresh.disconnect();
  }

  console.log(JSON.stringify({
    upgrade: {
      from: oldVersion,
      to: newVersion,
      apply_to_first_new_block_s: Number(firstNewBlockSeconds.toFixed(1)),
      first_block_mandatory_weight_ps: used.toString(),
      block_limit_ps: limit.toString(),
      first_block_share_of_limit: Number((Number(used) / Number(limit)).toFixed(4)),
      runtime_bytes: { before: oldCode.length, after: newCode.length },
    },
  }));
});

test('a runtime with a lower version is refused though a council motion authorised it', async () => {
  const newVersion = await specAt();
  await councilMotion(api.tx.councilRoot.dispatchAsRoot(api.tx.system.authorizeUpgrade(blake2AsHex(oldCode))), 3);
  assert.ok((await api.query.system.authorizedUpgrade()).isSome);
  const rolledBack = await ok(api.tx.system.applyAuthorizedUpgrade(u8aToHex(oldCode)), bob);
  const rejected = eventOf(rolledBack, 'system', 'RejectedInvalidAuthorizedUpgrade');
  const { section, name } = api.registry.findMetaError(rejected.data.error.asModule);
  assert.equal(`${section}.${name}`, 'system.SpecVersionNeedsToIncrease');
  assert.equal(eventsOf(rolledBack, 'system', 'CodeUpdated').length, 0);
  assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the refused authorisation is spent');
  const head = (await api.rpc.chain.getHeader(rolledBack.blockHash)).number.toNumber();
  const next = await waitForHead(api, { check: (h) => h.number.toNumber() > head + 1 });
  assert.equal(await specAt(next.hash), newVersion, 'the chain stays on the new runtime');
});
