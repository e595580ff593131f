//! Pots and donations.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::CivicText;
use sp_runtime::TokenError;

#[test]
fn pots_are_distinct_keyless_accounts() {
	new_test_ext().execute_with(|| {
		let plum = CommunityTreasury::pot_account(PLUM);
		assert_ne!(plum, CommunityTreasury::pot_account(BAMBOO));
		assert_ne!(plum, CommunityTreasury::pot_account(STREET));
		// Same unit, same account, every time.
		assert_eq!(plum, CommunityTreasury::pot_account(PLUM));
	});
}

#[test]
fn anyone_donates_with_a_memo_recorded_on_the_statement() {
	new_test_ext().execute_with(|| {
		assert_ok!(CommunityTreasury::donate(
			RuntimeOrigin::signed(NOBODY),
			PLUM,
			300,
			b"for the garden".to_vec()
		));
		assert_eq!(pot(PLUM), 300);
		assert_eq!(balance(NOBODY), START_BALANCE - 300);
		assert_eq!(
			last_event(),
			Event::Donated { unit: PLUM, donor: NOBODY, amount: 300, entry: 0 }
		);
		let entry = Ledger::<Test>::get(PLUM, 0).unwrap();
		assert_eq!(entry.direction, Direction::In);
		assert_eq!(entry.counterparty, Beneficiary::Account(NOBODY));
		assert_eq!(
			entry.reason,
			EntryReason::Donation(CivicText::new(b"for the garden".to_vec()).unwrap())
		);
		assert_eq!(LedgerLength::<Test>::get(PLUM), 1);
	});
}

#[test]
fn bad_donations_are_refused_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CommunityTreasury::donate(RuntimeOrigin::signed(NOBODY), 99, 10, vec![]),
			Error::<Test>::UnknownUnit
		);
		assert_noop!(
			CommunityTreasury::donate(RuntimeOrigin::signed(NOBODY), PLUM, 0, vec![]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			CommunityTreasury::donate(RuntimeOrigin::signed(NOBODY), PLUM, 10, vec![b'x'; 17]),
			Error::<Test>::MemoTooLong
		);
		// The donor's account must survive the donation.
		assert_noop!(
			CommunityTreasury::donate(RuntimeOrigin::signed(NOBODY), PLUM, START_BALANCE, vec![]),
			TokenError::NotExpendable
		);
		assert_noop!(
			CommunityTreasury::donate(RuntimeOrigin::signed(99), PLUM, 10, vec![]),
			TokenError::FundsUnavailable
		);
		assert_eq!(LedgerLength::<Test>::get(PLUM), 0);
	});
}
