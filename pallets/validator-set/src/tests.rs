use crate::{
	mock::*, Error, Event, NextRotation, Planned, SessionLength, Validators, ValidatorsOfUnit,
};
use frame_support::{assert_noop, assert_ok, traits::EstimateNextSessionRotation};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{traits::Convert, DispatchError, Permill};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn planned() -> Vec<AccountId> {
	Planned::<Test>::get().into_inner()
}

/// Hand the genesis set to the session pallet, as its genesis does.
fn plan_genesis() {
	assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![10, 11, 12]));
	System::reset_events();
}

#[test]
fn genesis_validators_are_approved_and_planned_once() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::validators(), vec![(10, EAST), (11, EAST), (12, WEST)]);
		assert_eq!(ValidatorsOfUnit::<Test>::get(EAST), 2);
		assert_eq!(ValidatorsOfUnit::<Test>::get(WEST), 1);
		plan_genesis();
		assert_eq!(planned(), vec![10, 11, 12]);
		// Nothing changed: the session pallet keeps its set.
		assert_eq!(ValidatorSet::new_session(2), None);
	});
}

#[test]
fn only_the_manage_origin_admits_validators() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(10), 20, WEST),
			DispatchError::BadOrigin
		);
		assert_eq!(Validators::<Test>::get(20), None);
	});
}

#[test]
fn validators_belong_to_a_street_or_the_district() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 20, 77), Error::<Test>::UnknownUnit);
		assert_noop!(
			ValidatorSet::add_validator(root(), 20, COMMUNITY),
			Error::<Test>::NotAStreetOrDistrict
		);
		assert_noop!(
			ValidatorSet::add_validator(root(), 20, GRID),
			Error::<Test>::NotAStreetOrDistrict
		);
		assert_ok!(ValidatorSet::add_validator(root(), 20, DISTRICT));
		assert_ok!(ValidatorSet::add_validator(root(), 21, WEST));
		assert_eq!(
			events(),
			vec![
				Event::ValidatorAdded { who: 20, unit: DISTRICT },
				Event::ValidatorAdded { who: 21, unit: WEST }
			]
		);
		assert_eq!(Validators::<Test>::count(), 5);
		assert_eq!(ValidatorsOfUnit::<Test>::get(WEST), 2);
	});
}

#[test]
fn admission_respects_the_chain_and_unit_limits() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(root(), 10, WEST),
			Error::<Test>::AlreadyValidator
		);
		// East Street already runs two, the most one unit may run.
		assert_noop!(ValidatorSet::add_validator(root(), 20, EAST), Error::<Test>::UnitFull);
		assert_ok!(ValidatorSet::add_validator(root(), 20, WEST));
		assert_ok!(ValidatorSet::add_validator(root(), 21, DISTRICT));
		assert_noop!(
			ValidatorSet::add_validator(root(), 22, DISTRICT),
			Error::<Test>::TooManyValidators
		);
		assert_eq!(Validators::<Test>::count(), MAX_VALIDATORS);
	});
}

#[test]
fn a_new_validator_is_planned_once_it_has_session_keys() {
	new_test_ext().execute_with(|| {
		plan_genesis();
		assert_ok!(ValidatorSet::add_validator(root(), 20, WEST));
		System::reset_events();

		// No keys yet: left out, and reported.
		assert_eq!(ValidatorSet::new_session(2), None);
		assert_eq!(
			events(),
			vec![Event::AwaitingKeys { session: 2, validators: vec![20].try_into().unwrap() }]
		);

		set_keys(20, true);
		assert_eq!(ValidatorSet::new_session(3), Some(vec![10, 11, 12, 20]));
		assert_eq!(planned(), vec![10, 11, 12, 20]);
		assert_eq!(
			events().last(),
			Some(&Event::SetPlanned {
				session: 3,
				validators: vec![10, 11, 12, 20].try_into().unwrap()
			})
		);
	});
}

#[test]
fn a_removed_validator_leaves_the_next_plan() {
	new_test_ext().execute_with(|| {
		plan_genesis();
		assert_ok!(ValidatorSet::remove_validator(root(), 11));
		assert_eq!(events(), vec![Event::ValidatorRemoved { who: 11, unit: EAST }]);
		assert_eq!(Validators::<Test>::get(11), None);
		assert_eq!(ValidatorsOfUnit::<Test>::get(EAST), 1);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![10, 12]));
		// Its keys stay registered, but it may no longer register new ones.
		assert_eq!(crate::ValidatorOf::<Test>::convert(11), None);
		assert_eq!(crate::ValidatorOf::<Test>::convert(10), Some(10));
	});
}

