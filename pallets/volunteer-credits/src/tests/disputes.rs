//! Disputes of an organiser's record, settled by an officer.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn recorded(minutes: Minutes) -> ActivityId {
	recorded_at(publish(), minutes)
}

fn recorded_at(id: ActivityId, minutes: Minutes) -> ActivityId {
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
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[1]), id, 120),
			Error::<Test>::NothingToDispute
		);
		go_to_block(1 + DISPUTE_WINDOW);
		assert_ok!(VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 120));
		assert_eq!(
			last_event(),
			Event::Disputed { activity: id, volunteer: VOLUNTEERS[0], recorded: 60, claimed: 120 }
		);
		assert_noop!(
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 120),
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
			VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 120),
			Error::<Test>::DisputeWindowOver
		);
	});
}

#[test]
fn a_dispute_claims_more_than_the_record_and_no_more_than_the_activity_allows() {
	new_test_ext().execute_with(|| {
		let id = recorded_at(publish_allowing(120), 60);
		let dispute =
			|claimed| VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, claimed);
		assert_noop!(dispute(60), Error::<Test>::ClaimNotAboveRecord);
		assert_noop!(dispute(121), Error::<Test>::OverActivityLimit);
		assert_ok!(dispute(120));
	});
}

#[test]
fn a_settlement_credits_no_more_than_the_claim_nor_beyond_the_daily_cap() {
	new_test_ext().execute_with(|| {
		let id = recorded(60);
		assert_ok!(VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 300));
		let settle = |minutes| {
			VolunteerCredits::settle_dispute(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				VOLUNTEERS[0],
				minutes,
			)
		};
		// Once an officer could mint any number of minutes here.
		assert_noop!(settle(u32::MAX), Error::<Test>::OverClaim);
		assert_noop!(settle(301), Error::<Test>::OverClaim);
		// The volunteer served a full day elsewhere today: 60 + 420 = the cap.
		serve(VOLUNTEERS[0], DAILY_CAP - 60);
		assert_noop!(settle(300), Error::<Test>::OverDailyCap);
		go_to_block(1 + DAY);
		assert_ok!(settle(300));
		assert_eq!(lifetime(VOLUNTEERS[0]), u64::from(DAILY_CAP) + 240);
		ledger_balances();
	});
}

#[test]
fn the_organiser_never_settles_a_dispute_of_their_own_record() {
	new_test_ext().execute_with(|| {
		// The Plum secretary is also a volunteer organisation of Plum and records service.
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM_SECRETARY,
			Role::VolunteerOrganisation,
			PLUM
		));
		let id = NextActivityId::<Test>::get();
		assert_ok!(VolunteerCredits::publish_activity(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			b"own".to_vec(),
			DAILY_CAP
		));
		assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		assert_ok!(VolunteerCredits::record_service(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			id,
			VOLUNTEERS[0],
			30
		));
		assert_ok!(VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 90));
		assert_noop!(
			VolunteerCredits::settle_dispute(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				VOLUNTEERS[0],
				90
			),
			Error::<Test>::OrganiserSettles
		);
		// An officer above (the street's secretary) settles it.
		assert_ok!(VolunteerCredits::settle_dispute(
			RuntimeOrigin::signed(STREET_SECRETARY),
			id,
			VOLUNTEERS[0],
			90
		));
		assert_eq!(balance(VOLUNTEERS[0]), 90);
	});
}
