//! Weights for `pallet_consultation`: placeholders until `scripts/benchmark-weights.sh`
//! measures them. Regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn raise_topic() -> Weight;
	fn support() -> Weight;
	fn withdraw_topic() -> Weight;
	fn give_opinion() -> Weight;
	fn vote() -> Weight;
	fn commit_vote() -> Weight;
	fn reveal_vote() -> Weight;
	fn record_offline_ballot() -> Weight;
	fn report_progress() -> Weight;
	fn set_unit_rules() -> Weight;
	fn set_category_rules() -> Weight;
	fn set_periods() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_lapse() -> Weight;
	fn on_initialize_convene(t: u32, ) -> Weight;
	fn on_initialize_open_voting(t: u32, ) -> Weight;
	fn on_initialize_close(t: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn raise_topic() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn support() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_topic() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn give_opinion() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn commit_vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn reveal_vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn record_offline_ballot() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn report_progress() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn set_unit_rules() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn set_category_rules() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn set_periods() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_lapse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_convene(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_open_voting(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_close(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
}

/// For tests.
impl WeightInfo for () {
	fn raise_topic() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn support() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_topic() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn give_opinion() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn commit_vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn reveal_vote() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn record_offline_ballot() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn report_progress() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn set_unit_rules() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn set_category_rules() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn set_periods() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_lapse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_convene(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_open_voting(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
	fn on_initialize_close(_t: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(8, 8))
	}
}
