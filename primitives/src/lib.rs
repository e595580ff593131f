//! # Gongzhi primitives
//!
//! The types and constants that the runtime, the node and the civic pallets must agree on, kept in
//! one small crate so that none of them has to depend on another to learn them:
//!
//! - the core chain types ([`AccountId`], [`Balance`], [`BlockNumber`], ...);
//! - [`currency`]: the native token's symbol, decimals and units, and the SS58 address prefix,
//!   which the runtime and every chain spec's properties both read from here;
//! - [`time`]: the block time and the block counts of a minute, an hour and a day;
//! - [`civic`]: the organisation tree, residents and roles as the civic pallets see them;
//! - [`votes`]: how a pallet asks the residents of a unit to decide something by vote, and hears
//!   the result; how an approved consultation topic asks the treasury to pay;
//! - [`credits`]: volunteer credits as the assistance pallet uses them;
//! - [`assistance`]: the community's assistance fund (a treasury pot) that pays subsidies;
//! - [`queue`]: first-in-first-out queues of items coming due, for bounded work per block;
//! - [`text`]: free text on chain, guarded against personal data, and its take-down.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A transaction signature: sr25519 (the Polkadot.js default), ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account: the public key of the transaction signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of the native token, in its smallest unit.
pub type Balance = u128;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// The hash of a block, a transaction or a commitment.
pub type Hash = sp_core::H256;

/// A block height.
pub type BlockNumber = u32;

/// Milliseconds since the Unix epoch.
pub type Moment = u64;

pub mod assistance;
pub mod civic;
pub mod credits;
pub mod queue;
pub mod text;
pub mod token;
pub mod votes;

/// The native token and the deposits priced in it.
pub mod currency {
	use super::Balance;

	pub use crate::token::*;

	/// One token.
	pub const UNITS: Balance = 10u128.pow(TOKEN_DECIMALS as u32);
	/// A hundredth of a token.
	pub const CENTS: Balance = UNITS / 100;
	/// A thousandth of a token.
	pub const MILLI_UNITS: Balance = UNITS / 1_000;

	/// The smallest balance an account may hold.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNITS;

	/// A deposit for storing `items` items of `bytes` bytes in all.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		items as Balance * 20 * CENTS + (bytes as Balance) * 10 * MILLI_UNITS / 100
	}
}

/// Block time and the block counts of human periods.
pub mod time {
	use super::BlockNumber;

	/// The target block time. Aura's slot duration equals it; it cannot change once a chain runs.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// Aura's slot duration.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day.
	pub const DAYS: BlockNumber = HOURS * 24;
}
