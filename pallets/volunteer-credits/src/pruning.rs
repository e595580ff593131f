//! Pruning: a closed activity's sign-ups and records ([`Participations`]) are removed
//! [`Retention`] blocks after it closed. The activity stays, with its title, organiser and
//! count of volunteers, and every credit stays in the volunteers' accounts and histories: what
//! is pruned is only the per-volunteer working record, needed while a record may be disputed.
//! A dispute still unsettled when its activity is pruned lapses: the minutes recorded stand (the
//! volunteer was credited them) and the event counts the lapsed disputes.
//!
//! Closed activities are queued in the order they close; `on_idle` removes at most
//! [`Config::MaxPrunedPerStep`] records per step, as many steps as the block's spare weight
//! allows, and finishes an activity over several blocks if it must.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::queue::DueQueues;
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

use crate::{
	ActivityId, Config, Event, Pallet, Participation, Participations, PruneBounds, PruneItems,
	Retention, WeightInfo,
};

/// The queues of this module (one today: room for more without a storage change).
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Closed activities, by the end of their retention.
	#[codec(index = 0)]
	Closed,
}

/// The pruning queue, in [`PruneItems`] and [`PruneBounds`].
pub(crate) type Prunings<T> =
	DueQueues<Queue, BlockNumberFor<T>, ActivityId, PruneItems<T>, PruneBounds<T>>;

impl<T: Config> Pallet<T> {
	/// Queues closed activity `id` for pruning once the retention period is over.
	pub(crate) fn schedule_pruning(id: ActivityId) {
		let now = frame_system::Pallet::<T>::block_number();
		Prunings::<T>::push(Queue::Closed, now.saturating_add(Retention::<T>::get()), id);
	}

	/// `on_idle`: prunes closed activities whose retention is over, within `limit`.
	pub(crate) fn prune(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		let step = T::WeightInfo::on_idle_prune(T::MaxPrunedPerStep::get());
		Prunings::<T>::work_through(Queue::Closed, &now, &mut meter, step, Self::prune_step);
		meter.consumed()
	}

	/// Removes up to `MaxPrunedPerStep` records of activity `id`; whether none is left.
	fn prune_step(id: ActivityId) -> bool {
		let most = T::MaxPrunedPerStep::get() as usize;
		let mut removed = 0usize;
		let mut lapsed = 0u32;
		for (_, participation) in Participations::<T>::drain_prefix(id).take(most) {
			removed += 1;
			if matches!(participation, Participation::Disputed { .. }) {
				lapsed += 1;
			}
		}
		if lapsed > 0 {
			Self::deposit_event(Event::DisputesLapsed { activity: id, disputes: lapsed });
		}
		let done = removed < most;
		if done {
			Self::deposit_event(Event::ActivityPruned { activity: id });
		}
		done
	}
}
