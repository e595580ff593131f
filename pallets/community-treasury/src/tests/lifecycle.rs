//! Proposing, approving, rejecting, expiring and cancelling spends.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_officer_proposes_and_a_supervisor_proposer_counts_as_one_approval() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = propose(200);
		let spend = Spends::<Test>::get(index).unwrap();
		assert_eq!(spend.proposer, PLUM_SECRETARY);
		assert_eq!(spend.approvals.to_vec(), vec![PLUM_SECRETARY]);
		assert_eq!(spend.status, SpendStatus::AwaitingApproval { expires_at: 1 + APPROVAL_PERIOD });
		assert_eq!(OpenSpends::<Test>::get(PLUM).to_vec(), vec![index]);
		let tail: Vec<_> = events().into_iter().rev().take(2).collect();
		assert_eq!(
			tail,
			vec![
				Event::SpendApproved { index, by: PLUM_SECRETARY, approvals: 1 },
				Event::SpendProposed {
					index,
					unit: PLUM,
					proposer: PLUM_SECRETARY,
					beneficiary: Beneficiary::Account(CONTRACTOR),
					amount: 200,
					category: Category::Facilities,
				},
			]
		);
		// Approving one's own proposal again does not count twice.
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_SECRETARY), index),
			Error::<Test>::AlreadyApproved
		);
	});
}

#[test]
fn an_officer_above_who_is_not_a_supervisor_proposes_without_approving() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		assert_ok!(CommunityTreasury::propose_spend(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			Beneficiary::Account(CONTRACTOR),
			100,
			Category::Environment,
			Purpose::Document([7; 32]),
			Some(3),
		));
		let spend = Spends::<Test>::get(0).unwrap();
		assert!(spend.approvals.is_empty());
		assert_eq!(spend.consultation, Some(3));
	});
}

#[test]
fn proposals_are_refused_with_a_reason_and_change_nothing() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let propose_as =
			|who: AccountId, unit: UnitId, beneficiary: Beneficiary<AccountId>, amount: u64| {
				CommunityTreasury::propose_spend(
					RuntimeOrigin::signed(who),
					unit,
					beneficiary,
					amount,
					Category::Facilities,
					text("x"),
					None,
				)
			};
		let to = Beneficiary::Account(CONTRACTOR);
		// A resident supervisor is not an officer: supervisors check, officers propose.
		for who in [NOBODY, 10, OWNERS_COMMITTEE, BAMBOO_SECRETARY] {
			assert_noop!(propose_as(who, PLUM, to.clone(), 10), Error::<Test>::NotAnOfficer);
		}
		assert_noop!(propose_as(PLUM_SECRETARY, 99, to.clone(), 10), Error::<Test>::UnknownUnit);
		assert_noop!(
			propose_as(BAMBOO_SECRETARY, BAMBOO, to.clone(), 10),
			Error::<Test>::NotConfigured
		);
		assert_noop!(propose_as(PLUM_SECRETARY, PLUM, to.clone(), 0), Error::<Test>::ZeroAmount);
		// Plum is not Bamboo's parent.
		assert_noop!(
			propose_as(PLUM_SECRETARY, PLUM, Beneficiary::Unit(BAMBOO), 10),
			Error::<Test>::NotAChildUnit
		);
		for _ in 0..4 {
			assert_ok!(propose_as(PLUM_SECRETARY, PLUM, to.clone(), 10));
		}
		assert_noop!(propose_as(PLUM_SECRETARY, PLUM, to, 10), Error::<Test>::TooManyOpenSpends);
		assert_eq!(NextSpendIndex::<Test>::get(), 4);
	});
}

#[test]
fn m_approvals_start_the_public_notice() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = propose(200);
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(11), index),
			Error::<Test>::NotASupervisor
		);
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), 9),
			Error::<Test>::UnknownSpend
		);
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index));
		let ends_at = 1 + NOTICE;
		assert_eq!(status(index), Some(SpendStatus::Notice { ends_at }));
		// 20% of Plum's 10 residents.
		assert_eq!(Spends::<Test>::get(index).unwrap().objection_threshold, 2);
		assert!(events().contains(&Event::NoticeStarted {
			index,
			ends_at,
			objection_threshold: 2
		}));
		assert_eq!(last_event(), Event::SpendApproved { index, by: PLUM_COMMITTEE, approvals: 2 });
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(10), index),
			Error::<Test>::NotAwaitingApproval
		);
		assert_noop!(
			CommunityTreasury::reject_spend(RuntimeOrigin::signed(10), index),
			Error::<Test>::NotAwaitingApproval
		);
	});
}

