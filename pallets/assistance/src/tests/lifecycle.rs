//! A request's life: acceptance, completion, confirmation, disputes; cancellation, release,
//! expiry and escalation.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn confirmed_help_credits_the_volunteer_and_pays_credits_and_subsidy() {
	new_test_ext().execute_with(|| {
		PAYER_CREDITS.with(|c| *c.borrow_mut() = 30);
		let id = done(30, 200);
		assert_eq!(status(id), Some(RequestStatus::Done { volunteer: VOLUNTEER, minutes: 45 }));
		// Not the volunteer, not a neighbour.
		assert_noop!(
			Assistance::confirm(RuntimeOrigin::signed(VOLUNTEER), id),
			Error::<Test>::SelfConfirmation
		);
		assert_noop!(
			Assistance::confirm(RuntimeOrigin::signed(NEIGHBOUR), id),
			Error::<Test>::NotOnBehalf
		);
		assert_ok!(Assistance::confirm(RuntimeOrigin::signed(ELDER), id));
		assert_eq!(
			credits(),
			vec![("service", ELDER, VOLUNTEER, 45, id), ("payment", ELDER, VOLUNTEER, 30, id)]
		);
		assert_eq!(subsidies(), vec![(PLUM, id, VOLUNTEER, 200)]);
		assert!(events().contains(&Event::SubsidyPaid { request: id, spend: 0, amount: 200 }));
		assert_eq!(
			last_event(),
			Event::Confirmed {
				request: id,
				volunteer: VOLUNTEER,
				minutes: 45,
				confirmed_by: ELDER
			}
		);
		assert!(Requests::<Test>::get(id).is_none());
		assert!(CommunityRequests::<Test>::get(PLUM).is_empty());
	});
}

#[test]
fn confirming_without_having_been_helped_is_refused() {
	new_test_ext().execute_with(|| {
		let id = open(Urgency::Normal, 0, 0);
		assert_noop!(Assistance::confirm(RuntimeOrigin::signed(ELDER), id), Error::<Test>::NotDone);
		declare(VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id));
		assert_noop!(Assistance::confirm(RuntimeOrigin::signed(ELDER), id), Error::<Test>::NotDone);
		assert_noop!(
			Assistance::complete(RuntimeOrigin::signed(OTHER_VOLUNTEER), id, 30),
			Error::<Test>::NotTheVolunteer
		);
		assert_noop!(
			Assistance::complete(RuntimeOrigin::signed(VOLUNTEER), id, 0),
			Error::<Test>::ZeroMinutes
		);
		assert!(credits().is_empty());
	});
}

#[test]
fn a_grid_worker_confirms_and_a_failed_payment_does_not_undo_the_credit() {
	new_test_ext().execute_with(|| {
		// The elder has no credits to pay what was offered; the fund shrank meanwhile.
		let id = done(30, 200);
		FUND.with(|f| *f.borrow_mut() = 100);
		assert_ok!(Assistance::confirm(RuntimeOrigin::signed(GRID_WORKER), id));
		assert_eq!(credits(), vec![("service", GRID_WORKER, VOLUNTEER, 45, id)]);
		assert!(subsidies().is_empty());
		let failures = events()
			.into_iter()
			.filter(|e| matches!(e, Event::PaymentFailed { request, .. } if *request == id))
			.count();
		assert_eq!(failures, 2);
	});
}

#[test]
fn a_disputed_claim_is_settled_by_an_officer() {
	new_test_ext().execute_with(|| {
		let id = done(0, 0);
		assert_noop!(
			Assistance::dispute(RuntimeOrigin::signed(VOLUNTEER), id),
			Error::<Test>::SelfConfirmation
		);
		assert_ok!(Assistance::dispute(RuntimeOrigin::signed(ELDER), id));
		assert_noop!(Assistance::confirm(RuntimeOrigin::signed(ELDER), id), Error::<Test>::NotDone);
		assert_noop!(
			Assistance::settle(RuntimeOrigin::signed(GRID_WORKER), id, 30),
			Error::<Test>::NotAnOfficer
		);
		assert_ok!(Assistance::settle(RuntimeOrigin::signed(PLUM_SECRETARY), id, 30));
		assert_eq!(credits(), vec![("service", PLUM_SECRETARY, VOLUNTEER, 30, id)]);
		// Settled at nothing: no credit.
		let other = done(0, 0);
		assert_ok!(Assistance::dispute(RuntimeOrigin::signed(GRID_WORKER), other));
		assert_ok!(Assistance::settle(RuntimeOrigin::signed(PLUM_SECRETARY), other, 0));
		assert_eq!(credits().len(), 1);
		assert!(Requests::<Test>::get(other).is_none());
	});
}

#[test]
fn requests_are_cancelled_before_acceptance_and_released_after() {
	new_test_ext().execute_with(|| {
		let id = open(Urgency::Normal, 0, 0);
		assert_noop!(
			Assistance::cancel_request(RuntimeOrigin::signed(NEIGHBOUR), id),
			Error::<Test>::NotOnBehalf
		);
		declare(VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id));
		assert_noop!(
			Assistance::cancel_request(RuntimeOrigin::signed(ELDER), id),
			Error::<Test>::NotOpen
		);
		// The volunteer did not come: the grid worker puts it back on the need list.
		assert_noop!(
			Assistance::release(RuntimeOrigin::signed(OTHER_VOLUNTEER), id),
			Error::<Test>::NotTheVolunteer
		);
		assert_ok!(Assistance::release(RuntimeOrigin::signed(GRID_WORKER), id));
		assert_eq!(
			last_event(),
			Event::Released { request: id, volunteer: VOLUNTEER, by: GRID_WORKER }
		);
		declare(OTHER_VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(OTHER_VOLUNTEER), id));
		assert_ok!(Assistance::release(RuntimeOrigin::signed(OTHER_VOLUNTEER), id));
		assert_ok!(Assistance::cancel_request(RuntimeOrigin::signed(ELDER), id));
		assert_eq!(last_event(), Event::Cancelled { request: id, by: ELDER });
		assert!(Requests::<Test>::get(id).is_none());
	});
}

#[test]
fn urgent_requests_nobody_takes_are_escalated_then_expire() {
	new_test_ext().execute_with(|| {
		let urgent = open(Urgency::Urgent, 0, 0);
		let normal = open(Urgency::Normal, 0, 0);
		run_to_block(ESCALATION);
		assert!(Escalated::<Test>::get(PLUM).is_empty());
		run_to_block(1 + ESCALATION);
		assert_eq!(Escalated::<Test>::get(PLUM).to_vec(), vec![urgent]);
		assert!(events().contains(&Event::Escalated { request: urgent, community: PLUM }));
		// Accepting it takes it off the escalation list.
		declare(VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), urgent));
		assert!(Escalated::<Test>::get(PLUM).is_empty());
		run_to_block(1 + OPEN_PERIOD);
		// The accepted one stays; the unaccepted one expired.
		assert!(Requests::<Test>::get(urgent).is_some());
		assert!(Requests::<Test>::get(normal).is_none());
		assert!(events().contains(&Event::Expired { request: normal }));
	});
}
