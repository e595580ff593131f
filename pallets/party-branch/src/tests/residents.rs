use super::*;
use crate::{
	mock::*, Applications, Authority, Commitments, Error, Event, MoveRequests, RevocationReason,
	Roles, Units,
};
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::civic::{CivicRegistry, Role};

fn count(unit: u32) -> u32 {
	PartyBranch::resident_count(unit)
}

#[test]
fn apply_then_approve_makes_a_verified_resident_and_counts_them_up_the_tree() {
	with_tree(|| {
		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		System::assert_last_event(Event::Applied { who: ALICE, community: COMMUNITY }.into());
		assert_eq!(PartyBranch::community_of(&ALICE), None, "not yet verified");

		assert_ok!(PartyBranch::approve(RuntimeOrigin::signed(COMMITTEE), ALICE));

		assert_eq!(PartyBranch::community_of(&ALICE), Some(COMMUNITY));
		assert!(PartyBranch::is_resident_of(&ALICE, STREET));
		assert!(!PartyBranch::is_resident_of(&ALICE, OTHER_COMMUNITY));
		assert_eq!(Commitments::<Test>::get(commitment(ALICE)), Some(ALICE));
		assert!(!Applications::<Test>::contains_key(ALICE));
		assert_eq!((count(COMMUNITY), count(STREET), count(DISTRICT)), (1, 1, 1));
		assert_eq!(count(OTHER_COMMUNITY), 0);
		// The account exists without tokens, so it can send free civic calls.
		assert_eq!(System::sufficients(&ALICE), 1);
		System::assert_has_event(
			Event::ResidentApproved {
				who: ALICE,
				community: COMMUNITY,
				by: Authority::Officer(COMMITTEE),
				votes_from: System::block_number(),
			}
			.into(),
		);
		// No vesting delay is set in this mock: the vote counts at once.
		System::assert_last_event(Event::VoteVested { who: ALICE }.into());
	});
}

#[test]
fn residents_register_only_in_communities() {
	with_tree(|| {
		for unit in [STREET, GRID] {
			assert_noop!(
				PartyBranch::apply(RuntimeOrigin::signed(ALICE), unit, commitment(ALICE)),
				Error::<Test>::WrongLevel
			);
		}
		assert_noop!(
			PartyBranch::apply(RuntimeOrigin::signed(ALICE), 99, commitment(ALICE)),
			Error::<Test>::UnknownUnit
		);
	});
}

#[test]
fn applying_twice_or_as_a_resident_is_refused() {
	with_tree(|| {
		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		assert_noop!(
			PartyBranch::apply(RuntimeOrigin::signed(ALICE), OTHER_COMMUNITY, commitment(ALICE)),
			Error::<Test>::AlreadyApplied
		);
		resident(BOB, COMMUNITY);
		assert_noop!(
			PartyBranch::apply(RuntimeOrigin::signed(BOB), COMMUNITY, commitment(BOB)),
			Error::<Test>::AlreadyResident
		);
	});
}

#[test]
fn one_commitment_one_account() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		// The same person applies again from a second account.
		assert_ok!(apply(BOB, OTHER_COMMUNITY, commitment(ALICE)));
		assert_noop!(
			PartyBranch::approve(RuntimeOrigin::signed(OTHER_SECRETARY), BOB),
			Error::<Test>::CommitmentInUse
		);
		assert_noop!(
			PartyBranch::register(
				RuntimeOrigin::signed(SECRETARY),
				CAROL,
				COMMUNITY,
				commitment(ALICE)
			),
			Error::<Test>::CommitmentInUse
		);
		assert_eq!(count(DISTRICT), 1);
	});
}

