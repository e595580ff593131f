//! Anonymous ballots in the real runtime: ring roots built from the setup's points compiled in,
//! real Bandersnatch proofs checked against them, and a ballot as a general transaction through
//! every transaction extension of the chain.

mod common;

use codec::Encode;
use frame_support::traits::Hooks;
use gongzhi_runtime::{
	configs::{
		ballots::{benchmark_ballot, BallotCrypto, BallotRingDomain},
		transactions::general_transaction,
	},
	AnonymousBallot, Executive, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use pallet_anonymous_ballot::{ballot_context, ballot_message, PollTerms};
use sp_keyring::Sr25519Keyring::*;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
use verifiable::GenerateVerifiable;

const PLUM_GARDEN: u32 = 3;

fn secret(seed: u8) -> <BallotCrypto as GenerateVerifiable>::Secret {
	BallotCrypto::new_secret([seed; 32])
}

/// `who` registers the key of `seed`, with its proof of possession (a real Bandersnatch
/// signature) for their account.
fn register(who: sp_keyring::Sr25519Keyring, seed: u8) {
	let account = who.to_account_id();
	let key = BallotCrypto::member_from_secret(&secret(seed));
	let possession = BallotCrypto::sign(
		&secret(seed),
		&pallet_anonymous_ballot::key_holder_message(&account.encode()),
	)
	.expect("signed");
	AnonymousBallot::register_key(RuntimeOrigin::signed(account), key, possession)
		.expect("a resident registers a key");
}

#[test]
fn a_ballot_key_is_refused_with_another_keys_or_accounts_proof_of_possession() {
	common::new_ext("development").execute_with(|| {
		let key = BallotCrypto::member_from_secret(&secret(1));
		let ferdies = BallotCrypto::sign(
			&secret(1),
			&pallet_anonymous_ballot::key_holder_message(&Ferdie.to_account_id().encode()),
		)
		.expect("signed");
		// Charlie//stash copies Ferdie's key and proof from the pool.
		assert_eq!(
			AnonymousBallot::register_key(
				RuntimeOrigin::signed(CharlieStash.to_account_id()),
				key,
				ferdies
			),
			Err(pallet_anonymous_ballot::Error::<Runtime>::NotKeyHolder.into())
		);
		// Damaged bytes, or none, prove nothing either.
		let mut damaged = ferdies;
		damaged[5] ^= 1;
		for possession in [damaged, [0; 64]] {
			assert_eq!(
				AnonymousBallot::register_key(RuntimeOrigin::signed(Ferdie.to_account_id()), key, possession),
				Err(pallet_anonymous_ballot::Error::<Runtime>::NotKeyHolder.into())
			);
		}
		assert!(pallet_anonymous_ballot::Keys::<Runtime>::get(Ferdie.to_account_id()).is_none());
		AnonymousBallot::register_key(RuntimeOrigin::signed(Ferdie.to_account_id()), key, ferdies)
			.expect("Ferdie registers his own key");
	});
}

/// Ferdie and Charlie//stash (residents of Plum Garden) register keys; the ring is built; Dave
/// opens poll 0. Returns the ring's keys.
fn poll_with_two_keys() -> Vec<[u8; 32]> {
	for (who, seed) in [(Ferdie, 1u8), (CharlieStash, 2)] {
		register(who, seed);
	}
	AnonymousBallot::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
	let terms =
		PollTerms { question: [1; 32], options: 2, voting_period: 100, changes_allowed: false };
	AnonymousBallot::open_poll(RuntimeOrigin::signed(Dave.to_account_id()), PLUM_GARDEN, terms)
		.expect("the community's secretary opens a poll");
	pallet_anonymous_ballot::Rings::<Runtime>::get(PLUM_GARDEN, 0)
		.expect("a ring")
		.members
		.into_inner()
}

fn ballot(keys: &[[u8; 32]], seed: u8, choice: u8) -> RuntimeCall {
	mark(0, 0, keys, seed, choice, 0)
}

/// The pool's check of a transaction, as a node runs it before taking it into its pool.
fn pool_check(call: RuntimeCall) -> sp_runtime::transaction_validity::TransactionValidity {
	let parent = System::parent_hash();
	Executive::validate_transaction(
		sp_runtime::transaction_validity::TransactionSource::External,
		general_transaction(call),
		parent,
	)
}

/// The end of the block: the ballots taken into it are checked together and counted.
fn end_block() {
	AnonymousBallot::on_finalize(System::block_number());
}

#[test]
fn a_real_ballot_passes_every_extension_as_a_general_transaction_and_is_counted() {
	common::new_ext("development").execute_with(|| {
		let keys = poll_with_two_keys();
		assert!(pool_check(ballot(&keys, 1, 1)).is_ok(), "the pool takes a real ballot");
		let applied = Executive::apply_extrinsic(general_transaction(ballot(&keys, 1, 1)));
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		end_block();
		let poll = pallet_anonymous_ballot::Polls::<Runtime>::get(0).expect("the poll");
		assert_eq!((poll.tally.into_inner(), poll.online), (vec![0, 1], 1));
		// The same ballot again: its alias has voted, in the pool and in a block.
		assert!(pool_check(ballot(&keys, 1, 0)).is_err());
		let again = Executive::apply_extrinsic(general_transaction(ballot(&keys, 1, 0)));
		assert!(matches!(again, Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(_)))));
	});
}

