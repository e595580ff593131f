//! Weights for `pallet_council_root`.
//!
//! The pallet's own work is one origin check and one event; the inner call's weight is added by
//! the call's weight expression. Regenerate with `scripts/benchmark-weights.sh`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn dispatch_as_root() -> Weight;
}

/// Weights measured on the reference machine (see `docs/performance.md`).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(9_000_000, 0)
	}
}

/// For tests: the same figures against the reference database weights.
impl WeightInfo for () {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(9_000_000, 0)
	}
}
