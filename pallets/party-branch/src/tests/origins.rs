//! The shared origins of `gongzhi-primitives`, answered by this pallet.

use super::*;
use crate::mock::*;
use frame_support::{parameter_types, traits::EnsureOrigin};
use gongzhi_primitives::civic::{EnsureOfficerOf, EnsureResident};

type Resident = EnsureResident<PartyBranch, u64>;

parameter_types! {
	pub const TheCommunity: u32 = COMMUNITY;
}
type CommunityOfficer = EnsureOfficerOf<PartyBranch, TheCommunity, u64>;

#[test]
fn ensure_resident_yields_the_account_and_its_community() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_eq!(
			Resident::try_origin(RuntimeOrigin::signed(ALICE)).ok(),
			Some((ALICE, COMMUNITY))
		);
		assert!(Resident::try_origin(RuntimeOrigin::signed(BOB)).is_err());
		assert!(Resident::try_origin(RuntimeOrigin::root()).is_err());
		assert!(Resident::try_origin(RuntimeOrigin::none()).is_err());
	});
}

#[test]
fn ensure_officer_of_accepts_officers_of_the_unit_and_above() {
	with_tree(|| {
		for officer in [COMMITTEE, SECRETARY, STREET_SECRETARY, DISTRICT_SECRETARY] {
			assert_eq!(
				CommunityOfficer::try_origin(RuntimeOrigin::signed(officer)).ok(),
				Some(officer)
			);
		}
		for other in [OTHER_SECRETARY, ALICE] {
			assert!(CommunityOfficer::try_origin(RuntimeOrigin::signed(other)).is_err());
		}
		assert!(CommunityOfficer::try_origin(RuntimeOrigin::root()).is_err());
	});
}
