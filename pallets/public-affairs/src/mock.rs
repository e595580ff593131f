//! A test runtime: System, the real Party-branch registry and this pallet, which is its own text
//! host.
//!
//! The organisation: district 0 (secretary 1) → street 1 (secretary 2) → communities 2 "Plum"
//! (secretary 3, committee member 4) and 3 "Bamboo" (secretary 5). Residents 10..=14 live in
//! Plum, 20 in Bamboo; 7 is nobody.

use crate as pallet_public_affairs;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use gongzhi_primitives::civic::{UnitId, UnitLevel};
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
	pub type PublicAffairs = pallet_public_affairs;
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

pub const ANSWER_PERIOD: u64 = 10;
pub const RATING_PERIOD: u64 = 5;
pub const PROPOSAL_PERIOD: u64 = 4;
pub const RETENTION: u64 = 20;

impl pallet_public_affairs::Config for Test {
	type Registry = PartyBranch;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type Texts = PublicAffairs;
	type MaxTitleLength = ConstU32<16>;
	type MaxTextLength = ConstU32<32>;
	type MaxUriLength = ConstU32<24>;
	type MaxNoticesPerUnit = ConstU32<3>;
	type MaxRepliesPerNotice = ConstU32<3>;
	type MaxOpenMattersPerUnit = ConstU32<3>;
	type MaxMattersPerResident = ConstU32<2>;
	type DefaultAnswerPeriod = ConstU64<ANSWER_PERIOD>;
	type MinAnswerPeriod = ConstU64<5>;
	type RatingPeriod = ConstU64<RATING_PERIOD>;
	type ProposalPeriod = ConstU64<PROPOSAL_PERIOD>;
	type Retention = ConstU64<RETENTION>;
	type MaxDuePerBlock = ConstU32<2>;
	type MaxPrunedPerStep = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

pub const DISTRICT: UnitId = 0;
pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;
pub const BAMBOO: UnitId = 3;

pub const DISTRICT_SECRETARY: AccountId = 1;
pub const STREET_SECRETARY: AccountId = 2;
pub const PLUM_SECRETARY: AccountId = 3;
pub const PLUM_COMMITTEE: AccountId = 4;
pub const BAMBOO_SECRETARY: AccountId = 5;
pub const NOBODY: AccountId = 7;
pub const RESIDENT: AccountId = 10;
pub const NEIGHBOUR: AccountId = 11;
pub const BAMBOO_RESIDENT: AccountId = 20;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
	committee: Vec<AccountId>,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, PublicAffairs::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut residents: Vec<_> =
		(10..=14).map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.push((BAMBOO_RESIDENT, BAMBOO, sp_core::H256::repeat_byte(20)));
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", DISTRICT_SECRETARY, vec![]),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", STREET_SECRETARY, vec![]),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY, vec![PLUM_COMMITTEE]),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", BAMBOO_SECRETARY, vec![]),
		],
		residents,
		roles: vec![],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Runs the blocks after the current one up to `n`, with this pallet's hooks (`on_idle` with
/// room for every pruning step).
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		PublicAffairs::on_initialize(next);
		PublicAffairs::on_idle(next, Weight::MAX);
	}
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::PublicAffairs(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The pallet's last event.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event")
}
