use super::*;
use crate::{mock::*, Authority, Error, Event, Units};
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::civic::CivicRegistry;
use sp_runtime::DispatchError;

#[test]
fn the_sample_tree_nests_and_records_its_officers() {
	with_tree(|| {
		let community = Units::<Test>::get(COMMUNITY).unwrap();
		assert_eq!(community.level, UnitLevel::Community);
		assert_eq!(community.parent, Some(STREET));
		assert_eq!(community.secretary, Some(SECRETARY));
		assert_eq!(community.committee.to_vec(), vec![COMMITTEE]);
		assert_eq!(PartyBranch::parent_of(GRID), Some(COMMUNITY));
		// An officer above is an officer below; a sibling's officer is not.
		assert!(PartyBranch::is_officer(&DISTRICT_SECRETARY, GRID));
		assert!(PartyBranch::is_officer(&COMMITTEE, GRID));
		assert!(!PartyBranch::is_officer(&OTHER_SECRETARY, GRID));
		assert!(!PartyBranch::is_officer(&SECRETARY, STREET));
	});
}

#[test]
fn creating_a_unit_emits_who_did_it() {
	with_tree(|| {
		assert_ok!(PartyBranch::create_unit(
			RuntimeOrigin::signed(COMMITTEE),
			UnitLevel::Grid,
			Some(COMMUNITY),
			b"Grid 2".to_vec(),
			Some(ALICE)
		));
		System::assert_has_event(
			Event::UnitCreated {
				unit: 5,
				level: UnitLevel::Grid,
				parent: Some(COMMUNITY),
				by: Authority::Officer(COMMITTEE),
			}
			.into(),
		);
		System::assert_has_event(
			Event::OfficerAppointed {
				unit: 5,
				who: ALICE,
				office: crate::Office::Secretary,
				by: Authority::Officer(COMMITTEE),
			}
			.into(),
		);
	});
}

#[test]
fn only_governance_creates_districts_and_streets() {
	with_tree(|| {
		for (level, parent) in [(UnitLevel::District, None), (UnitLevel::Street, Some(DISTRICT))] {
			assert_noop!(
				PartyBranch::create_unit(
					RuntimeOrigin::signed(DISTRICT_SECRETARY),
					level,
					parent,
					b"x".to_vec(),
					None
				),
				Error::<Test>::GovernanceOnly
			);
		}
		assert_noop!(
			PartyBranch::create_unit(
				RuntimeOrigin::none(),
				UnitLevel::District,
				None,
				vec![],
				None
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn lower_units_need_an_officer_of_the_parent() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::create_unit(
				RuntimeOrigin::signed(OTHER_SECRETARY),
				UnitLevel::Grid,
				Some(COMMUNITY),
				b"x".to_vec(),
				None
			),
			Error::<Test>::NotOfficer
		);
		assert_noop!(
			PartyBranch::create_unit(
				RuntimeOrigin::signed(ALICE),
				UnitLevel::Community,
				Some(STREET),
				b"x".to_vec(),
				None
			),
			Error::<Test>::NotOfficer
		);
	});
}

#[test]
fn units_must_nest_one_level_at_a_time() {
	with_tree(|| {
		let root = RuntimeOrigin::root;
		// A grid directly under a street, a community under a district, a street without parent.
		for (level, parent) in [
			(UnitLevel::Grid, Some(STREET)),
			(UnitLevel::Community, Some(DISTRICT)),
			(UnitLevel::Street, None),
			(UnitLevel::District, Some(DISTRICT)),
		] {
			assert_noop!(
				PartyBranch::create_unit(root(), level, parent, b"x".to_vec(), None),
				Error::<Test>::WrongLevel
			);
		}
		assert_noop!(
			PartyBranch::create_unit(root(), UnitLevel::Community, Some(99), b"x".to_vec(), None),
			Error::<Test>::UnknownUnit
		);
	});
}

#[test]
fn a_name_longer_than_the_bound_is_refused() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::create_unit(
				RuntimeOrigin::signed(SECRETARY),
				UnitLevel::Grid,
				Some(COMMUNITY),
				vec![b'a'; 33],
				None
			),
			Error::<Test>::NameTooLong
		);
	});
}

