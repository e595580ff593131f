//! Naming supervisors: from above, and by the supervisors' own M-of-N.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn governance_or_an_officer_above_configures_a_unit() {
	new_test_ext().execute_with(|| {
		let s = settings(&PLUM_SUPERVISORS, 2);
		assert_ok!(CommunityTreasury::configure(RuntimeOrigin::root(), PLUM, s.clone()));
		assert_eq!(Settings::<Test>::get(PLUM), Some(s.clone()));
		assert_eq!(
			last_event(),
			Event::Configured { unit: PLUM, settings: s.clone(), by: Authority::Governance }
		);

		let s2 = settings(&[PLUM_SECRETARY, PLUM_COMMITTEE], 2);
		assert_ok!(CommunityTreasury::configure(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			s2.clone()
		));
		assert_eq!(Settings::<Test>::get(PLUM), Some(s2.clone()));
		assert_eq!(
			last_event(),
			Event::Configured {
				unit: PLUM,
				settings: s2,
				by: Authority::Officer(STREET_SECRETARY)
			}
		);
	});
}

#[test]
fn a_unit_cannot_configure_itself_and_a_district_only_by_governance() {
	new_test_ext().execute_with(|| {
		let s = settings(&PLUM_SUPERVISORS, 2);
		for who in [PLUM_SECRETARY, PLUM_COMMITTEE, NOBODY, 10] {
			assert_noop!(
				CommunityTreasury::configure(RuntimeOrigin::signed(who), PLUM, s.clone()),
				Error::<Test>::NotAnOfficerAbove
			);
		}
		// Bamboo's secretary is not above Plum.
		assert_noop!(
			CommunityTreasury::configure(RuntimeOrigin::signed(BAMBOO_SECRETARY), PLUM, s.clone()),
			Error::<Test>::NotAnOfficerAbove
		);
		// Any resident of the district is eligible there; a street officer is not a district officer.
		assert_noop!(
			CommunityTreasury::configure(
				RuntimeOrigin::root(),
				DISTRICT,
				settings(&[DISTRICT_SECRETARY, STREET_SECRETARY], 2)
			),
			Error::<Test>::NotEligibleSupervisor
		);
		let district = settings(&[DISTRICT_SECRETARY, BAMBOO_RESIDENT], 2);
		assert_noop!(
			CommunityTreasury::configure(
				RuntimeOrigin::signed(DISTRICT_SECRETARY),
				DISTRICT,
				district.clone()
			),
			Error::<Test>::NotAnOfficerAbove
		);
		assert_ok!(CommunityTreasury::configure(RuntimeOrigin::root(), DISTRICT, district));
		assert_noop!(
			CommunityTreasury::configure(RuntimeOrigin::none(), PLUM, s.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CommunityTreasury::configure(RuntimeOrigin::root(), 99, s),
			Error::<Test>::UnknownUnit
		);
	});
}

#[test]
fn settings_are_validated() {
	new_test_ext().execute_with(|| {
		let cases = [
			// One approval is below the minimum of two.
			(settings(&PLUM_SUPERVISORS, 1), Error::<Test>::InvalidThreshold),
			// Five approvals from four supervisors can never be reached.
			(settings(&PLUM_SUPERVISORS, 5), Error::<Test>::InvalidThreshold),
			(settings(&[PLUM_SECRETARY, PLUM_SECRETARY], 2), Error::<Test>::DuplicateSupervisor),
			(settings(&[PLUM_SECRETARY, NOBODY], 2), Error::<Test>::NotEligibleSupervisor),
			// A resident of another community is not eligible for Plum.
			(settings(&[PLUM_SECRETARY, BAMBOO_RESIDENT], 2), Error::<Test>::NotEligibleSupervisor),
		];
		for (s, error) in cases {
			assert_noop!(CommunityTreasury::configure(RuntimeOrigin::root(), PLUM, s), error);
		}
		assert_eq!(Settings::<Test>::get(PLUM), None);
	});
}

#[test]
fn supervisors_change_their_settings_by_m_of_n() {
	new_test_ext().execute_with(|| {
		configure_plum(0);
		let new = settings(&[PLUM_SECRETARY, PLUM_COMMITTEE, OWNERS_COMMITTEE], 3);
		assert_ok!(CommunityTreasury::propose_settings(
			RuntimeOrigin::signed(OWNERS_COMMITTEE),
			PLUM,
			new.clone()
		));
		// One approval (the proposer's) of two: nothing changed yet.
		assert_eq!(Settings::<Test>::get(PLUM), Some(settings(&PLUM_SUPERVISORS, 2)));
		assert_eq!(
			PendingChanges::<Test>::get(PLUM).unwrap().approvals.to_vec(),
			vec![OWNERS_COMMITTEE]
		);
		assert_noop!(
			CommunityTreasury::approve_settings(RuntimeOrigin::signed(OWNERS_COMMITTEE), PLUM),
			Error::<Test>::AlreadyApproved
		);

		assert_ok!(CommunityTreasury::approve_settings(RuntimeOrigin::signed(10), PLUM));
		assert_eq!(Settings::<Test>::get(PLUM), Some(new.clone()));
		assert!(PendingChanges::<Test>::get(PLUM).is_none());
		let tail: Vec<_> = events().into_iter().rev().take(2).collect();
		assert_eq!(
			tail,
			vec![
				Event::SettingsChanged { unit: PLUM, settings: new },
				Event::SettingsChangeApproved { unit: PLUM, by: 10, approvals: 2 },
			]
		);
		// Resident 10 is no longer a supervisor.
		assert_noop!(
			CommunityTreasury::propose_settings(
				RuntimeOrigin::signed(10),
				PLUM,
				settings(&PLUM_SUPERVISORS, 2)
			),
			Error::<Test>::NotASupervisor
		);
	});
}

#[test]
fn settings_changes_are_refused_to_outsiders_and_without_a_proposal() {
	new_test_ext().execute_with(|| {
		let s = settings(&PLUM_SUPERVISORS, 2);
		assert_noop!(
			CommunityTreasury::propose_settings(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				s.clone()
			),
			Error::<Test>::NotConfigured
		);
		configure_plum(0);
		assert_noop!(
			CommunityTreasury::propose_settings(RuntimeOrigin::signed(11), PLUM, s.clone()),
			Error::<Test>::NotASupervisor
		);
		assert_noop!(
			CommunityTreasury::approve_settings(RuntimeOrigin::signed(PLUM_SECRETARY), PLUM),
			Error::<Test>::NoPendingChange
		);
		assert_noop!(
			CommunityTreasury::propose_settings(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				settings(&[PLUM_SECRETARY, NOBODY], 2)
			),
			Error::<Test>::NotEligibleSupervisor
		);
		assert_ok!(CommunityTreasury::propose_settings(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			s
		));
		assert_noop!(
			CommunityTreasury::approve_settings(RuntimeOrigin::signed(NOBODY), PLUM),
			Error::<Test>::NotASupervisor
		);
		// Configuring from above drops the pending change.
		assert_ok!(CommunityTreasury::configure(
			RuntimeOrigin::root(),
			PLUM,
			settings(&[PLUM_SECRETARY, PLUM_COMMITTEE], 2)
		));
		assert!(PendingChanges::<Test>::get(PLUM).is_none());
	});
}

#[test]
fn a_supervisor_who_lost_office_no_longer_approves_and_their_approval_stops_counting() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		// The secretary proposes, approving at once, then leaves office.
		let index = propose(100);
		assert_ok!(PartyBranch::remove_officer(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			PLUM_SECRETARY
		));
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_SECRETARY), index),
			Error::<Test>::NotASupervisor
		);
		// One more approval would have made two: it makes one that counts.
		assert_ok!(CommunityTreasury::approve_spend(RuntimeOrigin::signed(PLUM_COMMITTEE), index));
		assert!(matches!(status(index), Some(SpendStatus::AwaitingApproval { .. })));
		assert_eq!(last_event(), Event::SpendApproved { index, by: PLUM_COMMITTEE, approvals: 1 });
		// A supervising resident whose registration is revoked loses the power too.
		assert_ok!(PartyBranch::revoke(
			RuntimeOrigin::signed(STREET_SECRETARY),
			10,
			pallet_party_branch::RevocationReason::MovedAway
		));
		assert_noop!(
			CommunityTreasury::approve_spend(RuntimeOrigin::signed(10), index),
			Error::<Test>::NotASupervisor
		);
		assert_ok!(CommunityTreasury::approve_spend(
			RuntimeOrigin::signed(OWNERS_COMMITTEE),
			index
		));
		assert!(matches!(status(index), Some(SpendStatus::Notice { .. })));
	});
}

