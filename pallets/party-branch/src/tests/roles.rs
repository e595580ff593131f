use super::*;
use crate::{mock::*, Authority, Error, Event, RoleCount};
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::civic::{CivicRegistry, Role};

#[test]
fn a_role_granted_at_a_unit_holds_there_and_below() {
	with_tree(|| {
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(STREET_SECRETARY),
			ALICE,
			Role::VolunteerOrganisation,
			STREET
		));
		assert!(PartyBranch::has_role(&ALICE, Role::VolunteerOrganisation, STREET));
		assert!(PartyBranch::has_role(&ALICE, Role::VolunteerOrganisation, GRID));
		assert!(!PartyBranch::has_role(&ALICE, Role::VolunteerOrganisation, DISTRICT));
		assert!(!PartyBranch::has_role(&ALICE, Role::GridWorker, STREET));
		System::assert_last_event(
			Event::RoleGranted {
				who: ALICE,
				role: Role::VolunteerOrganisation,
				unit: STREET,
				by: Authority::Officer(STREET_SECRETARY),
			}
			.into(),
		);
	});
}

#[test]
fn roles_are_granted_by_officers_of_the_unit_and_never_to_themselves() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::grant_role(
				RuntimeOrigin::signed(OTHER_SECRETARY),
				ALICE,
				Role::GridWorker,
				GRID
			),
			Error::<Test>::NotOfficer
		);
		assert_noop!(
			PartyBranch::grant_role(
				RuntimeOrigin::signed(SECRETARY),
				SECRETARY,
				Role::TreasurySupervisor,
				COMMUNITY
			),
			Error::<Test>::ActingOnSelf
		);
		assert_noop!(
			PartyBranch::grant_role(RuntimeOrigin::signed(SECRETARY), ALICE, Role::GridWorker, 99),
			Error::<Test>::UnknownUnit
		);
	});
}

#[test]
fn personal_roles_need_residency_of_the_unit() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::grant_role(
				RuntimeOrigin::signed(SECRETARY),
				ALICE,
				Role::SpecialNeeds,
				COMMUNITY
			),
			Error::<Test>::RoleNeedsResidency
		);
		resident(ALICE, OTHER_COMMUNITY);
		assert_noop!(
			PartyBranch::grant_role(
				RuntimeOrigin::signed(SECRETARY),
				ALICE,
				Role::SpecialNeeds,
				COMMUNITY
			),
			Error::<Test>::RoleNeedsResidency
		);
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(OTHER_SECRETARY),
			ALICE,
			Role::SpecialNeeds,
			OTHER_COMMUNITY
		));
	});
}

#[test]
fn a_role_is_granted_once_and_roles_are_bounded() {
	with_tree(|| {
		let grant = |role, unit| {
			PartyBranch::grant_role(RuntimeOrigin::signed(DISTRICT_SECRETARY), ALICE, role, unit)
		};
		assert_ok!(grant(Role::GridWorker, GRID));
		assert_noop!(grant(Role::GridWorker, GRID), Error::<Test>::RoleAlreadyGranted);
		assert_ok!(grant(Role::GridWorker, COMMUNITY));
		assert_ok!(grant(Role::PollingOfficer, COMMUNITY));
		assert_ok!(grant(Role::AidDistributor, COMMUNITY));
		assert_noop!(grant(Role::TreasurySupervisor, COMMUNITY), Error::<Test>::TooManyRoles);
		assert_eq!(RoleCount::<Test>::get(ALICE), 4);
	});
}

#[test]
fn revoking_a_role_removes_it_and_counts_down() {
	with_tree(|| {
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			ALICE,
			Role::GridWorker,
			GRID
		));
		assert_noop!(
			PartyBranch::revoke_role(
				RuntimeOrigin::signed(SECRETARY),
				ALICE,
				Role::PollingOfficer,
				GRID
			),
			Error::<Test>::RoleNotGranted
		);
		assert_noop!(
			PartyBranch::revoke_role(RuntimeOrigin::signed(BOB), ALICE, Role::GridWorker, GRID),
			Error::<Test>::NotOfficer
		);
		assert_ok!(PartyBranch::revoke_role(
			RuntimeOrigin::signed(COMMITTEE),
			ALICE,
			Role::GridWorker,
			GRID
		));
		assert!(!PartyBranch::has_role(&ALICE, Role::GridWorker, GRID));
		assert_eq!(RoleCount::<Test>::get(ALICE), 0);
		System::assert_last_event(
			Event::RoleRevoked {
				who: ALICE,
				role: Role::GridWorker,
				unit: GRID,
				by: Authority::Officer(COMMITTEE),
			}
			.into(),
		);
	});
}

#[test]
fn a_grid_worker_works_around_the_grid_in_its_community_and_not_next_door() {
	with_tree(|| {
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(SECRETARY),
			BOB,
			Role::GridWorker,
			GRID
		));
		// Held at the grid: it counts in the grid, its community and its street.
		assert!(PartyBranch::has_role_around(&BOB, Role::GridWorker, COMMUNITY));
		assert!(PartyBranch::has_role_around(&BOB, Role::GridWorker, STREET));
		assert!(PartyBranch::has_role_around(&BOB, Role::GridWorker, GRID));
		assert!(!PartyBranch::has_role(&BOB, Role::GridWorker, COMMUNITY));
		assert!(!PartyBranch::has_role_around(&BOB, Role::GridWorker, OTHER_COMMUNITY));
		assert!(!PartyBranch::has_role_around(&BOB, Role::Volunteer, COMMUNITY));
	});
}
