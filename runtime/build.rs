//! Builds the runtime's wasm blob.
//!
//! - With the `metadata-hash` feature the blob is built twice: once to read its metadata, then
//!   with that metadata's hash compiled in for `CheckMetadataHash`.
//! - `runtime-benchmarks` reaches the blob only together with `wasm-benchmarks`. The test build
//!   turns `runtime-benchmarks` on for the whole workspace, so that FRAME is compiled once for
//!   the pallets' benchmark tests and the node alike; the node those tests start must still run
//!   the runtime a district runs, without the benchmark API. `scripts/benchmark-weights.sh`
//!   asks for `wasm-benchmarks`, which the node's `benchmark` command needs in the blob.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
#[path = "../primitives/src/token.rs"]
#[allow(dead_code)]
mod token;

#[cfg(feature = "std")]
fn main() {
	println!("cargo:rerun-if-env-changed=CARGO_FEATURE_WASM_BENCHMARKS");
	if std::env::var_os("CARGO_FEATURE_WASM_BENCHMARKS").is_none() {
		// The wasm builder forwards every feature whose `CARGO_FEATURE_*` variable is set.
		std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	}
	build_blob();
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn build_blob() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn build_blob() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to build when this crate is itself compiled to wasm.
#[cfg(not(feature = "std"))]
fn main() {}
