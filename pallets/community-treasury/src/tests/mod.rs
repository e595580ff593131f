//! Tests, by concern. Shared fixtures: Plum's pot supervised by its secretary, its committee
//! member, an owners' committee member and a resident, two approvals required.

mod decided;
mod lifecycle;
mod limits;
mod notice;
mod pots;
mod statement;
mod supervision;
mod texts;

use crate::{mock::*, *};
use frame_support::{assert_ok, traits::fungible::Inspect, BoundedVec};
use sp_runtime::Permill;

/// Plum's supervisors in [`configure_plum`].
pub const PLUM_SUPERVISORS: [AccountId; 4] = [PLUM_SECRETARY, PLUM_COMMITTEE, OWNERS_COMMITTEE, 10];
/// Above this a Plum spend goes to a vote.
pub const VOTE_CAP: u64 = 500;

pub fn settings(supervisors: &[AccountId], required: u32) -> UnitSettingsOf<Test> {
	UnitSettings {
		supervisors: BoundedVec::truncate_from(supervisors.to_vec()),
		required_approvals: required,
		// 20% of Plum's 10 residents: two objections.
		objection_share: Permill::from_percent(20),
		vote_cap: VOTE_CAP,
	}
}

/// Plum configured by governance with [`PLUM_SUPERVISORS`], M = 2, and `amount` in its pot.
pub fn configure_plum(amount: u64) {
	assert_ok!(CommunityTreasury::configure(
		RuntimeOrigin::root(),
		PLUM,
		settings(&PLUM_SUPERVISORS, 2)
	));
	if amount > 0 {
		assert_ok!(CommunityTreasury::donate(RuntimeOrigin::signed(25), PLUM, amount, vec![]));
	}
}

pub fn text(purpose: &str) -> Purpose<Vec<u8>> {
	Purpose::Text(purpose.as_bytes().to_vec())
}

/// Plum's secretary proposes paying `amount` to the contractor for repairs; returns its index.
/// The secretary is a supervisor, so it starts with one approval.
pub fn propose(amount: u64) -> SpendIndex {
	let index = NextSpendIndex::<Test>::get();
	assert_ok!(CommunityTreasury::propose_spend(
		RuntimeOrigin::signed(PLUM_SECRETARY),
		PLUM,
		Beneficiary::Account(CONTRACTOR),
		amount,
		Category::Facilities,
		text("fix the lift"),
		None,
	));
	index
}

/// A spend of `amount` proposed and approved: in notice.
pub fn approved_spend(amount: u64) -> SpendIndex {
	let index = propose(amount);
	assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index));
	index
}

pub fn status(index: SpendIndex) -> Option<SpendStatus<u64>> {
	Spends::<Test>::get(index).map(|s| s.status)
}

pub fn balance(who: AccountId) -> u64 {
	Balances::balance(&who)
}

pub fn pot(unit: UnitId) -> u64 {
	balance(CommunityTreasury::pot_account(unit))
}

/// This pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CommunityTreasury(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}

pub fn votes_requested() -> Vec<(UnitId, VoteSubject)> {
	VOTES_REQUESTED.with(|v| v.borrow().clone())
}
