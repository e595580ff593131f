//! Block production and finality: Aura authors a block every slot, GRANDPA finalises, and the
//! authorities of both are the validators governance admitted.
//!
//! `pallet-validator-set` keeps the approved validators (each tied to a street unit) and plans
//! each session's set; `pallet-session` registers the validators' session keys and, at every
//! session change, hands the keys of the planned set to Aura and GRANDPA. A change made in
//! session `s` takes effect at the start of session `s + 2`.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, Contains},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::OpaqueKeys;

use super::governance::RootOrCouncilMajority;
use crate::{
	AccountId, Aura, Balances, BlockNumber, PartyBranch, Runtime, RuntimeEvent, SessionKeys,
	ValidatorSet, HOURS, SLOT_DURATION,
};

/// The most validators the chain can have: a district has a few dozen streets at most.
pub type MaxAuthorities = ConstU32<64>;

impl pallet_timestamp::Config for Runtime {
	type Moment = gongzhi_primitives::Moment;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No equivocation reports: validators are known offices, not anonymous stakers.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

/// The fewest validators the district may have: with four, GRANDPA keeps finalising while one
/// street office is offline; governance cannot go below three.
pub const MIN_VALIDATORS: u32 = 3;

parameter_types! {
	pub const MinValidators: u32 = MIN_VALIDATORS;
	pub const MaxValidatorsPerUnit: u32 = 4;
	/// Sessions of an hour unless governance (or the chain spec) sets another length.
	pub const DefaultSessionLength: BlockNumber = HOURS;
	pub const MinSessionLength: BlockNumber = 10;
}

/// Validators are street offices admitted by a council majority or a referendum.
impl pallet_validator_set::Config for Runtime {
	type Registry = PartyBranch;
	type ManageOrigin = RootOrCouncilMajority;
	type HasSessionKeys = HasSessionKeys;
	type MinValidators = MinValidators;
	type MaxValidators = MaxAuthorities;
	type MaxPerUnit = MaxValidatorsPerUnit;
	type DefaultSessionLength = DefaultSessionLength;
	type MinSessionLength = MinSessionLength;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ValidatorSetBenchmarks;
}

/// Whether an account has registered session keys.
pub struct HasSessionKeys;
impl Contains<AccountId> for HasSessionKeys {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

/// Sessions rotate the Aura and GRANDPA authorities to the set the validator-set pallet plans.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_validator_set::ValidatorOf<Runtime>;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No staking, no offences: nothing disables a validator but governance.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// Only approved validators may register keys, so no deposit guards the storage.
	type KeyDeposit = ConstU128<0>;
}

/// Street units and session keys for the validator-set benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct ValidatorSetBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for ValidatorSetBenchmarks {
	fn street() -> gongzhi_primitives::civic::UnitId {
		use gongzhi_primitives::civic::{CivicRegistry, CivicRegistryBenchmarkHelper};
		let community = PartyBranch::create_community();
		PartyBranch::parent_of(community).unwrap_or(community)
	}

	fn set_session_keys(who: &AccountId) {
		use codec::Encode;
		// Keys derived from the account, so that each is distinct.
		let raw = who.encode();
		let mut bytes = [0u8; 32];
		bytes.copy_from_slice(&raw[..32]);
		let keys = SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(bytes).into(),
			grandpa: sp_core::ed25519::Public::from_raw(bytes).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
