
//! Weights for `pallet_anonymous_ballot`: provisional upper bounds until
//! `scripts/benchmark-weights.sh anonymous-ballot` measures them. Regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn register_key() -> Weight;
	fn replace_key() -> Weight;
	fn remove_key() -> Weight;
	fn open_poll(r: u32, ) -> Weight;
	fn authorize_ballot() -> Weight;
	fn cast() -> Weight;
	fn record_paper_count(v: u32, ) -> Weight;
	fn countersign_paper_count() -> Weight;
	fn reject_paper_count(v: u32, ) -> Weight;
	fn build_step(k: u32, ) -> Weight;
	fn prune_step(n: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_key() -> Weight {
		Weight::from_parts(60_000_000, 60_000)
			.saturating_add(T::DbWeight::get().reads(45))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn replace_key() -> Weight {
		Weight::from_parts(80_000_000, 60_000)
			.saturating_add(T::DbWeight::get().reads(47))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn remove_key() -> Weight {
		Weight::from_parts(40_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn open_poll(r: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 20_000)
			.saturating_add(Weight::from_parts(2_000_000, 10_000).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn authorize_ballot() -> Weight {
		Weight::from_parts(80_000_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(2))
	}
	fn cast() -> Weight {
		Weight::from_parts(30_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn record_paper_count(v: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 20_000)
			.saturating_add(Weight::from_parts(5_000_000, 8_000).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn countersign_paper_count() -> Weight {
		Weight::from_parts(60_000_000, 30_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn reject_paper_count(v: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 30_000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn build_step(k: u32, ) -> Weight {
		Weight::from_parts(200_000_000_000, 30_000)
			.saturating_add(Weight::from_parts(2_000_000_000, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn prune_step(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
}

/// For tests: the same figures, priced with ParityDB's weights.
impl WeightInfo for () {
	fn register_key() -> Weight { Weight::from_parts(60_000_000, 60_000) }
	fn replace_key() -> Weight { Weight::from_parts(80_000_000, 60_000) }
	fn remove_key() -> Weight { Weight::from_parts(40_000_000, 20_000) }
	fn open_poll(r: u32, ) -> Weight { Weight::from_parts(50_000_000, 20_000).saturating_add(Weight::from_parts(2_000_000, 10_000).saturating_mul(r.into())) }
	fn authorize_ballot() -> Weight { Weight::from_parts(80_000_000_000, 20_000) }
	fn cast() -> Weight { Weight::from_parts(30_000_000, 20_000) }
	fn record_paper_count(v: u32, ) -> Weight { Weight::from_parts(50_000_000, 20_000).saturating_add(Weight::from_parts(5_000_000, 8_000).saturating_mul(v.into())) }
	fn countersign_paper_count() -> Weight { Weight::from_parts(60_000_000, 30_000) }
	fn reject_paper_count(v: u32, ) -> Weight { Weight::from_parts(60_000_000, 30_000).saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(v.into())) }
	fn build_step(k: u32, ) -> Weight { Weight::from_parts(200_000_000_000, 30_000).saturating_add(Weight::from_parts(2_000_000_000, 0).saturating_mul(k.into())) }
	fn prune_step(n: u32, ) -> Weight { Weight::from_parts(30_000_000, 10_000).saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into())) }
}
