//! Closed activities' sign-ups and records go after the retention; credits stay.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};

/// Runs `on_idle` with a generous spare weight at block `n`.
fn idle_at(n: u64) -> Weight {
	System::set_block_number(n);
	VolunteerCredits::on_idle(n, Weight::from_parts(1_000_000_000_000, 1_000_000))
}

#[test]
fn a_closed_activitys_records_go_after_the_retention_and_the_credits_stay() {
	new_test_ext().execute_with(|| {
		let id = publish();
		for volunteer in VOLUNTEERS {
			assert_ok!(VolunteerCredits::sign_up(RuntimeOrigin::signed(volunteer), id));
			assert_ok!(VolunteerCredits::record_service(
				RuntimeOrigin::signed(ORGANISATION),
				id,
				volunteer,
				30
			));
		}
		let closed = System::block_number();
		assert_ok!(VolunteerCredits::close_activity(RuntimeOrigin::signed(ORGANISATION), id));
		idle_at(closed + RETENTION - 1);
		assert_eq!(Participations::<Test>::iter_prefix(id).count(), VOLUNTEERS.len());
		// Two records a step (the mock's bound): every one gone within the block.
		idle_at(closed + RETENTION);
		assert_eq!(Participations::<Test>::iter_prefix(id).count(), 0);
		assert!(events().contains(&Event::ActivityPruned { activity: id }));
		assert!(Activities::<Test>::contains_key(id), "the activity itself stays");
		for volunteer in VOLUNTEERS {
			assert_eq!(lifetime(volunteer), 30, "credits stay");
		}
		ledger_balances();
	});
}

#[test]
fn an_unsettled_dispute_lapses_when_its_activity_is_pruned() {
	new_test_ext().execute_with(|| {
		let id = serve(VOLUNTEERS[0], 60);
		assert_ok!(VolunteerCredits::dispute(RuntimeOrigin::signed(VOLUNTEERS[0]), id, 120));
		idle_at(System::block_number() + RETENTION);
		assert!(events().contains(&Event::DisputesLapsed { activity: id, disputes: 1 }));
		assert_eq!(lifetime(VOLUNTEERS[0]), 60, "the recorded minutes stand");
		ledger_balances();
	});
}

#[test]
fn pruning_takes_no_more_than_the_spare_weight() {
	new_test_ext().execute_with(|| {
		let id = serve(VOLUNTEERS[0], 60);
		let due = System::block_number() + RETENTION;
		System::set_block_number(due);
		assert_eq!(VolunteerCredits::on_idle(due, Weight::zero()), Weight::zero());
		assert_eq!(Participations::<Test>::iter_prefix(id).count(), 1);
	});
}

#[test]
fn only_governance_sets_the_retention_and_never_below_the_dispute_window() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			VolunteerCredits::set_retention(RuntimeOrigin::signed(ORGANISATION), 100),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			VolunteerCredits::set_retention(RuntimeOrigin::root(), DISPUTE_WINDOW - 1),
			Error::<Test>::RetentionTooShort
		);
		assert_ok!(VolunteerCredits::set_retention(RuntimeOrigin::root(), 100));
		assert_eq!(Retention::<Test>::get(), 100);
	});
}
