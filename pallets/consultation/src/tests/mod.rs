//! Tests, by concern. Shared fixtures below; the organisation and rules are in [`crate::mock`].

mod anonymous;
mod meetings;
mod offline;
mod outcomes;
mod secret;
mod texts;
mod topics;
mod voting;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// Raises a resolution topic in `unit` by `who`; returns its id.
pub fn raise_by(who: AccountId, unit: UnitId) -> TopicId {
	raise_with(who, unit, Category::PublicAffairs, Action::Resolution, Secrecy::Open)
}

pub fn raise_with(
	who: AccountId,
	unit: UnitId,
	category: Category,
	action: Action<AccountId>,
	secrecy: Secrecy,
) -> TopicId {
	let id = NextTopicId::<Test>::get();
	assert_ok!(Consultation::raise_topic(
		RuntimeOrigin::signed(who),
		unit,
		b"bike shed".to_vec(),
		Body::Text(b"where to put it".to_vec()),
		category,
		action,
		secrecy,
	));
	id
}

/// Supports `id` by Plum residents 11 and 12: with its author's, three supports qualify it.
pub fn qualify_in_plum(id: TopicId) {
	for who in [11, 12] {
		assert_ok!(Consultation::support(RuntimeOrigin::signed(who), id));
	}
}

/// Two qualified Plum topics, the second of which convenes meeting 0. Returns the topics.
pub fn plum_meeting(secrecy: Secrecy) -> (TopicId, TopicId) {
	let first = raise_with(10, PLUM, Category::PublicAffairs, Action::Resolution, secrecy);
	qualify_in_plum(first);
	let second = raise_by(13, PLUM);
	qualify_in_plum(second);
	assert!(matches!(Topics::<Test>::get(first).unwrap().status, TopicStatus::InMeeting(0)));
	(first, second)
}

/// Runs to the block where meeting `m`'s voting opens.
pub fn open_voting(m: MeetingId) {
	let Phase::Deliberation { until } = Meetings::<Test>::get(m).unwrap().phase else {
		panic!("meeting {m} is not deliberating")
	};
	run_to_block(until);
	assert!(matches!(Meetings::<Test>::get(m).unwrap().phase, Phase::Voting { .. }));
}

/// Runs to the block where meeting `m`'s voting closes.
pub fn close_voting(m: MeetingId) {
	let Phase::Voting { until } = Meetings::<Test>::get(m).unwrap().phase else {
		panic!("meeting {m} is not voting")
	};
	run_to_block(until);
}

pub fn status(id: TopicId) -> TopicStatus<u64> {
	Topics::<Test>::get(id).unwrap().status
}

pub fn outcome(id: TopicId) -> Option<Outcome> {
	match status(id) {
		TopicStatus::Closed { outcome, .. } => Some(outcome),
		_ => None,
	}
}

pub fn tally(id: TopicId) -> Tally {
	Topics::<Test>::get(id).unwrap().tally
}

pub fn vote(who: AccountId, id: TopicId, choice: Choice) {
	assert_ok!(Consultation::vote(RuntimeOrigin::signed(who), id, choice));
}

/// This pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Consultation(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}

pub fn spends() -> Vec<SpendOrder> {
	SPENDS.with(|s| s.borrow().clone())
}

pub fn results() -> Vec<(VoteSubject, bool)> {
	RESULTS.with(|r| r.borrow().clone())
}

pub fn referenda() -> Vec<([u8; 32], u32)> {
	REFERENDA.with(|r| r.borrow().clone())
}
