//! Storage migrations, one module per storage version reached. The runtime lists the ones an
//! upgrade runs in its `Migrations` tuple; each is a [`VersionedMigration`], so it runs once, only
//! from the version it expects, and sets the next.

use frame_support::migrations::VersionedMigration;

use crate::Pallet;

/// Version 0 → 1: see [`v1`]. `VestingDelay` is the vote vesting delay a chain upgraded to
/// version 1 starts with (a new chain's comes from its genesis).
pub type MigrateToV1<T, VestingDelay> = VersionedMigration<
	0,
	1,
	v1::UncheckedMigrateToV1<T, VestingDelay>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// Version 1 → 2: see [`v2`].
pub type MigrateToV2<T> = VersionedMigration<
	1,
	2,
	v2::UncheckedMigrateToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

pub mod v2 {
	//! Officers make civic calls free within the quota, as residents do: the registry counts
	//! each account's offices ([`OfficeCount`]), which this migration counts from the units.
	//! One read per unit and one write per officer: a district's few hundred units fit in a
	//! block many times over.

	use alloc::collections::btree_map::BTreeMap;
	use frame_support::{pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade};

	use crate::{Config, OfficeCount, Units};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// Counts every officer's offices.
	pub struct UncheckedMigrateToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut counts: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut units = 0u64;
			for unit in Units::<T>::iter_values() {
				units += 1;
				for who in unit.secretary.iter().chain(unit.committee.iter()) {
					*counts.entry(who.clone()).or_default() += 1;
				}
			}
			let officers = counts.len() as u64;
			for (who, count) in counts {
				OfficeCount::<T>::insert(who, count);
			}
			T::DbWeight::get().reads_writes(units, officers)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			for unit in Units::<T>::iter_values() {
				for who in unit.secretary.iter().chain(unit.committee.iter()) {
					ensure!(OfficeCount::<T>::get(who) > 0, "an officer's offices are not counted");
				}
			}
			Ok(())
		}
	}
}

