//! What comes due: answer deadlines, rating periods, take-down proposals (in `on_initialize`, a
//! bounded number per block), and the pruning of retired notices and closed matters (in
//! `on_idle`, within the block's spare weight).
//!
//! Each queue's items wait the same period, so each is in due order, except the deadlines after
//! governance shortens the answer period: a matter raised after the change then waits behind
//! older ones and moves up late by at most the difference (never early, never lost).

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{queue::DueQueues, text::TextRef};
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

use crate::{
	Acknowledgements, Config, Event, HideProposals, MatterId, MatterStatus, Matters, NoticeId,
	Pallet, QueueBounds, QueueItems, Replies, WeightInfo,
};

/// The queues.
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Open matters, by their answer deadline.
	#[codec(index = 0)]
	Deadlines,
	/// Answered matters, by the end of their rating period.
	#[codec(index = 1)]
	Ratings,
	/// Take-down proposals, by the end of the proposal period.
	#[codec(index = 2)]
	Proposals,
	/// Notices retired from full boards, due at once: their receipts and replies to prune.
	#[codec(index = 3)]
	RetiredNotices,
	/// Closed matters, by the end of their retention.
	#[codec(index = 4)]
	ClosedMatters,
}

/// An item of a queue.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Due<AccountId> {
	/// A matter's deadline; `moves` tells a stale deadline (the matter moved since) apart.
	#[codec(index = 0)]
	Deadline { matter: MatterId, moves: u8 },
	/// The end of the rating period of a matter's `answers`-th answer.
	#[codec(index = 1)]
	Rating { matter: MatterId, answers: u8 },
	/// The end of a take-down proposal.
	#[codec(index = 2)]
	Proposal(TextRef<AccountId>),
	/// A retired notice.
	#[codec(index = 3)]
	Notice(NoticeId),
	/// A closed matter.
	#[codec(index = 4)]
	Matter(MatterId),
}

/// The pallet's queues, in [`QueueItems`] and [`QueueBounds`].
pub(crate) type Queues<T> = DueQueues<
	Queue,
	BlockNumberFor<T>,
	Due<<T as frame_system::Config>::AccountId>,
	QueueItems<T>,
	QueueBounds<T>,
>;

impl<T: Config> Pallet<T> {
	/// `on_initialize`: deadlines, rating ends and proposal ends, at most `MaxDuePerBlock`.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		let queues = [Queue::Deadlines, Queue::Ratings, Queue::Proposals];
		for _ in 0..T::MaxDuePerBlock::get() {
			let Some(queue) = Queues::<T>::earliest_due(&queues, &now) else { break };
			let Some((item, _)) = Queues::<T>::pop_due(queue, &now) else { break };
			weight.saturating_accrue(match item {
				Due::Deadline { matter, moves } => {
					Self::deadline_passed(matter, moves);
					T::WeightInfo::on_initialize_deadline()
				},
				Due::Rating { matter, answers } => {
					Self::rating_ended(matter, answers);
					T::WeightInfo::on_initialize_rating()
				},
				Due::Proposal(text) => {
					Self::proposal_ended(text, now);
					T::WeightInfo::on_initialize_proposal()
				},
				// Not in these queues.
				Due::Notice(_) | Due::Matter(_) => Weight::zero(),
			});
		}
		weight
	}

	/// A proposal still waiting at its end lapses (one renewed since is left alone).
	pub(crate) fn proposal_ended(text: TextRef<T::AccountId>, now: BlockNumberFor<T>) {
		if HideProposals::<T>::get(&text).is_some_and(|p| p.expires <= now) {
			HideProposals::<T>::remove(&text);
			Self::deposit_event(Event::TakeDownLapsed { text });
		}
	}

	/// Queues closed matter `id` for pruning after the retention.
	pub(crate) fn schedule_pruning(id: MatterId) {
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::Retention::get());
		Queues::<T>::push(Queue::ClosedMatters, due, Due::Matter(id));
	}

	/// `on_idle`: prunes retired notices' receipts and replies, and closed matters past their
	/// retention, within `limit`.
	pub(crate) fn prune(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		let step = T::WeightInfo::on_idle_prune(T::MaxPrunedPerStep::get());
		Queues::<T>::work_through(Queue::RetiredNotices, &now, &mut meter, step, |item| {
			let Due::Notice(id) = item else { return true };
			Self::prune_notice(id)
		});
		Queues::<T>::work_through(Queue::ClosedMatters, &now, &mut meter, step, |item| {
			if let Due::Matter(id) = item {
				if Matters::<T>::get(id)
					.is_some_and(|m| matches!(m.status, MatterStatus::Closed { .. }))
				{
					Matters::<T>::remove(id);
					Self::deposit_event(Event::MatterPruned { matter: id });
				}
			}
			true
		});
		meter.consumed()
	}

	/// Removes up to `MaxPrunedPerStep` receipts and replies of retired notice `id`; whether
	/// none is left.
	fn prune_notice(id: NoticeId) -> bool {
		let most = T::MaxPrunedPerStep::get() as usize;
		let receipts = Acknowledgements::<T>::drain_prefix(id).take(most).count();
		let replies = Replies::<T>::drain_prefix(id).take(most - receipts).count();
		receipts + replies < most
	}
}
