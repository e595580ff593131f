//! Tests by topic. Every refusal asserts the named error and that nothing changed.

mod fees;
mod residents;
mod roles;
mod units;
mod vesting;

use crate::{mock::*, Office, UnitLevel};
use frame_support::assert_ok;
use sp_core::H256;

/// Units of the sample tree built by [`tree`].
pub const DISTRICT: u32 = 0;
pub const STREET: u32 = 1;
pub const COMMUNITY: u32 = 2;
pub const OTHER_COMMUNITY: u32 = 3;
pub const GRID: u32 = 4;

/// Officers of the sample tree.
pub const DISTRICT_SECRETARY: u64 = 10;
pub const STREET_SECRETARY: u64 = 11;
pub const SECRETARY: u64 = 12;
pub const COMMITTEE: u64 = 13;
pub const OTHER_SECRETARY: u64 = 14;

/// People with no office.
pub const ALICE: u64 = 100;
pub const BOB: u64 = 101;
pub const CAROL: u64 = 102;

/// A district with one street, two communities under it and a grid in the first community.
pub fn tree() {
	let root = RuntimeOrigin::root;
	assert_ok!(PartyBranch::create_unit(
		root(),
		UnitLevel::District,
		None,
		b"District".to_vec(),
		Some(DISTRICT_SECRETARY)
	));
	assert_ok!(PartyBranch::create_unit(
		root(),
		UnitLevel::Street,
		Some(DISTRICT),
		b"East Street".to_vec(),
		Some(STREET_SECRETARY)
	));
	assert_ok!(PartyBranch::create_unit(
		RuntimeOrigin::signed(STREET_SECRETARY),
		UnitLevel::Community,
		Some(STREET),
		b"Plum Garden".to_vec(),
		Some(SECRETARY)
	));
	assert_ok!(PartyBranch::create_unit(
		RuntimeOrigin::signed(STREET_SECRETARY),
		UnitLevel::Community,
		Some(STREET),
		b"Bamboo Lane".to_vec(),
		Some(OTHER_SECRETARY)
	));
	assert_ok!(PartyBranch::create_unit(
		RuntimeOrigin::signed(SECRETARY),
		UnitLevel::Grid,
		Some(COMMUNITY),
		b"Grid 1".to_vec(),
		None
	));
	assert_ok!(PartyBranch::appoint_officer(
		RuntimeOrigin::signed(SECRETARY),
		COMMUNITY,
		COMMITTEE,
		Office::Committee
	));
}

/// A person's identity commitment (in reality: salted hash of their ID number).
pub fn commitment(person: u64) -> H256 {
	H256::repeat_byte(person as u8)
}

/// Registers `who` as a resident of `community` in person: the community's secretary records
/// the application, a second officer (the committee member; for the other community, the
/// street's secretary) approves it.
pub fn resident(who: u64, community: u32) {
	let (recorder, approver) = if community == COMMUNITY {
		(SECRETARY, COMMITTEE)
	} else {
		(OTHER_SECRETARY, STREET_SECRETARY)
	};
	assert_ok!(PartyBranch::register(
		RuntimeOrigin::signed(recorder),
		who,
		community,
		commitment(who)
	));
	assert_ok!(PartyBranch::approve(RuntimeOrigin::signed(approver), who));
}

/// `who` applies to `community` with `commitment`, funded first with enough for the deposit.
pub fn apply(who: u64, community: u32, commitment: H256) -> sp_runtime::DispatchResult {
	use frame_support::traits::fungible::Mutate;
	Balances::set_balance(&who, 100 * APPLICATION_DEPOSIT);
	PartyBranch::apply(RuntimeOrigin::signed(who), community, commitment)
}

/// Runs the registry's hook for every block up to `n`.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		PartyBranch::on_initialize(next);
	}
}

/// The sample tree, built inside fresh externalities.
pub fn with_tree(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		tree();
		System::reset_events();
		test()
	});
}
