//! # Gongzhi runtime
//!
//! The state-transition function of Gongzhi Chain. It composes:
//!
//! - **consensus**: Aura block production and GRANDPA finality, run by the street offices'
//!   validators, which governance admits and removes ([`pallet_validator_set`], sessions of
//!   `pallet-session`; [`configs::consensus`]);
//! - **money**: the native token `GZT` and transaction fees ([`configs::monetary`]);
//! - **governance**: the council (`pallet-collective`), referenda (`pallet-democracy` with its
//!   scheduler and preimages) and [`pallet_council_root`], which lets a council supermajority act
//!   as `Root`. There is no sudo key: `Root` is reached only by a council motion or a referendum
//!   ([`configs::governance`]);
//! - **accounts**: proxies, so that a relative or a grid worker can act for an elderly resident,
//!   and batching ([`configs::accounts`]);
//! - **civic pallets**: Party-branch authorization (the organisation tree, verified residents,
//!   roles, feeless civic calls) ([`configs::civic`]).
//!
//! Genesis presets (`development`, `local_testnet`, `district`) are in [`genesis_config_presets`],
//! runtime APIs in [`apis`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a higher recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::RuntimeVersion;

pub use gongzhi_primitives::{
	currency::{self, CENTS, EXISTENTIAL_DEPOSIT, MILLI_UNITS, UNITS},
	time::{self, DAYS, HOURS, MINUTES, SLOT_DURATION},
	AccountId, Balance, BlockNumber, Hash, Moment, Nonce, Signature,
};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types that the node needs without knowing the runtime's extrinsic format, so that it keeps
/// syncing across runtime upgrades that change that format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// An opaque block hash.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers: Aura to author blocks, GRANDPA to vote on finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` on every change of behaviour, and
/// `transaction_version` when a call's index or arguments change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("gongzhi"),
	impl_name: Cow::Borrowed("gongzhi-node"),
	authoring_version: 1,
	spec_version: 111,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// How an extrinsic names an account: an account id or an index.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The checks every transaction goes through, in this order. `AuthorizeCall` comes first: a
/// general transaction that names no account (an anonymous ballot) is authorised by its call's
/// own check, and every later check sees that; for signed transactions it does nothing.
/// Polkadot.js knows every one of them, so wallets sign for this chain without custom types
/// (`AuthorizeCall` adds nothing to what is signed): `ChargeCivicFees` presents
/// itself as `ChargeTransactionPayment` (same identifier, encoding and type), and only decides
/// on chain whether a verified resident's civic call is free.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	configs::transactions::CheckMortalEra,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_party_branch::ChargeCivicFees<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it arrives from a wallet.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a wallet signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The storage migrations the next runtime upgrade runs, in order. Each is versioned: it runs
/// only from the storage version it expects, so a list left here after its upgrade does nothing
/// on a chain already migrated (and a new chain starts at the current versions). An upgrade lists
/// its pallets' migrations here and removes those of upgrades every live chain has passed.
pub type Migrations = (
	// spec 101: activities' per-volunteer limits and the minutes a dispute claims.
	pallet_volunteer_credits::migrations::MigrateToV1<Runtime>,
	// spec 102: residents' vote vesting dates and applications recorded in person; an upgraded
	// chain's vesting delay is a referendum's voting period, as a district's genesis sets it.
	pallet_party_branch::migrations::MigrateToV1<Runtime, configs::governance::VotingPeriod>,
	// spec 106: officers' offices counted, so that their civic calls are free like residents'.
	pallet_party_branch::migrations::MigrateToV2<Runtime>,
	// spec 109: a topic's secrecy (open, sealed or anonymous) instead of a secret flag.
	pallet_consultation::migrations::MigrateToV1<Runtime>,
	// spec 109: the ring roots open anonymous polls fixed are marked in use, so their keys are
	// kept when the rings change.
	pallet_anonymous_ballot::migrations::MigrateToV1<Runtime>,
);

/// Dispatches extrinsics to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// --- chain foundation
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	// Before `Session`, so that its genesis set is the one the session pallet starts with.
	#[runtime::pallet_index(6)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(7)]
	pub type Session = pallet_session;

	// --- governance
	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(11)]
	pub type CouncilRoot = pallet_council_root;
	#[runtime::pallet_index(12)]
	pub type Democracy = pallet_democracy;
	#[runtime::pallet_index(13)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(14)]
	pub type Preimage = pallet_preimage;
	// Referendum votes: one per verified resident, not transferable (see `configs/civic_votes`).
	#[runtime::pallet_index(15)]
	#[runtime::disable_call]
	pub type CivicVotes = pallet_balances<Instance2>;

	// --- accounts
	#[runtime::pallet_index(20)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(21)]
	pub type Utility = pallet_utility;

	// --- civic pallets
	#[runtime::pallet_index(30)]
	pub type PartyBranch = pallet_party_branch;
	#[runtime::pallet_index(31)]
	pub type CommunityTreasury = pallet_community_treasury;
	#[runtime::pallet_index(32)]
	pub type Consultation = pallet_consultation;
	#[runtime::pallet_index(33)]
	pub type VolunteerCredits = pallet_volunteer_credits;
	#[runtime::pallet_index(34)]
	pub type Assistance = pallet_assistance;
	#[runtime::pallet_index(35)]
	pub type PublicAffairs = pallet_public_affairs;
	#[runtime::pallet_index(36)]
	pub type OwnersAssembly = pallet_owners_assembly;
	#[runtime::pallet_index(37)]
	pub type AnonymousBallot = pallet_anonymous_ballot;
}
