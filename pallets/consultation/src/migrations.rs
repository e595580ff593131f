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
	//! A topic's `secret` flag becomes its [`Secrecy`]: `false` is [`Secrecy::Open`], `true`
	//! [`Secrecy::Sealed`] (commit–reveal, as before); [`Secrecy::Anonymous`] is new. The two
	//! encode alike (a byte, 0 or 1), so every topic is read as version 0 stored it and written
	//! back as its version-1 self; a topic that does not decode as version 0 is kept as it is
	//! (nothing is dropped) and `post_upgrade` would report it.
	//!
	//! Every topic is rewritten in one block; the weight returned counts them. A district's
	//! first years hold a few thousand topics (docs/performance.md), far below a block's weight.

	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade};
	use frame_system::pallet_prelude::BlockNumberFor;

	use crate::{
		Action, Body, BodyTextOf, Category, Config, Secrecy, Tally, TitleOf, Topic, TopicStatus,
		Topics, UnitId,
	};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The types as storage version 0 kept them.
	pub mod v0 {
		use super::*;

		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct Topic<AccountId, BlockNumber, Title, Text> {
			pub unit: UnitId,
			pub author: Option<AccountId>,
			pub title: Title,
			pub body: Body<Text>,
			pub category: Category,
			pub action: Action<AccountId>,
			pub secret: bool,
			pub supports: u32,
			pub support_threshold: u32,
			pub status: TopicStatus<BlockNumber>,
			pub raised_at: BlockNumber,
			pub tally: Tally,
			pub electorate: u32,
			pub opinions: u32,
			pub reports: u32,
			pub completed: bool,
		}
	}

	/// Version 0's topic as version 1 stores it.
	pub fn upgrade<A, B, Ti, Te>(old: v0::Topic<A, B, Ti, Te>) -> Topic<A, B, Ti, Te> {
		Topic {
			unit: old.unit,
			author: old.author,
			title: old.title,
			body: old.body,
			category: old.category,
			action: old.action,
			secrecy: if old.secret { Secrecy::Sealed } else { Secrecy::Open },
			supports: old.supports,
			support_threshold: old.support_threshold,
			status: old.status,
			raised_at: old.raised_at,
			tally: old.tally,
			electorate: old.electorate,
			opinions: old.opinions,
			reports: old.reports,
			completed: old.completed,
		}
	}

	/// The migration itself; run it through [`super::MigrateToV1`], which checks the version.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut items = 0u64;
			Topics::<T>::translate::<
				v0::Topic<T::AccountId, BlockNumberFor<T>, TitleOf<T>, BodyTextOf<T>>,
				_,
			>(|_, old| {
				items += 1;
				Some(upgrade(old))
			});
			T::DbWeight::get().reads_writes(items, items)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let topics = Topics::<T>::iter_keys().count() as u64;
			let sealed = Topics::<T>::iter_values().filter(|t| t.secrecy == Secrecy::Sealed).count()
				as u64;
			Ok((topics, sealed).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (topics, sealed) = <(u64, u64)>::decode(&mut &state[..])
				.map_err(|_| "v1: the state before the upgrade did not decode")?;
			// `iter` skips values that do not decode: every one must have been rewritten.
			ensure!(Topics::<T>::iter().count() as u64 == topics, "v1: lost topics");
			ensure!(
				Topics::<T>::iter_values().filter(|t| t.secrecy == Secrecy::Sealed).count() as u64 ==
					sealed,
				"v1: a secret topic is no longer sealed"
			);
			ensure!(
				Topics::<T>::iter_values().all(|t| t.secrecy != Secrecy::Anonymous),
				"v1: an anonymous topic before anonymous topics existed"
			);
			Ok(())
		}
	}
}
