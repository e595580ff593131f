//! # Validator set
//!
//! A district's chain is run by its street offices, not by whoever stakes the most: a node becomes
//! a validator because the district's governance admitted it, and stops because governance removed
//! it. This pallet keeps that list and hands it to `pallet-session`, which passes each session's
//! set on to Aura (block production) and GRANDPA (finality).
//!
//! ## Terms
//! - **approved validator**: an account admitted by [`Config::ManageOrigin`] (in the runtime, a
//!   council motion or a referendum), tied to the street unit (or the district unit) whose office
//!   runs it. A street may run several, up to [`Config::MaxPerUnit`].
//! - **session keys**: the Aura and GRANDPA public keys a validator's node generated
//!   (`author_rotateKeysWithOwner`) and registered with `session.setKeys`. Only approved
//!   validators may register them ([`ValidatorOf`]).
//! - **session**: a run of blocks with a fixed validator set; its length is a governance setting
//!   ([`Pallet::set_session_length`]). At each session's end `pallet-session` asks this pallet for
//!   the set of the session after next.
//! - **planned set**: the approved validators that have session keys, sorted by account: what this
//!   pallet last handed to `pallet-session`.
//!
//! ## When a change takes effect
//! A validator admitted during session `s` and with keys registered is planned at the end of `s`
//! and authors from session `s + 2` (the session pallet queues a set for one session, so that every
//! node learns the next authorities before they act). Removal takes the same path.
//!
//! ## Safety rules
//! - Removal is refused when it would leave fewer than [`Config::MinValidators`] approved
//!   validators ([`Error::TooFewValidators`]).
//! - An approved validator without session keys is left out of the plan (and reported in
//!   [`Event::AwaitingKeys`]) rather than planned with keys nobody holds. If leaving out validators
//!   would shrink the set below the minimum, the approved validators of the planned set are kept
//!   instead ([`Event::MinimumKept`]): a purged key never halts the chain.
//! - A removed validator is never kept: removal takes effect at the next session whatever the
//!   count of validators with keys, even if the set then runs below the minimum for a while
//!   (governance removes a validator it no longer trusts; the remaining ones keep the chain
//!   going, and a new one is admitted). Only if nobody approved would remain with keys is the
//!   old set kept, since an empty set halts the chain.
//! - The set never becomes empty.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use session::ValidatorOf;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod session;
#[cfg(test)]
mod tests;
pub mod weights;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A street unit validators can be tied to: a new one on each call.
	fn street() -> gongzhi_primitives::civic::UnitId;
	/// Register session keys for `who`, as `session.set_keys` would.
	fn set_session_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::civic::{CivicRegistry, UnitId, UnitLevel};
	use sp_staking::SessionIndex;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The organisation tree: validators are tied to its street and district units.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Who admits and removes validators and sets the session length: in the runtime, a
		/// council majority or `Root` (a referendum or a council-root motion).
		type ManageOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered session keys (in the runtime, `pallet-session`'s
		/// `NextKeys`).
		type HasSessionKeys: Contains<Self::AccountId>;

		/// The fewest approved validators the chain may have. With `n` validators GRANDPA
		/// tolerates `(n - 1) / 3` offline, so three or four is the least a district should run.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most approved validators: no more than Aura and GRANDPA accept as authorities.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The most validators one unit (a street office or the district) may run.
		#[pallet::constant]
		type MaxPerUnit: Get<u32>;

		/// Session length, in blocks, until governance sets one.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// The shortest session governance may set: every rotation costs a full block.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up street units and session keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Approved validators and the unit whose office runs each.
	#[pallet::storage]
	pub type Validators<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, UnitId, OptionQuery>;

	/// How many approved validators each unit runs.
	#[pallet::storage]
	pub type ValidatorsOfUnit<T> = StorageMap<_, Twox64Concat, UnitId, u32, ValueQuery>;

	/// The set last handed to `pallet-session`, sorted by account.
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Session length in blocks, when governance has set one ([`Config::DefaultSessionLength`]
	/// otherwise).
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The block at which the current session ends.
	#[pallet::storage]
	pub type NextRotation<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators and their units. Each also needs session keys in
		/// `pallet-session`'s genesis. Units are not checked here (the registry's genesis may
		/// be built later); the runtime's tests check its presets.
		pub validators: Vec<(T::AccountId, UnitId)>,
		/// Session length, if not [`Config::DefaultSessionLength`].
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, unit) in &self.validators {
				assert!(!Validators::<T>::contains_key(who), "a genesis validator is listed twice");
				Pallet::<T>::admit(who, *unit)
					.expect("genesis validators fit MaxValidators and MaxPerUnit");
			}
			if let Some(length) = self.session_length {
				assert!(length >= T::MinSessionLength::get(), "genesis session is too short");
				SessionLength::<T>::put(length);
			}
			NextRotation::<T>::put(Pallet::<T>::session_length());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was admitted as a validator of `unit`; it takes part once it registers session
		/// keys and two session changes have passed.
		ValidatorAdded { who: T::AccountId, unit: UnitId },
		/// `who` is no longer a validator of `unit`; it stops two session changes from now.
		ValidatorRemoved { who: T::AccountId, unit: UnitId },
		/// Sessions last `blocks` blocks from the next session change on.
		SessionLengthSet { blocks: BlockNumberFor<T> },
		/// `validators` will validate from session `session` on.
		SetPlanned { session: SessionIndex, validators: BoundedVec<T::AccountId, T::MaxValidators> },
		/// These approved validators have no session keys: they are left out of session
		/// `session`'s set until they register them.
		AwaitingKeys {
			session: SessionIndex,
			validators: BoundedVec<T::AccountId, T::MaxValidators>,
		},
		/// Only `with_keys` approved validators have session keys, fewer than the minimum: the
		/// planned set stays as it was for session `session`.
		MinimumKept { session: SessionIndex, with_keys: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The unit does not exist in the organisation tree.
		UnknownUnit,
		/// Validators are run by street offices or the district government; this unit is a
		/// community or a grid.
		NotAStreetOrDistrict,
		/// The account is already an approved validator.
		AlreadyValidator,
		/// The account is not an approved validator.
		NotAValidator,
		/// The chain has the most validators it accepts.
		TooManyValidators,
		/// The unit already runs the most validators one unit may run.
		UnitFull,
		/// Removing this validator would leave fewer than the minimum.
		TooFewValidators,
		/// Sessions may not be shorter than the minimum session length.
		SessionTooShort,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit `who` as a validator run by the office of `unit` (a street or the district).
		///
		/// The origin must be [`Config::ManageOrigin`]. `who` then registers its node's session
		/// keys with `session.set_keys` and validates from the session after next.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(
			origin: OriginFor<T>,
			who: T::AccountId,
			unit: UnitId,
		) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			ensure!(!Validators::<T>::contains_key(&who), Error::<T>::AlreadyValidator);
			match T::Registry::level_of(unit) {
				None => return Err(Error::<T>::UnknownUnit.into()),
				Some(UnitLevel::Street | UnitLevel::District) => {},
				Some(_) => return Err(Error::<T>::NotAStreetOrDistrict.into()),
			}
			Self::admit(&who, unit)?;
			Self::deposit_event(Event::ValidatorAdded { who, unit });
			Ok(())
		}

		/// Remove `who` from the validators; it stops validating from the session after next.
		///
		/// The origin must be [`Config::ManageOrigin`]. Refused if fewer than
		/// [`Config::MinValidators`] would remain. The account's session keys stay registered
		/// until it purges them (`session.purge_keys`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			let unit = Validators::<T>::get(&who).ok_or(Error::<T>::NotAValidator)?;
			ensure!(
				Validators::<T>::count() > T::MinValidators::get(),
				Error::<T>::TooFewValidators
			);
			Validators::<T>::remove(&who);
			ValidatorsOfUnit::<T>::mutate_exists(unit, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
			});
			Self::deposit_event(Event::ValidatorRemoved { who, unit });
			Ok(())
		}

		/// Make sessions `blocks` long, from the next session change on.
		///
		/// The origin must be [`Config::ManageOrigin`]. Longer sessions mean fewer full rotation
		/// blocks but slower validator changes.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinSessionLength::get(), Error::<T>::SessionTooShort);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The session length in force.
		pub fn session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get().unwrap_or_else(T::DefaultSessionLength::get)
		}

		/// The approved validators and their units, sorted by account.
		pub fn validators() -> Vec<(T::AccountId, UnitId)> {
			let mut all: Vec<_> = Validators::<T>::iter().collect();
			all.sort();
			all
		}

		/// Record `who` as a validator of `unit`, within the chain's and the unit's limits.
		pub(crate) fn admit(who: &T::AccountId, unit: UnitId) -> DispatchResult {
			ensure!(
				Validators::<T>::count() < T::MaxValidators::get(),
				Error::<T>::TooManyValidators
			);
			let of_unit = ValidatorsOfUnit::<T>::get(unit);
			ensure!(of_unit < T::MaxPerUnit::get(), Error::<T>::UnitFull);
			Validators::<T>::insert(who, unit);
			ValidatorsOfUnit::<T>::insert(unit, of_unit.saturating_add(1));
			Ok(())
		}
	}
}
