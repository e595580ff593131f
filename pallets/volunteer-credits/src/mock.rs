//! A test runtime: System, the real Party-branch registry and this pallet. `Root` is governance.
//!
//! The organisation: district 0 (secretary 1) → street 1 (secretary 2) → communities 2 "Plum"
//! (secretary 3) and 3 "Bamboo" (secretary 5). Residents 10..=14 live in Plum, 20 in Bamboo.
//! Roles: 10, 11, 12 and 20 are volunteers; 13 has special needs; 6 is a volunteer organisation
//! of the street; 8 is a registered service of Plum; 7 is nobody.
//!
//! Days are 100 blocks; a volunteer is credited at most 480 minutes a day; disputes are open for
//! 20 blocks; residents keep 4 history lines.

use crate as pallet_volunteer_credits;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use gongzhi_primitives::civic::{Role, UnitId, UnitLevel};
use pallet_party_branch::GenesisUnit;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the tests.
pub type AccountId = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type PartyBranch = pallet_party_branch;
	#[runtime::pallet_index(2)]
	pub type VolunteerCredits = pallet_volunteer_credits;
	#[runtime::pallet_index(3)]
	pub type Balances = pallet_balances;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

pallet_party_branch::impl_mock_balances!(Test);

pallet_party_branch::impl_mock_config!(Test);

pub const DAY: u64 = 100;
pub const DAILY_CAP: u32 = 480;
pub const DISPUTE_WINDOW: u64 = 20;
/// How long a closed activity's records are kept, in blocks.
pub const RETENTION: u64 = 50;

impl pallet_volunteer_credits::Config for Test {
	type Registry = PartyBranch;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxTitleLength = ConstU32<16>;
	type MaxOpenActivities = ConstU32<2>;
	type DailyCap = ConstU32<DAILY_CAP>;
	type BlocksPerDay = ConstU64<DAY>;
	type DisputeWindow = ConstU64<DISPUTE_WINDOW>;
	type MaxHistory = ConstU32<4>;
	type MaxStarLevels = ConstU32<5>;
	type DefaultRetention = ConstU64<RETENTION>;
	type MinRetention = ConstU64<DISPUTE_WINDOW>;
	type MaxPrunedPerStep = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

pub const DISTRICT: UnitId = 0;
pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;
pub const BAMBOO: UnitId = 3;

pub const STREET_SECRETARY: AccountId = 2;
pub const PLUM_SECRETARY: AccountId = 3;
pub const BAMBOO_SECRETARY: AccountId = 5;
pub const ORGANISATION: AccountId = 6;
pub const NOBODY: AccountId = 7;
pub const SERVICE: AccountId = 8;
pub const VOLUNTEERS: [AccountId; 3] = [10, 11, 12];
pub const SPECIAL_NEEDS: AccountId = 13;
/// A resident of Plum with no role.
pub const RESIDENT: AccountId = 14;
pub const BAMBOO_VOLUNTEER: AccountId = 20;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee: vec![] }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, VolunteerCredits::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut residents: Vec<_> =
		(10..=14).map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.push((BAMBOO_VOLUNTEER, BAMBOO, sp_core::H256::repeat_byte(20)));
	let mut roles: Vec<_> = VOLUNTEERS.iter().map(|v| (*v, Role::Volunteer, PLUM)).collect();
	roles.extend([
		(BAMBOO_VOLUNTEER, Role::Volunteer, BAMBOO),
		(SPECIAL_NEEDS, Role::SpecialNeeds, PLUM),
		(ORGANISATION, Role::VolunteerOrganisation, STREET),
		(SERVICE, Role::ServiceProvider, PLUM),
	]);
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", 1),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", STREET_SECRETARY),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", BAMBOO_SECRETARY),
		],
		residents,
		roles,
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Moves to block `n` (this pallet has no per-block work).
pub fn go_to_block(n: u64) {
	System::set_block_number(n);
}
