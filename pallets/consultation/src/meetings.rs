//! Meetings: convened from qualified topics, then deliberation → voting → (reveal) → decided;
//! and the queues that move them along, a bounded number of items per block.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId},
	queue::DueQueues,
};
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

use crate::{
	vote_threshold, ChainPeriods, Config, Event, Meeting, MeetingId, Meetings, NextMeetingId,
	Pallet, Phase, Qualified, QueueBounds, QueueItems, TopicStatus, Topics, WeightInfo,
};

/// The queues. Each holds ids of one kind, all waiting the same period.
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Topics gathering supports, by the end of their support period.
	#[codec(index = 0)]
	Lapses,
	/// Units whose oldest qualified topic waits for a meeting, by the end of its wait.
	#[codec(index = 1)]
	Waits,
	/// Meetings deliberating, by the opening of their voting.
	#[codec(index = 2)]
	Openings,
	/// Meetings voting, by the close of their voting.
	#[codec(index = 3)]
	Closings,
	/// Meetings revealing secret ballots, by the end of their reveal.
	#[codec(index = 4)]
	RevealEnds,
	/// Ended topics, by the end of their retention: pruned in `on_idle` (see [`crate::pruning`]).
	#[codec(index = 5)]
	Prunings,
}

impl Queue {
	/// Every queue `on_initialize` serves, in the order served when their fronts are due in the
	/// same block.
	pub const SERVED_IN_ORDER: [Queue; 5] =
		[Queue::RevealEnds, Queue::Closings, Queue::Openings, Queue::Waits, Queue::Lapses];
}

/// The pallet's queues, in [`QueueItems`] and [`QueueBounds`].
pub(crate) type Queues<T> = DueQueues<Queue, BlockNumberFor<T>, u32, QueueItems<T>, QueueBounds<T>>;

