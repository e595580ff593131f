//! Storage migrations: version 0's activities and disputes, read again after the upgrade.

use super::*;
use crate::migrations::{v1::v0, MigrateToV1};
use codec::Encode;
use frame_support::traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

fn put_raw(key: Vec<u8>, value: impl Encode) {
	frame_support::storage::unhashed::put_raw(&key, &value.encode());
}

#[test]
fn version_0_activities_and_disputes_get_the_daily_cap_as_their_bound() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<VolunteerCredits>();
		let title = TitleOf::<Test>::new(b"old".to_vec()).unwrap();
		let old_activity = v0::Activity {
			unit: PLUM,
			organiser: ORGANISATION,
			title: title.clone(),
			published_at: 1u64,
			open: true,
			volunteers: 2,
		};
		put_raw(Activities::<Test>::hashed_key_for(7), &old_activity);
		put_raw(
			Participations::<Test>::hashed_key_for(7, VOLUNTEERS[0]),
			v0::Participation::Disputed { minutes: 30, at: 1u64 },
		);
		put_raw(
			Participations::<Test>::hashed_key_for(7, VOLUNTEERS[1]),
			v0::Participation::Recorded { minutes: 45, at: 1u64 },
		);
		// Version 0 values do not decode as version 1 ones.
		assert!(Activities::<Test>::get(7).is_none());

		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(VolunteerCredits::on_chain_storage_version(), 1);
		assert_eq!(
			Activities::<Test>::get(7),
			Some(Activity {
				unit: PLUM,
				organiser: ORGANISATION,
				title,
				published_at: 1,
				open: true,
				volunteers: 2,
				max_minutes: DAILY_CAP,
			})
		);
		assert_eq!(
			Participations::<Test>::get(7, VOLUNTEERS[0]),
			Some(Participation::Disputed { minutes: 30, at: 1, claimed: DAILY_CAP })
		);
		assert_eq!(
			Participations::<Test>::get(7, VOLUNTEERS[1]),
			Some(Participation::Recorded { minutes: 45, at: 1 })
		);

		// At version 1 it does nothing: a second run would misread version 1 values.
		let again = MigrateToV1::<Test>::on_runtime_upgrade();
		let db = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get();
		assert_eq!(again, db.reads(1));
		assert_eq!(Participations::<Test>::iter().count(), 2);
	});
}
