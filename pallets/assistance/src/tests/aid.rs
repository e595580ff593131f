//! Material aid deliveries.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn deliveries_are_recorded_countersigned_and_repeats_are_visible() {
	new_test_ext().execute_with(|| {
		let record = |who, household| {
			Assistance::record_delivery(RuntimeOrigin::signed(who), 7, household, 2)
		};
		assert_noop!(record(NEIGHBOUR, ELDER), Error::<Test>::NotADistributor);
		assert_noop!(record(DISTRIBUTOR, NOBODY), Error::<Test>::NotEligible);
		assert_ok!(record(DISTRIBUTOR, ELDER));
		assert_ok!(record(DISTRIBUTOR, ELDER));
		assert_eq!(
			last_event(),
			Event::DeliveryRecorded {
				batch: 7,
				household: ELDER,
				delivery: 1,
				quantity: 2,
				distributor: DISTRIBUTOR,
				previous: 1
			}
		);
		assert_eq!(DeliveryCount::<Test>::get(7, ELDER), 2);
		let countersign = |who, delivery| {
			Assistance::countersign_delivery(RuntimeOrigin::signed(who), 7, ELDER, delivery)
		};
		assert_noop!(countersign(NEIGHBOUR, 0), Error::<Test>::NotOnBehalf);
		assert_noop!(countersign(ELDER, 5), Error::<Test>::UnknownDelivery);
		assert_ok!(countersign(ELDER, 0));
		assert_ok!(countersign(GRID_WORKER, 1));
		assert_noop!(countersign(ELDER, 1), Error::<Test>::AlreadyCountersigned);
		assert_eq!(
			Deliveries::<Test>::get((7, ELDER, 1)).unwrap().countersigned_by,
			Some(GRID_WORKER)
		);
	});
}
