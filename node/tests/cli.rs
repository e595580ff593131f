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

/// The best block number of the node with RPC on `port`, by a plain HTTP JSON-RPC call.
fn best_block(port: &str) -> Option<u64> {
	use std::io::{Read, Write};
	let body = r#"{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}"#;
	let mut stream = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).ok()?;
	stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).ok()?;
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.ok()?;
	let mut response = String::new();
	stream.read_to_string(&mut response).ok()?;
	let hex = response.split("\"number\":\"0x").nth(1)?.split('"').next()?;
	u64::from_str_radix(hex, 16).ok()
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
	// Until it has a few blocks (a busy machine may take a while to start it).
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
	while best_block(&rpc).unwrap_or(0) < 3 {
		assert!(std::time::Instant::now() < deadline, "the dev chain made no blocks in 3 minutes");
		std::thread::sleep(std::time::Duration::from_millis(500));
	}
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

#[test]
fn the_verification_desk_makes_a_key_then_commitments_that_only_that_key_reproduces() {
	let dir = scratch("commitment");
	let key = dir.join("desk.key");
	let key = key.to_str().unwrap();
	run_ok(&["resident-commitment", "--generate-key", "--key-file", key]);
	// The key is never overwritten.
	let again = node(&["resident-commitment", "--generate-key", "--key-file", key]);
	assert!(!again.status.success());
	assert!(text(&again).contains("must not exist"), "{}", text(&again));

	let commit = |key: &str, number: &str| {
		let output = run_ok(&["resident-commitment", "--key-file", key, "--id-number", number]);
		String::from_utf8_lossy(&output.stdout).trim().to_string()
	};
	let first = commit(key, "11010519491231002X");
	assert!(first.starts_with("0x") && first.len() == 66, "{first}");
	// Spaces and a lower-case check digit are the same number.
	assert_eq!(commit(key, "110105 19491231 002x"), first);
	let other_key = dir.join("other.key");
	let other_key = other_key.to_str().unwrap();
	run_ok(&["resident-commitment", "--generate-key", "--key-file", other_key]);
	assert_ne!(commit(other_key, "11010519491231002X"), first);

	// A mistyped number is refused with a plain message, not a panic.
	let typo =
		node(&["resident-commitment", "--key-file", key, "--id-number", "110105194912310021"]);
	assert!(!typo.status.success());
	assert!(text(&typo).contains("check digit"), "{}", text(&typo));
	assert!(!text(&typo).contains("panicked"));
	let _ = std::fs::remove_dir_all(dir);
}