#[test]
fn forged_proofs_are_refused_by_the_pool_and_left_uncounted_if_an_author_includes_them() {
	common::new_ext("development").execute_with(|| {
		let keys = poll_with_two_keys();
		// A key outside the ring proves over a ring it put itself in: the root differs.
		let mut outsider_ring = keys.clone();
		outsider_ring.push(BallotCrypto::member_from_secret(&secret(9)));
		let forged = ballot(&outsider_ring, 9, 0);
		assert!(matches!(
			pool_check(forged.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(_)))
		));
		// A proof's bytes changed.
		let RuntimeCall::AnonymousBallot(pallet_anonymous_ballot::Call::cast {
			poll, ring, choice, sequence, alias, mut proof,
		}) = ballot(&keys, 2, 0)
		else {
			unreachable!()
		};
		proof[40] ^= 1;
		let tampered = RuntimeCall::AnonymousBallot(pallet_anonymous_ballot::Call::cast {
			poll, ring, choice, sequence, alias, proof,
		});
		assert!(pool_check(tampered.clone()).is_err());
		// An author who skipped the pool's check puts both in a block after a real ballot.
		for call in [ballot(&keys, 1, 1), forged, tampered] {
			let applied = Executive::apply_extrinsic(general_transaction(call));
			assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		}
		// The tampered ballot claims Charlie//stash's alias: their real ballot waits a block.
		let real = Executive::apply_extrinsic(general_transaction(ballot(&keys, 2, 0)));
		assert!(matches!(real, Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(_)))));
		// The batched check at the block's end counts the real ballot only.
		end_block();
		let poll = pallet_anonymous_ballot::Polls::<Runtime>::get(0).expect("the poll");
		assert_eq!((poll.tally.into_inner(), poll.online), (vec![0, 1], 1));
		let refused = System::events()
			.into_iter()
			.filter(|r| {
				matches!(
					r.event,
					gongzhi_runtime::RuntimeEvent::AnonymousBallot(
						pallet_anonymous_ballot::Event::BallotRefused { .. }
					)
				)
			})
			.count();
		assert_eq!(refused, 2);
		// In the next block Charlie//stash's own ballot is counted.
		let applied = Executive::apply_extrinsic(general_transaction(ballot(&keys, 2, 0)));
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		end_block();
		let poll = pallet_anonymous_ballot::Polls::<Runtime>::get(0).expect("the poll");
		assert_eq!((poll.tally.into_inner(), poll.online), (vec![1, 1], 2));
		// Any other call as a general transaction names nobody and is refused (here already by
		// the rule that only authorised general transactions may be immortal).
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		assert!(matches!(
			Executive::apply_extrinsic(general_transaction(remark)),
			Err(TransactionValidityError::Invalid(_))
		));
	});
}

