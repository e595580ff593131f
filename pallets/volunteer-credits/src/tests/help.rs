//! The hook the assistance pallet calls: help confirmed, help paid for.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::credits::ServiceCredits;

#[test]
fn confirmed_help_is_credited_but_never_self_confirmed() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			VolunteerCredits::credit_service(&VOLUNTEERS[0], &VOLUNTEERS[0], 60, 1),
			Error::<Test>::SelfConfirmation
		);
		assert_ok!(VolunteerCredits::credit_service(&VOLUNTEERS[0], &SPECIAL_NEEDS, 60, 1));
		assert_eq!(
			last_event(),
			Event::HelpCredited {
				request: 1,
				volunteer: VOLUNTEERS[0],
				minutes: 60,
				confirmer: SPECIAL_NEEDS
			}
		);
		assert_eq!(lifetime(VOLUNTEERS[0]), 60);
		// The daily cap counts help and activities together.
		serve(VOLUNTEERS[0], DAILY_CAP - 60);
		assert_noop!(
			VolunteerCredits::credit_service(&VOLUNTEERS[0], &SPECIAL_NEEDS, 1, 2),
			Error::<Test>::OverDailyCap
		);
		ledger_balances();
	});
}

#[test]
fn help_is_paid_for_from_the_requesters_credits() {
	new_test_ext().execute_with(|| {
		serve(VOLUNTEERS[1], 120);
		assert_noop!(
			VolunteerCredits::pay_for_help(&VOLUNTEERS[1], &VOLUNTEERS[0], 121, 3),
			Error::<Test>::InsufficientCredits
		);
		assert_noop!(
			VolunteerCredits::pay_for_help(&VOLUNTEERS[1], &VOLUNTEERS[1], 10, 3),
			Error::<Test>::SelfConfirmation
		);
		assert_ok!(VolunteerCredits::pay_for_help(&VOLUNTEERS[1], &VOLUNTEERS[0], 90, 3));
		assert_eq!((balance(VOLUNTEERS[1]), balance(VOLUNTEERS[0])), (30, 90));
		// Being paid is not service: the lifetime figure stays.
		assert_eq!(lifetime(VOLUNTEERS[0]), 0);
		ledger_balances();
	});
}
