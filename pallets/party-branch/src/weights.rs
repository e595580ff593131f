//! Weights for `pallet_party_branch`.
//!
//! Estimates until `scripts/benchmark-weights.sh` generates measured figures into this file.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn create_unit(n: u32) -> Weight;
	fn appoint_officer() -> Weight;
	fn remove_officer() -> Weight;
	fn apply() -> Weight;
	fn withdraw_application() -> Weight;
	fn approve() -> Weight;
	fn reject() -> Weight;
	fn register() -> Weight;
	fn revoke(r: u32) -> Weight;
	fn request_move() -> Weight;
	fn approve_move(r: u32) -> Weight;
	fn approve_rekey(r: u32) -> Weight;
	fn grant_role() -> Weight;
	fn revoke_role() -> Weight;
	fn set_free_call_quota() -> Weight;
	fn free_call() -> Weight;
}

/// Weights for the runtime, priced with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_unit(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 1_500).saturating_add(Weight::from_parts(1_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn appoint_officer() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn remove_officer() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn approve() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn reject() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn register() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn revoke(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn request_move() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn approve_move(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn approve_rekey(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn grant_role() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn revoke_role() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn set_free_call_quota() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn free_call() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// Weights for tests, priced with ParityDB's weights.
impl WeightInfo for () {
	fn create_unit(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 1_500).saturating_add(Weight::from_parts(1_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn appoint_officer() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn remove_officer() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn approve() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(8))
	}
	fn reject() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn register() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(8))
	}
	fn revoke(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(9))
			.saturating_add(ParityDbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn request_move() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn approve_move(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(16))
			.saturating_add(ParityDbWeight::get().writes(9))
			.saturating_add(ParityDbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn approve_rekey(r: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(12))
			.saturating_add(ParityDbWeight::get().writes(9))
			.saturating_add(ParityDbWeight::get().reads_writes(1, 1).saturating_mul(r.into()))
	}
	fn grant_role() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn revoke_role() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn set_free_call_quota() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn free_call() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
}