#[test]
fn removing_a_resident_takes_their_ballot_key_out_of_the_ring() {
	common::new_ext("development").execute_with(|| {
		let keys = poll_with_two_keys();
		assert_eq!(keys.len(), 2);
		pallet_party_branch::Pallet::<Runtime>::revoke(
			RuntimeOrigin::signed(Dave.to_account_id()),
			Ferdie.to_account_id(),
			pallet_party_branch::RevocationReason::MovedAway,
		)
		.expect("the secretary revokes a resident");
		assert!(pallet_anonymous_ballot::Keys::<Runtime>::get(Ferdie.to_account_id()).is_none());
		let ring = pallet_anonymous_ballot::Rings::<Runtime>::get(PLUM_GARDEN, 0).expect("a ring");
		assert_eq!(ring.members.len(), 1);
		assert!(!ring.is_current());
	});
}

/// The benchmarks' ballot (made offline, since no prover runs in the runtime) checks against
/// the root of its keys built from the setup's points. If it does not, the test prints a fresh
/// one to paste into `benchmark_ballot::FIXTURE`.
#[test]
fn the_benchmark_ballot_checks_against_its_ring() {
	let entropy = benchmark_ballot::entropy;
	let keys: Vec<_> = (0..benchmark_ballot::RING)
		.map(|i| BallotCrypto::member_from_secret(&BallotCrypto::new_secret(entropy(i))))
		.collect();
	let mut building = BallotCrypto::start_members(BallotRingDomain::get());
	BallotCrypto::push_members(&mut building, keys.iter().cloned(), |range| {
		<gongzhi_runtime::configs::ballots::SetupPoints as pallet_anonymous_ballot::StaticChunks<_>>::lookup(range)
	})
	.expect("the setup's points");
	let root = BallotCrypto::finish_members(building);
	let (alias, proof) = benchmark_ballot::FIXTURE;
	let alias: [u8; 32] = benchmark_ballot::decode_hex(alias).try_into().unwrap_or_default();
	let proof = benchmark_ballot::decode_hex(proof).try_into().unwrap_or_default();
	let valid = BallotCrypto::is_valid(
		BallotRingDomain::get(),
		&proof,
		&root,
		&ballot_context(0),
		&alias,
		&ballot_message(0, 0, 0),
	);
	if !valid {
		let secret = BallotCrypto::new_secret(entropy(0));
		let commitment =
			BallotCrypto::open(BallotRingDomain::get(), &keys[0], keys.iter().cloned()).unwrap();
		let (proof, alias) =
			BallotCrypto::create(commitment, &secret, &ballot_context(0), &ballot_message(0, 0, 0))
				.unwrap();
		let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
		panic!("a fresh fixture:\n(\"{}\",\n\"{}\")", hex(&alias), hex(&proof));
	}
}

