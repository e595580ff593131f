//! Nobody pays themselves through a request: the opener, the volunteer and whoever confirms are
//! different people, proxies included, and nobody is credited more than was asked for.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn open_as(who: AccountId, credits: Minutes) -> Result<RequestId, sp_runtime::DispatchError> {
	let id = NextRequestId::<Test>::get();
	Assistance::open_request(
		RuntimeOrigin::signed(who),
		ELDER,
		HelpCategory::Shopping,
		Urgency::Normal,
		60,
		[3; 32],
		credits,
		0,
	)
	.map(|_| id)
}

#[test]
fn someone_opening_a_request_for_the_recipient_cannot_offer_the_recipients_credits() {
	new_test_ext().execute_with(|| {
		assert_noop!(open_as(GRID_WORKER, 30), Error::<Test>::CreditsNeedRecipient);
		assert_ok!(open_as(GRID_WORKER, 0));
		let id = open_as(ELDER, 30).expect("the elder offers their own credits");
		assert_eq!(Requests::<Test>::get(id).map(|r| r.credits), Some(30));
	});
}

#[test]
fn whoever_opened_a_request_does_not_take_it_as_its_volunteer() {
	new_test_ext().execute_with(|| {
		// The volunteer is also a grid worker around the elder's community.
		assert_ok!(PartyBranch::grant_role(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			VOLUNTEER,
			Role::GridWorker,
			GRID
		));
		let id = open_as(VOLUNTEER, 0).expect("a grid worker opens for the elder");
		declare(VOLUNTEER);
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id),
			Error::<Test>::OpenerVolunteers
		);
		declare(OTHER_VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(OTHER_VOLUNTEER), id));
	});
}

#[test]
fn a_volunteer_who_acts_for_the_recipient_neither_takes_nor_confirms_their_request() {
	new_test_ext().execute_with(|| {
		let id = open(Urgency::Normal, 0, 0);
		declare(VOLUNTEER);
		PROXIES.with(|p| p.borrow_mut().push((VOLUNTEER, ELDER)));
		assert_noop!(
			Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id),
			Error::<Test>::VolunteerActsForRecipient
		);
		PROXIES.with(|p| p.borrow_mut().clear());
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id));
		assert_ok!(Assistance::complete(RuntimeOrigin::signed(VOLUNTEER), id, 45));
		// The volunteer became the elder's proxy meanwhile: a confirmation in the elder's name
		// could be theirs.
		PROXIES.with(|p| p.borrow_mut().push((VOLUNTEER, ELDER)));
		assert_noop!(
			Assistance::confirm(RuntimeOrigin::signed(ELDER), id),
			Error::<Test>::VolunteerActsForRecipient
		);
		assert!(credits().is_empty());
		// A grid worker of the elder's community confirms instead.
		assert_ok!(Assistance::confirm(RuntimeOrigin::signed(GRID_WORKER), id));
		assert_eq!(credits(), vec![("service", GRID_WORKER, VOLUNTEER, 45, id)]);
	});
}

#[test]
fn help_is_credited_at_most_the_minutes_the_request_asked_for() {
	new_test_ext().execute_with(|| {
		let id = open(Urgency::Normal, 0, 0);
		declare(VOLUNTEER);
		assert_ok!(Assistance::accept(RuntimeOrigin::signed(VOLUNTEER), id));
		assert_noop!(
			Assistance::complete(RuntimeOrigin::signed(VOLUNTEER), id, 61),
			Error::<Test>::OverRequested
		);
		assert_ok!(Assistance::complete(RuntimeOrigin::signed(VOLUNTEER), id, 60));
		assert_ok!(Assistance::dispute(RuntimeOrigin::signed(ELDER), id));
		assert_noop!(
			Assistance::settle(RuntimeOrigin::signed(PLUM_SECRETARY), id, 480),
			Error::<Test>::OverRequested
		);
		assert_ok!(Assistance::settle(RuntimeOrigin::signed(PLUM_SECRETARY), id, 60));
		assert_eq!(credits(), vec![("service", PLUM_SECRETARY, VOLUNTEER, 60, id)]);
	});
}

#[test]
fn request_ids_never_wrap_onto_old_requests() {
	new_test_ext().execute_with(|| {
		NextRequestId::<Test>::put(RequestId::MAX);
		assert_noop!(open_as(GRID_WORKER, 0), Error::<Test>::NoMoreIds);
	});
}