#[test]
fn a_majority_of_supervisors_rejects() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = propose(200);
		assert_noop!(
			CommunityTreasury::reject_spend(RuntimeOrigin::signed(PLUM_SECRETARY), index),
			Error::<Test>::AlreadyApproved
		);
		assert_noop!(
			CommunityTreasury::reject_spend(RuntimeOrigin::signed(NOBODY), index),
			Error::<Test>::NotASupervisor
		);
		assert_ok!(CommunityTreasury::reject_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index));
		assert_noop!(
			CommunityTreasury::reject_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index),
			Error::<Test>::AlreadyRejected
		);
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index),
			Error::<Test>::AlreadyRejected
		);
		// Two of four is not a majority.
		assert_ok!(CommunityTreasury::reject_spend(RuntimeOrigin::signed(OWNERS_COMMITTEE), index));
		assert!(Spends::<Test>::contains_key(index));
		// Three of four is.
		assert_ok!(CommunityTreasury::reject_spend(RuntimeOrigin::signed(10), index));
		assert!(!Spends::<Test>::contains_key(index));
		assert!(OpenSpends::<Test>::get(PLUM).is_empty());
		assert_eq!(
			last_event(),
			Event::SpendEnded { index, unit: PLUM, reason: EndReason::Rejected }
		);
		assert_eq!(pot(PLUM), 1_000);
	});
}

#[test]
fn spends_not_approved_in_time_expire_and_approved_ones_do_not() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let waiting = propose(100);
		let approved = approved_spend(100);
		run_to_block(APPROVAL_PERIOD);
		assert!(Spends::<Test>::contains_key(waiting));
		run_to_block(1 + APPROVAL_PERIOD);
		assert!(!Spends::<Test>::contains_key(waiting));
		assert!(events().contains(&Event::SpendEnded {
			index: waiting,
			unit: PLUM,
			reason: EndReason::Expired
		}));
		// The approved one was paid at the end of its notice, not expired.
		assert!(events().contains(&Event::SpendPaid {
			index: approved,
			unit: PLUM,
			beneficiary: Beneficiary::Account(CONTRACTOR),
			amount: 100
		}));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 100);
	});
}

#[test]
fn the_proposer_or_an_officer_cancels_before_payment() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let first = propose(100);
		for who in [NOBODY, 10, OWNERS_COMMITTEE] {
			assert_noop!(
				CommunityTreasury::cancel_spend(RuntimeOrigin::signed(who), first),
				Error::<Test>::NotAllowedToCancel
			);
		}
		assert_ok!(CommunityTreasury::cancel_spend(RuntimeOrigin::signed(PLUM_SECRETARY), first));
		assert_eq!(
			last_event(),
			Event::SpendEnded {
				index: first,
				unit: PLUM,
				reason: EndReason::Cancelled(PLUM_SECRETARY)
			}
		);

		let second = approved_spend(100);
		assert_ok!(CommunityTreasury::cancel_spend(
			RuntimeOrigin::signed(STREET_SECRETARY),
			second
		));
		run_to_block(1 + NOTICE + 1);
		assert_eq!(pot(PLUM), 1_000);
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert_noop!(
			CommunityTreasury::cancel_spend(RuntimeOrigin::signed(PLUM_SECRETARY), second),
			Error::<Test>::UnknownSpend
		);
	});
}

#[test]
fn governance_sets_the_periods_for_spends_from_now_on() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let before = approved_spend(10);
		assert_noop!(
			CommunityTreasury::set_periods(RuntimeOrigin::signed(DISTRICT_SECRETARY), 5, 3),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			CommunityTreasury::set_periods(RuntimeOrigin::root(), 5, 0),
			Error::<Test>::ZeroPeriod
		);
		assert_ok!(CommunityTreasury::set_periods(RuntimeOrigin::root(), 50, 30));
		assert_eq!(last_event(), Event::PeriodsSet { approval: 50, notice: 30 });
		assert_eq!(status(before), Some(SpendStatus::Notice { ends_at: 1 + NOTICE }));
		let waiting = propose(10);
		assert_eq!(status(waiting), Some(SpendStatus::AwaitingApproval { expires_at: 51 }));
		assert_ok!(CommunityTreasury::approve_spend(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			waiting
		));
		assert_eq!(status(waiting), Some(SpendStatus::Notice { ends_at: 31 }));
	});
}