#[test]
fn only_officers_of_the_community_approve_and_never_themselves() {
	with_tree(|| {
		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		for outsider in [OTHER_SECRETARY, BOB] {
			assert_noop!(
				PartyBranch::approve(RuntimeOrigin::signed(outsider), ALICE),
				Error::<Test>::NotOfficer
			);
		}
		// An officer who applies cannot approve their own application.
		assert_ok!(apply(COMMITTEE, COMMUNITY, commitment(COMMITTEE)));
		assert_noop!(
			PartyBranch::approve(RuntimeOrigin::signed(COMMITTEE), COMMITTEE),
			Error::<Test>::ActingOnSelf
		);
		assert_noop!(
			PartyBranch::register(
				RuntimeOrigin::signed(SECRETARY),
				SECRETARY,
				COMMUNITY,
				commitment(SECRETARY)
			),
			Error::<Test>::ActingOnSelf
		);
		// An officer above may approve.
		assert_ok!(PartyBranch::approve(RuntimeOrigin::signed(STREET_SECRETARY), COMMITTEE));
	});
}

#[test]
fn approving_or_rejecting_a_non_applicant_is_refused() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::approve(RuntimeOrigin::signed(SECRETARY), ALICE),
			Error::<Test>::NoApplication
		);
		assert_noop!(
			PartyBranch::reject(RuntimeOrigin::signed(SECRETARY), ALICE),
			Error::<Test>::NoApplication
		);
		assert_noop!(
			PartyBranch::withdraw_application(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NoApplication
		);
	});
}

#[test]
fn rejecting_and_withdrawing_remove_the_application() {
	with_tree(|| {
		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::reject(RuntimeOrigin::signed(SECRETARY), ALICE));
		assert!(!Applications::<Test>::contains_key(ALICE));
		System::assert_last_event(
			Event::ApplicationRejected {
				who: ALICE,
				community: COMMUNITY,
				by: Authority::Officer(SECRETARY),
			}
			.into(),
		);

		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::withdraw_application(RuntimeOrigin::signed(ALICE)));
		assert!(!Applications::<Test>::contains_key(ALICE));
	});
}

#[test]
fn revoking_removes_residency_roles_and_commitment() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			Role::Volunteer,
			COMMUNITY
		));
		assert_ok!(PartyBranch::request_move(RuntimeOrigin::signed(ALICE), OTHER_COMMUNITY));

		assert_ok!(PartyBranch::revoke(
			RuntimeOrigin::signed(COMMITTEE),
			ALICE,
			RevocationReason::Deceased
		));

		assert_eq!(PartyBranch::community_of(&ALICE), None);
		assert!(!Commitments::<Test>::contains_key(commitment(ALICE)));
		assert!(!MoveRequests::<Test>::contains_key(ALICE));
		assert_eq!(Roles::<Test>::iter_prefix(ALICE).count(), 0);
		assert!(!PartyBranch::has_role(&ALICE, Role::Volunteer, COMMUNITY));
		assert_eq!((count(COMMUNITY), count(STREET), count(DISTRICT)), (0, 0, 0));
		assert_eq!(System::sufficients(&ALICE), 0);
		System::assert_last_event(
			Event::ResidentRevoked {
				who: ALICE,
				community: COMMUNITY,
				reason: RevocationReason::Deceased,
				by: Authority::Officer(COMMITTEE),
			}
			.into(),
		);
	});
}

#[test]
fn revoking_a_non_resident_or_from_elsewhere_is_refused() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::revoke(RuntimeOrigin::signed(SECRETARY), ALICE, RevocationReason::Fraud),
			Error::<Test>::NotResident
		);
		resident(ALICE, COMMUNITY);
		assert_noop!(
			PartyBranch::revoke(
				RuntimeOrigin::signed(OTHER_SECRETARY),
				ALICE,
				RevocationReason::Fraud
			),
			Error::<Test>::NotOfficer
		);
	});
}