#[test]
fn a_settings_change_counts_only_supervisors_still_in_office() {
	new_test_ext().execute_with(|| {
		configure_plum(0);
		let smaller = settings(&[PLUM_COMMITTEE, OWNERS_COMMITTEE], 2);
		assert_ok!(CommunityTreasury::propose_settings(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			smaller.clone()
		));
		assert_ok!(PartyBranch::remove_officer(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			PLUM_SECRETARY
		));
		assert_ok!(CommunityTreasury::approve_settings(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			PLUM
		));
		assert_eq!(Settings::<Test>::get(PLUM), Some(settings(&PLUM_SUPERVISORS, 2)));
		assert_ok!(CommunityTreasury::approve_settings(
			RuntimeOrigin::signed(OWNERS_COMMITTEE),
			PLUM
		));
		assert_eq!(Settings::<Test>::get(PLUM), Some(smaller));
	});
}

#[test]
fn supervisors_cannot_loosen_the_residents_oversight_of_their_own_pot() {
	new_test_ext().execute_with(|| {
		configure_plum(0);
		let mut looser = settings(&PLUM_SUPERVISORS, 2);
		looser.vote_cap = VOTE_CAP * 100;
		assert_noop!(
			CommunityTreasury::propose_settings(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				looser.clone()
			),
			Error::<Test>::OversightFromAbove
		);
		let mut fewer_objections = settings(&PLUM_SUPERVISORS, 2);
		fewer_objections.objection_share = sp_runtime::Permill::from_percent(90);
		assert_noop!(
			CommunityTreasury::propose_settings(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				fewer_objections
			),
			Error::<Test>::OversightFromAbove
		);
		// The level above sets them.
		assert_ok!(CommunityTreasury::configure(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			looser.clone()
		));
		assert_eq!(Settings::<Test>::get(PLUM), Some(looser));
	});
}

#[test]
fn a_grid_has_no_pot_of_its_own() {
	new_test_ext().execute_with(|| {
		let grid = pallet_party_branch::NextUnitId::<Test>::get();
		assert_ok!(PartyBranch::create_unit(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			gongzhi_primitives::civic::UnitLevel::Grid,
			Some(PLUM),
			b"grid 1".to_vec(),
			None
		));
		assert_noop!(
			CommunityTreasury::configure(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				grid,
				settings(&[PLUM_SECRETARY, PLUM_COMMITTEE], 2)
			),
			Error::<Test>::GridHasNoPot
		);
	});
}
