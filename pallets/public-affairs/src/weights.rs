//! Weights for `pallet_public_affairs`, measured by `scripts/benchmark-weights.sh`.
//!
//! Placeholder until the first measurement: regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn publish_notice() -> Weight;
	fn acknowledge() -> Weight;
	fn reply() -> Weight;
	fn close_replies() -> Weight;
	fn raise_matter() -> Weight;
	fn answer_matter() -> Weight;
	fn rate_answer() -> Weight;
	fn take_up() -> Weight;
	fn set_answer_period() -> Weight;
	fn hide_text() -> Weight;
	fn appeal() -> Weight;
	fn rule_on_appeal() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_deadline() -> Weight;
	fn on_initialize_rating() -> Weight;
	fn on_initialize_proposal() -> Weight;
	fn on_idle_prune(n: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn publish_notice() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(6, 6)) }
	fn acknowledge() -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 2)) }
	fn reply() -> Weight { Weight::from_parts(80_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 2)) }
	fn close_replies() -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 1)) }
	fn raise_matter() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(8, 7)) }
	fn answer_matter() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(8, 6)) }
	fn rate_answer() -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 5)) }
	fn take_up() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(6, 5)) }
	fn set_answer_period() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn hide_text() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(8, 4)) }
	fn appeal() -> Weight { Weight::from_parts(40_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(3, 1)) }
	fn rule_on_appeal() -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 2)) }
	fn on_initialize_idle() -> Weight { Weight::from_parts(10_000_000, 5_000).saturating_add(T::DbWeight::get().reads(6)) }
	fn on_initialize_deadline() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn on_initialize_rating() -> Weight { Weight::from_parts(60_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(4, 5)) }
	fn on_initialize_proposal() -> Weight { Weight::from_parts(30_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn on_idle_prune(n: u32, ) -> Weight { Weight::from_parts(20_000_000, 10_000).saturating_add(Weight::from_parts(5_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(3, 3)).saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into()))) }
}

// For tests: the same, priced with ParityDB's weights.
impl WeightInfo for () {
	fn publish_notice() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(6, 6)) }
	fn acknowledge() -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 2)) }
	fn reply() -> Weight { Weight::from_parts(80_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 2)) }
	fn close_replies() -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 1)) }
	fn raise_matter() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(8, 7)) }
	fn answer_matter() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(8, 6)) }
	fn rate_answer() -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 5)) }
	fn take_up() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(6, 5)) }
	fn set_answer_period() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().writes(1)) }
	fn hide_text() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(8, 4)) }
	fn appeal() -> Weight { Weight::from_parts(40_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(3, 1)) }
	fn rule_on_appeal() -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(6, 2)) }
	fn on_initialize_idle() -> Weight { Weight::from_parts(10_000_000, 5_000).saturating_add(ParityDbWeight::get().reads(6)) }
	fn on_initialize_deadline() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8)) }
	fn on_initialize_rating() -> Weight { Weight::from_parts(60_000_000, 20_000).saturating_add(ParityDbWeight::get().reads_writes(4, 5)) }
	fn on_initialize_proposal() -> Weight { Weight::from_parts(30_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(3, 3)) }
	fn on_idle_prune(n: u32, ) -> Weight { Weight::from_parts(20_000_000, 10_000).saturating_add(Weight::from_parts(5_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads_writes(3, 3)).saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into()))) }
}
