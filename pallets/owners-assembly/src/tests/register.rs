//! Estates and their registers: units, owners, sales, corrections, confirmation.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_officer_registers_an_estate_and_a_housing_officer_its_units() {
	new_test_ext().execute_with(|| {
		let id = sample_estate();
		let e = estate(id);
		assert_eq!((e.units, e.area, e.owners), (10, m2(1000), 5));
		assert_eq!(e.community, PLUM);
		assert!(!e.confirmed);
		assert_eq!(e.editors.to_vec(), vec![HOUSING]);
		// A votes for three units: one owner with all their area
		assert_eq!(OwnersAssembly::holding(id, A), Some(Holding { units: 3, area: m2(300) }));
		// the developer's four units count as one owner
		assert_eq!(
			OwnersAssembly::holding(id, DEVELOPER),
			Some(Holding { units: 4, area: m2(400) })
		);
		// a co-owner who does not vote holds nothing to vote with
		assert_eq!(OwnersAssembly::holding(id, B2), None);
		assert!(OwnersAssembly::is_owner(&A) && OwnersAssembly::is_owner(&B));
		assert_eq!(OwnersAssembly::estates_of(A), vec![(id, Holding { units: 3, area: m2(300) })]);
		assert!(OwnersAssembly::estates_of(B2).is_empty());
		assert_eq!(OwnersAssembly::estates_in(PLUM), vec![id]);
		assert!(OwnersAssembly::estates_in(STREET).is_empty());
		assert!(!OwnersAssembly::is_owner(&B2));
		assert_eq!(OwnersAssembly::properties(id, 8).len(), 2);
		assert_eq!(
			last_event(),
			Event::PropertyRegistered {
				estate: id,
				property: 9,
				area: m2(100),
				voter: DEVELOPER,
				by: HOUSING
			}
		);
	});
}

#[test]
fn only_officers_register_estates_and_only_housing_officers_or_officers_keep_registers() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			OwnersAssembly::register_estate(RuntimeOrigin::signed(RESIDENT), PLUM, b"X".to_vec(), 1),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(
			OwnersAssembly::register_estate(
				RuntimeOrigin::signed(BAMBOO_SECRETARY),
				PLUM,
				b"X".to_vec(),
				1
			),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(
			OwnersAssembly::register_estate(
				RuntimeOrigin::signed(STREET_SECRETARY),
				STREET,
				b"X".to_vec(),
				1
			),
			Error::<Test>::UnknownCommunity
		);
		assert_noop!(
			OwnersAssembly::register_estate(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				b"X".to_vec(),
				0
			),
			Error::<Test>::ZeroArea
		);
		let id = sample_estate();
		for stranger in [NOBODY, RESIDENT, A, BAMBOO_SECRETARY] {
			assert_noop!(
				OwnersAssembly::register_property(
					RuntimeOrigin::signed(stranger),
					id,
					1,
					1,
					certificate(99),
					vec![stranger],
					false
				),
				Error::<Test>::NotAHousingOfficer
			);
			assert_noop!(
				OwnersAssembly::transfer_property(
					RuntimeOrigin::signed(stranger),
					id,
					0,
					vec![stranger],
					certificate(99)
				),
				Error::<Test>::NotAHousingOfficer
			);
		}
	});
}

