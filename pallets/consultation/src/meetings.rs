//! Meetings: convened from qualified topics, then deliberation → voting → (reveal) → decided;
//! and the queues that move them along, a bounded number of items per block.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId},
	queue::DueQueues,
	votes::AnonymousPolls,
};
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

use crate::{
	vote_threshold, ChainPeriods, Config, Event, Meeting, MeetingId, Meetings, NextMeetingId,
	Pallet, Phase, PollsToOpen, Qualified, QueueBounds, QueueItems, Secrecy, Tally, TopicId,
	TopicPolls, TopicStatus, Topics, WeightInfo, ANONYMOUS_OPTIONS,
};

/// The most anonymous topics waiting for their poll to open at once. A poll waits only while a
/// ring of its community is being built, which `on_idle` finishes within a block or two; the
/// bound is far above the topics a few meetings opening together hold.
pub const MAX_POLLS_TO_OPEN: u32 = 64;

/// The most waiting polls tried in one block.
pub const POLLS_TRIED_PER_BLOCK: u32 = 4;

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
		// Deciding reads each anonymous topic's poll, and may drop it from the waiting polls.
		let polls = T::AnonymousPolls::tally_weight()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_mul(topics.into());
		let close =
			T::WeightInfo::on_initialize_close(topics).saturating_add(actions).saturating_add(polls);
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
					T::WeightInfo::on_initialize_open_voting(topics).saturating_add(
						T::AnonymousPolls::open_poll_weight().saturating_mul(topics.into()),
					)
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
					secret |= topic.secrecy != Secrecy::Open;
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
			let anonymous = Topics::<T>::mutate(topic_id, |topic| {
				topic.as_mut().is_some_and(|topic| {
					topic.electorate = electorate;
					topic.secrecy == Secrecy::Anonymous
				})
			});
			if anonymous {
				Self::open_poll(*topic_id, meeting.unit, closes, true);
			}
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

	/// Opens anonymous topic `topic`'s poll of `community`, closing at `closes`; if it cannot
	/// open yet and `first` is set, queues it to be tried again in the next blocks. Whether it
	/// opened or is waiting.
	fn open_poll(
		topic: TopicId,
		community: UnitId,
		closes: BlockNumberFor<T>,
		first: bool,
	) -> bool {
		// The question residents answer is the topic itself: its number names it on chain.
		let question = sp_io::hashing::blake2_256(&(b"gongzhi/consultation/topic", topic).encode());
		match T::AnonymousPolls::open_poll(community, question, ANONYMOUS_OPTIONS.len() as u8, closes)
		{
			Ok(poll) => {
				TopicPolls::<T>::insert(topic, poll);
				Self::deposit_event(Event::AnonymousPollOpened { topic, poll });
				true
			},
			Err(error) => {
				if first {
					let queued = PollsToOpen::<T>::mutate(|waiting| waiting.try_push(topic).is_ok());
					if queued {
						Self::deposit_event(Event::AnonymousPollDelayed { topic, error });
					}
					// Not queued (the list is full): the topic is decided with no ballots,
					// which [`Event::AnonymousPollMissed`] says at its close.
					return queued;
				}
				false
			},
		}
	}

	/// `on_initialize`: tries again to open the polls of anonymous topics that could not open
	/// when voting opened, a few a block; drops those whose voting is over.
	pub(crate) fn open_waiting_polls() -> Weight {
		let waiting = PollsToOpen::<T>::get();
		let mut weight = T::DbWeight::get().reads(1);
		if waiting.is_empty() {
			return weight;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut kept = alloc::vec::Vec::new();
		for (tried, topic) in waiting.iter().copied().enumerate() {
			if tried as u32 >= POLLS_TRIED_PER_BLOCK {
				kept.push(topic);
				continue;
			}
			weight.saturating_accrue(
				T::AnonymousPolls::open_poll_weight()
					.saturating_add(T::DbWeight::get().reads(2)),
			);
			let meeting = Topics::<T>::get(topic).and_then(|t| match t.status {
				TopicStatus::InMeeting(meeting) => Meetings::<T>::get(meeting),
				_ => None,
			});
			match meeting.map(|m| (m.unit, m.phase)) {
				Some((unit, Phase::Voting { until })) if now < until => {
					if !Self::open_poll(topic, unit, until, false) {
						kept.push(topic);
					}
				},
				// Voting is over: the topic is decided with no ballots.
				_ => {},
			}
		}
		// `kept` holds no more than the list did.
		PollsToOpen::<T>::put(frame_support::BoundedVec::truncate_from(kept));
		weight.saturating_add(T::DbWeight::get().writes(1))
	}

	/// An anonymous topic's tally, from its poll's counts (aye, nay, abstain).
	fn anonymous_tally(topic: TopicId) -> Tally {
		let counts = TopicPolls::<T>::get(topic).and_then(T::AnonymousPolls::tally);
		let Some(counts) = counts else {
			PollsToOpen::<T>::mutate(|waiting| waiting.retain(|id| *id != topic));
			Self::deposit_event(Event::AnonymousPollMissed { topic });
			return Tally::default();
		};
		let count = |index: usize| counts.get(index).copied().unwrap_or(0);
		Tally { ayes: count(0), nays: count(1), abstentions: count(2), sealed: 0 }
	}

	/// Decides every topic of meeting `id` from its tally, and carries out the outcomes.
	fn decide(id: MeetingId) {
		let Some(mut meeting) = Meetings::<T>::get(id) else { return };
		let now = frame_system::Pallet::<T>::block_number();
		for topic_id in meeting.topics.iter().copied() {
			let Some(mut topic) = Topics::<T>::get(topic_id) else { continue };
			if topic.secrecy == Secrecy::Anonymous {
				topic.tally = Self::anonymous_tally(topic_id);
			}
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
