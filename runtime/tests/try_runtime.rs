//! The next runtime upgrade, rehearsed on a live chain's state: `scripts/try-runtime.sh` takes a
//! snapshot of a chain (a district's RPC node, or by default a development chain on the previous
//! release's runtime) and runs this test on it, built with the `try-runtime` feature.
//!
//! It does what `try-runtime on-runtime-upgrade` does, in process: every migration in
//! `Migrations` and every pallet's `on_runtime_upgrade` runs with its `pre_upgrade` and
//! `post_upgrade` checks, then every pallet's `try_state`; the upgrade's weight must fit in a
//! block. A second run must change nothing (each migration is versioned). The snapshot is named
//! by `GONGZHI_SNAPSHOT`: a JSON file `{ "block", "number", "specVersion", "top": [[key, value],
//! …] }` of hex strings (the chain's whole top-level storage at one block).
#![cfg(feature = "try-runtime")]

use frame_support::weights::Weight;
use frame_try_runtime::UpgradeCheckSelect;
use gongzhi_runtime::{configs::RuntimeBlockWeights, Executive, VERSION};
use sp_core::{bytes::from_hex, storage::Storage};

struct Snapshot {
	block: String,
	number: u64,
	spec_version: u64,
	storage: Storage,
}

fn snapshot() -> Snapshot {
	let path = std::env::var_os("GONGZHI_SNAPSHOT")
		.expect("GONGZHI_SNAPSHOT names no snapshot: run scripts/try-runtime.sh, which takes one");
	let text = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path:?}: {e}"));
	let json: serde_json::Value =
		serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{path:?} is not JSON: {e}"));
	let hex = |value: &serde_json::Value| {
		from_hex(value.as_str().expect("a snapshot holds hex strings")).expect("valid hex")
	};
	let mut storage = Storage::default();
	for pair in json["top"].as_array().expect("`top`: the storage's key-value pairs") {
		storage.top.insert(hex(&pair[0]), hex(&pair[1]));
	}
	Snapshot {
		block: json["block"].as_str().unwrap_or("?").into(),
		number: json["number"].as_u64().unwrap_or_default(),
		spec_version: json["specVersion"].as_u64().unwrap_or_default(),
		storage,
	}
}

#[test]
fn the_next_upgrade_passes_every_check_on_the_snapshot() {
	let Snapshot { block, number, spec_version, storage } = snapshot();
	let keys = storage.top.len();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		let limit = RuntimeBlockWeights::get().max_block;
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All).unwrap_or_else(|e| {
			panic!("the upgrade from spec {spec_version} fails its checks: {e:?}")
		});
		assert!(
			weight.all_lte(limit),
			"the upgrade weighs {weight:?}, more than a block ({limit:?}): step it over blocks"
		);
		// Run again, as a chain would if an upgrade were applied twice: nothing left to do.
		let again = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.unwrap_or_else(|e| panic!("a second run of the upgrade fails its checks: {e:?}"));
		let share = |w: Weight| w.ref_time() as f64 / limit.ref_time() as f64;
		println!(
			"{{\"try_runtime\":{{\"snapshot_block\":\"{block}\",\"number\":{number},\"keys\":{keys},\
			 \"from\":{spec_version},\"to\":{},\"weight_ps\":{},\"share_of_block\":{:.4},\
			 \"second_run_weight_ps\":{},\"second_run_share\":{:.4}}}}}",
			VERSION.spec_version,
			weight.ref_time(),
			share(weight),
			again.ref_time(),
			share(again),
		);
	});
}
