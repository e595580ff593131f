//! Disputes of an organiser's record, settled by an officer.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn recorded(minutes: Minutes) -> ActivityId {
	let id = publish();
	assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
	assert_ok!(VolunteerCredits::record_service(
		RuntimeOrigin::signed(ORGANISATION),
		id,
		VOLUNTEERS[0],
		minutes
	));
	id
}

#[test]
fn a_volunteer_disputes_within_the_window_and_an_officer_adds_what_was_missing() {
	new_test_ext().execute_with(|| {
		let id = recorded(60);
		assert_noop!(
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[1]), id),
			Error::<Test>::NothingToDispute
		);
		go_to_block(1 + DISPUTE_WINDOW);
		assert_ok!(VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		assert_eq!(
			last_event(),
			Event::Disputed { activity: id, volunteer: VOLUNTEERS[0], recorded: 60 }
		);
		assert_noop!(
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id),
			Error::<Test>::NothingToDispute
		);
		let settle = |who, minutes| {
			VolunteerCredits::settle_dispute(RuntimeOrigin::signed(who), id, VOLUNTEERS[0], minutes)
		};
		assert_noop!(settle(ORGANISATION, 120), Error::<Test>::NotAnOfficer);
		assert_noop!(settle(BAMBOO_SECRETARY, 120), Error::<Test>::NotAnOfficer);
		assert_noop!(settle(PLUM_SECRETARY, 30), Error::<Test>::CannotReduce);
		assert_ok!(settle(PLUM_SECRETARY, 120));
		assert_eq!(
			last_event(),
			Event::DisputeSettled {
				activity: id,
				volunteer: VOLUNTEERS[0],
				minutes: 120,
				added: 60,
				by: PLUM_SECRETARY
			}
		);
		assert_eq!((balance(VOLUNTEERS[0]), lifetime(VOLUNTEERS[0])), (120, 120));
		assert_noop!(settle(PLUM_SECRETARY, 180), Error::<Test>::NotDisputed);
		ledger_balances();
	});
}

#[test]
fn a_dispute_after_the_window_is_refused() {
	new_test_ext().execute_with(|| {
		let id = recorded(60);
		go_to_block(2 + DISPUTE_WINDOW);
		assert_noop!(
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id),
			Error::<Test>::DisputeWindowOver
		);
	});
}
