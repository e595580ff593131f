//! Builds the runtime's wasm blob. With the `metadata-hash` feature the blob is built twice: once
//! to read its metadata, then with that metadata's hash compiled in for `CheckMetadataHash`.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
#[path = "../primitives/src/token.rs"]
#[allow(dead_code)]
mod token;

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to build when this crate is itself compiled to wasm.
#[cfg(not(feature = "std"))]
fn main() {}
