//! A runtime with `frame_system` and this pallet. The organisation tree is a fixed stand-in, and
//! session keys are a set the tests fill: the real ones live in `pallet-session`, whose rotation is
//! exercised by the runtime's tests.

use crate as pallet_validator_set;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Contains};
use frame_system::EnsureRoot;
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId, UnitLevel};
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The district unit.
pub const DISTRICT: UnitId = 0;
/// East and West street.
pub const EAST: UnitId = 1;
pub const WEST: UnitId = 2;
/// A community and a grid: not places that run validators.
pub const COMMUNITY: UnitId = 3;
pub const GRID: UnitId = 4;
/// Streets made for the benchmarks start here.
const FIRST_BENCHMARK_STREET: UnitId = 100;

/// The genesis validators: two of East Street, one of West Street, all with session keys.
pub const GENESIS: [(AccountId, UnitId); 3] = [(10, EAST), (11, EAST), (12, WEST)];
pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_VALIDATORS: u32 = 5;
pub const DEFAULT_SESSION: u64 = 10;
pub const MIN_SESSION: u64 = 5;

thread_local! {
	static KEYS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	static NEXT_STREET: RefCell<UnitId> = const { RefCell::new(FIRST_BENCHMARK_STREET) };
}

/// Register or purge `who`'s session keys.
pub fn set_keys(who: AccountId, present: bool) {
	KEYS.with(|keys| {
		let mut keys = keys.borrow_mut();
		if present {
			keys.insert(who);
		} else {
			keys.remove(&who);
		}
	});
}

pub struct SessionKeysSet;
impl Contains<AccountId> for SessionKeysSet {
	fn contains(who: &AccountId) -> bool {
		KEYS.with(|keys| keys.borrow().contains(who))
	}
}

/// The organisation tree the tests use: the units above, and the benchmarks' streets.
pub struct Registry;
impl CivicRegistry<AccountId> for Registry {
	fn community_of(_: &AccountId) -> Option<UnitId> {
		None
	}
	fn resident_since(_: &AccountId) -> Option<u64> {
		None
	}
	fn has_role(_: &AccountId, _: Role, _: UnitId) -> bool {
		false
	}
	fn has_role_around(_: &AccountId, _: Role, _: UnitId) -> bool {
		false
	}
	fn is_officer(_: &AccountId, _: UnitId) -> bool {
		false
	}
	fn resident_count(_: UnitId) -> u32 {
		0
	}
	fn level_of(unit: UnitId) -> Option<UnitLevel> {
		let made = NEXT_STREET.with(|next| *next.borrow());
		match unit {
			DISTRICT => Some(UnitLevel::District),
			EAST | WEST => Some(UnitLevel::Street),
			COMMUNITY => Some(UnitLevel::Community),
			GRID => Some(UnitLevel::Grid),
			u if (FIRST_BENCHMARK_STREET..made).contains(&u) => Some(UnitLevel::Street),
			_ => None,
		}
	}
	fn parent_of(unit: UnitId) -> Option<UnitId> {
		match unit {
			EAST | WEST => Some(DISTRICT),
			COMMUNITY => Some(EAST),
			GRID => Some(COMMUNITY),
			_ => None,
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Registry {
	fn street() -> UnitId {
		NEXT_STREET.with(|next| {
			let mut next = next.borrow_mut();
			*next += 1;
			*next - 1
		})
	}
	fn set_session_keys(who: &AccountId) {
		set_keys(*who, true);
	}
}

parameter_types! {
	pub const MinValidators: u32 = MIN_VALIDATORS;
	pub const MaxValidators: u32 = MAX_VALIDATORS;
	pub const MaxPerUnit: u32 = 2;
	pub const DefaultSessionLength: u64 = DEFAULT_SESSION;
	pub const MinSessionLength: u64 = MIN_SESSION;
}

impl pallet_validator_set::Config for Test {
	type Registry = Registry;
	type ManageOrigin = EnsureRoot<AccountId>;
	type HasSessionKeys = SessionKeysSet;
	type MinValidators = MinValidators;
	type MaxValidators = MaxValidators;
	type MaxPerUnit = MaxPerUnit;
	type DefaultSessionLength = DefaultSessionLength;
	type MinSessionLength = MinSessionLength;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registry;
}

pallet_party_branch::checked_test_ext!(ValidatorSet::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS.to_vec(),
		session_length: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	KEYS.with(|keys| *keys.borrow_mut() = GENESIS.iter().map(|(who, _)| *who).collect());
	NEXT_STREET.with(|next| *next.borrow_mut() = FIRST_BENCHMARK_STREET);
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are only recorded from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}
