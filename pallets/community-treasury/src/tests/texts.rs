//! Personal data kept out of memos and purposes; take-down of a purpose and a memo.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::{PersonalData, TextHost, TextRef};

#[test]
fn a_memo_or_a_purpose_holding_a_phone_or_card_number_is_refused() {
	new_test_ext().execute_with(|| {
		configure_plum(0);
		assert_noop!(
			CommunityTreasury::donate(
				RuntimeOrigin::signed(NOBODY),
				PLUM,
				10,
				b"13812345678".to_vec()
			),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		let propose = |purpose: &str| {
			CommunityTreasury::propose_spend(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Beneficiary::Account(CONTRACTOR),
				10,
				Category::Facilities,
				text(purpose),
				None,
			)
		};
		assert_noop!(
			propose("pay 6222021234567894"),
			Error::<Test>::PersonalData(PersonalData::BankCard)
		);
		assert_noop!(propose(&"x".repeat(33)), Error::<Test>::PurposeTooLong);
		assert_eq!(LedgerLength::<Test>::get(PLUM), 0);
		assert_eq!(NextSpendIndex::<Test>::get(), 0);
	});
}

#[test]
fn a_purpose_and_a_memo_are_taken_down_and_the_amounts_stay() {
	new_test_ext().execute_with(|| {
		configure_plum(0);
		let spend = propose(40);
		let purpose = TextRef::SpendPurpose(spend);
		let facts = CommunityTreasury::locate(&purpose).unwrap();
		assert_eq!((facts.unit, facts.author), (PLUM, PLUM_SECRETARY));
		assert!(CommunityTreasury::take_down(&purpose));
		let stored = Spends::<Test>::get(spend).unwrap();
		assert_eq!(stored.purpose, Purpose::Text(Default::default()));
		assert_eq!(stored.amount, 40);
		assert_eq!(CommunityTreasury::locate(&purpose), None);
		assert!(CommunityTreasury::restore(&purpose, b"fix the lift"));
		assert_eq!(CommunityTreasury::locate(&purpose).map(|f| f.hash), Some(facts.hash));

		assert_ok!(CommunityTreasury::donate(
			RuntimeOrigin::signed(NOBODY),
			PLUM,
			30,
			b"rude words".to_vec()
		));
		let memo = TextRef::DonationMemo(PLUM, 0);
		assert_eq!(CommunityTreasury::locate(&memo).map(|f| f.author), Some(NOBODY));
		assert!(CommunityTreasury::take_down(&memo));
		let line = Ledger::<Test>::get(PLUM, 0).unwrap();
		assert_eq!((line.amount, line.reason), (30, EntryReason::Donation(Default::default())));
	});
}
