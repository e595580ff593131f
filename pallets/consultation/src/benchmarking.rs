//! Benchmarks for `pallet_consultation`.
