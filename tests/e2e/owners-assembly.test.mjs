// An owners' assembly end to end on a development chain (notice: five blocks; ballots open ten
// blocks). Plum Garden Estate is in the dev preset: Ferdie (two flats, 210 m²), Charlie//stash
// (100 m²), Dave//stash (80 m², lives in Riverside), Alice//stash with co-owner Bob//stash
// (110 m²) and the developer Ferdie//stash (two unsold units, 200 m²): five owners, 700 m².
// Owners pay into the maintenance fund; Dave, Plum Garden's secretary (no committee is elected
// yet), calls a vote to pay a contractor for the lift repair; Ferdie votes through his grid
// worker Eve (a civic proxy), Dave//stash on paper (recorded by Dave, countersigned by Eve), the
// others online, the developer abstaining. Both participation tests and both approval tests
// pass, and the contractor is paid when the vote is counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, sendAndWait, ok, eventOf, until, viewFunction } from './lib/node.mjs';

const UNITS = 10n ** 12n;
const ESTATE = 0;
let node, api, keys;

const view = (name, ...args) => viewFunction(api, 'OwnersAssembly', name, args);
const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  keys = Object.fromEntries(['Dave', 'Eve', 'Ferdie', 'Charlie//stash', 'Dave//stash', 'Alice//stash',
    'Bob//stash', 'Ferdie//stash', 'Contractor'].map((name) => [name, keyring.addFromUri(`//${name}`)]));
  node = await startNode(['--dev'], { name: 'owners-assembly' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('the sample estate counts five owners and 700 m², one owner for Ferdie\'s two flats', async () => {
  const estate = await view('estate', ESTATE);
  assert.deepEqual([estate.units, estate.owners, estate.area, estate.registeredArea], [7, 5, 7_000_000, 7_000_000]);
  assert.equal(estate.confirmed, true);
  assert.deepEqual(await view('holding', ESTATE, keys.Ferdie.address), { units: 2, area: 2_100_000 });
  assert.equal(await view('holding', ESTATE, keys['Bob//stash'].address), null, 'a co-owner who does not vote');
  assert.equal((await view('properties', ESTATE, 0)).length, 7);
});

test('a lift repair from the maintenance fund passes both majorities and the contractor is paid', async () => {
  const { Dave: dave, Eve: eve, Ferdie: ferdie, Contractor: contractor } = keys;
  await Promise.all([
    ok(api.tx.ownersAssembly.depositFund(ESTATE, 0, 500n * UNITS), ferdie),
    ok(api.tx.ownersAssembly.depositFund(ESTATE, 2, 300n * UNITS), keys['Charlie//stash']),
  ]);
  // Ferdie appoints his grid worker as a civic proxy: she may vote for him, not pay for him
  await ok(api.tx.proxy.addProxy(eve.address, 'Civic', 0), ferdie);
  const paying = await sendAndWait(api.tx.proxy.proxy(ferdie.address, 'Civic',
    api.tx.ownersAssembly.depositFund(ESTATE, 0, 1n * UNITS)), eve);
  const { result } = eventOf(paying, 'proxy', 'ProxyExecuted').data;
  assert.equal(api.registry.findMetaError(result.asErr.asModule).name, 'CallFiltered',
    'a civic proxy does not move the owner\'s money');
  const fund = (await view('estate', ESTATE)).fund;
  assert.equal(BigInt(fund), 800n * UNITS);

  // Too much for the fund: refused, no vote called
  const tooMuch = await sendAndWait(api.tx.ownersAssembly.callVote(ESTATE, [{
    title: '3号楼电梯维修', category: 'UseMaintenanceFund',
    question: { Motion: { PayFromFund: { to: contractor.address, amount: 900n * UNITS } } },
  }], 10), dave);
  assert.equal(tooMuch.error, 'ownersAssembly.InsufficientFund');
  // A matter of the wrong category: paying from the fund is a maintenance-fund matter
  const wrong = await sendAndWait(api.tx.ownersAssembly.callVote(ESTATE, [{
    title: '3号楼电梯维修', category: 'OtherMajor',
    question: { Motion: { PayFromFund: { to: contractor.address, amount: 600n * UNITS } } },
  }], 10), dave);
  assert.equal(wrong.error, 'ownersAssembly.WrongCategory');
  // An owner is not a steward: only the committee or, without one, the community's officers
  const byOwner = await sendAndWait(api.tx.ownersAssembly.callVote(ESTATE, [{
    title: '3号楼电梯维修', category: 'UseMaintenanceFund',
    question: { Motion: { PayFromFund: { to: contractor.address, amount: 600n * UNITS } } },
  }], 10), ferdie);
  assert.equal(byOwner.error, 'ownersAssembly.NotASteward');

  const called = await ok(api.tx.ownersAssembly.callVote(ESTATE, [{
    title: '3号楼电梯维修', category: 'UseMaintenanceFund',
    question: { Motion: { PayFromFund: { to: contractor.address, amount: 600n * UNITS } } },
  }], 10), dave);
  const { vote, electorate, opens, closes } = eventOf(called, 'ownersAssembly', 'VoteCalled').data;
  const id = vote.toNumber();
  assert.deepEqual(electorate.toJSON(), { owners: 5, area: 7_000_000 });

  // The ballot, its fee quoted before it opens: free for an owner who lives elsewhere
  const ballot = (choices) => api.tx.ownersAssembly.castBallot(id, choices);
  assert.equal((await ballot(['Abstain']).paymentInfo(keys['Ferdie//stash'])).partialFee.toBigInt(), 0n,
    'the developer, neither resident nor officer, votes free as an owner');
  const early = await sendAndWait(ballot(['Aye']), keys['Charlie//stash']);
  assert.equal(early.error, 'ownersAssembly.NotOpen');
  await until(async () => (await best()) >= opens.toNumber(), 'the ballots to open', 90000);

  // Eve votes for Ferdie through her civic proxy
  const proxied = await ok(api.tx.proxy.proxy(ferdie.address, 'Civic', ballot(['Aye'])), eve);
  const cast = eventOf(proxied, 'ownersAssembly', 'BallotCast').data;
  assert.equal(cast.owner.toString(), ferdie.address);
  // Dave//stash votes on paper: the secretary records it, a second officer countersigns it
  await ok(api.tx.ownersAssembly.recordPaperBallot(id, keys['Dave//stash'].address, ['Aye']), dave);
  const twice = await sendAndWait(ballot(['Nay']), keys['Dave//stash']);
  assert.equal(twice.error, 'ownersAssembly.AlreadyVoted', 'on paper, so not online too');
  const self = await sendAndWait(api.tx.ownersAssembly.countersignPaperBallot(id, keys['Dave//stash'].address), dave);
  assert.equal(self.error, 'ownersAssembly.RecorderCannotCountersign');
  await ok(api.tx.ownersAssembly.countersignPaperBallot(id, keys['Dave//stash'].address), eve);
  // The co-owner who was not named to vote cannot; the named one can
  const coOwner = await sendAndWait(ballot(['Nay']), keys['Bob//stash']);
  assert.equal(coOwner.error, 'ownersAssembly.NotAnOwner');
  await Promise.all([
    ok(ballot(['Aye']), keys['Alice//stash']),
    ok(ballot(['Aye']), keys['Charlie//stash']),
    ok(ballot(['Abstain']), keys['Ferdie//stash']),
  ]);
  const again = await sendAndWait(ballot(['Nay']), ferdie);
  assert.equal(again.error, 'ownersAssembly.AlreadyVoted');
  const [open] = await view('open_votes', ESTATE);
  assert.deepEqual(open[1].turnout, { owners: 5, area: 7_000_000 }, 'participation is public as it grows');
  const [holding, voted] = await view('voter_status', id, ferdie.address);
  assert.deepEqual([holding, voted], [{ units: 2, area: 2_100_000 }, true]);

  // Counted when ballots close: 5 of 5 owners took part; 4 owners and 500 of 700 m² approved
  await until(async () => (await view('vote', id))[2] !== null, 'the vote to be counted', 120000);
  assert.ok((await best()) >= closes.toNumber());
  const [record, , results] = await view('vote', id);
  assert.equal(record.status, 'Closed');
  const [[outcome, tally]] = results;
  assert.equal(outcome.passed, null);
  assert.deepEqual(tally, [{ owners: 4, area: 5_000_000 }, { owners: 0, area: 0 }, { owners: 1, area: 2_000_000 }]);
  assert.equal((await api.query.system.account(contractor.address)).data.free.toBigInt(), 600n * UNITS);
  const after = await view('estate', ESTATE);
  assert.equal(BigInt(after.fund), 200n * UNITS);
  assert.equal(BigInt(after.fundCommitted), 0n);
});