impl<T: Config> Pallet<T> {
	/// `on_initialize`: handles due queue items, at most [`Config::MaxDuePerBlock`] in all.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let topics = T::MaxTopicsPerMeeting::get();
		// Deciding a meeting carries out each topic's action in another pallet.
		let actions = Self::action_weight().saturating_mul(topics.into());
		let close = T::WeightInfo::on_initialize_close(topics).saturating_add(actions);
		let mut weight = T::WeightInfo::on_initialize_idle();
		for _ in 0..T::MaxDuePerBlock::get() {
			// The item due first, whichever queue holds it: a flood of topics lapsing cannot hold
			// up meetings, nor meetings the lapses. On a tie, a meeting's next phase goes first.
			let Some(queue) = Queues::<T>::earliest_due(&Queue::SERVED_IN_ORDER, &now) else {
				break;
			};
			let Some((id, behind)) = Queues::<T>::pop_due(queue, &now) else { break };
			let step = match queue {
				Queue::Lapses => {
					// Benchmarked flat in the queue's length; charged for the real length anyway.
					Self::lapse(id);
					T::WeightInfo::on_initialize_lapse(behind)
				},
				Queue::Waits => {
					Self::wait_over(id, now);
					T::WeightInfo::on_initialize_convene(topics)
				},
				Queue::Openings => {
					Self::open_voting(id);
					T::WeightInfo::on_initialize_open_voting(topics)
				},
				Queue::Closings => {
					Self::close_voting(id);
					close
				},
				Queue::RevealEnds => {
					Self::decide(id);
					close
				},
				// Not among the queues served here: `on_idle` prunes.
				Queue::Prunings => break,
			};
			weight.saturating_accrue(step);
		}
		weight
	}

	/// Convenes `unit`'s qualified topics if its oldest has waited its full period. If the topic
	/// that started this wait was withdrawn, the oldest left waits out its own period: queued
	/// again, so that no qualified topic is stranded. (If they were convened meanwhile, a newer
	/// oldest topic queued its own wait.)
	fn wait_over(unit: UnitId, now: BlockNumberFor<T>) {
		let wait = ChainPeriods::<T>::get().wait;
		let oldest = Qualified::<T>::get(unit).first().and_then(|id| Topics::<T>::get(id));
		if let Some(TopicStatus::Qualified { since }) = oldest.map(|topic| topic.status) {
			let due = since.saturating_add(wait);
			if due <= now {
				Self::convene(unit);
			} else {
				Queues::<T>::push(Queue::Waits, due, unit);
			}
		}
	}

	/// Puts `unit`'s qualified topics on the agenda of a new meeting, which deliberates first.
	pub(crate) fn convene(unit: UnitId) {
		let agenda = Qualified::<T>::take(unit);
		if agenda.is_empty() {
			return;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let voting_opens = now.saturating_add(ChainPeriods::<T>::get().deliberation);
		let id = NextMeetingId::<T>::get();
		let Some(next) = id.checked_add(1) else {
			// Four billion meetings: the ids ran out. The topics stay qualified; nothing is
			// convened over an old meeting.
			Qualified::<T>::insert(unit, agenda);
			return;
		};
		NextMeetingId::<T>::put(next);
		let mut secret = false;
		for topic_id in &agenda {
			Topics::<T>::mutate(topic_id, |topic| {
				if let Some(topic) = topic {
					topic.status = TopicStatus::InMeeting(id);
					secret |= topic.secret;
				}
			});
		}
		Meetings::<T>::insert(
			id,
			Meeting {
				unit,
				topics: agenda.clone(),
				phase: Phase::Deliberation { until: voting_opens },
				convened_at: now,
				voting_opened_at: None,
				secret,
			},
		);
		Queues::<T>::push(Queue::Openings, voting_opens, id);
		Self::deposit_event(Event::MeetingConvened {
			meeting: id,
			unit,
			topics: agenda,
			voting_opens,
		});
	}

	/// Deliberation is over: voting opens for the unit's residents of this block.
	fn open_voting(id: MeetingId) {
		let Some(mut meeting) = Meetings::<T>::get(id) else { return };
		let now = frame_system::Pallet::<T>::block_number();
		let closes = now.saturating_add(ChainPeriods::<T>::get().voting);
		let electorate = T::Registry::resident_count(meeting.unit);
		for topic_id in &meeting.topics {
			Topics::<T>::mutate(topic_id, |topic| {
				if let Some(topic) = topic {
					topic.electorate = electorate;
				}
			});
		}
		meeting.phase = Phase::Voting { until: closes };
		meeting.voting_opened_at = Some(now);
		Meetings::<T>::insert(id, meeting);
		Queues::<T>::push(Queue::Closings, closes, id);
		Self::deposit_event(Event::VotingOpened { meeting: id, electorate, closes });
	}

	/// Voting is over: secret ballots are revealed next, or the topics are decided now.
	fn close_voting(id: MeetingId) {
		let Some(mut meeting) = Meetings::<T>::get(id) else { return };
		if !meeting.secret {
			Self::deposit_event(Event::VotingClosed { meeting: id, reveal_until: None });
			return Self::decide(id);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.saturating_add(ChainPeriods::<T>::get().reveal);
		meeting.phase = Phase::Revealing { until };
		Meetings::<T>::insert(id, meeting);
		Queues::<T>::push(Queue::RevealEnds, until, id);
		Self::deposit_event(Event::VotingClosed { meeting: id, reveal_until: Some(until) });
	}

	/// Decides every topic of meeting `id` from its tally, and carries out the outcomes.
	fn decide(id: MeetingId) {
		let Some(mut meeting) = Meetings::<T>::get(id) else { return };
		let now = frame_system::Pallet::<T>::block_number();
		for topic_id in meeting.topics.iter().copied() {
			let Some(mut topic) = Topics::<T>::get(topic_id) else { continue };
			let rules = Self::category_rules(topic.category);
			let outcome = vote_threshold::outcome(&topic.tally, topic.electorate, &rules);
			topic.status = TopicStatus::Closed { outcome, at: now };
			let (author, tally, electorate) = (topic.author.clone(), topic.tally, topic.electorate);
			Topics::<T>::insert(topic_id, &topic);
			Self::close_for_author(author);
			Self::schedule_pruning(topic_id);
			Self::deposit_event(Event::TopicDecided {
				topic: topic_id,
				outcome,
				tally,
				electorate,
			});
			Self::act(topic_id, &topic, outcome);
		}
		meeting.phase = Phase::Closed;
		Meetings::<T>::insert(id, meeting);
		Self::deposit_event(Event::MeetingClosed { meeting: id });
	}
}
