//! Storage migrations, one module per storage version reached. The runtime lists the ones an
//! upgrade runs in its `Migrations` tuple; each is a [`VersionedMigration`], so it runs once, only
//! from the version it expects, and sets the next.

use frame_support::migrations::VersionedMigration;

use crate::Pallet;

/// Version 0 → 1: see [`v1`].
pub type MigrateToV1<T> = VersionedMigration<
	0,
	1,
	v1::UncheckedMigrateToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

pub mod v1 {
	//! Activities carry the most minutes one volunteer is credited (`max_minutes`), and disputes
	//! the minutes the volunteer claims (`claimed`). Activities and disputes stored before get
	//! the daily cap for both: the only bound that applied to them, so nobody loses a claim.
	//!
	//! Every activity and participation is rewritten in one block; the weight returned counts
	//! them. A district's first years hold a few thousand of each (docs/performance.md), far
	//! below a block's weight.

	use codec::{Decode, Encode};
	use frame_support::{
		pallet_prelude::*,
		traits::{Get, UncheckedOnRuntimeUpgrade},
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	use crate::{
		Activities, Activity, Config, Minutes, Participation, Participations, TitleOf, UnitId,
	};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The types as storage version 0 kept them.
	pub mod v0 {
		use super::*;

		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct Activity<AccountId, BlockNumber, Title> {
			pub unit: UnitId,
			pub organiser: AccountId,
			pub title: Title,
			pub published_at: BlockNumber,
			pub open: bool,
			pub volunteers: u32,
		}

		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub enum Participation<BlockNumber> {
			#[codec(index = 0)]
			SignedUp,
			#[codec(index = 1)]
			Recorded { minutes: Minutes, at: BlockNumber },
			#[codec(index = 2)]
			Disputed { minutes: Minutes, at: BlockNumber },
			#[codec(index = 3)]
			Settled { minutes: Minutes },
		}
	}

	/// The migration itself; run it through [`super::MigrateToV1`], which checks the version.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let cap = T::DailyCap::get();
			let mut items = 0u64;
			Activities::<T>::translate::<
				v0::Activity<T::AccountId, BlockNumberFor<T>, TitleOf<T>>,
				_,
			>(|_, old| {
				items += 1;
				Some(Activity {
					unit: old.unit,
					organiser: old.organiser,
					title: old.title,
					published_at: old.published_at,
					open: old.open,
					volunteers: old.volunteers,
					max_minutes: cap,
				})
			});
			Participations::<T>::translate::<v0::Participation<BlockNumberFor<T>>, _>(
				|_, _, old| {
					items += 1;
					Some(match old {
						v0::Participation::SignedUp => Participation::SignedUp,
						v0::Participation::Recorded { minutes, at } => {
							Participation::Recorded { minutes, at }
						},
						v0::Participation::Disputed { minutes, at } => {
							Participation::Disputed { minutes, at, claimed: cap }
						},
						v0::Participation::Settled { minutes } => {
							Participation::Settled { minutes }
						},
					})
				},
			);
			T::DbWeight::get().reads_writes(items, items)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let activities = Activities::<T>::iter_keys().count() as u64;
			let participations = Participations::<T>::iter_keys().count() as u64;
			Ok((activities, participations).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (activities, participations) = <(u64, u64)>::decode(&mut &state[..])
				.map_err(|_| "v1: the state before the upgrade did not decode")?;
			// `iter` skips values that do not decode: every one must have been rewritten.
			ensure!(Activities::<T>::iter().count() as u64 == activities, "v1: lost activities");
			ensure!(
				Participations::<T>::iter().count() as u64 == participations,
				"v1: lost participations"
			);
			ensure!(
				Activities::<T>::iter_values().all(|a| a.max_minutes == T::DailyCap::get()),
				"v1: an activity without the daily cap as its limit"
			);
			Ok(())
		}
	}
}
