//! Chain specs built from the runtime's genesis presets, with the chain properties that wallets
//! read (token symbol and decimals, SS58 prefix) taken from `gongzhi-primitives`.

use gongzhi_primitives::currency::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL};
use gongzhi_runtime::{genesis_config_presets::DISTRICT_RUNTIME_PRESET, WASM_BINARY};
use sc_network::config::MultiaddrWithPeerId;
use sc_service::{ChainType, Properties};

/// A chain spec of this runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets show for this chain.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
	boot_nodes: Vec<MultiaddrWithPeerId>,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm was not built (was SKIP_WASM_BUILD set?): rebuild the node".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("gongzhi")
		.with_chain_type(chain_type)
		.with_properties(properties())
		.with_genesis_config_preset_name(preset)
		.with_boot_nodes(boot_nodes)
		.build())
}

/// `--dev`: one validator (Alice), blocks from the first slot.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Gongzhi Development",
		"gongzhi_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
		Vec::new(),
	)
}

/// Two validators (Alice, Bob) on one machine.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Gongzhi Local Testnet",
		"gongzhi_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
		Vec::new(),
	)
}

/// Boot nodes of the district testnet as `scripts/district-network.sh` runs it on one machine:
/// streets 1 and 2, whose development node keys are 0x…01 and 0x…02, over TCP; and the district's
/// RPC node (key 0x…05) over WebSocket, the address light clients in residents' browsers (smoldot)
/// connect to. A real district lists its street offices' public addresses here, and its RPC
/// nodes' `/dns/<host>/tcp/443/wss/p2p/<id>` addresses behind TLS (docs/deployment.md).
const DISTRICT_BOOT_NODES: [&str; 3] = [
	"/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
	"/ip4/127.0.0.1/tcp/30334/p2p/12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD",
	"/ip4/127.0.0.1/tcp/30437/ws/p2p/12D3KooWSuTq6MG9gPt7qZqLFKkYrfxMewTZhj9nmRHJkPwzWDG2",
];

/// Four street validators. `chain-specs/district.json` is this spec, exported by
/// `scripts/build-chain-spec.sh`.
pub fn district() -> Result<ChainSpec, String> {
	let boot_nodes = DISTRICT_BOOT_NODES
		.iter()
		.map(|address| address.parse().map_err(|e| format!("boot node {address}: {e}")))
		.collect::<Result<Vec<_>, _>>()?;
	from_preset(
		"Gongzhi District Testnet",
		"gongzhi_district",
		ChainType::Live,
		DISTRICT_RUNTIME_PRESET,
		boot_nodes,
	)
}

/// A chain spec file, with a message that says which file and what is wrong with it.
pub fn from_file(path: &str) -> Result<ChainSpec, String> {
	let file = std::path::PathBuf::from(path);
	if !file.is_file() {
		return Err(format!(
			"--chain {path}: no such chain spec file, and not a known chain \
			 (dev, local, district)"
		));
	}
	ChainSpec::from_json_file(file)
		.map_err(|e| format!("--chain {path}: not a valid chain spec: {e}"))
}
