//! Validators: tied to streets, admitted and removed by a council motion, taking part from the
//! session after next, never fewer than the minimum.

mod common;

use codec::Encode;
use common::{executed_result, pass_motion, signed};
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::civic::{CivicRegistry, UnitLevel};
use gongzhi_runtime::{
	configs::consensus::MIN_VALIDATORS,
	genesis_config_presets::{EAST_STREET, NORTH_STREET},
	PartyBranch, Runtime, RuntimeCall, Session, SessionKeys, ValidatorSet,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::DispatchError;
use std::sync::Arc;

fn add(who: Sr25519Keyring, unit: u32) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
		who: who.to_account_id(),
		unit,
	})
}

fn remove(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
		who: who.to_account_id(),
	})
}

/// The district chain, with a keystore for generating session keys.
fn district() -> sp_io::TestExternalities {
	let mut ext = common::new_ext("district");
	ext.register_extension(KeystoreExt(Arc::new(MemoryKeystore::new())));
	ext
}

/// New session keys for `who`, registered as a validator's node does: generated with a proof that
/// names `who`, then `session.set_keys`.
fn register_new_keys(who: Sr25519Keyring) -> SessionKeys {
	let generated = SessionKeys::generate(&who.to_account_id().encode(), None);
	assert_ok!(Session::set_keys(signed(who), generated.keys.clone(), generated.proof.encode()));
	generated.keys
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

#[test]
fn every_preset_ties_its_validators_to_street_units() {
	for preset in ["development", "local_testnet", "district"] {
		common::new_ext(preset).execute_with(|| {
			let approved = ValidatorSet::validators();
			assert!(!approved.is_empty(), "{preset}");
			for (who, unit) in &approved {
				assert_eq!(
					PartyBranch::level_of(*unit),
					Some(UnitLevel::Street),
					"{preset}: {who}"
				);
			}
			// The session pallet starts with exactly the approved set, and Aura with their keys.
			let mut session = pallet_session::Validators::<Runtime>::get();
			session.sort();
			let accounts: Vec<_> = approved.iter().map(|(who, _)| who.clone()).collect();
			assert_eq!(session, accounts, "{preset}");
			assert_eq!(aura_authorities().len(), accounts.len(), "{preset}");
		});
	}
}

#[test]
fn a_council_motion_admits_a_validator_who_validates_from_the_session_after_next() {
	district().execute_with(|| {
		// Nobody admits a validator on their own, council member or not.
		assert_noop!(
			ValidatorSet::add_validator(signed(Alice), Eve.to_account_id(), EAST_STREET),
			DispatchError::BadOrigin
		);
		// An account that is not an approved validator cannot register session keys.
		let generated = SessionKeys::generate(&Eve.to_account_id().encode(), None);
		assert_noop!(
			Session::set_keys(signed(Eve), generated.keys, generated.proof.encode()),
			pallet_session::Error::<Runtime>::NoAssociatedValidatorId
		);

		// A majority of the council (3 of 4) admits Eve as East Street's second validator.
		let motion = pass_motion(add(Eve, EAST_STREET), 3, &[Alice, Bob, Charlie]);
		assert_eq!(executed_result(motion), Some(Ok(())));
		let keys = register_new_keys(Eve);

		// The session ending now plans Eve for the session after it.
		Session::rotate_session();
		assert_eq!(aura_authorities().len(), 4);
		assert!(pallet_session::QueuedKeys::<Runtime>::get()
			.iter()
			.any(|(who, _)| who == &Eve.to_account_id()));

		Session::rotate_session();
		assert_eq!(aura_authorities().len(), 5);
		assert!(aura_authorities().contains(&keys.aura));
		// GRANDPA takes the new set once the block that announces it is finalised.
		let change = pallet_grandpa::PendingChange::<Runtime>::get().expect("a change is pending");
		assert!(change.next_authorities.iter().any(|(id, _)| id == &keys.grandpa));
		assert_eq!(change.next_authorities.len(), 5);
	});
}

#[test]
fn a_council_motion_removes_a_validator_but_never_below_the_minimum() {
	district().execute_with(|| {
		let dave_aura: AuraId = Dave.public().into();
		assert!(aura_authorities().contains(&dave_aura));

		let motion = pass_motion(remove(Dave), 3, &[Alice, Bob, Charlie]);
		assert_eq!(executed_result(motion), Some(Ok(())));
		assert!(!ValidatorSet::validators().iter().any(|(who, _)| who == &Dave.to_account_id()));
		// Dave still validates this session and the next, then stops.
		Session::rotate_session();
		assert!(aura_authorities().contains(&dave_aura));
		Session::rotate_session();
		assert!(!aura_authorities().contains(&dave_aura));
		assert_eq!(aura_authorities().len(), MIN_VALIDATORS as usize);

		// Three remain, the minimum: a fourth removal fails, and nothing changes.
		frame_system::Pallet::<Runtime>::reset_events();
		let motion = pass_motion(remove(Charlie), 3, &[Alice, Bob, Dave]);
		assert_eq!(
			executed_result(motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()))
		);
		assert_eq!(ValidatorSet::validators().len(), MIN_VALIDATORS as usize);
	});
}

#[test]
fn validators_belong_to_streets_not_communities() {
	district().execute_with(|| {
		// Unit 3 is Plum Garden Community.
		let motion = pass_motion(add(Eve, 3), 3, &[Alice, Bob, Charlie]);
		assert_eq!(
			executed_result(motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::NotAStreetOrDistrict.into()))
		);
		// North Street runs one validator already and may run more.
		let motion = pass_motion(add(Eve, NORTH_STREET), 3, &[Alice, Bob, Charlie]);
		assert_eq!(executed_result(motion), Some(Ok(())));
	});
}
