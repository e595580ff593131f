//! A test runtime: System, Balances, TransactionPayment and this pallet. `Root` is governance;
//! this pallet's own calls are the feeless civic calls.

use crate as pallet_party_branch;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	weights::IdentityFee,
};
use frame_system::EnsureRoot;
use pallet_transaction_payment::FungibleAdapter;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

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
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(3)]
	pub type PartyBranch = pallet_party_branch;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Test {
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<u64>;
	type LengthToFee = IdentityFee<u64>;
}

/// This pallet's calls are the civic calls here.
pub struct CivicCalls;
impl crate::fees::FreeCalls<RuntimeCall> for CivicCalls {
	fn count(call: &RuntimeCall) -> Option<u32> {
		match call {
			RuntimeCall::PartyBranch(..) => Some(1),
			// Remarks stand in for a batch here: one free call per byte.
			RuntimeCall::System(frame_system::Call::remark_with_event { remark }) => {
				Some(remark.len() as u32)
			},
			_ => None,
		}
	}
}

/// What an applicant holds while their application waits.
pub const APPLICATION_DEPOSIT: u64 = 5;

/// How long a re-key waits for the old key to refuse it, in blocks.
pub const REKEY_DELAY: u64 = 10;

parameter_types! {
	pub const QuotaPeriod: u64 = 100;
}

/// The owner of a home who lives elsewhere: holds the free-call quota without residency.
pub const ABSENTEE_OWNER: u64 = 77;

/// Stands for the owners' assembly's set of owners.
pub struct Owners;
impl frame_support::traits::Contains<u64> for Owners {
	fn contains(who: &u64) -> bool {
		*who == ABSENTEE_OWNER
	}
}

impl pallet_party_branch::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type FeelessCalls = CivicCalls;
	type OtherQuotaHolders = Owners;
	type MaxNameLength = ConstU32<32>;
	type MaxCommitteeMembers = ConstU32<3>;
	type MaxRolesPerAccount = ConstU32<4>;
	type QuotaPeriod = QuotaPeriod;
	type MaxFreeCallsPerPeriod = ConstU32<50>;
	type MaxFreeCallBytes = ConstU32<256>;
	type MaxRegistrationsPerOfficer = ConstU32<MAX_REGISTRATIONS>;
	type MaxVoteVestingDelay = ConstU64<1_000>;
	type MaxVestingsPerBlock = ConstU32<2>;
	type RekeyDelay = ConstU64<REKEY_DELAY>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApplicationDeposit = ConstU64<APPLICATION_DEPOSIT>;
	type OnResidentChange = ResidentChanges;
	type WeightInfo = ();
}

/// Registrations one officer makes per period.
pub const MAX_REGISTRATIONS: u32 = 8;

/// Free calls per period in the test genesis.
pub const QUOTA: u32 = 3;

thread_local! {
	/// What [`ResidentChanges`] was told: (account, registered).
	pub static RESIDENT_CHANGES: core::cell::RefCell<Vec<(u64, bool)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// Records what the pallet tells about residents coming and going.
pub struct ResidentChanges;
impl gongzhi_primitives::civic::OnResidentChange<u64> for ResidentChanges {
	fn vested(who: &u64) {
		RESIDENT_CHANGES.with(|c| c.borrow_mut().push((*who, true)));
	}
	fn vested_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000_000, 100)
	}
	fn removed(who: &u64) {
		RESIDENT_CHANGES.with(|c| c.borrow_mut().push((*who, false)));
	}
	fn removed_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000_000, 100)
	}
}

/// What [`ResidentChanges`] was told so far.
pub fn resident_changes() -> Vec<(u64, bool)> {
	RESIDENT_CHANGES.with(|c| c.borrow().clone())
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state);

pub fn new_test_ext() -> TestExt {
	RESIDENT_CHANGES.with(|c| c.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_party_branch::GenesisConfig::<Test> { free_call_quota: QUOTA, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}
