//! What consultations always keep (`try_state`; every unit test checks it at its end):
//!
//! - one ballot per resident per topic, and each topic's tally counts exactly its ballots
//!   (sealed ones while they are sealed);
//! - each topic's supports are counted once;
//! - (an ended topic's supports and ballots may have been pruned: its counts bound what is left);
//! - every meeting's agenda names topics that exist;
//! - a failed action waiting for a retry belongs to a decided topic;
//! - a resident's count of open topics covers their topics gathering supports;
//! - anonymous topics have no ballots here (theirs are in their poll), a poll is recorded only
//!   for an anonymous topic, and a topic waits for its poll only while in a meeting, once.

use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

use crate::{
	Ballot, BallotVote, Ballots, Config, Meetings, Pallet, Supports, TopicId, TopicStatus, Topics,
};

impl<T: Config> Pallet<T> {
	/// Checks the consultations' invariants; iterates every topic, ballot and meeting.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		// (ballots, sealed) per topic. A double map holds one ballot per (topic, resident).
		let mut ballots: BTreeMap<TopicId, (u32, u32)> = BTreeMap::new();
		for (topic, _, Ballot { vote, .. }) in Ballots::<T>::iter() {
			let (all, sealed) = ballots.entry(topic).or_default();
			*all += 1;
			if matches!(vote, BallotVote::Sealed(_)) {
				*sealed += 1;
			}
		}
		let mut supports: BTreeMap<TopicId, u32> = BTreeMap::new();
		for (topic, _) in Supports::<T>::iter_keys() {
			*supports.entry(topic).or_default() += 1;
		}
		for (id, topic) in Topics::<T>::iter() {
			// An ended topic's records may be pruned (all, or part while pruning runs): its
			// counts stay and bound what is left.
			let ended = matches!(
				topic.status,
				TopicStatus::Closed { .. } | TopicStatus::Lapsed | TopicStatus::Withdrawn
			);
			let counted = supports.remove(&id).unwrap_or(0);
			ensure!(
				counted == topic.supports || (ended && counted < topic.supports),
				"consultation: a topic's supports are not counted once each"
			);
			let (all, sealed) = ballots.remove(&id).unwrap_or_default();
			if topic.secrecy == crate::Secrecy::Anonymous {
				ensure!(all == 0, "consultation: a ballot by name on an anonymous topic");
				continue;
			}
			// Sealed ballots left at the close count as abstentions from then on.
			let tally = topic.tally;
			ensure!(
				tally.turnout() == all || (ended && all < tally.turnout()),
				"consultation: a topic's tally does not count its ballots"
			);
			if all == tally.turnout() {
				ensure!(tally.sealed <= sealed, "consultation: more sealed in the tally than cast");
			}
		}
		ensure!(ballots.is_empty(), "consultation: ballots on a topic that does not exist");
		ensure!(supports.is_empty(), "consultation: supports of a topic that does not exist");
		for (_, meeting) in Meetings::<T>::iter() {
			for topic in meeting.topics.iter() {
				ensure!(
					Topics::<T>::contains_key(topic),
					"consultation: an agenda's topic is gone"
				);
			}
		}
		for id in crate::FailedActions::<T>::iter_keys() {
			ensure!(
				matches!(
					Topics::<T>::get(id).map(|t| t.status),
					Some(crate::TopicStatus::Closed { .. })
				),
				"consultation: a failed action of a topic not decided"
			);
		}
		for (id, _) in crate::TopicPolls::<T>::iter() {
			ensure!(
				Topics::<T>::get(id).is_some_and(|t| t.secrecy == crate::Secrecy::Anonymous),
				"consultation: a poll recorded for a topic that is not anonymous"
			);
		}
		let waiting = crate::PollsToOpen::<T>::get();
		for (position, id) in waiting.iter().enumerate() {
			ensure!(!waiting[..position].contains(id), "consultation: a poll waits twice");
			ensure!(
				Topics::<T>::get(id).is_some_and(|t| t.secrecy == crate::Secrecy::Anonymous &&
					matches!(t.status, TopicStatus::InMeeting(_))),
				"consultation: a poll waits for a topic not in a meeting"
			);
			ensure!(
				!crate::TopicPolls::<T>::contains_key(id),
				"consultation: a poll waits though it opened"
			);
		}
		let mut gathering: alloc::collections::btree_map::BTreeMap<T::AccountId, u32> =
			Default::default();
		for (_, topic) in Topics::<T>::iter() {
			if let (Some(author), crate::TopicStatus::Gathering { .. }) =
				(topic.author, topic.status)
			{
				*gathering.entry(author).or_default() += 1;
			}
		}
		for (author, n) in gathering {
			ensure!(
				crate::OpenTopicsOf::<T>::get(&author) >= n,
				"consultation: a resident's open topics are undercounted"
			);
		}
		Ok(())
	}
}