#[test]
fn a_move_is_approved_by_the_receiving_community() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			Role::Volunteer,
			COMMUNITY
		));
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			Role::GridWorker,
			GRID
		));
		assert_ok!(PartyBranch::request_move(RuntimeOrigin::signed(ALICE), OTHER_COMMUNITY));

		// The community being left cannot approve the move.
		assert_noop!(
			PartyBranch::approve_move(RuntimeOrigin::signed(SECRETARY), ALICE),
			Error::<Test>::NotOfficer
		);
		assert_ok!(PartyBranch::approve_move(RuntimeOrigin::signed(OTHER_SECRETARY), ALICE));

		assert_eq!(PartyBranch::community_of(&ALICE), Some(OTHER_COMMUNITY));
		assert_eq!((count(COMMUNITY), count(OTHER_COMMUNITY), count(STREET)), (0, 1, 1));
		// A resident's own role in the old community goes; a staff role stays with its unit.
		assert!(!PartyBranch::has_role(&ALICE, Role::Volunteer, COMMUNITY));
		assert!(PartyBranch::has_role(&ALICE, Role::GridWorker, GRID));
		System::assert_last_event(
			Event::ResidentMoved {
				who: ALICE,
				from: COMMUNITY,
				to: OTHER_COMMUNITY,
				by: Authority::Officer(OTHER_SECRETARY),
			}
			.into(),
		);
	});
}

#[test]
fn a_move_needs_a_request_to_another_community() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::request_move(RuntimeOrigin::signed(ALICE), OTHER_COMMUNITY),
			Error::<Test>::NotResident
		);
		resident(ALICE, COMMUNITY);
		assert_noop!(
			PartyBranch::request_move(RuntimeOrigin::signed(ALICE), COMMUNITY),
			Error::<Test>::SameCommunity
		);
		assert_noop!(
			PartyBranch::request_move(RuntimeOrigin::signed(ALICE), GRID),
			Error::<Test>::WrongLevel
		);
		assert_noop!(
			PartyBranch::approve_move(RuntimeOrigin::signed(OTHER_SECRETARY), ALICE),
			Error::<Test>::NoMoveRequest
		);
	});
}

#[test]
fn a_lost_phone_is_rekeyed_and_the_old_account_loses_everything() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			Role::Volunteer,
			COMMUNITY
		));
		// Alice's new phone account applies with her commitment.
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));

		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		assert_eq!(PartyBranch::community_of(&BOB), None, "waits for Alice or the delay");
		run_to(System::block_number() + REKEY_DELAY);
		assert_ok!(PartyBranch::complete_rekey(RuntimeOrigin::signed(CAROL), BOB));

		assert_eq!(PartyBranch::community_of(&ALICE), None);
		assert_eq!(PartyBranch::community_of(&BOB), Some(COMMUNITY));
		assert_eq!(Commitments::<Test>::get(commitment(ALICE)), Some(BOB));
		assert!(!PartyBranch::has_role(&ALICE, Role::Volunteer, COMMUNITY));
		assert!(PartyBranch::has_role(&BOB, Role::Volunteer, COMMUNITY));
		assert_eq!(count(COMMUNITY), 1);
		assert_eq!((System::sufficients(&ALICE), System::sufficients(&BOB)), (0, 1));
		System::assert_has_event(
			Event::ResidentRekeyed {
				old: ALICE,
				new: BOB,
				community: COMMUNITY,
				by: Authority::Officer(SECRETARY),
			}
			.into(),
		);
		System::assert_last_event(Event::VoteVested { who: BOB }.into());
	});
}

#[test]
fn a_rekey_needs_a_registered_commitment_and_the_right_officer() {
	with_tree(|| {
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));
		assert_noop!(
			PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB),
			Error::<Test>::NothingToRekey
		);
		resident(ALICE, COMMUNITY);
		assert_noop!(
			PartyBranch::approve_rekey(RuntimeOrigin::signed(OTHER_SECRETARY), BOB),
			Error::<Test>::NotOfficer
		);
		assert_noop!(
			PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), CAROL),
			Error::<Test>::NoApplication
		);
		assert!(Units::<Test>::get(COMMUNITY).unwrap().residents == 1);
	});
}

