// An owners' committee election end to end on a development chain: three candidates for two
// seats in Plum Garden Estate (see owners-assembly.test.mjs). Owners nominate during the notice;
// each votes for up to two; a candidate needs more than half of the participating owners and
// area; the two who reach it take office, and the committee, no longer the community's
// officers, calls the estate's next vote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, sendAndWait, ok, eventOf, until, viewFunction } from './lib/node.mjs';

const ESTATE = 0;
let node, api, keys;

const view = (name, ...args) => viewFunction(api, 'OwnersAssembly', name, args);
const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  keys = Object.fromEntries(['Dave', 'Ferdie', 'Charlie//stash', 'Dave//stash', 'Alice//stash', 'Ferdie//stash']
    .map((name) => [name, keyring.addFromUri(`//${name}`)]));
  node = await startNode(['--dev'], { name: 'owners-election' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('three candidates for two seats: the two with the ordinary double majority take office', async () => {
  const { Dave: dave, Ferdie: ferdie } = keys;
  const charlie = keys['Charlie//stash'];
  const daveStash = keys['Dave//stash'];
  const called = await ok(api.tx.ownersAssembly.callVote(ESTATE, [{
    title: '选举第一届业主委员会', category: 'CommitteeElection',
    question: { Election: { seats: 2, term: 1000, nominators: 1 } },
  }], 10), dave);
  const { vote, opens } = eventOf(called, 'ownersAssembly', 'VoteCalled').data;
  const id = vote.toNumber();
  // Nominations during the notice: an owner nominates an owner
  await Promise.all([
    ok(api.tx.ownersAssembly.nominate(id, 0, charlie.address), ferdie),
    ok(api.tx.ownersAssembly.nominate(id, 0, ferdie.address), charlie),
    ok(api.tx.ownersAssembly.nominate(id, 0, daveStash.address), keys['Alice//stash']),
  ]);
  const stranger = await sendAndWait(api.tx.ownersAssembly.nominate(id, 0, dave.address), ferdie);
  assert.equal(stranger.error, 'ownersAssembly.CandidateNotAnOwner');
  const [, [candidates]] = await view('vote', id);
  const index = Object.fromEntries(candidates.map((c, i) => [c.who, i]));
  assert.equal(candidates.length, 3);

  await until(async () => (await best()) >= opens.toNumber(), 'the ballots to open', 90000);
  const ballot = (who, names) => ok(api.tx.ownersAssembly.castBallot(id,
    [{ Candidates: names.map((k) => index[k.address]) }]), who);
  const tooMany = await sendAndWait(api.tx.ownersAssembly.castBallot(id,
    [{ Candidates: [0, 1, 2] }]), ferdie);
  assert.equal(tooMany.error, 'ownersAssembly.TooManyChoices');
  await Promise.all([
    ballot(ferdie, [charlie, daveStash]),
    ballot(keys['Ferdie//stash'], [charlie, daveStash]),
    ballot(keys['Alice//stash'], [charlie, ferdie]),
    ballot(charlie, [ferdie, daveStash]),
    ballot(daveStash, [ferdie]),
  ]);

  // Charlie//stash: 3 owners, 520 m²; Dave//stash: 3 owners, 510 m²; Ferdie: 3 owners but
  // only 290 of 700 m², short of half the area
  await until(async () => (await view('vote', id))[2] !== null, 'the election to be counted', 120000);
  const [, , [[outcome, tally]]] = await view('vote', id);
  assert.deepEqual(outcome.elected, { elected: [charlie.address, daveStash.address], vacant: 0 });
  assert.deepEqual(tally[index[ferdie.address]], { owners: 3, area: 2_900_000 });
  const estate = await view('estate', ESTATE);
  assert.deepEqual(estate.committee, [charlie.address, daveStash.address]);

  // The committee calls the next vote; the community's secretary no longer does
  const next = [{ title: '续聘物业', category: 'PropertyCompany', question: { Motion: 'DismissCompany' } }];
  const officer = await sendAndWait(api.tx.ownersAssembly.callVote(ESTATE, next, 10), dave);
  assert.equal(officer.error, 'ownersAssembly.NotASteward');
  await ok(api.tx.ownersAssembly.callVote(ESTATE, next, 10), charlie);
});
