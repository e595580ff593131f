//! The public notice: automatic payout, residents' objections, votes, failed payouts.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::votes::ResidentVoteOutcome;
use sp_runtime::{DispatchError, TokenError};

#[test]
fn a_spend_is_paid_automatically_when_its_notice_ends() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = approved_spend(300);
		run_to_block(NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert!(Spends::<Test>::contains_key(index));
		run_to_block(1 + NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert_eq!(pot(PLUM), 700);
		assert!(!Spends::<Test>::contains_key(index));
		assert!(OpenSpends::<Test>::get(PLUM).is_empty());
		assert_eq!(
			last_event(),
			Event::SpendPaid {
				index,
				unit: PLUM,
				beneficiary: Beneficiary::Account(CONTRACTOR),
				amount: 300
			}
		);
		let entry = Ledger::<Test>::get(PLUM, 1).unwrap();
		assert_eq!((entry.block, entry.direction, entry.amount), (1 + NOTICE, Direction::Out, 300));
		assert_eq!(entry.reason, EntryReason::Spend { index, category: Category::Facilities });
	});
}

#[test]
fn residents_object_once_each_and_only_in_their_unit_during_notice() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = propose(300);
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(10), index),
			Error::<Test>::NotInNotice
		);
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index));
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(BAMBOO_RESIDENT), index),
			Error::<Test>::NotAResidentOfUnit
		);
		// An officer who is not a resident does not object as a resident.
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(STREET_SECRETARY), index),
			Error::<Test>::NotAResidentOfUnit
		);
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(11), index));
		assert_eq!(last_event(), Event::Objected { index, by: 11, objections: 1, threshold: 2 });
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(11), index),
			Error::<Test>::AlreadyObjected
		);
		// One objection is below the threshold: the spend is paid.
		run_to_block(1 + NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert!(votes_requested().is_empty());
	});
}

#[test]
fn objections_reaching_the_threshold_block_the_payout_and_ask_for_a_vote() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = approved_spend(300);
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(11), index));
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(12), index));
		assert_eq!(status(index), Some(SpendStatus::AwaitingVote));
		assert_eq!(
			last_event(),
			Event::VoteRequested { index, unit: PLUM, reason: VoteReason::Objections }
		);
		assert_eq!(votes_requested(), vec![(PLUM, VoteSubject::TreasurySpend(index))]);
		assert_noop!(
			CommunityTreasury::object(RuntimeOrigin::signed(13), index),
			Error::<Test>::NotInNotice
		);
		run_to_block(1 + 3 * NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert_eq!(status(index), Some(SpendStatus::AwaitingVote));
	});
}

#[test]
fn the_residents_vote_decides_and_objection_records_are_then_removed() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let paid = approved_spend(300);
		let refused = approved_spend(200);
		for index in [paid, refused] {
			assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(11), index));
			assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(12), index));
		}
		assert_ok!(CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(paid), true));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert!(events().contains(&Event::VoteConcluded {
			index: paid,
			approved: true,
			by: DecidedBy::Residents
		}));

		assert_ok!(CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(refused), false));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert_eq!(pot(PLUM), 700);
		assert_eq!(
			last_event(),
			Event::SpendEnded { index: refused, unit: PLUM, reason: EndReason::VotedDown }
		);
		assert_noop!(
			CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(refused), true),
			Error::<Test>::UnknownSpend
		);

		assert_eq!(Objections::<Test>::iter_prefix(paid).count(), 2);
		run_to_block(2);
		assert_eq!(Objections::<Test>::iter_prefix(paid).count(), 0);
		assert_eq!(Objections::<Test>::iter_prefix(refused).count(), 0);
	});
}

#[test]
fn governance_never_overrules_a_residents_vote_already_convened() {
	new_test_ext().execute_with(|| {
		VOTES_CONVENED.with(|c| *c.borrow_mut() = true);
		configure_plum(1_000);
		let index = approved_spend(300);
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(11), index));
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(12), index));
		assert_eq!(status(index), Some(SpendStatus::AwaitingVote));
		assert_noop!(
			CommunityTreasury::decide_by_governance(RuntimeOrigin::root(), index, true),
			Error::<Test>::ResidentsDecide
		);
		// The residents' vote decides it.
		assert_ok!(CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(index), false));
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert!(events().contains(&Event::VoteConcluded {
			index,
			approved: false,
			by: DecidedBy::Residents
		}));
	});
}

