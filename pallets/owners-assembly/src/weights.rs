
//! Weights for `pallet_owners_assembly`: placeholders until `scripts/benchmark-weights.sh
//! owners-assembly` measures them. Regenerate rather than edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// What the pallet's calls cost.
pub trait WeightInfo {
	fn register_estate() -> Weight;
	fn register_property() -> Weight;
	fn transfer_property() -> Weight;
	fn set_voter() -> Weight;
	fn amend_property() -> Weight;
	fn confirm_register() -> Weight;
	fn call_vote(m: u32, ) -> Weight;
	fn nominate() -> Weight;
	fn cast_ballot() -> Weight;
	fn record_paper_ballot() -> Weight;
	fn countersign_paper_ballot() -> Weight;
	fn deposit_fund() -> Weight;
	fn book_revenue() -> Weight;
	fn publish_company_note() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_close(m: u32, ) -> Weight;
	fn on_idle_prune(n: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_estate() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn register_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn transfer_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn set_voter() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn amend_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn confirm_register() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn call_vote(m: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(100_000_000, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn nominate() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn cast_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn record_paper_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn countersign_paper_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn deposit_fund() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn book_revenue() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn publish_company_note() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn on_initialize_close(m: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(100_000_000, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn on_idle_prune(n: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
}

// For tests: the same figures priced with ParityDB's weights.
impl WeightInfo for () {
	fn register_estate() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn register_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn transfer_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn set_voter() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn amend_property() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn confirm_register() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn call_vote(m: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(100_000_000, 0).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn nominate() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn cast_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn record_paper_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn countersign_paper_ballot() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn deposit_fund() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn book_revenue() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn publish_company_note() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn on_initialize_close(m: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(100_000_000, 0).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	fn on_idle_prune(n: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
}
