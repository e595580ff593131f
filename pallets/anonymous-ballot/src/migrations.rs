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
	//! Version 1 keeps the keys of every ring root an open poll fixed when the ring changes
	//! ([`RingUse`], [`FrozenRings`]): before it, a ring that changed during a poll left that
	//! poll's voters in the ring nothing to prove against but the ring's new keys, which do not
	//! match the poll's root. The migration marks the roots that polls open at the upgrade
	//! fixed, where the ring has not changed since (its keys are then still the root's). Where
	//! it has, the poll's keys are no longer on the chain and cannot be restored; the migration
	//! logs each such ring, and its voters need the keys as they were when the poll opened.
	//!
	//! Reads every poll kept (at most [`Config::MaxPolls`]) and, for the open ones, their rings;
	//! the weight returned counts them.

	use frame_support::{pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade};

	use crate::{Config, Polls, RingIndex, RingUse, Rings, LOG_TARGET};
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, codec::Encode};

	/// The migration itself; run it through [`super::MigrateToV1`], which checks the version.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let (mut reads, mut writes) = (0u64, 0u64);
			for (id, poll) in Polls::<T>::iter() {
				reads += 1;
				if !poll.is_open(now) {
					continue;
				}
				for (index, root) in poll.rings.iter().enumerate() {
					let index = index as RingIndex;
					reads += 2;
					let ring = Rings::<T>::get(poll.community, index);
					let Some(ring) =
						ring.filter(|r| r.is_current() && r.root.as_ref() == Some(root))
					else {
						log::warn!(
							target: LOG_TARGET,
							"poll {id}: ring {index} of community {} changed since the poll opened; its keys then are not on the chain",
							poll.community
						);
						continue;
					};
					let marked = RingUse::<T>::mutate(poll.community, index, |uses| {
						match uses.iter_mut().find(|(revision, _)| *revision == ring.revision) {
							Some((_, until)) => {
								*until = (*until).max(poll.closes);
								Ok(())
							},
							None => uses.try_push((ring.revision, poll.closes)),
						}
					});
					writes += 1;
					if marked.is_err() {
						log::warn!(
							target: LOG_TARGET,
							"poll {id}: ring {index} of community {} has too many roots in use to mark one more",
							poll.community
						);
					}
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			ensure!(RingUse::<T>::iter().next().is_none(), "v1: roots in use before version 1");
			Ok((Polls::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let polls = <u64 as codec::Decode>::decode(&mut &state[..])
				.map_err(|_| "v1: the state before the upgrade did not decode")?;
			ensure!(Polls::<T>::iter_keys().count() as u64 == polls, "v1: polls changed");
			let now = frame_system::Pallet::<T>::block_number();
			for (community, index, uses) in RingUse::<T>::iter() {
				let ring = Rings::<T>::get(community, index).ok_or("v1: a use of a missing ring")?;
				ensure!(
					uses.iter().all(|(revision, until)| *revision == ring.revision && *until > now),
					"v1: a use of a root other than the ring's current one"
				);
			}
			Ok(())
		}
	}
}
