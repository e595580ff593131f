//! The `gongzhi-node` binary as an operator runs it: its chain specs and its refusals.

use std::process::{Command, Output};

fn node(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_gongzhi-node"))
		.args(args)
		.output()
		.expect("the node binary runs")
}

fn text(output: &Output) -> String {
	format!(
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	)
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
	let output =
		node(&["--chain", missing.to_str().unwrap(), "--base-path", dir.to_str().unwrap()]);

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

	let output =
		node(&["--chain", malformed.to_str().unwrap(), "--base-path", dir.to_str().unwrap()]);

	assert!(!output.status.success());
	let said = text(&output);
	assert!(said.contains("not a valid chain spec"), "{said}");
	assert!(!said.contains("panicked"), "{said}");
	let _ = std::fs::remove_dir_all(dir);
}

/// A fresh, empty folder under the system temp dir.
fn scratch(name: &str) -> std::path::PathBuf {
	let dir = std::env::temp_dir().join(format!("gongzhi-cli-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

fn free_port() -> String {
	std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port().to_string()
}

fn run_ok(args: &[&str]) -> Output {
	let output = node(args);
	assert!(output.status.success(), "{args:?}: {}", text(&output));
	output
}

#[test]
fn blocks_exported_from_a_dev_chain_import_check_and_revert_in_another_database() {
	let dir = scratch("blocks");
	let (source, copy) = (dir.join("source"), dir.join("copy"));
	let (source, copy) = (source.to_str().unwrap(), copy.to_str().unwrap());
	let file = dir.join("blocks.bin");
	let file = file.to_str().unwrap();

	// A dev chain that runs for a few blocks, then stops on Ctrl-C.
	let listen = format!("/ip4/127.0.0.1/tcp/{}", free_port());
	let rpc = free_port();
	let mut chain = Command::new(env!("CARGO_BIN_EXE_gongzhi-node"))
		.args(["--dev", "--base-path", source, "--rpc-port", &rpc, "--listen-addr", &listen])
		.args(["--no-mdns", "--no-prometheus", "--no-telemetry"])
		.stdout(std::process::Stdio::null())
		.stderr(std::process::Stdio::null())
		.spawn()
		.unwrap();
	std::thread::sleep(std::time::Duration::from_secs(20));
	let stopped = Command::new("kill").args(["-INT", &chain.id().to_string()]).status().unwrap();
	assert!(stopped.success());
	assert!(chain.wait().unwrap().success(), "the node stops cleanly on Ctrl-C");

	run_ok(&["export-blocks", "--dev", "--base-path", source, file]);
	assert!(std::fs::metadata(file).unwrap().len() > 0);
	run_ok(&["import-blocks", "--dev", "--base-path", copy, file]);

	// The copy holds the same blocks: exporting it again gives the same bytes.
	let again = dir.join("again.bin");
	run_ok(&["export-blocks", "--dev", "--base-path", copy, again.to_str().unwrap()]);
	assert_eq!(std::fs::read(file).unwrap(), std::fs::read(&again).unwrap());

	run_ok(&["check-block", "--dev", "--base-path", copy, "1"]);
	run_ok(&["revert", "--dev", "--base-path", copy, "1"]);
	run_ok(&["purge-chain", "--dev", "--base-path", copy, "-y"]);
	let _ = std::fs::remove_dir_all(dir);
}
