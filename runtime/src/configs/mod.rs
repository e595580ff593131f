//! The runtime's pallet configurations, one file per concern:
//!
//! - this file: `frame_system`, block limits and the call filter;
//! - [`consensus`]: Timestamp, Aura, GRANDPA;
//! - [`monetary`]: Balances and TransactionPayment;
//! - [`governance`]: Council, CouncilRoot, Democracy, Scheduler, Preimage, and the council
//!   origins that other configurations require;
//! - [`accounts`]: Proxy (with the proxy types) and Utility;
//! - [`civic`]: the civic pallets, and the calls residents make without fees;
//! - [`civic_votes`]: the electorate of referenda, one verified resident one vote, and the call
//!   filter that keeps it so;
//! - [`transactions`]: what a transaction must carry to be taken (a mortal era).

pub mod accounts;
pub mod ballots;
pub mod civic;
pub mod civic_votes;
pub mod consensus;
pub mod governance;
pub mod monetary;
pub mod transactions;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::weights::{BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight};

use super::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};

/// The calls the runtime accepts on every path (batches and proxies included): referendum votes
/// by the one-resident-one-vote rules ([`civic_votes::CivicVoteRules`]), and no pure proxies
/// ([`accounts::NoPureProxies`]).
pub struct RuntimeCallFilter;

impl frame_support::traits::Contains<RuntimeCall> for RuntimeCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		civic_votes::CivicVoteRules::contains(call) && accounts::NoPureProxies::contains(call)
	}
}

/// The share of a block that ordinary (not operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// The execution time a block may take.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
/// The share of a block kept out of the largest single extrinsic's allowance for the block's
/// `on_initialize` hooks; what the hooks really use is charged as they run.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of execution in a six-second block: the rest is for import and propagation.
	/// Ordinary extrinsics fill at most the normal share; operational ones (governance) may use
	/// the rest. The base costs of a block and of an extrinsic are this project's measured ones
	/// ([`crate::weights`]).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| class.base_extrinsic = ExtrinsicBaseWeight::get())
		.for_class(DispatchClass::Normal, |class| {
			class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			class.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();
	/// 5 MiB, of which ordinary extrinsics may fill the normal share.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = gongzhi_primitives::currency::SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = RuntimeCallFilter;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB (see `node/`), so its costs are the ones that count.
	type DbWeight = ParityDbWeight;
	/// Upstream's measured weights priced with `DbWeight`: the defaults (`()`) price every access
	/// as RocksDB, which would overcharge each transaction's nonce and era checks.
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}
