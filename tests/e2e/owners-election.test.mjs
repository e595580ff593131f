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

test('a committee elected by secret ballot: owners enrol keys the node makes, mark anonymously, a station counts on paper', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { rpcHttp, nodeBinary } = await import('./lib/node.mjs');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const housing = keyring.addFromUri('//Eve//stash');
  const { Dave: dave, Ferdie: ferdie } = keys;
  const charlie = keys['Charlie//stash'];
  const daveStash = keys['Dave//stash'];
  const alice = keys['Alice//stash'];
  const developer = keys['Ferdie//stash'];
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-secret-election-'));
  const cli = (args) => execFileSync(nodeBinary(), ['ballot', ...args], { encoding: 'utf8' });
  try {
    // The housing officer corrects three areas (confirmed by Dave): Charlie//stash, Dave//stash
    // and Alice//stash hold 100 m² each, Ferdie and the developer 200 m² each.
    for (const [unit, area] of [[0, 800_000], [4, 1_000_000], [3, 1_000_000]]) {
      await ok(api.tx.ownersAssembly.amendProperty(ESTATE, unit, area), housing);
    }
    await ok(api.tx.ownersAssembly.confirmRegister(ESTATE), dave);
    // The committee (Charlie//stash, Dave//stash) calls the election of the next committee.
    const called = await ok(api.tx.ownersAssembly.callSecretElection(ESTATE, '改选业主委员会', 2, 1000, 1, 10), charlie);
    const id = eventOf(called, 'ownersAssembly', 'VoteCalled').data.vote.toNumber();
    const poll = eventOf(called, 'ownersAssembly', 'SecretElectionCalled').data.poll.toNumber();
    // During the notice: two nominations, and four owners enrol to vote online with keys the
    // node makes and proves possession of.
    await Promise.all([
      ok(api.tx.ownersAssembly.nominate(id, 0, ferdie.address), charlie),
      ok(api.tx.ownersAssembly.nominate(id, 0, alice.address), ferdie),
    ]);
    const enrolment = (who, i) => {
      who.secretFile = join(dir, `secret-${i}`);
      const made = JSON.parse(cli(['key', '--secret-file', who.secretFile, '--generate', '--account', who.address]));
      return ok(api.tx.anonymousBallot.enrol(poll, made.key, made.possession), who);
    };
    await Promise.all([charlie, daveStash, alice, ferdie].map(enrolment));
    const [, [candidates]] = await view('vote', id);
    const index = Object.fromEntries(candidates.map((c, i) => [c.who, i]));

    // Ballots open: two rings by area are fixed; Ferdie is alone with 200 m², so three owners
    // vote online.
    const ballots = (name, ...args) => viewFunction(api, 'AnonymousBallot', name, args);
    const opened = await until(async () => {
      const p = await ballots('poll', poll);
      return p?.rings?.length === 2 ? p : null;
    }, 'the poll to open', 90000);
    assert.equal(opened.keys, 3);
    const byName = await sendAndWait(api.tx.ownersAssembly.castBallot(id, [{ Candidates: [0] }]), ferdie);
    assert.equal(byName.error, 'ownersAssembly.SecretBallot');
    // One proof per mark, made by the node's prover and submitted with no signer.
    const prove = async (who, choice, sequence) => {
      const ring = await ballots('enrolment', poll, who.address);
      const ringFile = join(dir, `ring-${ring}`);
      writeFileSync(ringFile, (await ballots('poll_ring_keys', poll, ring)).join('\n') + '\n');
      return JSON.parse(cli(['prove', '--secret-file', who.secretFile, '--poll', String(poll), '--ring', String(ring),
        '--choice', String(choice), '--sequence', String(sequence), '--ring-keys', ringFile]));
    };
    const online = async (n) => until(async () => ((await ballots('poll', poll)).online === n ? true : null),
      `${n} online voters`, 60000);
    const [F, A] = [index[ferdie.address], index[alice.address]];
    // Charlie//stash marks Ferdie, Dave//stash Ferdie then Alice//stash, Alice//stash herself.
    for (const [who, choice] of [[charlie, F], [daveStash, F], [alice, A]]) {
      await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [(await prove(who, choice, 0)).extrinsic]);
    }
    await online(3);
    await rpcHttp(node.httpUrl, 'author_submitExtrinsic', [(await prove(daveStash, A, 1)).extrinsic]);
    await until(async () => ((await ballots('roll', poll)).tally[A] === 2_000_000 ? true : null), 'the second mark', 60000);
    // Ferdie's ballot would show who he is: the pool refuses it, and he votes on paper.
    await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [(await prove(ferdie, F, 0)).extrinsic]));
    const roll = await ballots('roll', poll);
    assert.equal(Number(roll.turnout), 3_000_000);

    // On paper at station 1: Ferdie marked Ferdie, the developer both. Dave//stash records
    // it; an owner who votes online cannot be listed; Charlie//stash countersigns.
    const rows = Array.from({ length: candidates.length + 1 }, () => ({ owners: 0, area: 0 }));
    rows[F] = { owners: 2, area: 4_000_000 };
    rows[A] = { owners: 1, area: 2_000_000 };
    const listed = await sendAndWait(api.tx.ownersAssembly.recordStationCount(id, 1, rows, [charlie.address]), daveStash);
    assert.equal(listed.error, 'ownersAssembly.EnrolledOnline');
    await ok(api.tx.ownersAssembly.recordStationCount(id, 1, rows, [ferdie.address, developer.address]), daveStash);
    const self = await sendAndWait(api.tx.ownersAssembly.countersignStationCount(id, 1), daveStash);
    assert.equal(self.error, 'ownersAssembly.RecorderCannotCountersign');
    await ok(api.tx.ownersAssembly.countersignStationCount(id, 1), charlie);

    // Counted at the close: Ferdie 4 owners, 600 m²; Alice//stash 3 owners, 400 m² — both
    // over half of the five owners and 700 m²; both take office, Ferdie first.
    await until(async () => (await view('vote', id))[2] !== null, 'the election to be counted', 120000);
    const [record, , [[outcome, tally]]] = await view('vote', id);
    assert.deepEqual(record.turnout, { owners: 5, area: 7_000_000 });
    assert.deepEqual(tally[F], { owners: 4, area: 6_000_000 });
    assert.deepEqual(tally[A], { owners: 3, area: 4_000_000 });
    assert.deepEqual(outcome.elected, { elected: [ferdie.address, alice.address], vacant: 0 });
    // No ballot of the election names an owner.
    assert.equal((await api.query.ownersAssembly.ballots.entries(id)).length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
