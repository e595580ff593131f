//! Measured by `scripts/benchmark-storage.sh` (the node's `benchmark storage`) on this project's
//! machine, in a development chain with 20,000 registered residents, ParityDB, writes one at a
//! time (each with its commit), averages times 1.2 (a margin for a district's larger state).
//! Regenerate rather than edit.

//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-02 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Gongzhi Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights/`
//! METRIC: `Average`, WEIGHT-MUL: `1.2`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/gongzhi-target/release/gongzhi-node
//   benchmark
//   storage
//   --chain
//   /tmp/tmp.Z4uz3LbEDS/dev.json
//   --base-path
//   /tmp/tmp.Z4uz3LbEDS/db
//   --database
//   paritydb
//   --state-version
//   1
//   --warmups
//   1
//   --batch-size
//   1
//   --mul
//   1.2
//   --header
//   scripts/storage-header.txt
//   --weight-path
//   runtime/src/weights/

/// Storage DB weights for the `Gongzhi Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.2` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 1_028, 610_720
			///   Average:  7_034
			///   Median:   6_495
			///   Std-Dev:  5478.88
			///
			/// Percentiles nanoseconds:
			///   99th: 14_333
			///   95th: 11_295
			///   75th: 7_303
			read: 8_441 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.2` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 6_694, 36_657_810
			///   Average:  77_089
			///   Median:   55_664
			///   Std-Dev:  244258.16
			///
			/// Percentiles nanoseconds:
			///   99th: 273_030
			///   95th: 180_276
			///   75th: 77_241
			write: 92_507 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use sp_weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