#[test]
fn governance_decides_where_no_vote_can_and_only_spends_awaiting_one() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let index = approved_spend(300);
		assert_noop!(
			CommunityTreasury::decide_by_governance(RuntimeOrigin::root(), index, true),
			Error::<Test>::NotAwaitingVote
		);
		assert_noop!(
			CommunityTreasury::vote_concluded(VoteSubject::TreasurySpend(index), true),
			Error::<Test>::NotAwaitingVote
		);
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(11), index));
		assert_ok!(CommunityTreasury::object(RuntimeOrigin::signed(12), index));
		assert_noop!(
			CommunityTreasury::decide_by_governance(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				index,
				true
			),
			DispatchError::BadOrigin
		);
		assert_ok!(CommunityTreasury::decide_by_governance(RuntimeOrigin::root(), index, true));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert!(events().contains(&Event::VoteConcluded {
			index,
			approved: true,
			by: DecidedBy::Governance
		}));
	});
}

#[test]
fn a_pot_too_small_fails_whole_then_retry_or_cancel() {
	new_test_ext().execute_with(|| {
		configure_plum(100);
		let index = approved_spend(300);
		run_to_block(1 + NOTICE);
		assert_eq!(status(index), Some(SpendStatus::Failed { at: 1 + NOTICE }));
		assert_eq!(
			last_event(),
			Event::SpendFailed { index, error: TokenError::FundsUnavailable.into() }
		);
		assert_eq!(pot(PLUM), 100);
		assert_eq!(balance(CONTRACTOR), START_BALANCE);
		assert_eq!(LedgerLength::<Test>::get(PLUM), 1);

		assert_noop!(
			CommunityTreasury::retry_spend(RuntimeOrigin::signed(NOBODY), index),
			Error::<Test>::InsufficientPot
		);
		assert_ok!(CommunityTreasury::donate(RuntimeOrigin::signed(26), PLUM, 250, vec![]));
		assert_ok!(CommunityTreasury::retry_spend(RuntimeOrigin::signed(NOBODY), index));
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 300);
		assert_eq!(pot(PLUM), 50);
		assert_noop!(
			CommunityTreasury::retry_spend(RuntimeOrigin::signed(NOBODY), index),
			Error::<Test>::UnknownSpend
		);

		let other = approved_spend(300);
		assert_noop!(
			CommunityTreasury::retry_spend(RuntimeOrigin::signed(NOBODY), other),
			Error::<Test>::NotFailed
		);
		run_to_block(System::block_number() + NOTICE);
		assert!(matches!(status(other), Some(SpendStatus::Failed { .. })));
		assert_ok!(CommunityTreasury::cancel_spend(RuntimeOrigin::signed(PLUM_SECRETARY), other));
		assert_eq!(pot(PLUM), 50);
	});
}

#[test]
fn a_street_allocates_to_a_community_through_the_same_process() {
	new_test_ext().execute_with(|| {
		assert_ok!(CommunityTreasury::configure(
			RuntimeOrigin::root(),
			STREET,
			settings(&[STREET_SECRETARY, DISTRICT_SECRETARY], 2)
		));
		assert_ok!(CommunityTreasury::donate(RuntimeOrigin::signed(25), STREET, 800, vec![]));
		assert_ok!(CommunityTreasury::propose_spend(
			RuntimeOrigin::signed(STREET_SECRETARY),
			STREET,
			Beneficiary::Unit(PLUM),
			500,
			Category::ElderlyCare,
			text("canteen for the elderly"),
			None,
		));
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(DISTRICT_SECRETARY), 0));
		run_to_block(1 + NOTICE);
		assert_eq!(pot(STREET), 300);
		assert_eq!(pot(PLUM), 500);
		let out = Ledger::<Test>::get(STREET, 1).unwrap();
		assert_eq!((out.direction, out.counterparty), (Direction::Out, Beneficiary::Unit(PLUM)));
		let into = Ledger::<Test>::get(PLUM, 0).unwrap();
		assert_eq!((into.direction, into.counterparty), (Direction::In, Beneficiary::Unit(STREET)));
		assert_eq!(into.reason, EntryReason::Spend { index: 0, category: Category::ElderlyCare });
	});
}
