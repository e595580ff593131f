//! Externalities built from a genesis preset, as the node builds a chain's first state, and
//! council motions passed in them.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use codec::Encode;
use frame_support::{assert_ok, dispatch::GetDispatchInfo};
use gongzhi_runtime::{
	BuildStorage, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin,
	System,
};
use serde_json::Value;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Hash, DispatchError};

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

pub fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// Alice proposes `call` needing `threshold` ayes, `ayes` vote for it (the proposer votes like
/// any member), and Eve (not a member) closes it. Returns the motion's hash.
pub fn pass_motion(call: RuntimeCall, threshold: u32, ayes: &[Sr25519Keyring]) -> H256 {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();

	assert_ok!(Council::propose(signed(Alice), threshold, Box::new(call), length));
	for member in ayes {
		assert_ok!(Council::vote(signed(*member), hash, index, true));
	}
	assert_ok!(Council::close(signed(Eve), hash, index, weight, length));
	hash
}

pub fn executed_result(hash: H256) -> Option<Result<(), DispatchError>> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
			if proposal_hash == hash =>
		{
			Some(result)
		},
		_ => None,
	})
}

/// The council puts `proposal` (a Root call) to a referendum, fast-tracked by three of its four
/// members: referendum 0 on a fresh chain, voting for `FastTrackVotingPeriod` blocks.
pub fn start_referendum(proposal: RuntimeCall) {
	use frame_support::traits::{Get, StorePreimage};
	let proposal = gongzhi_runtime::Preimage::bound(proposal).unwrap();
	let hash = proposal.hash();
	let external =
		RuntimeCall::Democracy(pallet_democracy::Call::external_propose_majority { proposal });
	assert_eq!(executed_result(pass_motion(external, 3, &[Alice, Bob, Charlie])), Some(Ok(())));
	let fast_track = RuntimeCall::Democracy(pallet_democracy::Call::fast_track {
		proposal_hash: hash,
		voting_period:
			<gongzhi_runtime::configs::governance::FastTrackVotingPeriod as Get<u32>>::get(),
		delay: 1,
	});
	assert_eq!(executed_result(pass_motion(fast_track, 3, &[Alice, Bob, Charlie])), Some(Ok(())));
}

/// Registers `who` in Plum Garden (community 3) in person, as a district does: its secretary
/// Dave records the application, its committee member Eve approves it.
pub fn register_in_person(who: &gongzhi_runtime::AccountId, commitment: H256) {
	assert_ok!(gongzhi_runtime::PartyBranch::register(signed(Dave), who.clone(), 3, commitment));
	assert_ok!(gongzhi_runtime::PartyBranch::approve(signed(Eve), who.clone()));
}

/// Runs the registry's hook block by block until `who`'s civic vote has vested (the other
/// pallets' hooks do not run: referenda stay where they are).
pub fn until_vested(who: &gongzhi_runtime::AccountId) {
	use frame_support::traits::Hooks;
	let votes_from =
		pallet_party_branch::Residents::<Runtime>::get(who).expect("a resident").votes_from;
	while System::block_number() < votes_from {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		gongzhi_runtime::PartyBranch::on_initialize(next);
	}
}
