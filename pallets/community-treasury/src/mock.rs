//! A test runtime: System, Balances, the real Party-branch registry and this pallet. `Root` is
//! governance; residents' votes are recorded in [`VOTES_REQUESTED`] instead of convened.
//!
//! The organisation:
//! - district 0 (secretary 1) → street 1 (secretary 2) → communities 2 "Plum" (secretary 3,
//!   committee 4) and 3 "Bamboo" (secretary 5);
//! - residents 10..=19 in Plum, 20 in Bamboo; 6 is on Plum's owners' committee; 7 is nobody.

use crate as pallet_community_treasury;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use gongzhi_primitives::{
	civic::{Role, UnitId, UnitLevel},
	votes::{ResidentVoteRequester, VoteSubject},
};
use pallet_party_branch::GenesisUnit;
use sp_runtime::{BuildStorage, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the tests.
pub type AccountId = u128;

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
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type PartyBranch = pallet_party_branch;
	#[runtime::pallet_index(3)]
	pub type CommunityTreasury = pallet_community_treasury;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	// Wide enough for pot accounts ("modl" ++ pallet id ++ unit id) to be distinct.
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

pallet_party_branch::impl_mock_config!(Test);

use frame_support::traits::ConstU64;

thread_local! {
	/// The votes this pallet asked for.
	pub static VOTES_REQUESTED: RefCell<Vec<(UnitId, VoteSubject)>> = const { RefCell::new(Vec::new()) };
}

/// Records vote requests for the tests to inspect.
pub struct RecordVotes;
impl ResidentVoteRequester for RecordVotes {
	fn request_vote(unit: UnitId, subject: VoteSubject) -> DispatchResult {
		VOTES_REQUESTED.with(|v| v.borrow_mut().push((unit, subject)));
		Ok(())
	}

	fn request_vote_weight() -> Weight {
		Weight::zero()
	}

	fn convenes_votes() -> bool {
		VOTES_CONVENED.with(|c| *c.borrow())
	}
}

thread_local! {
	/// Whether the recorded votes stand for real residents' votes (a chain with consultations);
	/// by default they do not, and governance decides.
	pub static VOTES_CONVENED: core::cell::RefCell<bool> = const { core::cell::RefCell::new(false) };
}

pub const NOTICE: u64 = 10;
pub const APPROVAL_PERIOD: u64 = 20;
pub const BUDGET_PERIOD: u64 = 100;

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"gz/trsry");
}

impl pallet_community_treasury::Config for Test {
	type Currency = Balances;
	type Registry = PartyBranch;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type VoteRequester = RecordVotes;
	type PalletId = TreasuryPalletId;
	type MaxSupervisors = ConstU32<5>;
	type MinApprovals = ConstU32<2>;
	type MaxPurposeLength = ConstU32<32>;
	type MaxMemoLength = ConstU32<16>;
	type MaxOpenSpends = ConstU32<4>;
	type DefaultApprovalPeriod = ConstU64<APPROVAL_PERIOD>;
	type DefaultNoticePeriod = ConstU64<NOTICE>;
	type BudgetPeriod = ConstU64<BUDGET_PERIOD>;
	type MaxDuePerBlock = ConstU32<2>;
	type MaxStatementPage = ConstU32<5>;
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
pub const OWNERS_COMMITTEE: AccountId = 6;
pub const NOBODY: AccountId = 7;
pub const CONTRACTOR: AccountId = 8;
pub const BAMBOO_RESIDENT: AccountId = 20;
/// Plum's residents.
pub const PLUM_RESIDENTS: core::ops::RangeInclusive<AccountId> = 10..=19;

/// What every account starts with.
pub const START_BALANCE: u64 = 1_000;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
	committee: Vec<AccountId>,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, CommunityTreasury::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		// 25 and 26 are wealthy donors.
		balances: (1..=30)
			.map(|a| (a, if a >= 25 { 1_000 * START_BALANCE } else { START_BALANCE }))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut residents: Vec<_> =
		PLUM_RESIDENTS.map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.push((BAMBOO_RESIDENT, BAMBOO, sp_core::H256::repeat_byte(20)));
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", DISTRICT_SECRETARY, vec![]),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", STREET_SECRETARY, vec![]),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY, vec![PLUM_COMMITTEE]),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", BAMBOO_SECRETARY, vec![]),
		],
		residents,
		roles: vec![(OWNERS_COMMITTEE, Role::OwnersCommittee, PLUM)],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	VOTES_REQUESTED.with(|v| v.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Runs the blocks after the current one up to `n`, with this pallet's hooks.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CommunityTreasury::on_initialize(next);
		CommunityTreasury::on_idle(next, Weight::MAX);
	}
}