#[test]
fn a_unit_without_validators_is_forgotten() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 20, DISTRICT));
		assert_ok!(ValidatorSet::remove_validator(root(), 20));
		assert!(!ValidatorsOfUnit::<Test>::contains_key(DISTRICT));
	});
}

#[test]
fn removal_never_crosses_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::remove_validator(root(), 30), Error::<Test>::NotAValidator);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(10), 10),
			DispatchError::BadOrigin
		);
		assert_ok!(ValidatorSet::remove_validator(root(), 12));
		assert_eq!(Validators::<Test>::count(), MIN_VALIDATORS);
		assert_noop!(ValidatorSet::remove_validator(root(), 10), Error::<Test>::TooFewValidators);
		assert_eq!(ValidatorSet::validators(), vec![(10, EAST), (11, EAST)]);
	});
}

#[test]
fn purged_keys_never_shrink_the_set_below_the_minimum() {
	new_test_ext().execute_with(|| {
		plan_genesis();
		// One validator purges its keys: three approved, two with keys, still at the minimum.
		set_keys(12, false);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![10, 11]));
		// A second purges: planning one would cross the minimum, so the set stays.
		set_keys(11, false);
		System::reset_events();
		assert_eq!(ValidatorSet::new_session(3), None);
		assert_eq!(planned(), vec![10, 11]);
		assert_eq!(
			events(),
			vec![
				Event::AwaitingKeys { session: 3, validators: vec![11, 12].try_into().unwrap() },
				Event::MinimumKept { session: 3, with_keys: 1 },
			]
		);
		// Nobody with keys at all: the set stays too.
		set_keys(10, false);
		assert_eq!(ValidatorSet::new_session(4), None);
		assert_eq!(planned(), vec![10, 11]);
	});
}

#[test]
fn a_removed_validator_stops_authoring_even_with_the_keyed_set_at_the_minimum() {
	new_test_ext().execute_with(|| {
		plan_genesis();
		// 12 purged its keys: 10 and 11 author, at the minimum of two.
		set_keys(12, false);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![10, 11]));
		// A fourth validator is admitted but has no keys yet; governance removes 11.
		assert_ok!(ValidatorSet::add_validator(root(), 20, WEST));
		assert_ok!(ValidatorSet::remove_validator(root(), 11));
		System::reset_events();
		// Only 10 has keys: below the minimum, yet 11 is gone from the next set.
		assert_eq!(ValidatorSet::new_session(3), Some(vec![10]));
		assert_eq!(planned(), vec![10]);
		assert!(events().contains(&Event::MinimumKept { session: 3, with_keys: 1 }));
		// 12 and 20 register keys: the set grows back.
		set_keys(12, true);
		set_keys(20, true);
		assert_eq!(ValidatorSet::new_session(4), Some(vec![10, 12, 20]));
	});
}

#[test]
fn sessions_end_every_session_length_blocks() {
	new_test_ext().execute_with(|| {
		assert_eq!(NextRotation::<Test>::get(), DEFAULT_SESSION);
		assert!(!ValidatorSet::should_end_session(DEFAULT_SESSION - 1));
		assert!(ValidatorSet::should_end_session(DEFAULT_SESSION));

		System::set_block_number(DEFAULT_SESSION);
		ValidatorSet::new_session(2);
		assert_eq!(NextRotation::<Test>::get(), 2 * DEFAULT_SESSION);
		assert!(!ValidatorSet::should_end_session(2 * DEFAULT_SESSION - 1));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(15).0, Some(2 * DEFAULT_SESSION));
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(15).0,
			Some(Permill::from_percent(50))
		);
	});
}

#[test]
fn a_new_session_length_applies_from_the_next_session() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::set_session_length(root(), MIN_SESSION - 1),
			Error::<Test>::SessionTooShort
		);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(10), 30),
			DispatchError::BadOrigin
		);
		assert_ok!(ValidatorSet::set_session_length(root(), 30));
		assert_eq!(events(), vec![Event::SessionLengthSet { blocks: 30 }]);
		assert_eq!(SessionLength::<Test>::get(), Some(30));
		// The current session still ends where it was going to.
		assert_eq!(NextRotation::<Test>::get(), DEFAULT_SESSION);
		System::set_block_number(DEFAULT_SESSION);
		ValidatorSet::new_session(2);
		assert_eq!(NextRotation::<Test>::get(), DEFAULT_SESSION + 30);
	});
}
