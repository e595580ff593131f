//! Spends decided by a consultation vote ([`ResidentSpends`]).

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::votes::ResidentSpends;

const TOPIC: u32 = 7;

fn pay(amount: u128) -> Result<SpendIndex, sp_runtime::DispatchError> {
	CommunityTreasury::pay_decided_spend(
		PLUM,
		TOPIC,
		&11,
		&CONTRACTOR,
		amount,
		Category::Facilities,
	)
}

#[test]
fn a_decided_spend_is_paid_at_once_and_records_its_topic() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		// Above the vote cap too: the residents have voted already.
		let index = pay(VOTE_CAP as u128 + 100).unwrap();
		assert_eq!(balance(CONTRACTOR), START_BALANCE + VOTE_CAP + 100);
		assert_eq!(pot(PLUM), 1_000 - VOTE_CAP - 100);
		assert!(!Spends::<Test>::contains_key(index));
		assert!(OpenSpends::<Test>::get(PLUM).is_empty());
		let events = events();
		assert!(events.contains(&Event::SpendProposed {
			index,
			unit: PLUM,
			proposer: 11,
			beneficiary: Beneficiary::Account(CONTRACTOR),
			amount: VOTE_CAP + 100,
			category: Category::Facilities,
		}));
		assert!(events.contains(&Event::VoteConcluded {
			index,
			approved: true,
			by: DecidedBy::Residents
		}));
		assert_eq!(
			last_event(),
			Event::SpendPaid {
				index,
				unit: PLUM,
				beneficiary: Beneficiary::Account(CONTRACTOR),
				amount: VOTE_CAP + 100
			}
		);
	});
}

#[test]
fn a_decided_spend_the_pot_cannot_pay_waits_failed_and_can_be_retried() {
	new_test_ext().execute_with(|| {
		configure_plum(100);
		let index = pay(300).unwrap();
		assert!(matches!(status(index), Some(SpendStatus::Failed { .. })));
		assert_eq!(Spends::<Test>::get(index).unwrap().consultation, Some(TOPIC));
		assert_eq!(pot(PLUM), 100);
		assert_ok!(CommunityTreasury::donate(RuntimeOrigin::signed(25), PLUM, 200, vec![]));
		assert_ok!(CommunityTreasury::retry_spend(RuntimeOrigin::signed(25), index));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
	});
}

#[test]
fn a_decided_spend_keeps_to_the_budget_line_and_the_settings() {
	new_test_ext().execute_with(|| {
		assert_noop!(pay(10), Error::<Test>::NotConfigured);
		configure_plum(1_000);
		assert_ok!(CommunityTreasury::set_budget(
			RuntimeOrigin::root(),
			PLUM,
			Category::Facilities,
			Some(50)
		));
		assert_noop!(pay(60), Error::<Test>::OverBudget);
		assert_noop!(pay(0), Error::<Test>::ZeroAmount);
		assert_noop!(pay(u128::from(u64::MAX) + 1), Error::<Test>::AmountTooLarge);
		assert_noop!(
			CommunityTreasury::pay_decided_spend(
				99,
				TOPIC,
				&11,
				&CONTRACTOR,
				10,
				Category::Facilities
			),
			Error::<Test>::UnknownUnit
		);
		assert_ok!(pay(50));
		assert_eq!(BudgetUsed::<Test>::get(PLUM, Category::Facilities).map(|u| u.1), Some(50));
	});
}

/// The level above (governance here) gives Plum an `Assistance` budget line of `limit`.
fn assistance_line(limit: u64) {
	assert_ok!(CommunityTreasury::set_budget(
		RuntimeOrigin::root(),
		PLUM,
		Category::Assistance,
		Some(limit)
	));
}

#[test]
fn the_pot_pays_subsidies_of_confirmed_help_against_the_assistance_line() {
	use gongzhi_primitives::assistance::AssistanceFund;
	new_test_ext().execute_with(|| {
		configure_plum(400);
		// No Assistance line: no subsidies at all, not "no limit".
		assert_eq!(CommunityTreasury::available(PLUM), 0);
		assert_noop!(
			CommunityTreasury::pay_subsidy(PLUM, 3, &11, 1),
			Error::<Test>::NoAssistanceLine
		);
		assistance_line(150);
		// The line, not the pot (400), bounds what is available.
		assert_eq!(CommunityTreasury::available(PLUM), 150);
		assert_ok!(CommunityTreasury::set_subsidy_cap(RuntimeOrigin::root(), PLUM, Some(100)));
		assert_noop!(CommunityTreasury::pay_subsidy(PLUM, 3, &11, 151), Error::<Test>::OverBudget);
		let index = CommunityTreasury::pay_subsidy(PLUM, 3, &11, 100).unwrap();
		assert_eq!(balance(11), START_BALANCE + 100);
		assert_eq!(CommunityTreasury::available(PLUM), 50);
		assert!(events().contains(&Event::SpendPaid {
			index,
			unit: PLUM,
			beneficiary: Beneficiary::Account(11),
			amount: 100
		}));
		assert_eq!(CommunityTreasury::available(BAMBOO), 0);
	});
}

#[test]
fn a_subsidy_above_the_cap_waits_for_the_supervisors_and_the_notice() {
	use gongzhi_primitives::assistance::AssistanceFund;
	new_test_ext().execute_with(|| {
		configure_plum(400);
		assistance_line(300);
		// Only the level above sets the cap, not the unit's own officers.
		assert_noop!(
			CommunityTreasury::set_subsidy_cap(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Some(1_000)
			),
			Error::<Test>::NotAnOfficerAbove
		);
		// No cap set: even a small subsidy waits.
		let small = CommunityTreasury::pay_subsidy(PLUM, 3, &11, 10).unwrap();
		assert!(matches!(status(small), Some(SpendStatus::AwaitingApproval { .. })));
		assert_ok!(CommunityTreasury::set_subsidy_cap(RuntimeOrigin::root(), PLUM, Some(50)));
		assert_eq!(
			last_event(),
			Event::SubsidyCapSet { unit: PLUM, cap: Some(50), by: Authority::Governance }
		);
		let big = CommunityTreasury::pay_subsidy(PLUM, 4, &11, 120).unwrap();
		assert_eq!(balance(11), START_BALANCE);
		assert_eq!(pot(PLUM), 400);
		assert!(matches!(status(big), Some(SpendStatus::AwaitingApproval { .. })));
		assert!(Spends::<Test>::get(big).unwrap().approvals.is_empty());
		// Two supervisors approve it; then the notice runs before anything is paid.
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_SECRETARY), big));
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), big));
		assert!(matches!(status(big), Some(SpendStatus::Notice { .. })));
		assert_eq!(balance(11), START_BALANCE);
	});
}

#[test]
fn no_supervisor_approves_a_spend_to_themselves() {
	use gongzhi_primitives::assistance::AssistanceFund;
	new_test_ext().execute_with(|| {
		configure_plum(400);
		assistance_line(300);
		// A supervisor who volunteered is paid a subsidy above the cap: they cannot approve it.
		let index = CommunityTreasury::pay_subsidy(PLUM, 3, &PLUM_COMMITTEE, 120).unwrap();
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index),
			Error::<Test>::OwnSpend
		);
		// Nor does proposing a spend to oneself count as one's approval.
		let own = NextSpendIndex::<Test>::get();
		assert_ok!(CommunityTreasury::propose_spend(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			Beneficiary::Account(PLUM_SECRETARY),
			30,
			Category::Facilities,
			text("my own invoice"),
			None
		));
		assert!(Spends::<Test>::get(own).unwrap().approvals.is_empty());
	});
}
