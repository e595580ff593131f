//! Benchmarks for `pallet_volunteer_credits`.
