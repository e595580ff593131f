//! Benchmarks for `pallet_party_branch`. Each call is measured on its most expensive path.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Hash, Saturating};

/// District → street → two communities, and an officer of the first community.
struct Tree<T: Config> {
	community: UnitId,
	other: UnitId,
	officer: T::AccountId,
}

fn tree<T: Config>() -> Tree<T> {
	let mut parent = None;
	for level in [UnitLevel::District, UnitLevel::Street, UnitLevel::Community] {
		Pallet::<T>::do_create_unit(Authority::Governance, level, parent, vec![b'n'; 16], None)
			.unwrap();
		parent = Some(NextUnitId::<T>::get() - 1);
	}
	let community = parent.unwrap();
	let street = Pallet::<T>::parent_of_unit(community);
	Pallet::<T>::do_create_unit(Authority::Governance, UnitLevel::Community, street, vec![], None)
		.unwrap();
	let other = NextUnitId::<T>::get() - 1;
	let officer: T::AccountId = account("officer", 0, 0);
	Pallet::<T>::do_appoint(Authority::Governance, community, officer.clone(), Office::Secretary)
		.unwrap();
	Pallet::<T>::do_appoint(Authority::Governance, other, officer.clone(), Office::Secretary)
		.unwrap();
	Tree { community, other, officer }
}

