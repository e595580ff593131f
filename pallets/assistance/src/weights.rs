//! Weights for `pallet_assistance`: placeholders until `scripts/benchmark-weights.sh` measures
//! them. Regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn declare_service() -> Weight;
	fn open_request() -> Weight;
	fn cancel_request() -> Weight;
	fn accept() -> Weight;
	fn release() -> Weight;
	fn complete() -> Weight;
	fn confirm() -> Weight;
	fn dispute() -> Weight;
	fn record_delivery() -> Weight;
	fn countersign_delivery() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_escalate() -> Weight;
	fn on_initialize_expire() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn declare_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn open_request() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn cancel_request() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn accept() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn release() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn complete() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn confirm() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn record_delivery() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn countersign_delivery() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_escalate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_expire() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
}

/// For tests.
impl WeightInfo for () {
	fn declare_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn open_request() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn cancel_request() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn accept() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn release() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn complete() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn confirm() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn dispute() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn record_delivery() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn countersign_delivery() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_escalate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_expire() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
}
