//! Earning: activities, sign-ups, records, the daily cap, star levels.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_organisation_publishes_activities_in_its_units_only() {
	new_test_ext().execute_with(|| {
		let publish_as = |who, unit, title: &[u8]| {
			VolunteerCredits::publish_activity(
				RuntimeOrigin::signed(who),
				unit,
				title.to_vec(),
				DAILY_CAP,
			)
		};
		assert_noop!(publish_as(VOLUNTEERS[0], PLUM, b"x"), Error::<Test>::NotAnOrganisation);
		assert_noop!(publish_as(PLUM_SECRETARY, PLUM, b"x"), Error::<Test>::NotAnOrganisation);
		// The street's organisation, not the district's.
		assert_noop!(publish_as(ORGANISATION, DISTRICT, b"x"), Error::<Test>::NotAnOrganisation);
		assert_noop!(publish_as(ORGANISATION, 99, b"x"), Error::<Test>::UnknownUnit);
		assert_noop!(publish_as(ORGANISATION, PLUM, b""), Error::<Test>::BadTitle);
		assert_noop!(publish_as(ORGANISATION, PLUM, &[b'x'; 17]), Error::<Test>::BadTitle);
		assert_noop!(
			publish_as(ORGANISATION, PLUM, b"tel 13812345678"),
			Error::<Test>::PersonalData(gongzhi_primitives::text::PersonalData::MobileNumber)
		);
		let id = publish();
		assert_eq!(
			last_event(),
			Event::ActivityPublished {
				activity: id,
				unit: PLUM,
				organiser: ORGANISATION,
				max_minutes: DAILY_CAP
			}
		);
		publish();
		assert_noop!(publish_as(ORGANISATION, PLUM, b"third"), Error::<Test>::TooManyActivities);
		assert_eq!(VolunteerCredits::activities(PLUM).len(), 2);
		assert_ok!(VolunteerCredits::close_activity(RuntimeOrigin::signed(PLUM_SECRETARY), id));
		assert_eq!(VolunteerCredits::activities(PLUM).len(), 1);
		assert_ok!(publish_as(ORGANISATION, PLUM, b"third"));
	});
}

#[test]
fn volunteers_sign_up_once_wherever_they_live() {
	new_test_ext().execute_with(|| {
		let id = publish();
		let sign_up = |who| VolunteerCredits::sign_up(RuntimeOrigin::signed(who), id);
		assert_noop!(sign_up(RESIDENT), Error::<Test>::NotAVolunteer);
		assert_noop!(sign_up(NOBODY), Error::<Test>::NotAVolunteer);
		assert_ok!(sign_up(VOLUNTEERS[0]));
		// A Bamboo volunteer helps in Plum.
		assert_ok!(sign_up(BAMBOO_VOLUNTEER));
		assert_noop!(sign_up(VOLUNTEERS[0]), Error::<Test>::AlreadySignedUp);
		assert_eq!(Activities::<Test>::get(id).unwrap().volunteers, 2);
		assert_ok!(VolunteerCredits::close_activity(RuntimeOrigin::signed(ORGANISATION), id));
		assert_noop!(sign_up(VOLUNTEERS[1]), Error::<Test>::ActivityClosed);
		assert_noop!(
			VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[1]), 99),
			Error::<Test>::UnknownActivity
		);
	});
}

#[test]
fn only_the_organiser_records_service_and_only_once_per_volunteer() {
	new_test_ext().execute_with(|| {
		let id = publish();
		assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		let record = |who, volunteer, minutes| {
			VolunteerCredits::record_service(RuntimeOrigin::signed(who), id, volunteer, minutes)
		};
		assert_noop!(record(PLUM_SECRETARY, VOLUNTEERS[0], 60), Error::<Test>::NotTheOrganiser);
		// A volunteer cannot credit themselves.
		assert_noop!(record(VOLUNTEERS[0], VOLUNTEERS[0], 60), Error::<Test>::NotTheOrganiser);
		assert_noop!(record(ORGANISATION, VOLUNTEERS[1], 60), Error::<Test>::NotSignedUp);
		assert_noop!(record(ORGANISATION, VOLUNTEERS[0], 0), Error::<Test>::ZeroMinutes);
		assert_ok!(record(ORGANISATION, VOLUNTEERS[0], 90));
		assert_eq!(
			last_event(),
			Event::ServiceRecorded {
				activity: id,
				volunteer: VOLUNTEERS[0],
				minutes: 90,
				organiser: ORGANISATION
			}
		);
		assert_eq!((balance(VOLUNTEERS[0]), lifetime(VOLUNTEERS[0])), (90, 90));
		assert_noop!(record(ORGANISATION, VOLUNTEERS[0], 30), Error::<Test>::AlreadyRecorded);
		let history = VolunteerCredits::history(&VOLUNTEERS[0], 10);
		assert_eq!(history.len(), 1);
		assert_eq!(
			history[0].counterparty,
			Counterparty::Activity { activity: id, organiser: ORGANISATION }
		);
		assert_eq!(TotalIssued::<Test>::get(), 90);
		ledger_balances();
	});
}