pub mod v1 {
	//! Residents carry the block their civic vote counts from (`votes_from`), and applications
	//! the officer who recorded them in person (`recorded_by`). Residents registered before held
	//! their vote already: their `votes_from` is their `since`. Applications made before were
	//! the applicants' own (`recorded_by: None`): in-person registration did not go through an
	//! application then.
	//!
	//! Version 1 also brought the vote vesting delay, which a new chain's genesis sets. A chain
	//! upgraded to it had none: without this migration its residents registered from then on
	//! would vote at once, in referenda already running (the hole the delay closes). The
	//! migration sets the delay the runtime names (capped at `MaxVoteVestingDelay`), unless
	//! governance already set one.
	//!
	//! Every resident and application of the chain is rewritten in one block; the weight
	//! returned counts them. Each rewrite is one read and one write of about 120 bytes (101 µs
	//! with the measured database costs), so about 19,000 fit in a block. Version 0 ran only on
	//! test networks (specs ≤ 101) of a few dozen residents; a migration over a real district's
	//! residents must be stepped over blocks (`pallet-migrations`).

	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade};
	use frame_system::pallet_prelude::BlockNumberFor;

	use crate::{
		Application, Applications, Authority, Config, ResidentRecord, Residents, UnitId,
		VoteVestingDelay,
	};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The types as storage version 0 kept them.
	pub mod v0 {
		use super::*;

		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct ResidentRecord<AccountId, Hash, BlockNumber> {
			pub community: UnitId,
			pub commitment: Hash,
			pub since: BlockNumber,
			pub approved_by: Authority<AccountId>,
		}

		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct Application<Hash, BlockNumber> {
			pub community: UnitId,
			pub commitment: Hash,
			pub submitted: BlockNumber,
		}
	}

	/// The migration itself; run it through [`super::MigrateToV1`], which checks the version.
	pub struct UncheckedMigrateToV1<T, VestingDelay>(core::marker::PhantomData<(T, VestingDelay)>);

	impl<T: Config, VestingDelay: Get<BlockNumberFor<T>>> UncheckedOnRuntimeUpgrade
		for UncheckedMigrateToV1<T, VestingDelay>
	{
		fn on_runtime_upgrade() -> Weight {
			let mut items = 0u64;
			if !VoteVestingDelay::<T>::exists() {
				VoteVestingDelay::<T>::put(VestingDelay::get().min(T::MaxVoteVestingDelay::get()));
				items += 1;
			}
			Residents::<T>::translate::<
				v0::ResidentRecord<T::AccountId, T::Hash, BlockNumberFor<T>>,
				_,
			>(|_, old| {
				items += 1;
				Some(ResidentRecord {
					community: old.community,
					commitment: old.commitment,
					since: old.since,
					approved_by: old.approved_by,
					votes_from: old.since,
				})
			});
			Applications::<T>::translate::<v0::Application<T::Hash, BlockNumberFor<T>>, _>(
				|_, old| {
					items += 1;
					Some(Application {
						community: old.community,
						commitment: old.commitment,
						submitted: old.submitted,
						recorded_by: None,
					})
				},
			);
			T::DbWeight::get().reads_writes(items, items)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let residents = Residents::<T>::iter_keys().count() as u64;
			let applications = Applications::<T>::iter_keys().count() as u64;
			Ok((residents, applications).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (residents, applications) = <(u64, u64)>::decode(&mut &state[..])
				.map_err(|_| "party-branch v1: the state before the upgrade did not decode")?;
			// `iter` skips values that do not decode: every one must have been rewritten.
			ensure!(
				Residents::<T>::iter().count() as u64 == residents,
				"party-branch v1: a resident was lost"
			);
			ensure!(
				Residents::<T>::iter().all(|(_, r)| r.votes_from == r.since),
				"party-branch v1: a resident's vote does not count from their registration"
			);
			ensure!(
				Applications::<T>::iter().count() as u64 == applications,
				"party-branch v1: an application was lost"
			);
			ensure!(
				VoteVestingDelay::<T>::exists(),
				"party-branch v1: the chain has no vote vesting delay"
			);
			Ok(())
		}
	}

	#[cfg(test)]
	mod tests {
		use super::*;
		use crate::mock::{new_test_ext, Test};
		use frame_support::{
			storage::unhashed,
			traits::{ConstU64, OnRuntimeUpgrade, StorageVersion},
		};

		#[test]
		fn residents_and_applications_of_version_0_are_read_after_the_upgrade() {
			// Raw records outside the registry's counts: the invariants are not checked here.
			new_test_ext().0.execute_with(|| {
				StorageVersion::new(0).put::<crate::Pallet<Test>>();
				let record = v0::ResidentRecord::<u64, sp_core::H256, u64> {
					community: 3,
					commitment: sp_core::H256::repeat_byte(7),
					since: 5,
					approved_by: Authority::Officer(2),
				};
				let application = v0::Application::<sp_core::H256, u64> {
					community: 3,
					commitment: sp_core::H256::repeat_byte(8),
					submitted: 6,
				};
				unhashed::put(&Residents::<Test>::hashed_key_for(40u64), &record);
				unhashed::put(&Applications::<Test>::hashed_key_for(41u64), &application);
				assert!(Residents::<Test>::get(40u64).is_none(), "the old layout does not decode");

				VoteVestingDelay::<Test>::kill();

				Migrate::on_runtime_upgrade();

				let migrated = Residents::<Test>::get(40u64).unwrap();
				assert_eq!((migrated.since, migrated.votes_from), (5, 5));
				assert_eq!(migrated.approved_by, Authority::Officer(2));
				let applied = Applications::<Test>::get(41u64).unwrap();
				assert_eq!((applied.submitted, applied.recorded_by), (6, None));
				assert_eq!(StorageVersion::get::<crate::Pallet<Test>>(), 1);
				// Run again, it changes nothing: the version says it is done.
				Migrate::on_runtime_upgrade();
				assert_eq!(Residents::<Test>::get(40u64).unwrap(), migrated);
			});
		}

		type Migrate = super::super::MigrateToV1<Test, ConstU64<20>>;

		#[test]
		fn an_upgraded_chain_gets_the_vote_vesting_delay_the_runtime_names() {
			new_test_ext().0.execute_with(|| {
				StorageVersion::new(0).put::<crate::Pallet<Test>>();
				VoteVestingDelay::<Test>::kill();
				Migrate::on_runtime_upgrade();
				assert_eq!(VoteVestingDelay::<Test>::get(), 20);
			});
		}

		#[test]
		fn a_vote_vesting_delay_governance_already_set_is_kept() {
			new_test_ext().0.execute_with(|| {
				StorageVersion::new(0).put::<crate::Pallet<Test>>();
				VoteVestingDelay::<Test>::put(0);
				Migrate::on_runtime_upgrade();
				assert_eq!(
					VoteVestingDelay::<Test>::get(),
					0,
					"an explicit zero is governance's choice"
				);
			});
		}

		#[test]
		fn the_delay_set_by_the_upgrade_is_capped_at_the_longest_allowed() {
			new_test_ext().0.execute_with(|| {
				StorageVersion::new(0).put::<crate::Pallet<Test>>();
				VoteVestingDelay::<Test>::kill();
				super::super::MigrateToV1::<Test, ConstU64<{ u64::MAX }>>::on_runtime_upgrade();
				assert_eq!(
					VoteVestingDelay::<Test>::get(),
					<<Test as crate::Config>::MaxVoteVestingDelay as Get<u64>>::get()
				);
			});
		}
	}
}
