//! Benchmarks: every call, the ballot checks (`authorize` in the pool, the batched check at a
//! block's end) with the runtime's real ring-VRF, and the `on_idle` steps, each in its worst
//! case.

use super::*;

use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use gongzhi_primitives::civic::{CivicRegistryBenchmarkHelper, Role, UnitId};
use sp_runtime::{
	traits::{One, Saturating},
	transaction_validity::TransactionSource,
};

use verifiable::GenerateVerifiable;

fn resident<T: Config>(name: &'static str, index: u32, community: UnitId) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::RegistryHelper::register_resident(&who, community);
	who
}

fn officer<T: Config>(name: &'static str, community: UnitId) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::RegistryHelper::appoint_officer(&who, community);
	who
}

/// A root over `keys`, built with the runtime's setup data.
fn root_of<T: Config>(keys: &[MemberOf<T>]) -> RootOf<T> {
	let mut building = T::Crypto::start_members(T::RingConfig::get());
	T::Crypto::push_members(&mut building, keys.iter().cloned(), T::Chunks::lookup)
		.expect("valid keys");
	T::Crypto::finish_members(building)
}

/// Community rings `0..count`, full, current, with the root over `keys` (the worst case for a
/// search for room; the members are copies, as only their number matters here).
fn full_rings<T: Config>(community: UnitId, count: u32, keys: &[MemberOf<T>]) {
	let root = root_of::<T>(keys);
	let filler = keys[0].clone();
	let members: BoundedVec<_, T::MaxRingSize> =
		BoundedVec::try_from(vec![filler; T::MaxRingSize::get() as usize]).expect("the size");
	for index in 0..count {
		Rings::<T>::insert(
			community,
			index,
			Ring::<T> {
				members: members.clone(),
				built: members.len() as u32,
				rebuild: false,
				building: Trusted(T::Crypto::start_members(T::RingConfig::get())),
				root: Some(Trusted(root.clone())),
				revision: 1,
			},
		);
	}
	RingCount::<T>::insert(community, count);
}

/// The worst case for a change to ring `index` of `community` (current, at its revision):
/// polls have fixed as many of its roots as the chain keeps, all but its current one closed
/// (their kept keys, full rings, are forgotten on the way) and the current one still open (its
/// keys are kept). With `current_in_use` false, every use has closed (what a poll opening finds
/// at worst).
fn roots_in_use<T: Config>(community: UnitId, index: RingIndex, current_in_use: bool) {
	let ring = Rings::<T>::get(community, index).expect("a ring");
	let root = ring.root.clone().expect("a root");
	frame_system::Pallet::<T>::set_block_number(10u32.into());
	let closed: BlockNumberFor<T> = 1u32.into();
	let mut uses = BoundedVec::<_, T::MaxRootsInUse>::new();
	let max = T::MaxRootsInUse::get();
	for revision in 0..max {
		let current = revision + 1 == max && current_in_use;
		let revision = if current { ring.revision } else { ring.revision + 1 + revision };
		if current {
			uses.try_push((revision, BlockNumberFor::<T>::from(1_000u32))).expect("bounded");
		} else {
			FrozenRings::<T>::insert(
				(community, index, revision),
				FrozenRing::<T> { root: root.clone(), members: ring.members.clone() },
			);
			uses.try_push((revision, closed)).expect("bounded");
		}
	}
	RingUse::<T>::insert(community, index, uses);
}

/// Builds every waiting ring.
fn build_all<T: Config>() {
	let mut meter = frame_support::weights::WeightMeter::new();
	Pallet::<T>::build_rings(&mut meter);
}

/// `who` registers key `index` of the helper's keys.
fn register<T: Config>(who: T::AccountId, index: u32, key: MemberOf<T>) {
	let possession = T::BenchmarkHelper::possession(index, &who.encode());
	Pallet::<T>::do_register_key(who, key, &possession).expect("registered");
}

/// Poll 0 in `community`, with ring 0 over the helper's first `keys` keys (their owners
/// registered), open from now.
fn poll_with_ring<T: Config>(community: UnitId, keys: u32) -> (T::AccountId, PollId) {
	for (index, key) in T::BenchmarkHelper::keys(keys).into_iter().enumerate() {
		let who = resident::<T>("voter", index as u32, community);
		register::<T>(who, index as u32, key);
	}
	build_all::<T>();
	let opener = officer::<T>("opener", community);
	let terms = PollTerms {
		question: [7; 32],
		options: T::MaxOptions::get().min(255) as u8,
		voting_period: T::MaxVotingPeriod::get(),
		changes_allowed: true,
	};
	Pallet::<T>::do_open_poll(opener.clone(), community, terms).expect("opened");
	(opener, NextPoll::<T>::get() - 1)
}

