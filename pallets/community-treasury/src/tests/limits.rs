//! The vote cap and budget lines.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::votes::ResidentVoteOutcome;

#[test]
fn a_spend_over_the_cap_always_goes_to_a_vote() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = approved_spend(VOTE_CAP + 1);
		assert_eq!(status(index), Some(SpendStatus::AwaitingVote));
		assert_eq!(
			events().into_iter().rev().nth(1),
			Some(Event::VoteRequested { index, unit: PLUM, reason: VoteReason::AboveCap })
		);
		assert_eq!(votes_requested(), vec![(PLUM, VoteSubject::TreasurySpend(index))]);
		// No objection is needed, and none is possible: it is not in a notice.
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(11), index),
			Error::<Test>::NotInNotice
		);
		assert_noop!(
			CommunityTreasury::retry_spend(RuntimeOrigin::signed(11), index),
			Error::<Test>::NotFailed
		);
		run_to_block(1 + 3 * NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert_ok!(CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(index), true));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + VOTE_CAP + 1);
		// At the cap exactly, the notice path applies.
		let at_cap = approved_spend(VOTE_CAP - 200);
		assert!(matches!(status(at_cap), Some(SpendStatus::Notice { .. })));
	});
}

#[test]
fn only_the_level_above_sets_budget_lines() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CommunityTreasury::set_budget(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Category::Facilities,
				Some(10)
			),
			Error::<Test>::NotAnOfficerAbove
		);
		assert_ok!(CommunityTreasury::set_budget(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			Category::Facilities,
			Some(10)
		));
		assert_eq!(BudgetLines::<Test>::get(PLUM, Category::Facilities), Some(10));
		assert_eq!(
			last_event(),
			Event::BudgetSet {
				unit: PLUM,
				category: Category::Facilities,
				limit: Some(10),
				by: Authority::Officer(STREET_SECRETARY)
			}
		);
		assert_ok!(CommunityTreasury::set_budget(
			RuntimeOrigin::root(),
			PLUM,
			Category::Facilities,
			None
		));
		assert_eq!(BudgetLines::<Test>::get(PLUM, Category::Facilities), None);
	});
}

#[test]
fn budget_lines_bound_what_is_committed_per_category_and_period() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		assert_ok!(CommunityTreasury::set_budget(
			RuntimeOrigin::root(),
			PLUM,
			Category::Facilities,
			Some(300)
		));
		assert_noop!(
			CommunityTreasury::propose_spend(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Beneficiary::Account(CONTRACTOR),
				301,
				Category::Facilities,
				text("too much"),
				None,
			),
			Error::<Test>::OverBudget
		);
		// Two spends fit the line alone, not together: the second approval is refused.
		let first = propose(200);
		let second = propose(200);
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), first));
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), second),
			Error::<Test>::OverBudget
		);
		assert_eq!(Spends::<Test>::get(second).unwrap().approvals.len(), 1);
		// Another category has no line.
		assert_ok!(CommunityTreasury::propose_spend(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			Beneficiary::Account(CONTRACTOR),
			400,
			Category::Culture,
			text("festival"),
			None,
		));
		// Cancelling the first gives its commitment back.
		assert_ok!(CommunityTreasury::cancel_spend(RuntimeOrigin::signed(PLUM_SECRETARY), first));
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), second));
		run_to_block(1 + NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 200);
		// Paid spends stay counted for the rest of the period...
		assert_noop!(
			CommunityTreasury::propose_spend(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Beneficiary::Account(CONTRACTOR),
				101,
				Category::Facilities,
				text("more"),
				None,
			),
			Error::<Test>::OverBudget
		);
		// ...and the next period starts afresh.
		run_to_block(BUDGET_PERIOD);
		assert_ok!(CommunityTreasury::propose_spend(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			Beneficiary::Account(CONTRACTOR),
			300,
			Category::Facilities,
			text("next year"),
			None,
		));
	});
}

#[test]
fn spend_indices_never_wrap_onto_old_spends() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		NextSpendIndex::<Test>::put(SpendIndex::MAX);
		assert_noop!(
			CommunityTreasury::propose_spend(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				Beneficiary::Account(CONTRACTOR),
				100,
				Category::Facilities,
				text("fix the lift"),
				None,
			),
			Error::<Test>::NoMoreIds
		);
	});
}

#[test]
fn spends_split_below_the_vote_cap_are_counted_together() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		// 300 is below the cap of 500: notice, no vote.
		let first = approved_spend(300);
		assert!(matches!(status(first), Some(SpendStatus::Notice { .. })));
		assert!(votes_requested().is_empty());
		// Another 300 to the same contractor makes 600 approved and unpaid: residents vote.
		let second = approved_spend(300);
		assert_eq!(status(second), Some(SpendStatus::AwaitingVote));
		assert_eq!(votes_requested(), vec![(PLUM, VoteSubject::TreasurySpend(second))]);
	});
}
