//! Civic votes vest after the delay governance sets; the hook grants them, a bounded number a
//! block.

use super::*;
use crate::{Error, Event, Residents, RevocationReason, VoteVestingDelay};
use frame_support::{assert_noop, assert_ok};

fn vested(who: u64) -> bool {
	resident_changes().contains(&(who, true))
}

#[test]
fn only_governance_sets_the_vesting_delay_and_within_its_bound() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::set_vote_vesting_delay(RuntimeOrigin::signed(DISTRICT_SECRETARY), 5),
			Error::<Test>::GovernanceOnly
		);
		assert_noop!(
			PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 1_001),
			Error::<Test>::VestingDelayTooLong
		);
		assert_ok!(PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 5));
		assert_eq!(VoteVestingDelay::<Test>::get(), 5);
		System::assert_last_event(Event::VoteVestingDelaySet { delay: 5 }.into());
	});
}

#[test]
fn a_new_residents_vote_counts_only_after_the_vesting_delay() {
	with_tree(|| {
		assert_ok!(PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 5));
		let now = System::block_number();
		resident(ALICE, COMMUNITY);
		assert_eq!(Residents::<Test>::get(ALICE).unwrap().votes_from, now + 5);
		assert!(!vested(ALICE), "a resident registered today does not vote today");
		assert_eq!(PartyBranch::votes_waiting(), 1);
		run_to(now + 4);
		assert!(!vested(ALICE));
		run_to(now + 5);
		assert!(vested(ALICE));
		System::assert_last_event(Event::VoteVested { who: ALICE }.into());
		assert_eq!(PartyBranch::votes_waiting(), 0);
	});
}

#[test]
fn a_resident_revoked_before_the_vote_vests_never_gets_it_and_registering_again_waits_anew() {
	with_tree(|| {
		assert_ok!(PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 5));
		let now = System::block_number();
		resident(ALICE, COMMUNITY);
		assert_ok!(PartyBranch::revoke(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			RevocationReason::Requested
		));
		run_to(now + 3);
		resident(ALICE, COMMUNITY);
		run_to(now + 5);
		assert!(!vested(ALICE), "the first registration's turn does not vest the second");
		run_to(now + 8);
		assert!(vested(ALICE));
		assert_eq!(resident_changes().iter().filter(|c| **c == (ALICE, true)).count(), 1);
	});
}

#[test]
fn a_rekey_before_the_vote_vests_keeps_the_vesting_date() {
	with_tree(|| {
		assert_ok!(PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 5));
		let now = System::block_number();
		resident(ALICE, COMMUNITY);
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		assert_ok!(PartyBranch::complete_rekey(RuntimeOrigin::signed(ALICE), BOB));
		assert!(!vested(BOB), "a new key does not skip the wait");
		run_to(now + 5);
		assert!(vested(BOB));
		assert!(!vested(ALICE));
	});
}

#[test]
fn the_hook_vests_a_bounded_number_of_votes_a_block() {
	with_tree(|| {
		assert_ok!(PartyBranch::set_vote_vesting_delay(RuntimeOrigin::root(), 2));
		let now = System::block_number();
		for who in [ALICE, BOB, CAROL] {
			resident(who, COMMUNITY);
		}
		// The mock vests two a block: the third waits one block more.
		run_to(now + 2);
		assert!(vested(ALICE) && vested(BOB));
		assert!(!vested(CAROL));
		assert_eq!(PartyBranch::votes_waiting(), 1);
		run_to(now + 3);
		assert!(vested(CAROL));
	});
}