#[test]
fn the_runtime_is_told_of_residents_registered_revoked_and_rekeyed() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_eq!(resident_changes(), vec![(ALICE, true)]);
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		assert_eq!(resident_changes(), vec![(ALICE, true)], "nothing until the re-key completes");
		assert_ok!(PartyBranch::complete_rekey(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(resident_changes(), vec![(ALICE, true), (ALICE, false), (BOB, true)]);
		assert_ok!(PartyBranch::revoke(
			RuntimeOrigin::signed(SECRETARY),
			BOB,
			RevocationReason::MovedAway
		));
		assert_eq!(resident_changes().last(), Some(&(BOB, false)));
		// A refused registration tells nothing.
		let told = resident_changes().len();
		assert!(
			PartyBranch::register(RuntimeOrigin::root(), CAROL, GRID, commitment(CAROL)).is_err()
		);
		assert_eq!(resident_changes().len(), told);
	});
}

#[test]
fn one_officer_registers_a_bounded_number_of_residents_a_day() {
	with_tree(|| {
		let first = 1_000u64;
		let approve = |who| PartyBranch::approve(RuntimeOrigin::signed(COMMITTEE), who);
		for who in first..=first + u64::from(MAX_REGISTRATIONS) {
			assert_ok!(PartyBranch::register(
				RuntimeOrigin::signed(SECRETARY),
				who,
				COMMUNITY,
				commitment(who)
			));
		}
		for who in first..first + u64::from(MAX_REGISTRATIONS) {
			assert_ok!(approve(who));
		}
		let next = first + u64::from(MAX_REGISTRATIONS);
		assert_noop!(approve(next), Error::<Test>::RegistrationCapReached);
		// Governance has no cap; the officer approves again in the next period.
		assert_ok!(PartyBranch::approve(RuntimeOrigin::root(), next));
		System::set_block_number(QuotaPeriod::get() + 1);
		let later = next + 1;
		assert_ok!(apply(later, COMMUNITY, commitment(later)));
		assert_ok!(approve(later));
	});
}

#[test]
fn an_in_person_registration_needs_a_second_officer() {
	with_tree(|| {
		assert_ok!(PartyBranch::register(
			RuntimeOrigin::signed(SECRETARY),
			CAROL,
			COMMUNITY,
			commitment(CAROL)
		));
		System::assert_last_event(
			Event::InPersonRecorded { who: CAROL, community: COMMUNITY, by: SECRETARY }.into(),
		);
		assert_eq!(PartyBranch::community_of(&CAROL), None, "one officer alone registers nobody");
		assert_eq!(Applications::<Test>::get(CAROL).unwrap().recorded_by, Some(SECRETARY));
		assert_noop!(
			PartyBranch::approve(RuntimeOrigin::signed(SECRETARY), CAROL),
			Error::<Test>::SecondOfficerNeeded
		);
		// Recording again, or over an application, is refused.
		assert_noop!(
			PartyBranch::register(
				RuntimeOrigin::signed(COMMITTEE),
				CAROL,
				COMMUNITY,
				commitment(CAROL)
			),
			Error::<Test>::AlreadyApplied
		);
		assert_ok!(PartyBranch::approve(RuntimeOrigin::signed(COMMITTEE), CAROL));
		assert_eq!(PartyBranch::community_of(&CAROL), Some(COMMUNITY));
		assert_eq!(
			crate::Residents::<Test>::get(CAROL).unwrap().approved_by,
			Authority::Officer(COMMITTEE)
		);
		// Governance (the council or Root) registers in one step.
		assert_ok!(PartyBranch::register(RuntimeOrigin::root(), BOB, COMMUNITY, commitment(BOB)));
		assert_eq!(PartyBranch::community_of(&BOB), Some(COMMUNITY));
	});
}