#[test]
fn a_unit_with_bad_owners_or_area_is_refused_and_nothing_changes() {
	new_test_ext().execute_with(|| {
		assert_ok!(OwnersAssembly::register_estate(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			b"Small".to_vec(),
			m2(150)
		));
		let put = |owners: Vec<AccountId>, area| {
			OwnersAssembly::register_property(
				RuntimeOrigin::signed(HOUSING),
				0,
				1,
				area,
				certificate(1),
				owners,
				false,
			)
		};
		assert_noop!(put(vec![], m2(100)), Error::<Test>::NoOwners);
		assert_noop!(put(vec![A, A], m2(100)), Error::<Test>::DuplicateOwner);
		assert_noop!(put(vec![A, B, C], m2(100)), Error::<Test>::TooManyCoOwners);
		assert_noop!(put(vec![A], 0), Error::<Test>::ZeroArea);
		assert_noop!(put(vec![A], m2(151)), Error::<Test>::AreaAboveRegistered);
		assert_ok!(put(vec![A], m2(100)));
		// a second unit of 100 m² would take the register past its 150 m²
		assert_noop!(put(vec![B], m2(100)), Error::<Test>::AreaAboveRegistered);
		assert_noop!(
			OwnersAssembly::amend_property(RuntimeOrigin::signed(HOUSING), 0, 0, m2(151)),
			Error::<Test>::AreaAboveRegistered
		);
		assert_noop!(
			OwnersAssembly::set_voter(RuntimeOrigin::signed(HOUSING), 0, 0, B),
			Error::<Test>::VoterNotAnOwner
		);
		assert_noop!(
			OwnersAssembly::amend_property(RuntimeOrigin::signed(HOUSING), 0, 7, m2(1)),
			Error::<Test>::UnknownProperty
		);
		assert_eq!((estate(0).units, estate(0).area), (1, m2(100)));
	});
}

#[test]
fn the_register_is_confirmed_by_a_second_person_before_a_vote_is_called() {
	new_test_ext().execute_with(|| {
		let id = sample_estate();
		// the housing officer who entered the units cannot confirm them
		assert_noop!(
			OwnersAssembly::confirm_register(RuntimeOrigin::signed(HOUSING), id),
			Error::<Test>::EditorCannotConfirm
		);
		assert_noop!(
			OwnersAssembly::call_vote(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				vec![motion(Category::OtherMajor, Action::Record)],
				10
			),
			Error::<Test>::RegisterNotConfirmed
		);
		assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_COMMITTEE), id));
		assert_eq!(
			last_event(),
			Event::RegisterConfirmed {
				estate: id,
				units: 10,
				owners: 5,
				area: m2(1000),
				by: PLUM_COMMITTEE
			}
		);
		assert_noop!(
			OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_SECRETARY), id),
			Error::<Test>::NothingToConfirm
		);
		// an officer who corrects an area cannot then confirm it; the housing officer can
		assert_ok!(OwnersAssembly::amend_property(RuntimeOrigin::signed(PLUM_SECRETARY), id, 0, m2(90)));
		assert_noop!(
			OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_SECRETARY), id),
			Error::<Test>::EditorCannotConfirm
		);
		assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(HOUSING), id));
		// the areas no longer add up to the registered 1,000 m²: no vote
		assert_noop!(
			OwnersAssembly::call_vote(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				vec![motion(Category::OtherMajor, Action::Record)],
				10
			),
			Error::<Test>::AreasDoNotAddUp
		);
		assert_eq!(OwnersAssembly::holding(id, A), Some(Holding { units: 3, area: m2(290) }));
	});
}

#[test]
fn a_sale_moves_the_units_vote_to_the_buyer_and_co_owners_name_who_votes() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			0,
			vec![BUYER],
			certificate(200)
		));
		assert_eq!(OwnersAssembly::holding(id, A), Some(Holding { units: 2, area: m2(200) }));
		assert_eq!(OwnersAssembly::holding(id, BUYER), Some(Holding { units: 1, area: m2(100) }));
		assert_eq!(estate(id).owners, 6);
		assert!(!estate(id).confirmed);
		// B's co-owner B2 votes from now on; B holds nothing to vote with
		assert_ok!(OwnersAssembly::set_voter(RuntimeOrigin::signed(HOUSING), id, 3, B2));
		assert_eq!(OwnersAssembly::holding(id, B), None);
		assert!(!OwnersAssembly::is_owner(&B));
		assert_eq!(OwnersAssembly::holding(id, B2), Some(Holding { units: 1, area: m2(100) }));
		// the developer sells a unit: it is no longer the developer's
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			9,
			vec![C],
			certificate(201)
		));
		assert!(!Properties::<Test>::get(id, 9).unwrap().developer);
		assert_eq!(OwnersAssembly::holding(id, C), Some(Holding { units: 2, area: m2(200) }));
	});
}
