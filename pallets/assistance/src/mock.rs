//! A test runtime: System, the real Party-branch registry and this pallet. Volunteer credits and
//! the assistance fund are recorded for the tests to inspect.
//!
//! The organisation: district 0 → street 1 (secretary 2) → communities 2 "Plum" (secretary 3)
//! and 3 "Bamboo" (secretary 5); grid 4 under Plum. Residents 10..=14 live in Plum, 20 in Bamboo.
//! Roles: 10 and 11 are volunteers, 20 too (in Bamboo); 13 has special needs, 14 too but in no
//! need of help here; 6 is the grid worker of grid 4; 8 is Plum's aid distributor; 7 is nobody.
//! Plum's fund holds 1,000.

use crate as pallet_assistance;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use gongzhi_primitives::{
	assistance::AssistanceFund,
	civic::{Role, UnitId, UnitLevel},
	credits::{Minutes, ServiceCredits},
	votes::SpendIndex,
};
use pallet_party_branch::GenesisUnit;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

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
	pub type Assistance = pallet_assistance;
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

thread_local! {
	/// (delegate, real): who acts for whom.
	pub static PROXIES: RefCell<Vec<(AccountId, AccountId)>> = const { RefCell::new(Vec::new()) };
}

/// Proxies as the tests set them in [`PROXIES`].
pub struct RecordedProxies;
impl gongzhi_primitives::civic::ActsFor<AccountId> for RecordedProxies {
	fn acts_for(delegate: &AccountId, real: &AccountId) -> bool {
		PROXIES.with(|p| p.borrow().contains(&(*delegate, *real)))
	}
	fn acts_for_weight() -> Weight {
		Weight::zero()
	}
}

/// A movement of credits the pallet asked for: (kind, from, to, minutes, request).
pub type CreditMove = (&'static str, AccountId, AccountId, Minutes, u32);

thread_local! {
	pub static CREDITS: RefCell<Vec<CreditMove>> = const { RefCell::new(Vec::new()) };
	pub static SUBSIDIES: RefCell<Vec<(UnitId, u32, AccountId, u128)>> = const { RefCell::new(Vec::new()) };
	pub static FUND: RefCell<u128> = const { RefCell::new(1_000) };
	/// The payer's credits in the time bank.
	pub static PAYER_CREDITS: RefCell<Minutes> = const { RefCell::new(0) };
}

/// Volunteer credits: records credits and payments; refuses self-confirmation and more than 480
/// minutes at once, as the real pallet would.
pub struct RecordCredits;
impl ServiceCredits<AccountId> for RecordCredits {
	fn credit_service(
		v: &AccountId,
		c: &AccountId,
		minutes: Minutes,
		request: u32,
	) -> DispatchResult {
		if v == c {
			return Err(DispatchError::Other("self confirmation"));
		}
		if minutes > 480 {
			return Err(DispatchError::Other("over the daily cap"));
		}
		CREDITS.with(|m| m.borrow_mut().push(("service", *c, *v, minutes, request)));
		Ok(())
	}

	fn pay_for_help(
		p: &AccountId,
		v: &AccountId,
		minutes: Minutes,
		request: u32,
	) -> DispatchResult {
		if PAYER_CREDITS.with(|c| *c.borrow()) < minutes {
			return Err(DispatchError::Other("insufficient credits"));
		}
		PAYER_CREDITS.with(|c| *c.borrow_mut() -= minutes);
		CREDITS.with(|m| m.borrow_mut().push(("payment", *p, *v, minutes, request)));
		Ok(())
	}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// The assistance fund: [`FUND`] in Plum's pot, nothing elsewhere.
pub struct RecordFund;
impl AssistanceFund<AccountId> for RecordFund {
	fn available(unit: UnitId) -> u128 {
		if unit == PLUM {
			FUND.with(|f| *f.borrow())
		} else {
			0
		}
	}

	fn pay_subsidy(
		unit: UnitId,
		request: u32,
		beneficiary: &AccountId,
		amount: u128,
	) -> Result<SpendIndex, DispatchError> {
		FUND.with(|f| {
			let mut f = f.borrow_mut();
			*f = f.checked_sub(amount).ok_or(DispatchError::Other("pot too small"))?;
			Ok::<_, DispatchError>(())
		})?;
		SUBSIDIES.with(|s| {
			let mut s = s.borrow_mut();
			s.push((unit, request, *beneficiary, amount));
			Ok(s.len() as SpendIndex - 1)
		})
	}

	fn pay_subsidy_weight() -> Weight {
		Weight::zero()
	}
}

pub const OPEN_PERIOD: u64 = 50;
pub const ESCALATION: u64 = 10;

impl pallet_assistance::Config for Test {
	type Registry = PartyBranch;
	type Credits = RecordCredits;
	type Fund = RecordFund;
	type Delegates = RecordedProxies;
	type MaxSkills = ConstU32<3>;
	type MaxAreas = ConstU32<2>;
	type MaxOpenPerCommunity = ConstU32<3>;
	type OpenPeriod = ConstU64<OPEN_PERIOD>;
	type EscalationPeriod = ConstU64<ESCALATION>;
	type MaxDuePerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;
pub const BAMBOO: UnitId = 3;
pub const GRID: UnitId = 4;

pub const PLUM_SECRETARY: AccountId = 3;
pub const GRID_WORKER: AccountId = 6;
pub const NOBODY: AccountId = 7;
pub const DISTRIBUTOR: AccountId = 8;
pub const VOLUNTEER: AccountId = 10;
pub const OTHER_VOLUNTEER: AccountId = 11;
pub const NEIGHBOUR: AccountId = 12;
pub const ELDER: AccountId = 13;
pub const BAMBOO_VOLUNTEER: AccountId = 20;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: Option<AccountId>,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary, committee: vec![] }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, Assistance::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut residents: Vec<_> =
		(10..=14).map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.push((BAMBOO_VOLUNTEER, BAMBOO, sp_core::H256::repeat_byte(20)));
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", Some(1)),
			unit(UnitLevel::Street, Some(0), "Street", Some(2)),
			unit(UnitLevel::Community, Some(STREET), "Plum", Some(PLUM_SECRETARY)),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", Some(5)),
			unit(UnitLevel::Grid, Some(PLUM), "Plum grid", None),
		],
		residents,
		roles: vec![
			(VOLUNTEER, Role::Volunteer, PLUM),
			(OTHER_VOLUNTEER, Role::Volunteer, PLUM),
			(BAMBOO_VOLUNTEER, Role::Volunteer, BAMBOO),
			(ELDER, Role::SpecialNeeds, PLUM),
			(14, Role::SpecialNeeds, PLUM),
			(GRID_WORKER, Role::GridWorker, GRID),
			(DISTRIBUTOR, Role::AidDistributor, PLUM),
		],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	CREDITS.with(|m| m.borrow_mut().clear());
	SUBSIDIES.with(|s| s.borrow_mut().clear());
	FUND.with(|f| *f.borrow_mut() = 1_000);
	PAYER_CREDITS.with(|c| *c.borrow_mut() = 0);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Runs the blocks after the current one up to `n`, with this pallet's hooks.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Assistance::on_initialize(next);
	}
}
