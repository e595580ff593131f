//! What `pallet-session` asks of the validator set: the next set, when a session ends, and
//! whether an account may register session keys.

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{
	traits::{Contains, EstimateNextSessionRotation, Get},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Convert, Saturating},
	Permill,
};
use sp_staking::SessionIndex;

use crate::{Config, Event, NextRotation, Pallet, Planned, Validators};

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let now = frame_system::Pallet::<T>::block_number();
		NextRotation::<T>::put(now.saturating_add(Self::session_length()));
		Self::plan(new_index)
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}

impl<T: Config> Pallet<T> {
	/// The set for session `session`, if it differs from the one planned last. Work is bounded by
	/// [`Config::MaxValidators`] (one key lookup per approved validator).
	pub(crate) fn plan(session: SessionIndex) -> Option<Vec<T::AccountId>> {
		let (mut with_keys, mut awaiting): (Vec<_>, Vec<_>) =
			Validators::<T>::iter_keys().partition(|who| T::HasSessionKeys::contains(who));
		if !awaiting.is_empty() {
			awaiting.sort();
			let validators = BoundedVec::truncate_from(awaiting);
			Self::deposit_event(Event::AwaitingKeys { session, validators });
		}

		with_keys.sort();
		let planned = Planned::<T>::get();
		if with_keys.as_slice() == planned.as_slice() {
			return None;
		}
		let shrinks_below_minimum =
			with_keys.len() < planned.len() && with_keys.len() < T::MinValidators::get() as usize;
		let next = if shrinks_below_minimum || with_keys.is_empty() {
			Self::deposit_event(Event::MinimumKept { session, with_keys: with_keys.len() as u32 });
			// Keep the planned validators whose keys went missing, never removed ones.
			let mut kept: Vec<_> =
				planned.iter().filter(|who| Validators::<T>::contains_key(*who)).cloned().collect();
			for who in with_keys {
				if !kept.contains(&who) {
					kept.push(who);
				}
			}
			kept.sort();
			if kept.as_slice() == planned.as_slice() || kept.is_empty() {
				return None;
			}
			kept
		} else {
			with_keys
		};

		// `Validators` holds at most `MaxValidators` entries, so nothing is cut here.
		let validators = BoundedVec::truncate_from(next);
		Planned::<T>::put(&validators);
		Self::deposit_event(Event::SetPlanned { session, validators: validators.clone() });
		Some(validators.into_inner())
	}
}

/// Sessions end at [`NextRotation`], which each new session sets one session length ahead: a
/// change of length applies from the next session on without shifting the current one.
impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		now >= NextRotation::<T>::get()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		Self::session_length()
	}

	fn estimate_current_session_progress(
		now: BlockNumberFor<T>,
	) -> (Option<Permill>, frame_support::weights::Weight) {
		let length = Self::session_length();
		let left = NextRotation::<T>::get().saturating_sub(now);
		let progress = Permill::from_rational(length.saturating_sub(left), length);
		(Some(progress), T::DbWeight::get().reads(2))
	}

	fn estimate_next_session_rotation(
		_now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, frame_support::weights::Weight) {
		(Some(NextRotation::<T>::get()), T::DbWeight::get().reads(1))
	}
}

/// The validator id of an account for `pallet-session`: its own account, if it is an approved
/// validator. Only approved validators may register session keys.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
	fn convert(who: T::AccountId) -> Option<T::AccountId> {
		Validators::<T>::contains_key(&who).then_some(who)
	}
}