/// Poll 0 announced for an electorate kept elsewhere, its one ring over the helper's first
/// key, opened with every option allowed and two marks a voter, at its opening block: the
/// costlier path of a ballot (its marks and weighted tally are read and written besides what
/// any poll's ballot reads and writes), so the ballots' weights bound both kinds of poll.
fn roll_with_ring<T: Config>() -> PollId {
	let community = T::RegistryHelper::create_community();
	let now = frame_system::Pallet::<T>::block_number();
	let opens = now.saturating_add(One::one());
	let closes = opens.saturating_add(T::MaxVotingPeriod::get());
	let poll = Pallet::<T>::do_announce(community, 0, [7; 32], opens, closes, 2).expect("announced");
	let key = T::BenchmarkHelper::keys(1).remove(0);
	let mut roll = Rolls::<T>::get(poll).expect("a roll");
	// Enough keys for the ring's ballots to be taken (copies: the ballots' proofs are not
	// checked in these benchmarks).
	for i in 0..T::MinRollRing::get().max(1) {
		Pallet::<T>::enrol_checked(account("owner", i, 0), poll, &mut roll, key.clone(), 1_000)
			.expect("enrolled");
	}
	build_all::<T>();
	frame_system::Pallet::<T>::set_block_number(opens);
	let options = T::MaxOptions::get().min(32) as u8;
	Pallet::<T>::open_roll(poll, options, u32::MAX, None).expect("opened");
	assert!(Polls::<T>::get(poll).is_some_and(|p| p.rings.len() == 1), "its roots are fixed");
	poll
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_key() {
		let community = T::RegistryHelper::create_community();
		let keys = T::BenchmarkHelper::keys(2);
		let last = T::MaxRingsPerCommunity::get() - 1;
		full_rings::<T>(community, last + 1, &keys[1..]);
		// The last ring has room for one key, and open polls use its root.
		Rings::<T>::mutate(community, last, |ring| {
			let ring = ring.as_mut().expect("a ring");
			ring.members.pop();
			ring.built = ring.members.len() as u32;
		});
		roots_in_use::<T>(community, last, true);
		let who = resident::<T>("who", 0, community);
		let possession = T::BenchmarkHelper::possession(0, &who.encode());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), keys[0].clone(), possession);
		assert!(Keys::<T>::contains_key(&who));
		assert!(FrozenRings::<T>::contains_key((community, last, 1)));
	}

	#[benchmark]
	fn replace_key() {
		let community = T::RegistryHelper::create_community();
		let keys = T::BenchmarkHelper::keys(3);
		let who = resident::<T>("who", 0, community);
		register::<T>(who.clone(), 0, keys[0].clone());
		build_all::<T>();
		// Ring 0 has room for the new key only after the old one leaves; later rings are full.
		full_rings::<T>(community, 0, &keys[2..]);
		roots_in_use::<T>(community, 0, true);
		let possession = T::BenchmarkHelper::possession(1, &who.encode());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), keys[1].clone(), possession);
		assert_eq!(Keys::<T>::get(&who).map(|r| r.key), Some(keys[1].clone()));
	}

	#[benchmark]
	fn remove_key() {
		let community = T::RegistryHelper::create_community();
		let keys = T::BenchmarkHelper::keys(1);
		let who = resident::<T>("who", 0, community);
		register::<T>(who.clone(), 0, keys[0].clone());
		build_all::<T>();
		roots_in_use::<T>(community, 0, true);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Keys::<T>::contains_key(&who));
	}

	#[benchmark]
	fn open_poll(r: Linear<1, { T::MaxRingsPerCommunity::get() }>) {
		let community = T::RegistryHelper::create_community();
		full_rings::<T>(community, r, &T::BenchmarkHelper::keys(1));
		for index in 0..r {
			roots_in_use::<T>(community, index, false);
		}
		let opener = officer::<T>("opener", community);
		let terms = PollTerms {
			question: [7; 32],
			options: T::MaxOptions::get().min(255) as u8,
			voting_period: T::MaxVotingPeriod::get(),
			changes_allowed: true,
		};
		#[extrinsic_call]
		_(RawOrigin::Signed(opener), community, terms);
		assert_eq!(Polls::<T>::get(0).map(|p| p.rings.len() as u32), Some(r));
	}

	/// The proof check a ballot's `authorize` runs in the pool, with a real proof (the
	/// runtime's helper). The pool's cost, not the block's: shown in the docs, charged nowhere.
	#[benchmark]
	fn authorize_ballot() {
		let community = T::RegistryHelper::create_community();
		let (_, poll) = poll_with_ring::<T>(community, 8);
		assert_eq!(poll, 0, "the helper's ballot is for poll 0");
		let (alias, proof) = T::BenchmarkHelper::ballot();
		let result;
		#[block]
		{
			result = Pallet::<T>::authorize_ballot(
				TransactionSource::External,
				poll,
				0,
				0,
				0,
				&alias,
				&proof,
			);
		}
		assert!(result.is_ok(), "the helper's ballot checks");
	}

	/// A ballot's `authorize` in a block: everything but the proof. Worst case: a poll of an
	/// electorate kept elsewhere, where the alias has marked an option and this is its second
	/// mark.
	#[benchmark]
	fn admit_ballot() {
		let poll = roll_with_ring::<T>();
		let (alias, proof) = T::BenchmarkHelper::ballot();
		Ballots::<T>::insert(poll, alias, Ballot { choice: 0, sequence: 0 });
		Marks::<T>::insert(poll, alias, 1);
		let result;
		#[block]
		{
			result = Pallet::<T>::authorize_ballot(
				TransactionSource::InBlock,
				poll,
				0,
				1,
				1,
				&alias,
				&proof,
			);
		}
		assert!(result.is_ok(), "the ballot is admitted");
	}

	/// Taking a ballot into a block that holds all but one of the ballots it takes.
	#[benchmark]
	fn cast() {
		let community = T::RegistryHelper::create_community();
		let (_, poll) = poll_with_ring::<T>(community, 1);
		let (alias, proof) = T::BenchmarkHelper::ballot();
		let ballot = PendingBallot::<T> { poll, ring: 0, choice: 0, sequence: 0, alias, proof };
		let taken = T::MaxBallotsPerBlock::get() - 1;
		Pending::<T>::put(vec![ballot.clone(); taken as usize]);
		#[extrinsic_call]
		_(RawOrigin::Authorized, poll, 0, 1, 0, [9u8; 32], ballot.proof.clone());
		assert_eq!(Pending::<T>::decode_len(), Some(taken as usize + 1));
	}

	/// Counting one ballot after the batched check, and forgetting its place in the block.
	/// Worst case: the second mark of an alias in a poll of an electorate kept elsewhere (its
	/// marks and the weighted tally written besides the ballot and the poll; a ballot that
	/// replaces another in a community's poll writes less).
	#[benchmark]
	fn count_ballot() {
		let poll = roll_with_ring::<T>();
		let (alias, proof) = T::BenchmarkHelper::ballot();
		Ballots::<T>::insert(poll, alias, Ballot { choice: 0, sequence: 0 });
		Marks::<T>::insert(poll, alias, 1);
		PendingSequence::<T>::insert(poll, alias, 1);
		let ballot = PendingBallot::<T> { poll, ring: 0, choice: 1, sequence: 1, alias, proof };
		let counted;
		#[block]
		{
			PendingSequence::<T>::remove(poll, alias);
			counted = Pallet::<T>::count_ballot(&ballot);
		}
		assert!(counted);
		assert_eq!(Ballots::<T>::get(poll, alias).map(|b| b.sequence), Some(1));
	}

	/// The batched check of `n` ballots' proofs at a block's end (the helper's ballot `n`
	/// times: the work is that of `n` proofs), reading them from [`Pending`].
	#[benchmark]
	fn check_batch(n: Linear<1, { T::MaxBallotsPerBlock::get().min(64) }>) {
		let community = T::RegistryHelper::create_community();
		let (_, poll) = poll_with_ring::<T>(community, 8);
		let (alias, proof) = T::BenchmarkHelper::ballot();
		let ballot = PendingBallot::<T> { poll, ring: 0, choice: 0, sequence: 0, alias, proof };
		Pending::<T>::put(vec![ballot; n as usize]);
		let verdicts;
		#[block]
		{
			let pending = Pending::<T>::take();
			verdicts = Pallet::<T>::check_proofs(&pending);
		}
		assert!(verdicts.len() == n as usize && verdicts.iter().all(|v| *v), "every proof holds");
	}

	#[benchmark]
	fn record_paper_count(v: Linear<1, { T::MaxPaperVoters::get() }>) {
		let community = T::RegistryHelper::create_community();
		let voters: Vec<T::AccountId> =
			(0..v).map(|i| resident::<T>("paper", i, community)).collect();
		let (_, poll) = poll_with_ring::<T>(community, 1);
		let recorder: T::AccountId = account("recorder", 0, 0);
		T::RegistryHelper::grant_role(&recorder, Role::PollingOfficer, community);
		let mut counts = vec![0u32; T::MaxOptions::get() as usize];
		counts[0] = v;
		let counts = BoundedVec::try_from(counts).expect("one per option");
		let listed = BoundedVec::try_from(voters).expect("within the bound");
		#[extrinsic_call]
		_(RawOrigin::Signed(recorder), poll, 1, counts, listed);
		assert!(PaperCounts::<T>::contains_key(poll, 1));
	}

	#[benchmark]
	fn countersign_paper_count() {
		let community = T::RegistryHelper::create_community();
		let voter = resident::<T>("paper", 0, community);
		let (opener, poll) = poll_with_ring::<T>(community, 1);
		let recorder: T::AccountId = account("recorder", 0, 0);
		T::RegistryHelper::grant_role(&recorder, Role::PollingOfficer, community);
		let mut counts = vec![0u32; T::MaxOptions::get() as usize];
		counts[0] = 1;
		Pallet::<T>::do_record_paper_count(
			recorder,
			poll,
			1,
			BoundedVec::try_from(counts).expect("one per option"),
			BoundedVec::try_from(vec![voter]).expect("one"),
		)
		.expect("recorded");
		#[extrinsic_call]
		_(RawOrigin::Signed(opener), poll, 1);
		assert_eq!(Polls::<T>::get(poll).map(|p| p.paper), Some(1));
	}

	#[benchmark]
	fn reject_paper_count(v: Linear<1, { T::MaxPaperVoters::get() }>) {
		let community = T::RegistryHelper::create_community();
		let voters: Vec<T::AccountId> =
			(0..v).map(|i| resident::<T>("paper", i, community)).collect();
		let (opener, poll) = poll_with_ring::<T>(community, 1);
		let recorder: T::AccountId = account("recorder", 0, 0);
		T::RegistryHelper::grant_role(&recorder, Role::PollingOfficer, community);
		let mut counts = vec![0u32; T::MaxOptions::get() as usize];
		counts[0] = v;
		Pallet::<T>::do_record_paper_count(
			recorder,
			poll,
			1,
			BoundedVec::try_from(counts).expect("one per option"),
			BoundedVec::try_from(voters).expect("within the bound"),
		)
		.expect("recorded");
		#[extrinsic_call]
		_(RawOrigin::Signed(opener), poll, 1);
		assert!(!PaperCounts::<T>::contains_key(poll, 1));
	}

	/// One `on_idle` step adding `k` keys to a root, and finishing it.
	#[benchmark]
	fn build_step(k: Linear<1, { T::MaxKeysPerBuildStep::get() }>) {
		let community = T::RegistryHelper::create_community();
		for (index, key) in T::BenchmarkHelper::keys(k).into_iter().enumerate() {
			let who = resident::<T>("key", index as u32, community);
			register::<T>(who, index as u32, key);
		}
		let finished;
		#[block]
		{
			finished = Pallet::<T>::build_step(community, 0, k);
		}
		assert!(finished && Rings::<T>::get(community, 0).is_some_and(|r| r.is_current()));
	}

	/// One pruning step removing `n` ballots of a poll past its retention.
	#[benchmark]
	fn prune_step(n: Linear<1, { T::MaxPrunedPerStep::get() }>) {
		let community = T::RegistryHelper::create_community();
		let (_, poll) = poll_with_ring::<T>(community, 1);
		for i in 0..n {
			let mut alias = [0u8; 32];
			alias[..4].copy_from_slice(&i.to_le_bytes());
			Ballots::<T>::insert(poll, alias, Ballot { choice: 0, sequence: 0 });
		}
		let closes = Polls::<T>::get(poll).map(|p| p.closes).unwrap_or_default();
		let now: BlockNumberFor<T> =
			closes.saturating_add(T::Retention::get()).saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Pallet::<T>::prune(now, &mut frame_support::weights::WeightMeter::new());
		}
		assert_eq!(Ballots::<T>::iter_prefix(poll).count() as u32, n.saturating_sub(n.min(T::MaxPrunedPerStep::get())));
	}

	/// Enrolling in an announced poll: the key's possession checked, and a search through
	/// every ring of the poll for one of the voter's weight with room (the last). The
	/// electorate's answer is charged apart ([`Pallet::enrol_weight`]).
	#[benchmark]
	fn enrol() {
		let community = T::RegistryHelper::create_community();
		let now = frame_system::Pallet::<T>::block_number();
		let (opens, closes) = (now.saturating_add(10u32.into()), now.saturating_add(20u32.into()));
		let poll = Pallet::<T>::do_announce(community, 0, [7; 32], opens, closes, 1)
			.expect("announced");
		let keys = T::BenchmarkHelper::keys(2);
		let last = T::MaxRingsPerCommunity::get() - 1;
		let room = T::MaxRingSize::get() - 1;
		Rolls::<T>::mutate(poll, |roll| {
			let roll = roll.as_mut().expect("a roll");
			for weight in 0..last {
				roll.rings.try_push((u64::from(weight) + 1_000, 1)).expect("bounded");
			}
			roll.rings.try_push((500, room)).expect("bounded");
		});
		let members = BoundedVec::try_from(vec![keys[1].clone(); room as usize]).expect("bounded");
		RollRings::<T>::insert(
			poll,
			last,
			Ring::<T> {
				members,
				built: 0,
				rebuild: false,
				building: Trusted(T::Crypto::start_members(T::RingConfig::get())),
				root: None,
				revision: 0,
			},
		);
		let who: T::AccountId = account("owner", 0, 0);
		let possession = T::BenchmarkHelper::possession(0, &who.encode());
		#[block]
		{
			assert!(Polls::<T>::contains_key(poll));
			let mut roll = Rolls::<T>::get(poll).expect("a roll");
			assert!(!Enrolled::<T>::contains_key(poll, &who));
			Pallet::<T>::check_holder(&who, &keys[0], &possession).expect("the holder");
			assert!(!RollKeys::<T>::contains_key(poll, &keys[0]));
			Pallet::<T>::enrol_checked(who.clone(), poll, &mut roll, keys[0].clone(), 500)
				.expect("enrolled");
		}
		assert_eq!(Enrolled::<T>::get(poll, &who), Some(last));
	}

	/// Fixing an announced poll's options when its `r` rings are built: their roots are fixed
	/// in the poll at once.
	#[benchmark]
	fn open_roll(r: Linear<1, { T::MaxRingsPerCommunity::get() }>) {
		let community = T::RegistryHelper::create_community();
		let now = frame_system::Pallet::<T>::block_number();
		let (opens, closes) = (now.saturating_add(10u32.into()), now.saturating_add(20u32.into()));
		let poll = Pallet::<T>::do_announce(community, 0, [7; 32], opens, closes, 1)
			.expect("announced");
		let keys = T::BenchmarkHelper::keys(1);
		let root = root_of::<T>(&keys);
		let members: BoundedVec<_, T::MaxRingSize> =
			BoundedVec::try_from(keys.clone()).expect("bounded");
		Rolls::<T>::mutate(poll, |roll| {
			let roll = roll.as_mut().expect("a roll");
			for weight in 0..r {
				roll.rings.try_push((u64::from(weight) + 1, 1)).expect("bounded");
			}
			roll.enrolled = r;
		});
		for index in 0..r {
			RollRings::<T>::insert(
				poll,
				index,
				Ring::<T> {
					members: members.clone(),
					built: 1,
					rebuild: false,
					building: Trusted(T::Crypto::start_members(T::RingConfig::get())),
					root: Some(Trusted(root.clone())),
					revision: 1,
				},
			);
		}
		let options = T::MaxOptions::get().min(32) as u8;
		#[block]
		{
			Pallet::<T>::open_roll(poll, options, u32::MAX, Some(0)).expect("opened");
		}
		assert_eq!(Polls::<T>::get(poll).map(|p| p.rings.len() as u32), Some(r));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext().0, crate::mock::Test);
}
