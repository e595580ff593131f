//! Spending: redemption at registered services, donations to special-needs residents, and no
//! other way to move credits.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn credits_are_redeemed_at_a_registered_service_and_retired() {
	new_test_ext().execute_with(|| {
		serve(VOLUNTEERS[0], 200);
		let redeem = |provider, minutes| {
			VolunteerCredits::redeem(RuntimeOrigin::signed(VOLUNTEERS[0]), provider, minutes, 4)
		};
		assert_noop!(redeem(NOBODY, 50), Error::<Test>::NotAProvider);
		assert_noop!(redeem(SERVICE, 201), Error::<Test>::InsufficientCredits);
		assert_noop!(redeem(SERVICE, 0), Error::<Test>::ZeroMinutes);
		assert_ok!(redeem(SERVICE, 150));
		assert_eq!(
			last_event(),
			Event::Redeemed { who: VOLUNTEERS[0], provider: SERVICE, minutes: 150, reward: 4 }
		);
		assert_eq!(balance(VOLUNTEERS[0]), 50);
		assert_eq!(TotalRetired::<Test>::get(), 150);
		// Plum's service is not Bamboo's.
		go_to_block(DAY);
		serve(BAMBOO_VOLUNTEER, 60);
		assert_noop!(
			VolunteerCredits::redeem(RuntimeOrigin::signed(BAMBOO_VOLUNTEER), SERVICE, 10, 1),
			Error::<Test>::NotAProvider
		);
		ledger_balances();
	});
}

#[test]
fn credits_go_only_to_special_needs_residents() {
	new_test_ext().execute_with(|| {
		serve(VOLUNTEERS[0], 100);
		let donate = |to, minutes| {
			VolunteerCredits::donate(RuntimeOrigin::signed(VOLUNTEERS[0]), to, minutes)
		};
		// No transfer to anyone else: not a neighbour, not oneself, not a stranger.
		assert_noop!(donate(VOLUNTEERS[1], 10), Error::<Test>::NotSpecialNeeds);
		assert_noop!(donate(NOBODY, 10), Error::<Test>::NotSpecialNeeds);
		assert_noop!(donate(VOLUNTEERS[0], 10), Error::<Test>::SelfDonation);
		assert_noop!(donate(SPECIAL_NEEDS, 101), Error::<Test>::InsufficientCredits);
		assert_ok!(donate(SPECIAL_NEEDS, 40));
		assert_eq!((balance(VOLUNTEERS[0]), balance(SPECIAL_NEEDS)), (60, 40));
		// Lifetime service is the giver's, not the receiver's.
		assert_eq!((lifetime(VOLUNTEERS[0]), lifetime(SPECIAL_NEEDS)), (100, 0));
		let received = VolunteerCredits::history(&SPECIAL_NEEDS, 10);
		assert_eq!(received[0].counterparty, Counterparty::Donation { other: VOLUNTEERS[0] });
		assert!(received[0].incoming);
		ledger_balances();
	});
}

#[test]
fn history_keeps_the_most_recent_lines_newest_first() {
	new_test_ext().execute_with(|| {
		serve(VOLUNTEERS[0], 400);
		for reward in 1..=5 {
			assert_ok!(VolunteerCredits::redeem(
				RuntimeOrigin::signed(VOLUNTEERS[0]),
				SERVICE,
				10,
				reward
			));
		}
		let history = VolunteerCredits::history(&VOLUNTEERS[0], 10);
		// Four lines kept: redemptions 5, 4, 3, 2.
		let rewards: Vec<_> = history
			.iter()
			.map(|h| match h.counterparty {
				Counterparty::Redemption { reward, .. } => reward,
				_ => 0,
			})
			.collect();
		assert_eq!(rewards, vec![5, 4, 3, 2]);
		assert_eq!(VolunteerCredits::history(&VOLUNTEERS[0], 2).len(), 2);
		assert_eq!(HistoryCount::<Test>::get(VOLUNTEERS[0]), 6);
		ledger_balances();
	});
}
