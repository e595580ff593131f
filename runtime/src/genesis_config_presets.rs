//! Genesis presets: the starting state of each kind of chain this runtime runs.
//!
//! - `development` (`--dev`): Alice validates alone; Alice, Bob, Charlie and Dave form the council.
//! - `local_testnet`: Alice and Bob validate; the same council.
//! - `district`: four street validators (Alice, Bob, Charlie, Dave as stand-ins for the street
//!   offices' keys) and a four-member council of the same offices. A real district generates its
//!   own keys and edits the exported chain spec (see `scripts/build-chain-spec.sh`).
//!
//! No preset has a superuser key: there is no sudo pallet.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, AuraConfig, Balance, BalancesConfig, CouncilConfig, GrandpaConfig,
	RuntimeGenesisConfig, UNITS,
};

/// The `district` preset's name.
pub const DISTRICT_RUNTIME_PRESET: &str = "district";

/// What each endowed account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;

/// The state a chain starts from.
struct Genesis {
	/// Aura and GRANDPA keys of the validators.
	authorities: Vec<(AuraId, GrandpaId)>,
	/// Council members.
	council: Vec<AccountId>,
	/// Accounts given [`ENDOWMENT`].
	endowed: Vec<AccountId>,
}

impl Genesis {
	fn into_patch(self) -> Value {
		build_struct_json_patch!(RuntimeGenesisConfig {
			balances: BalancesConfig {
				balances: self.endowed.into_iter().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
			},
			aura: AuraConfig {
				authorities: self.authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
			},
			grandpa: GrandpaConfig {
				authorities: self
					.authorities
					.iter()
					.map(|(_, grandpa)| (grandpa.clone(), 1))
					.collect::<Vec<_>>(),
			},
			council: CouncilConfig { members: self.council },
		})
	}
}

/// The well-known development keys that stand for the four street offices: the account (and
/// Aura) key and the GRANDPA key of each.
const STREETS: [(Sr25519Keyring, Ed25519Keyring); 4] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

/// Validator keys of the first `n` streets.
fn authorities(n: usize) -> Vec<(AuraId, GrandpaId)> {
	STREETS.iter().take(n).map(|(sr, ed)| (sr.public().into(), ed.public().into())).collect()
}

/// The council: one account per street office.
fn council() -> Vec<AccountId> {
	STREETS.iter().map(|(sr, _)| sr.to_account_id()).collect()
}

/// Every well-known development account, so that tests and Polkadot.js Apps have funds to use.
fn all_dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// `--dev`: one validator, a four-member council.
pub fn development() -> Value {
	Genesis {
		authorities: authorities(1),
		council: council(),
		endowed: all_dev_accounts(),
	}
	.into_patch()
}

/// Two validators on one machine.
pub fn local_testnet() -> Value {
	Genesis {
		authorities: authorities(2),
		council: council(),
		endowed: all_dev_accounts(),
	}
	.into_patch()
}

/// Four street validators and a council of the four street offices.
pub fn district() -> Value {
	Genesis {
		authorities: authorities(4),
		council: council(),
		endowed: all_dev_accounts(),
	}
	.into_patch()
}

/// The JSON patch of preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		DISTRICT_RUNTIME_PRESET => district(),
		_ => return None,
	};
	// Serialising a `serde_json::Value` to a string cannot fail.
	Some(serde_json::to_vec(&patch).unwrap_or_default())
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(DISTRICT_RUNTIME_PRESET),
	]
}