/// Gives `who` enough to hold an application deposit ten times over.
fn funded<T: Config>(who: &T::AccountId) {
	use frame_support::traits::fungible::{Inspect, Mutate};
	let amount = T::ApplicationDeposit::get()
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

fn commitment_of<T: Config>(n: u32) -> T::Hash {
	T::Hashing::hash_of(&n)
}

fn resident<T: Config>(index: u32, community: UnitId) -> T::AccountId {
	let who: T::AccountId = account("resident", index, 0);
	Pallet::<T>::do_register(
		Authority::Governance,
		who.clone(),
		community,
		commitment_of::<T>(index),
	)
	.unwrap();
	who
}

/// Gives `who` `r` roles that survive nothing: Volunteer at the community and staff roles.
fn fill_roles<T: Config>(who: &T::AccountId, community: UnitId, r: u32) {
	let roles = [
		Role::Volunteer,
		Role::SpecialNeeds,
		Role::GridWorker,
		Role::OwnersCommittee,
		Role::TreasurySupervisor,
		Role::PollingOfficer,
		Role::ServiceProvider,
		Role::AidDistributor,
		Role::VolunteerOrganisation,
	];
	for role in roles.iter().take(r as usize) {
		Pallet::<T>::do_grant_role(Authority::Governance, who.clone(), *role, community).unwrap();
	}
}

impl<T: Config> Pallet<T> {
	fn parent_of_unit(unit: UnitId) -> Option<UnitId> {
		Units::<T>::get(unit).and_then(|u| u.parent)
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_unit(n: Linear<1, { T::MaxNameLength::get() }>) {
		let tree = tree::<T>();
		let secretary: T::AccountId = account("secretary", 0, 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(tree.officer),
			UnitLevel::Grid,
			Some(tree.community),
			vec![b'g'; n as usize],
			Some(secretary),
		);

		assert!(Units::<T>::contains_key(NextUnitId::<T>::get() - 1));
	}

	#[benchmark]
	fn appoint_officer() {
		let tree = tree::<T>();
		let who: T::AccountId = account("member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), tree.community, who.clone(), Office::Committee);

		assert!(Pallet::<T>::holds_office(&who, tree.community));
	}

	#[benchmark]
	fn remove_officer() {
		let tree = tree::<T>();
		let who: T::AccountId = account("member", 0, 0);
		Pallet::<T>::do_appoint(
			Authority::Governance,
			tree.community,
			who.clone(),
			Office::Committee,
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), tree.community, who.clone());

		assert!(!Pallet::<T>::holds_office(&who, tree.community));
	}

	#[benchmark]
	fn apply() {
		let tree = tree::<T>();
		let who: T::AccountId = account("applicant", 0, 0);
		funded::<T>(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), tree.community, commitment_of::<T>(1));

		assert!(Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn withdraw_application() {
		let tree = tree::<T>();
		let who: T::AccountId = account("applicant", 0, 0);
		funded::<T>(&who);
		Pallet::<T>::do_apply(who.clone(), tree.community, commitment_of::<T>(1)).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn approve() {
		let tree = tree::<T>();
		let who: T::AccountId = account("applicant", 0, 0);
		// Recorded in person by another officer; the vote waits in the vesting queue.
		let recorder: T::AccountId = account("recorder", 0, 0);
		Pallet::<T>::do_record_in_person(
			recorder,
			who.clone(),
			tree.community,
			commitment_of::<T>(1),
		)
		.unwrap();
		VoteVestingDelay::<T>::put(BlockNumberFor::<T>::from(10u32));

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone());

		assert!(Residents::<T>::contains_key(&who));
		assert_eq!(Pallet::<T>::votes_waiting(), 1);
	}

	#[benchmark]
	fn reject() {
		let tree = tree::<T>();
		let who: T::AccountId = account("applicant", 0, 0);
		funded::<T>(&who);
		Pallet::<T>::do_apply(who.clone(), tree.community, commitment_of::<T>(1)).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone());

		assert!(!Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	// Governance registers at once (an officer only records the application: less work).
	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let tree = tree::<T>();
		let who: T::AccountId = account("resident", 0, 0);
		VoteVestingDelay::<T>::put(BlockNumberFor::<T>::from(10u32));
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), tree.community, commitment_of::<T>(1));

		assert!(Residents::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn revoke(r: Linear<0, { T::MaxRolesPerAccount::get().min(9) }>) {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);
		fill_roles::<T>(&who, tree.community, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone(), RevocationReason::MovedAway);

		assert!(!Residents::<T>::contains_key(&who));
	}

	#[benchmark]
	fn request_move() {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), tree.other);

		assert!(MoveRequests::<T>::contains_key(&who));
	}

	#[benchmark]
	fn approve_move(r: Linear<0, { T::MaxRolesPerAccount::get().min(9) }>) {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);
		fill_roles::<T>(&who, tree.community, r);
		Pallet::<T>::do_request_move(who.clone(), tree.other).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone());

		assert_eq!(Residents::<T>::get(&who).map(|r| r.community), Some(tree.other));
	}

	#[benchmark]
	fn approve_rekey() {
		let tree = tree::<T>();
		resident::<T>(1, tree.community);
		let new: T::AccountId = account("new", 0, 0);
		funded::<T>(&new);
		Pallet::<T>::do_apply(new.clone(), tree.community, commitment_of::<T>(1)).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), new.clone());

		assert!(PendingRekeys::<T>::contains_key(&new));
	}

	// The old key consents: the re-key happens at once, its roles moved.
	#[benchmark]
	fn complete_rekey(r: Linear<0, { T::MaxRolesPerAccount::get().min(9) }>) {
		let tree = tree::<T>();
		let old = resident::<T>(1, tree.community);
		fill_roles::<T>(&old, tree.community, r);
		let new: T::AccountId = account("new", 0, 0);
		funded::<T>(&new);
		Pallet::<T>::do_apply(new.clone(), tree.community, commitment_of::<T>(1)).unwrap();
		Pallet::<T>::do_approve_rekey(Authority::Officer(tree.officer), old.clone(), new.clone())
			.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(old), new.clone());

		assert!(Residents::<T>::contains_key(&new));
	}

	#[benchmark]
	fn refuse_rekey() {
		let tree = tree::<T>();
		let old = resident::<T>(1, tree.community);
		let new: T::AccountId = account("new", 0, 0);
		funded::<T>(&new);
		Pallet::<T>::do_apply(new.clone(), tree.community, commitment_of::<T>(1)).unwrap();
		Pallet::<T>::do_approve_rekey(Authority::Officer(tree.officer), old.clone(), new.clone())
			.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(old), new.clone());

		assert!(!PendingRekeys::<T>::contains_key(&new));
	}

	#[benchmark]
	fn grant_role() {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone(), Role::Volunteer, tree.community);

		assert!(Roles::<T>::contains_key(&who, (Role::Volunteer, tree.community)));
	}

	#[benchmark]
	fn revoke_role() {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);
		fill_roles::<T>(&who, tree.community, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(tree.officer), who.clone(), Role::Volunteer, tree.community);

		assert!(!Roles::<T>::contains_key(&who, (Role::Volunteer, tree.community)));
	}

	#[benchmark]
	fn set_free_call_quota() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxFreeCallsPerPeriod::get());

		assert_eq!(FreeCallQuota::<T>::get(), T::MaxFreeCallsPerPeriod::get());
		Ok(())
	}

	#[benchmark]
	fn set_vote_vesting_delay() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxVoteVestingDelay::get());

		assert_eq!(VoteVestingDelay::<T>::get(), T::MaxVoteVestingDelay::get());
		Ok(())
	}

	// The hook with nothing due.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::vest_due(now);
		}
	}

	// The hook vesting one vote (the grant itself is the runtime's `vested_weight`).
	#[benchmark]
	fn on_initialize_vesting() {
		let tree = tree::<T>();
		VoteVestingDelay::<T>::put(BlockNumberFor::<T>::from(1u32));
		resident::<T>(1, tree.community);
		let now = frame_system::Pallet::<T>::block_number() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::vest_due(now);
		}

		assert_eq!(Pallet::<T>::votes_waiting(), 0);
	}

	// The free path of `ChargeCivicFees`: check residency and quota, count the call.
	#[benchmark]
	fn free_call() {
		let tree = tree::<T>();
		let who = resident::<T>(1, tree.community);
		FreeCallQuota::<T>::put(1);

		#[block]
		{
			Pallet::<T>::use_free_calls(&who, 1).unwrap();
		}

		assert_eq!(Pallet::<T>::free_calls_left(&who), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