#[test]
fn secretaries_are_appointed_from_above_and_committee_members_also_by_the_secretary() {
	with_tree(|| {
		// The community's own secretary cannot replace themselves.
		assert_noop!(
			PartyBranch::appoint_officer(
				RuntimeOrigin::signed(SECRETARY),
				COMMUNITY,
				ALICE,
				crate::Office::Secretary
			),
			Error::<Test>::NotOfficer
		);
		// A committee member cannot appoint.
		assert_noop!(
			PartyBranch::appoint_officer(
				RuntimeOrigin::signed(COMMITTEE),
				COMMUNITY,
				ALICE,
				crate::Office::Committee
			),
			Error::<Test>::NotOfficer
		);
		// The street replaces the secretary; the old one leaves office.
		assert_ok!(PartyBranch::appoint_officer(
			RuntimeOrigin::signed(STREET_SECRETARY),
			COMMUNITY,
			ALICE,
			crate::Office::Secretary
		));
		assert_eq!(Units::<Test>::get(COMMUNITY).unwrap().secretary, Some(ALICE));
		assert!(!PartyBranch::is_officer(&SECRETARY, COMMUNITY));
		System::assert_has_event(
			Event::OfficerRemoved {
				unit: COMMUNITY,
				who: SECRETARY,
				by: Authority::Officer(STREET_SECRETARY),
			}
			.into(),
		);
	});
}

#[test]
fn officers_do_not_appoint_themselves_or_twice() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::appoint_officer(
				RuntimeOrigin::signed(STREET_SECRETARY),
				COMMUNITY,
				STREET_SECRETARY,
				crate::Office::Committee
			),
			Error::<Test>::ActingOnSelf
		);
		assert_noop!(
			PartyBranch::appoint_officer(
				RuntimeOrigin::signed(SECRETARY),
				COMMUNITY,
				COMMITTEE,
				crate::Office::Committee
			),
			Error::<Test>::AlreadyOfficer
		);
	});
}

#[test]
fn a_committee_is_bounded() {
	with_tree(|| {
		for who in [ALICE, BOB] {
			assert_ok!(PartyBranch::appoint_officer(
				RuntimeOrigin::signed(SECRETARY),
				COMMUNITY,
				who,
				crate::Office::Committee
			));
		}
		assert_noop!(
			PartyBranch::appoint_officer(
				RuntimeOrigin::signed(SECRETARY),
				COMMUNITY,
				CAROL,
				crate::Office::Committee
			),
			Error::<Test>::TooManyCommitteeMembers
		);
	});
}

#[test]
fn removing_officers_follows_the_same_authority() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::remove_officer(RuntimeOrigin::signed(COMMITTEE), COMMUNITY, SECRETARY),
			Error::<Test>::NotOfficer
		);
		assert_noop!(
			PartyBranch::remove_officer(RuntimeOrigin::signed(SECRETARY), COMMUNITY, ALICE),
			Error::<Test>::NotAnOfficerOfUnit
		);
		assert_ok!(PartyBranch::remove_officer(
			RuntimeOrigin::signed(SECRETARY),
			COMMUNITY,
			COMMITTEE
		));
		assert!(!PartyBranch::is_officer(&COMMITTEE, COMMUNITY));
		assert_ok!(PartyBranch::remove_officer(RuntimeOrigin::root(), COMMUNITY, SECRETARY));
		assert_eq!(Units::<Test>::get(COMMUNITY).unwrap().secretary, None);
	});
}

#[test]
fn a_units_path_and_an_officers_units_are_read_through_view_functions() {
	with_tree(|| {
		let path: Vec<u32> = PartyBranch::unit_path(GRID).into_iter().map(|(id, _)| id).collect();
		assert_eq!(path, vec![DISTRICT, STREET, COMMUNITY, GRID], "the district first");
		let (_, plum) = &PartyBranch::unit_path(COMMUNITY)[2];
		assert_eq!(plum.name.to_vec(), b"Plum Garden".to_vec());
		assert_eq!(plum.secretary, Some(SECRETARY));
		assert!(PartyBranch::unit_path(99).is_empty(), "no such unit");

		assert_eq!(PartyBranch::offices_of(SECRETARY), vec![COMMUNITY]);
		assert_eq!(
			PartyBranch::offices_of(COMMITTEE),
			vec![COMMUNITY],
			"committee members hold office too"
		);
		assert_eq!(PartyBranch::offices_of(STREET_SECRETARY), vec![STREET]);
		assert!(PartyBranch::offices_of(ALICE).is_empty());
	});
}

#[test]
fn the_version_2_migration_counts_every_officers_offices() {
	use frame_support::traits::UncheckedOnRuntimeUpgrade;
	with_tree(|| {
		// The committee member also chairs the other community's committee.
		assert_ok!(PartyBranch::appoint_officer(
			RuntimeOrigin::signed(STREET_SECRETARY),
			OTHER_COMMUNITY,
			COMMITTEE,
			Office::Committee
		));
		let before: Vec<_> = crate::OfficeCount::<Test>::iter().collect();
		assert_eq!(crate::OfficeCount::<Test>::get(COMMITTEE), 2);
		// A chain of version 1 had no counts.
		let _ = crate::OfficeCount::<Test>::clear(u32::MAX, None);
		crate::migrations::v2::UncheckedMigrateToV2::<Test>::on_runtime_upgrade();
		let mut after: Vec<_> = crate::OfficeCount::<Test>::iter().collect();
		let mut before = before;
		before.sort();
		after.sort();
		assert_eq!(after, before);
	});
}
