//! Externalities built from a genesis preset, as the node builds a chain's first state.

use gongzhi_runtime::{BuildStorage, RuntimeGenesisConfig, System};
use serde_json::Value;

/// `patch` applied over `base`, key by key (objects merge, anything else replaces).
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis config of preset `name`.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch = gongzhi_runtime::genesis_config_presets::get_preset(&name.into())
		.unwrap_or_else(|| panic!("no preset {name}"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	serde_json::from_value(config).unwrap()
}

/// Externalities of preset `name` at block 1, so that events are recorded.
pub fn new_ext(name: &str) -> sp_io::TestExternalities {
	let storage = preset_config(name).build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