/// Stored roots skip the curve checks on the way back from storage (`Trusted`), so they must be
/// byte for byte what the checked decoding reads, and the checked decoding must still refuse a
/// damaged root: a transaction can never hand the chain a root.
#[test]
fn a_stored_root_reads_back_as_the_checked_root_and_a_damaged_one_is_refused() {
	use codec::{Decode, Encode};
	use pallet_anonymous_ballot::Trusted;
	use scale_info::TypeInfo;
	type Root = <BallotCrypto as GenerateVerifiable>::Members;
	type Building = <BallotCrypto as GenerateVerifiable>::Intermediate;
	common::new_ext("development").execute_with(|| {
		let keys = poll_with_two_keys();
		let ring = pallet_anonymous_ballot::Rings::<Runtime>::get(PLUM_GARDEN, 0).expect("a ring");
		let root = ring.root.expect("a built root");
		let bytes = root.encode();
		assert_eq!(Root::decode(&mut &bytes[..]).expect("a valid root"), root.0);
		assert_eq!(Trusted::<Root>::encode(&root), root.0.encode());
		let building = ring.building.encode();
		assert_eq!(Building::decode(&mut &building[..]).expect("valid points"), ring.building.0);
		// The metadata describes the stored bytes as the root type itself.
		assert_eq!(Trusted::<Root>::type_info(), Root::type_info());
		// The poll holds the same root, and a real ballot checks against it.
		let poll = pallet_anonymous_ballot::Polls::<Runtime>::get(0).expect("poll 0");
		assert_eq!(poll.rings[0], root);
		let applied = Executive::apply_extrinsic(general_transaction(ballot(&keys, 1, 0)));
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		// Checked decoding refuses bytes that are not a point of the group.
		let mut damaged = bytes.clone();
		damaged[5] ^= 0x55;
		assert!(Root::decode(&mut &damaged[..]).is_err());
	});
}

/// Runs the consultation's queue at `block`, as the block's `on_initialize` does.
fn consultation_at(block: u32) {
	System::set_block_number(block);
	gongzhi_runtime::Consultation::on_initialize(block);
}

#[test]
fn an_anonymous_consultation_topic_is_decided_from_real_anonymous_ballots() {
	use pallet_consultation::{
		Action, Body, Category, Meetings, Outcome, Phase, Secrecy, SupportThreshold, Tally,
		TopicPolls, TopicStatus, Topics, UnitRules,
	};
	common::new_ext("development").execute_with(|| {
		for (who, seed) in [(Ferdie, 1u8), (CharlieStash, 2)] {
			register(who, seed);
		}
		AnonymousBallot::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
		// Dave, Plum Garden's secretary, convenes a meeting per topic and puts one on the agenda.
		let dave = RuntimeOrigin::signed(Dave.to_account_id());
		let rules = UnitRules { support: SupportThreshold::Absolute(2), batch: 1 };
		gongzhi_runtime::Consultation::set_unit_rules(dave.clone(), PLUM_GARDEN, rules)
			.expect("the secretary sets the rules");
		gongzhi_runtime::Consultation::raise_topic(
			dave,
			PLUM_GARDEN,
			b"A bench by the pond".to_vec(),
			Body::Text(b"for the elderly".to_vec()),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Anonymous,
		)
		.expect("an officer raises an anonymous topic");
		let meeting = Meetings::<Runtime>::get(0).expect("convened at once");
		let Phase::Deliberation { until } = meeting.phase else { panic!("deliberating") };
		consultation_at(until);
		assert_eq!(TopicPolls::<Runtime>::get(0), Some(0), "voting opened its poll");
		let keys = pallet_anonymous_ballot::Rings::<Runtime>::get(PLUM_GARDEN, 0)
			.expect("a ring")
			.members
			.into_inner();
		// Two residents vote aye with their ballot keys, as general transactions.
		for seed in [1, 2] {
			let call = ballot(&keys, seed, 0);
			assert!(pool_check(call.clone()).is_ok());
			let applied = Executive::apply_extrinsic(general_transaction(call));
			assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		}
		end_block();
		// Nobody votes by name on it.
		assert!(gongzhi_runtime::Consultation::vote(
			RuntimeOrigin::signed(Ferdie.to_account_id()),
			0,
			pallet_consultation::Choice::Nay
		)
		.is_err());
		let Phase::Voting { until } = Meetings::<Runtime>::get(0).unwrap().phase else {
			panic!("voting")
		};
		consultation_at(until);
		let Phase::Revealing { until } = Meetings::<Runtime>::get(0).unwrap().phase else {
			panic!("paper counts are countersigned after the close")
		};
		consultation_at(until);
		let topic = Topics::<Runtime>::get(0).expect("the topic");
		assert_eq!(topic.tally, Tally { ayes: 2, ..Default::default() });
		assert!(
			matches!(topic.status, TopicStatus::Closed { outcome: Outcome::Approved, .. }),
			"{:?} with an electorate of {}",
			topic.status,
			topic.electorate
		);
		assert_eq!(
			pallet_consultation::Ballots::<Runtime>::iter_prefix(0).count(),
			0,
			"no ballot of the topic names a resident"
		);
	});
}

