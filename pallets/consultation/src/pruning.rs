//! Pruning: a topic's supports, ballots, paper-ballot counts and opinions are removed
//! [`Retention`] blocks after the topic ended (decided, lapsed or withdrawn). The topic itself
//! stays, with its result, tally, electorate and progress reports: what a resident checks years
//! later. Until then every support, ballot and opinion can be checked one by one.
//!
//! Ended topics are queued in the order they end; `on_idle` removes at most
//! [`Config::MaxPrunedPerStep`] records of each kind per step, as many steps as the block's spare
//! weight allows, and finishes a topic over several blocks if it must.

use frame_support::weights::{Weight, WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

use crate::{
	meetings::{Queue, Queues},
	Ballots, Config, Event, OfflineBallotCount, Opinions, Pallet, Retention, Supports, TopicId,
	WeightInfo,
};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// Queues ended topic `id` for pruning once the retention period is over.
	pub(crate) fn schedule_pruning(id: TopicId) {
		let now = frame_system::Pallet::<T>::block_number();
		Queues::<T>::push(Queue::Prunings, now.saturating_add(Retention::<T>::get()), id);
	}

	/// `on_idle`: prunes ended topics whose retention is over, within `limit`.
	pub(crate) fn prune(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		let step = T::WeightInfo::on_idle_prune(T::MaxPrunedPerStep::get());
		Queues::<T>::work_through(Queue::Prunings, &now, &mut meter, step, |id| {
			let done = Self::prune_step(id);
			if done {
				Self::deposit_event(Event::TopicPruned { topic: id });
			}
			done
		});
		meter.consumed()
	}

	/// Removes up to `MaxPrunedPerStep` records of each kind of topic `id`; whether none is left.
	fn prune_step(id: TopicId) -> bool {
		let most = T::MaxPrunedPerStep::get() as usize;
		let supports = Supports::<T>::drain_prefix(id).take(most).count();
		let ballots = Ballots::<T>::drain_prefix(id).take(most).count();
		let paper = OfflineBallotCount::<T>::drain_prefix(id).take(most).count();
		let opinions = Opinions::<T>::drain_prefix(id).take(most).count();
		[supports, ballots, paper, opinions].iter().all(|removed| *removed < most)
	}
}
