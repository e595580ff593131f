//! Civic votes vest: a new resident's vote in referenda counts from [`VoteVestingDelay`] blocks
//! after registration, so that an officer (or two) cannot register an electorate for a
//! referendum that is already running.
//!
//! Every registration waits the delay in force when it was made; residents are queued in the
//! order they registered, and the hook looks only at the queue's head, vesting at most
//! [`Config::MaxVestingsPerBlock`] votes a block. If governance shortens the delay, a vote
//! queued behind an older, longer wait vests with it (never later than the old delay allowed).
//! An item whose resident has since been revoked, re-keyed or registered again is dropped: the
//! record's own `votes_from` must match.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{civic::OnResidentChange, queue::DueQueues};
use scale_info::TypeInfo;

use crate::{Config, Event, Pallet, Residents, VestingBounds, VestingItems, WeightInfo};

/// The queues of this module (one today: room for more without a storage change).
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Residents whose civic vote has not vested yet, by the block it vests.
	#[codec(index = 0)]
	Votes,
}

/// The vesting queue, in [`VestingItems`] and [`VestingBounds`].
pub(crate) type Vestings<T> = DueQueues<
	Queue,
	BlockNumberFor<T>,
	<T as frame_system::Config>::AccountId,
	VestingItems<T>,
	VestingBounds<T>,
>;

impl<T: Config> Pallet<T> {
	/// Grants `who`'s civic vote now if `votes_from` has come, or queues it until then.
	pub(crate) fn vest_or_queue(who: T::AccountId, votes_from: BlockNumberFor<T>) {
		if votes_from <= frame_system::Pallet::<T>::block_number() {
			T::OnResidentChange::vested(&who);
			Self::deposit_event(Event::VoteVested { who });
		} else {
			Vestings::<T>::push(Queue::Votes, votes_from, who);
		}
	}

	/// `on_initialize`: vests the votes due by `now`, at most `MaxVestingsPerBlock`.
	pub(crate) fn vest_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		for _ in 0..T::MaxVestingsPerBlock::get() {
			let Some((who, _)) = Vestings::<T>::pop_due(Queue::Votes, &now) else { break };
			weight.saturating_accrue(
				T::WeightInfo::on_initialize_vesting()
					.saturating_add(T::OnResidentChange::vested_weight()),
			);
			// Still the registration that was queued (not revoked, re-keyed or made again).
			let due = Residents::<T>::get(&who).map(|record| record.votes_from);
			if due.is_some_and(|due| due <= now) {
				T::OnResidentChange::vested(&who);
				Self::deposit_event(Event::VoteVested { who });
			}
		}
		weight
	}

	/// How many votes wait to vest.
	pub fn votes_waiting() -> u32 {
		Vestings::<T>::len(Queue::Votes)
	}
}
