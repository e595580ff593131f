//! The `gongzhi-node` binary as an operator runs it: its chain specs and its refusals.

use std::process::{Command, Output};

fn node(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_gongzhi-node"))
		.args(args)
		.output()
		.expect("the node binary runs")
}

fn text(output: &Output) -> String {
	format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn exported_specs_carry_the_chain_properties() {
	for chain in ["dev", "local", "district"] {
		let output = node(&["export-chain-spec", "--chain", chain]);
		assert!(output.status.success(), "{chain}: {}", text(&output));
		let spec: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
		let properties = &spec["properties"];
		assert_eq!(properties["tokenSymbol"], "GZT", "{chain}");
		assert_eq!(properties["tokenDecimals"], 12, "{chain}");
		assert_eq!(properties["ss58Format"], 42, "{chain}");
		assert_eq!(spec["protocolId"], "gongzhi", "{chain}");
	}
}

#[test]
fn a_missing_chain_spec_file_is_refused_with_a_readable_message() {
	let dir = std::env::temp_dir().join(format!("gongzhi-cli-missing-{}", std::process::id()));
	let missing = dir.join("missing.json");
	let output = node(&["--chain", missing.to_str().unwrap(), "--base-path", dir.to_str().unwrap()]);

	assert!(!output.status.success());
	let said = text(&output);
	assert!(said.contains("no such chain spec file"), "{said}");
	assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn a_malformed_chain_spec_file_is_refused_with_a_readable_message() {
	let dir = std::env::temp_dir().join(format!("gongzhi-cli-malformed-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let malformed = dir.join("malformed.json");
	std::fs::write(&malformed, r#"{"name": "half a chain spec""#).unwrap();

	let output = node(&["--chain", malformed.to_str().unwrap(), "--base-path", dir.to_str().unwrap()]);

	assert!(!output.status.success());
	let said = text(&output);
	assert!(said.contains("not a valid chain spec"), "{said}");
	assert!(!said.contains("panicked"), "{said}");
	let _ = std::fs::remove_dir_all(dir);
}
