//! Opening requests, volunteers' declarations and the need list.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_grid_worker_or_the_recipient_opens_a_request_for_a_special_needs_resident() {
	new_test_ext().execute_with(|| {
		let open_as = |who, recipient, subsidy| {
			Assistance::open_request(
				RuntimeOrigin::signed(who),
				recipient,
				HelpCategory::MedicalEscort,
				Urgency::Normal,
				30,
				[1; 32],
				0,
				subsidy,
			)
		};
		// Not eligible: no special needs, or not a resident.
		assert_noop!(open_as(GRID_WORKER, NEIGHBOUR, 0), Error::<Test>::NotEligible);
		assert_noop!(open_as(GRID_WORKER, NOBODY, 0), Error::<Test>::NotEligible);
		// Not on the recipient's behalf: a neighbour, a volunteer.
		assert_noop!(open_as(NEIGHBOUR, ELDER, 0), Error::<Test>::NotOnBehalf);
		assert_noop!(open_as(VOLUNTEER, ELDER, 0), Error::<Test>::NotOnBehalf);
		// A subsidy beyond what the fund holds.
		assert_noop!(open_as(GRID_WORKER, ELDER, 1_001), Error::<Test>::SubsidyBeyondFund);
		assert_ok!(open_as(ELDER, ELDER, 0));
		assert_ok!(open_as(GRID_WORKER, ELDER, 1_000));
		assert_eq!(
			last_event(),
			Event::RequestOpened {
				request: 1,
				recipient: ELDER,
				opened_by: GRID_WORKER,
				community: PLUM,
				category: HelpCategory::MedicalEscort,
				urgency: Urgency::Normal,
			}
		);
		let stored = Requests::<Test>::get(1).unwrap();
		assert_eq!(
			(stored.details, stored.subsidy, stored.status),
			([1; 32], 1_000, RequestStatus::Open)
		);
		assert_ok!(open_as(ELDER, ELDER, 0));
		assert_noop!(open_as(ELDER, ELDER, 0), Error::<Test>::TooManyRequests);
	});
}

#[test]
fn volunteers_declare_what_they_give_and_accept_only_what_it_covers() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Assistance::declare_service(RuntimeOrigin::signed(NEIGHBOUR), vec![], vec![PLUM]),
			Error::<Test>::NotAVolunteer
		);
		assert_noop!(
			Assistance::declare_service(
				RuntimeOrigin::signed(VOLUNTEER),
				vec![HelpCategory::Shopping],
				vec![PLUM, BAMBOO, STREET]
			),
			Error::<Test>::TooMany
		);
		let shopping = open(Urgency::Normal, 0, 0);
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), shopping),
			Error::<Test>::NoMatchingSkill
		);
		assert_ok!(Assistance::declare_service(
			RuntimeOrigin::signed(VOLUNTEER),
			vec![HelpCategory::HomeRepair],
			vec![PLUM]
		));
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), shopping),
			Error::<Test>::NoMatchingSkill
		);
		// The right skill, the wrong area.
		assert_ok!(Assistance::declare_service(
			RuntimeOrigin::signed(BAMBOO_VOLUNTEER),
			vec![HelpCategory::Shopping],
			vec![BAMBOO]
		));
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(BAMBOO_VOLUNTEER), shopping),
			Error::<Test>::NoMatchingSkill
		);
		// Serving the whole street covers Plum.
		assert_ok!(Assistance::declare_service(
			RuntimeOrigin::signed(BAMBOO_VOLUNTEER),
			vec![HelpCategory::Shopping],
			vec![STREET]
		));
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(BAMBOO_VOLUNTEER), shopping));
		declare(VOLUNTEER);
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), shopping),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn the_need_list_shows_open_requests_by_community_and_category() {
	new_test_ext().execute_with(|| {
		let first = open(Urgency::Normal, 0, 0);
		let second = open(Urgency::Urgent, 0, 0);
		declare(VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), first));
		let ids = |category| {
			Assistance::open_requests(PLUM, category)
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>()
		};
		assert_eq!(ids(None), vec![second]);
		assert_eq!(ids(Some(HelpCategory::Shopping)), vec![second]);
		assert!(ids(Some(HelpCategory::HomeRepair)).is_empty());
		assert!(Assistance::open_requests(BAMBOO, None).is_empty());
	});
}

#[test]
fn subsidies_of_open_requests_count_together_against_the_fund() {
	new_test_ext().execute_with(|| {
		// The fund holds 1,000.
		let first = open(Urgency::Normal, 0, 600);
		let open_with = |subsidy| {
			Assistance::open_request(
				RuntimeOrigin::signed(GRID_WORKER),
				ELDER,
				HelpCategory::Shopping,
				Urgency::Normal,
				30,
				[2; 32],
				0,
				subsidy,
			)
		};
		// 600 + 500 would be more than the fund, though each alone fits.
		assert_noop!(open_with(500), Error::<Test>::SubsidyBeyondFund);
		assert_ok!(open_with(400));
		assert_eq!(OpenSubsidies::<Test>::get(PLUM), 1_000);
		// Cancelling gives the first subsidy back.
		assert_ok!(Assistance::cancel_request(RuntimeOrigin::signed(GRID_WORKER), first));
		assert_eq!(OpenSubsidies::<Test>::get(PLUM), 400);
		assert_ok!(open_with(500));
	});
}