#[test]
fn a_volunteer_is_credited_at_most_the_daily_cap() {
	new_test_ext().execute_with(|| {
		serve(VOLUNTEERS[0], 300);
		let id = publish();
		assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		assert_noop!(
			VolunteerCredits::record_service(
				RuntimeOrigin::signed(ORGANISATION),
				id,
				VOLUNTEERS[0],
				DAILY_CAP - 300 + 1
			),
			Error::<Test>::OverDailyCap
		);
		assert_ok!(VolunteerCredits::record_service(
			RuntimeOrigin::signed(ORGANISATION),
			id,
			VOLUNTEERS[0],
			DAILY_CAP - 300
		));
		// A new day, a new cap.
		go_to_block(DAY);
		serve(VOLUNTEERS[0], DAILY_CAP);
		assert_eq!(lifetime(VOLUNTEERS[0]), 2 * DAILY_CAP as u64);
		ledger_balances();
	});
}

#[test]
fn lifetime_hours_reach_star_levels_which_governance_sets() {
	new_test_ext().execute_with(|| {
		assert_eq!(StarThresholds::<Test>::get().to_vec(), vec![100, 300, 600, 1000, 1500]);
		assert_noop!(
			VolunteerCredits::set_star_thresholds(RuntimeOrigin::signed(1), vec![1, 2]),
			sp_runtime::DispatchError::BadOrigin
		);
		for bad in [vec![], vec![0, 1], vec![2, 2], vec![3, 1], vec![1, 2, 3, 4, 5, 6]] {
			assert_noop!(
				VolunteerCredits::set_star_thresholds(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidThresholds
			);
		}
		assert_ok!(VolunteerCredits::set_star_thresholds(RuntimeOrigin::root(), vec![1, 2, 10]));
		serve(VOLUNTEERS[0], 59);
		assert_eq!(Accounts::<Test>::get(VOLUNTEERS[0]).stars, 0);
		serve(VOLUNTEERS[0], 61);
		assert_eq!(Accounts::<Test>::get(VOLUNTEERS[0]).stars, 2);
		assert!(events().contains(&Event::StarLevelReached { who: VOLUNTEERS[0], stars: 2 }));
		// Spending does not take stars away: lifetime service never decreases.
		assert_ok!(VolunteerCredits::redeem(RuntimeOrigin::signed(VOLUNTEERS[0]), SERVICE, 120, 1));
		assert_eq!(
			Accounts::<Test>::get(VOLUNTEERS[0]),
			CreditAccount { balance: 0, lifetime: 120, stars: 2 }
		);
		ledger_balances();
	});
}

#[test]
fn an_activity_allows_each_volunteer_between_one_minute_and_the_daily_cap() {
	new_test_ext().execute_with(|| {
		let publish_allowing_raw = |max| {
			VolunteerCredits::publish_activity(
				RuntimeOrigin::signed(ORGANISATION),
				PLUM,
				b"x".to_vec(),
				max,
			)
		};
		assert_noop!(publish_allowing_raw(0), Error::<Test>::BadActivityLimit);
		assert_noop!(publish_allowing_raw(DAILY_CAP + 1), Error::<Test>::BadActivityLimit);
		let id = publish_allowing(90);
		assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		let record = |minutes| {
			VolunteerCredits::record_service(
				RuntimeOrigin::signed(ORGANISATION),
				id,
				VOLUNTEERS[0],
				minutes,
			)
		};
		assert_noop!(record(91), Error::<Test>::OverActivityLimit);
		assert_ok!(record(90));
		assert_eq!(balance(VOLUNTEERS[0]), 90);
		ledger_balances();
	});
}

#[test]
fn activity_ids_never_wrap_onto_old_activities() {
	new_test_ext().execute_with(|| {
		NextActivityId::<Test>::put(ActivityId::MAX);
		assert_noop!(
			VolunteerCredits::publish_activity(
				RuntimeOrigin::signed(ORGANISATION),
				PLUM,
				b"x".to_vec(),
				60
			),
			Error::<Test>::NoMoreIds
		);
	});
}

#[test]
fn an_organisation_whose_role_ended_records_nothing_more() {
	new_test_ext().execute_with(|| {
		let id = publish();
		assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(VOLUNTEERS[0]), id));
		assert_ok!(PartyBranch::revoke_role(
			RuntimeOrigin::signed(STREET_SECRETARY),
			ORGANISATION,
			Role::VolunteerOrganisation,
			STREET
		));
		assert_noop!(
			VolunteerCredits::record_service(
				RuntimeOrigin::signed(ORGANISATION),
				id,
				VOLUNTEERS[0],
				60
			),
			Error::<Test>::NotAnOrganisation
		);
		assert_eq!(balance(VOLUNTEERS[0]), 0);
	});
}

#[test]
fn an_activitys_title_is_taken_down_and_the_activity_stays() {
	use gongzhi_primitives::text::{TextHost, TextRef};
	new_test_ext().execute_with(|| {
		let id = publish();
		let title = TextRef::ActivityTitle(id);
		assert_eq!(
			VolunteerCredits::locate(&title).map(|f| (f.unit, f.author)),
			Some((PLUM, ORGANISATION))
		);
		assert!(VolunteerCredits::take_down(&title));
		let activity = Activities::<Test>::get(id).unwrap();
		assert!(activity.title.is_empty() && activity.open);
		assert_eq!(VolunteerCredits::locate(&title), None);
		assert!(!VolunteerCredits::take_down(&TextRef::TopicTitle(id)));
	});
}
