//! Tests, by concern. The organisation and the recorded credits and fund are in [`crate::mock`].

mod aid;
mod lifecycle;
mod matching;
mod self_dealing;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// A shopping request for the elder: 60 minutes, `credits` offered, `subsidy` asked; opened by
/// the grid worker, or by the elder when they offer credits (only they offer their own).
/// Returns its id.
pub fn open(urgency: Urgency, credits: Minutes, subsidy: u128) -> RequestId {
	let id = NextRequestId::<Test>::get();
	let opener = if credits > 0 { ELDER } else { GRID_WORKER };
	assert_ok!(Assistance::open_request(
		RuntimeOrigin::signed(opener),
		ELDER,
		HelpCategory::Shopping,
		urgency,
		60,
		[9; 32],
		credits,
		subsidy,
	));
	id
}

/// The volunteer declares shopping and companionship in Plum.
pub fn declare(volunteer: AccountId) {
	assert_ok!(Assistance::declare_service(
		RuntimeOrigin::signed(volunteer),
		vec![HelpCategory::Shopping, HelpCategory::Companionship],
		vec![PLUM],
	));
}

/// A request accepted by [`VOLUNTEER`] and done in 45 minutes.
pub fn done(credits: Minutes, subsidy: u128) -> RequestId {
	let id = open(Urgency::Normal, credits, subsidy);
	declare(VOLUNTEER);
	assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id));
	assert_ok!(Assistance::complete(RuntimeOrigin::signed(VOLUNTEER), id, 45));
	id
}

pub fn status(id: RequestId) -> Option<RequestStatus<AccountId>> {
	Requests::<Test>::get(id).map(|r| r.status)
}

pub fn credits() -> Vec<CreditMove> {
	CREDITS.with(|m| m.borrow().clone())
}

pub fn subsidies() -> Vec<(UnitId, u32, AccountId, u128)> {
	SUBSIDIES.with(|s| s.borrow().clone())
}

/// This pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Assistance(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}