#[test]
fn a_rekey_waits_for_the_old_keys_consent_or_the_delay_in_which_it_may_refuse() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		// Someone who got hold of Alice's documents applies with her commitment.
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		let due = System::block_number() + REKEY_DELAY;
		System::assert_last_event(
			Event::RekeyPending { old: ALICE, new: BOB, by: Authority::Officer(SECRETARY), due }
				.into(),
		);
		assert_noop!(
			PartyBranch::approve_rekey(RuntimeOrigin::signed(COMMITTEE), BOB),
			Error::<Test>::RekeyAlreadyPending
		);
		assert_noop!(
			PartyBranch::complete_rekey(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::RekeyNotDue
		);
		assert_noop!(
			PartyBranch::refuse_rekey(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::NotTheOldKey
		);
		// Alice still has her phone: she refuses, and keeps her registration.
		assert_ok!(PartyBranch::refuse_rekey(RuntimeOrigin::signed(ALICE), BOB));
		System::assert_last_event(Event::RekeyRefused { old: ALICE, new: BOB }.into());
		run_to(due);
		assert_noop!(
			PartyBranch::complete_rekey(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::NoPendingRekey
		);
		assert_eq!(PartyBranch::community_of(&ALICE), Some(COMMUNITY));
		assert_eq!(PartyBranch::community_of(&BOB), None);
		// Approved again and left unanswered, it completes once the delay is over.
		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		run_to(due + REKEY_DELAY - 1);
		assert_noop!(
			PartyBranch::complete_rekey(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::RekeyNotDue
		);
		run_to(due + REKEY_DELAY);
		assert_ok!(PartyBranch::complete_rekey(RuntimeOrigin::signed(BOB), BOB));
		assert_eq!(PartyBranch::community_of(&BOB), Some(COMMUNITY));
		assert_eq!(PartyBranch::community_of(&ALICE), None);
	});
}

#[test]
fn withdrawing_the_new_accounts_application_drops_its_pending_rekey() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_ok!(apply(BOB, COMMUNITY, commitment(ALICE)));
		assert_ok!(PartyBranch::approve_rekey(RuntimeOrigin::signed(SECRETARY), BOB));
		assert_ok!(PartyBranch::withdraw_application(RuntimeOrigin::signed(BOB)));
		assert!(!crate::PendingRekeys::<Test>::contains_key(BOB));
		assert_noop!(
			PartyBranch::complete_rekey(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NoPendingRekey
		);
	});
}

#[test]
fn an_application_holds_a_deposit_given_back_however_it_ends() {
	use frame_support::traits::fungible::{InspectHold, Mutate};
	let held = |who| Balances::balance_on_hold(&crate::HoldReason::Application.into(), &who);
	with_tree(|| {
		// Without the deposit, no application: the person applies in person instead.
		assert_noop!(
			PartyBranch::apply(RuntimeOrigin::signed(CAROL), COMMUNITY, commitment(CAROL)),
			Error::<Test>::DepositUnavailable
		);
		assert_ok!(apply(ALICE, COMMUNITY, commitment(ALICE)));
		assert_eq!(held(ALICE), APPLICATION_DEPOSIT);
		assert_ok!(PartyBranch::approve(RuntimeOrigin::signed(COMMITTEE), ALICE));
		assert_eq!(held(ALICE), 0, "approved: given back");

		assert_ok!(apply(BOB, COMMUNITY, commitment(BOB)));
		assert_ok!(PartyBranch::reject(RuntimeOrigin::signed(SECRETARY), BOB));
		assert_eq!(held(BOB), 0, "rejected: given back");
		assert_ok!(apply(BOB, COMMUNITY, commitment(BOB)));
		assert_ok!(PartyBranch::withdraw_application(RuntimeOrigin::signed(BOB)));
		assert_eq!(held(BOB), 0, "withdrawn: given back");
		assert_eq!(Balances::free_balance(BOB), 100 * APPLICATION_DEPOSIT);

		// Recorded in person by an officer: nothing held from a person without tokens.
		Balances::set_balance(&CAROL, 0);
		assert_ok!(PartyBranch::register(
			RuntimeOrigin::signed(SECRETARY),
			CAROL,
			COMMUNITY,
			commitment(CAROL)
		));
		assert_eq!(held(CAROL), 0);
	});
}
