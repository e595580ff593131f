//! Benchmarks for `pallet_assistance`.
