//! A runtime with only `frame_system` and this pallet; account [`GOVERNANCE`] stands for the
//! council supermajority.

use crate as pallet_council_root;
use frame_support::{derive_impl, ord_parameter_types};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

/// The account that [`Config::RootOrigin`](crate::Config::RootOrigin) accepts.
pub const GOVERNANCE: u64 = 1;
/// An ordinary account.
pub const RESIDENT: u64 = 2;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type CouncilRoot = pallet_council_root;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Governance: u64 = GOVERNANCE;
}

impl pallet_council_root::Config for Test {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = EnsureSignedBy<Governance, u64>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are only recorded from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}
