//! Tests, by concern. Every test that moves credits ends by checking that the ledger balances.

mod disputes;
mod earning;
mod help;
mod migrations;
mod pruning;
mod spending;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// The organisation publishes an activity in Plum allowing up to the daily cap; returns its id.
pub fn publish() -> ActivityId {
	publish_allowing(DAILY_CAP)
}

/// The organisation publishes an activity in Plum allowing `max_minutes` per volunteer.
pub fn publish_allowing(max_minutes: Minutes) -> ActivityId {
	let id = NextActivityId::<Test>::get();
	assert_ok!(VolunteerCredits::publish_activity(
		RuntimeOrigin::signed(ORGANISATION),
		PLUM,
		b"clean the river".to_vec(),
		max_minutes
	));
	id
}

/// An activity with `volunteer` signed up and `minutes` recorded for them.
pub fn serve(volunteer: AccountId, minutes: Minutes) -> ActivityId {
	let id = publish();
	assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(volunteer), id));
	assert_ok!(VolunteerCredits::record_service(
		RuntimeOrigin::signed(ORGANISATION),
		id,
		volunteer,
		minutes
	));
	assert_ok!(VolunteerCredits::close_activity(RuntimeOrigin::signed(ORGANISATION), id));
	id
}

pub fn balance(who: AccountId) -> u64 {
	Accounts::<Test>::get(who).balance
}

pub fn lifetime(who: AccountId) -> u64 {
	Accounts::<Test>::get(who).lifetime
}

pub fn ledger_balances() {
	VolunteerCredits::ledger_balances().expect("the ledger balances");
}

/// This pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::VolunteerCredits(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}