/// The ballot of `seed`'s key in `poll`, ring `ring` (its keys `keys`): option `choice`, its
/// `sequence`-th (an owners' election's marks are numbered so).
fn mark(poll: u32, ring: u32, keys: &[[u8; 32]], seed: u8, choice: u8, sequence: u32) -> RuntimeCall {
	let commitment = BallotCrypto::open(
		BallotRingDomain::get(),
		&BallotCrypto::member_from_secret(&secret(seed)),
		keys.iter().cloned(),
	)
	.expect("the key is in the ring");
	let (proof, alias) = BallotCrypto::create(
		commitment,
		&secret(seed),
		&ballot_context(poll),
		&ballot_message(poll, choice, sequence),
	)
	.expect("a proof");
	RuntimeCall::AnonymousBallot(pallet_anonymous_ballot::Call::cast {
		poll,
		ring,
		choice,
		sequence,
		alias,
		proof,
	})
}

#[test]
fn a_secret_owners_election_is_counted_from_real_anonymous_ballots_and_a_countersigned_station() {
	use gongzhi_runtime::OwnersAssembly;
	use pallet_owners_assembly::{Count, Outcome, SecretPolls, Tallies, Votes};
	let m2 = |m: u64| m * 10_000;
	common::new_ext("development").execute_with(|| {
		// Plum Garden Estate, its areas corrected by Eve//stash (the housing officer) and
		// confirmed by Dave: Charlie//stash, Dave//stash and Alice//stash hold 100 m² each,
		// Ferdie and the developer (Ferdie//stash) 200 m² each.
		let estate = 0;
		let housing = RuntimeOrigin::signed(EveStash.to_account_id());
		for (unit, area) in [(0, 80), (4, 100), (3, 100)] {
			OwnersAssembly::amend_property(housing.clone(), estate, unit, m2(area)).expect("amended");
		}
		let dave = RuntimeOrigin::signed(Dave.to_account_id());
		OwnersAssembly::confirm_register(dave.clone(), estate).expect("confirmed");
		// Dave, the community's secretary, calls the election of a committee of two by secret
		// ballot.
		OwnersAssembly::call_secret_election(dave.clone(), estate, b"Committee".to_vec(), 2, 1_000, 1, 10)
			.expect("the secretary calls it");
		let vote = 0;
		let poll = SecretPolls::<Runtime>::get(vote).expect("its anonymous poll");
		for (by, candidate) in [(Ferdie, CharlieStash), (CharlieStash, Ferdie)] {
			OwnersAssembly::nominate(
				RuntimeOrigin::signed(by.to_account_id()),
				vote,
				0,
				candidate.to_account_id(),
			)
			.expect("an owner nominates an owner");
		}
		// Four owners enrol to vote online, each with a key and its proof of possession; a
		// resident of elsewhere who owns nothing here cannot.
		for (who, seed) in [(CharlieStash, 2u8), (DaveStash, 4), (AliceStash, 5), (Ferdie, 1), (Eve, 3)] {
			let account = who.to_account_id();
			let possession = BallotCrypto::sign(
				&secret(seed),
				&pallet_anonymous_ballot::key_holder_message(&account.encode()),
			)
			.expect("signed");
			let enrolled = AnonymousBallot::enrol(
				RuntimeOrigin::signed(account),
				poll,
				BallotCrypto::member_from_secret(&secret(seed)),
				possession,
			);
			if who == Eve {
				assert_eq!(enrolled, Err(pallet_anonymous_ballot::Error::<Runtime>::NotAnElector.into()));
			} else {
				enrolled.expect("an owner enrols");
			}
		}
		AnonymousBallot::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
		let opens = Votes::<Runtime>::get(vote).expect("the vote").opens;
		System::set_block_number(opens);
		OwnersAssembly::on_initialize(opens);
		let record = pallet_anonymous_ballot::Polls::<Runtime>::get(poll).expect("the poll");
		// Two rings, by area; Ferdie is alone with 200 m², so only the three of 100 m² vote online.
		assert_eq!((record.rings.len(), record.keys), (2, 3));
		// Candidates: Charlie//stash (0), Ferdie (1); the blank is 2. With real proofs, as
		// general transactions: Charlie//stash marks Ferdie, Dave//stash both, Alice//stash Ferdie.
		let ring_of = |who: sp_keyring::Sr25519Keyring| {
			pallet_anonymous_ballot::Enrolled::<Runtime>::get(poll, who.to_account_id()).expect("enrolled")
		};
		let keys = |ring| AnonymousBallot::poll_ring_keys(poll, ring).expect("the poll's keys");
		let ring = ring_of(CharlieStash);
		let ring_keys = keys(ring);
		for call in [
			mark(poll, ring, &ring_keys, 2, 1, 0),
			mark(poll, ring, &ring_keys, 4, 0, 0),
			mark(poll, ring, &ring_keys, 4, 1, 1),
			mark(poll, ring, &ring_keys, 5, 1, 0),
		] {
			assert!(pool_check(call.clone()).is_ok(), "the pool takes a real mark");
			let applied = Executive::apply_extrinsic(general_transaction(call));
			assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		}
		// A third mark of Dave//stash's is refused in the pool (two seats, two marks), and so is
		// Ferdie's from his ring of one: it would show who he is.
		assert!(pool_check(mark(poll, ring, &ring_keys, 4, 2, 2)).is_err());
		let ferdie = ring_of(Ferdie);
		assert!(pool_check(mark(poll, ferdie, &keys(ferdie), 1, 1, 0)).is_err());
		end_block();
		// On paper at station 1: Ferdie marked Ferdie, the developer both. Dave records it;
		// Eve, of the community's committee, countersigns it.
		let rows = vec![Count::new(1, m2(200)), Count::new(2, m2(400)), Count::default()];
		OwnersAssembly::record_station_count(
			dave,
			vote,
			1,
			rows.try_into().unwrap(),
			vec![Ferdie.to_account_id(), FerdieStash.to_account_id()].try_into().unwrap(),
		)
		.expect("the secretary records the station's count");
		OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(Eve.to_account_id()), vote, 1)
			.expect("a second officer countersigns it");
		let closes = Votes::<Runtime>::get(vote).unwrap().closes;
		System::set_block_number(closes);
		OwnersAssembly::on_initialize(closes);
		// All five owners and 700 m² took part. Charlie//stash: 2 owners, 300 m², not over half;
		// Ferdie: 5 owners, 700 m² — elected.
		assert_eq!(
			Tallies::<Runtime>::get(vote, 0).into_inner(),
			vec![Count::new(2, m2(300)), Count::new(5, m2(700)), Count::default()]
		);
		assert_eq!(Votes::<Runtime>::get(vote).unwrap().turnout, Count::new(5, m2(700)));
		let results = pallet_owners_assembly::Results::<Runtime>::get(vote).expect("counted");
		assert_eq!(
			results.into_inner(),
			vec![Outcome::Elected {
				elected: vec![Ferdie.to_account_id()].try_into().unwrap(),
				vacant: 1
			}]
		);
		// No stored ballot names an owner.
		assert_eq!(pallet_owners_assembly::Ballots::<Runtime>::iter_prefix(vote).count(), 0);
	});
}
