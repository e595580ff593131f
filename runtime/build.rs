//! Builds the runtime's wasm blob.
//!
//! - With the `metadata-hash` feature the blob is built twice: once to read its metadata, then
//!   with that metadata's hash compiled in for `CheckMetadataHash`.
//! - `runtime-benchmarks` reaches the blob only together with `wasm-benchmarks`. The test build
//!   turns `runtime-benchmarks` on for the whole workspace, so that FRAME is compiled once for
//!   the pallets' benchmark tests and the node alike; the node those tests start must still run
//!   the runtime a district runs, without the benchmark API. `scripts/benchmark-weights.sh`
//!   asks for `wasm-benchmarks`, which the node's `benchmark` command needs in the blob.
//! - The blob is reproducible: built through the scripts, it does not depend on where the
//!   checkout, cargo's registry or the Rust toolchain sit on the building machine (see
//!   [`reproducible_paths`]).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
#[path = "../primitives/src/token.rs"]
#[allow(dead_code)]
mod token;

#[cfg(feature = "std")]
fn main() {
	println!("cargo:rerun-if-env-changed=CARGO_FEATURE_WASM_BENCHMARKS");
	println!("cargo:rerun-if-env-changed=CARGO_HOME");
	if std::env::var_os("CARGO_FEATURE_WASM_BENCHMARKS").is_none() {
		// The wasm builder forwards every feature whose `CARGO_FEATURE_*` variable is set.
		std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	}
	reproducible_paths();
	build_blob();
}

/// Panic locations put the path of every source file into the blob, and a path crate's symbol
/// hashes depend on where it sits, so a build elsewhere gives other bytes, another code hash and
/// another genesis. Two measures make the blob reproducible:
/// - the scripts build the workspace from one fixed path, a link to the checkout
///   (`GONGZHI_SRC` in scripts/env.sh), so every clone on every machine looks the same to cargo;
/// - here, cargo's home (the registry's sources) and the toolchain's sysroot (the standard
///   library's sources) are mapped to fixed names, so neither the user nor the rustup install
///   shows in the blob. Both flags are the same for every build on one machine, so they never
///   force a rebuild of the blob's dependencies.
/// With the same compiler (rust-toolchain.toml) anyone rebuilds the committed chain spec's code
/// byte for byte (tests/e2e/chain-spec.test.mjs checks it), and a council member can check that
/// a proposed upgrade was built from the source it names (docs/deployment.md).
fn reproducible_paths() {
	use std::{env, path::PathBuf, process::Command};

	let cargo_home = env::var_os("CARGO_HOME")
		.map(PathBuf::from)
		.or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
	let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
	let sysroot = Command::new(rustc)
		.args(["--print", "sysroot"])
		.output()
		.ok()
		.filter(|out| out.status.success())
		.and_then(|out| String::from_utf8(out.stdout).ok())
		.map(|text| PathBuf::from(text.trim()));

	let mut flags = env::var("WASM_BUILD_RUSTFLAGS").unwrap_or_default();
	for (root, name) in [(cargo_home, "/cargo"), (sysroot, "/rust")] {
		let Some(root) = root.as_deref().and_then(|root| root.to_str()) else {
			println!(
				"cargo:warning=a source root was not found: the runtime blob will carry its path"
			);
			continue;
		};
		// RUSTFLAGS are split at whitespace and the mapping at its last `=`.
		if root.is_empty() || root.contains(char::is_whitespace) || root.contains('=') {
			println!("cargo:warning=`{root}` cannot be remapped: the runtime blob will carry it");
			continue;
		}
		flags.push_str(&format!(" --remap-path-prefix={root}={name}"));
	}
	env::set_var("WASM_BUILD_RUSTFLAGS", flags);
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
