//! Weights for `pallet_volunteer_credits`: placeholders until `scripts/benchmark-weights.sh`
//! measures them. Regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn publish_activity() -> Weight;
	fn sign_up() -> Weight;
	fn record_service() -> Weight;
	fn close_activity() -> Weight;
	fn dispute() -> Weight;
	fn settle_dispute() -> Weight;
	fn redeem() -> Weight;
	fn donate() -> Weight;
	fn set_star_thresholds() -> Weight;
	fn credit_service() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn publish_activity() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn sign_up() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn record_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn close_activity() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn settle_dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn redeem() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn donate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn set_star_thresholds() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn credit_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
}

/// For tests.
impl WeightInfo for () {
	fn publish_activity() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn sign_up() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn record_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn close_activity() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn settle_dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn redeem() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn donate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn set_star_thresholds() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn credit_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
}
