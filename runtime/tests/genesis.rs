//! The genesis presets build, and each has the validators and council it documents.

mod common;

use gongzhi_runtime::{
	genesis_config_presets::{self, ENDOWMENT},
	Balances, Grandpa, Runtime,
};
use sp_keyring::Sr25519Keyring::*;

#[test]
fn every_listed_preset_exists_and_no_other() {
	let names: Vec<String> = genesis_config_presets::preset_names()
		.into_iter()
		.map(|id| String::from_utf8(id.into()).unwrap())
		.collect();
	assert_eq!(names, ["development", "local_testnet", "district"]);
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn presets_have_their_validators_and_a_four_member_council() {
	for (preset, validators) in [("development", 1), ("local_testnet", 2), ("district", 4)] {
		common::new_ext(preset).execute_with(|| {
			let aura = pallet_aura::Authorities::<Runtime>::get();
			assert_eq!(aura.len(), validators, "{preset}: Aura authorities");
			assert_eq!(Grandpa::grandpa_authorities().len(), validators, "{preset}: GRANDPA");
			assert!(aura.contains(&Alice.public().into()), "{preset}: Alice validates");

			let council =
				pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
			// The collective keeps its members sorted.
			let mut expected: Vec<_> =
				[Alice, Bob, Charlie, Dave].iter().map(|k| k.to_account_id()).collect();
			expected.sort();
			assert_eq!(council, expected, "{preset}: council");

			assert_eq!(Balances::free_balance(Eve.to_account_id()), ENDOWMENT);
		});
	}
}

#[test]
fn metadata_is_served_at_v15_and_v16() {
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&15) && versions.contains(&16), "versions: {versions:?}");
	assert!(Runtime::metadata_at_version(16).is_some());
}

#[test]
fn a_new_chain_starts_every_pallet_at_its_current_storage_version() {
	use frame_support::traits::GetStorageVersion;
	use gongzhi_runtime::{
		Assistance, CommunityTreasury, Consultation, CouncilRoot, PartyBranch, PublicAffairs,
		ValidatorSet, VolunteerCredits,
	};
	common::new_ext("development").execute_with(|| {
		macro_rules! at_current {
			($($pallet:ident),+) => {$(
				assert_eq!(
					$pallet::on_chain_storage_version(),
					$pallet::in_code_storage_version(),
					stringify!($pallet)
				);
			)+};
		}
		at_current!(
			PartyBranch,
			CommunityTreasury,
			Consultation,
			VolunteerCredits,
			Assistance,
			PublicAffairs,
			ValidatorSet,
			CouncilRoot
		);
		assert_eq!(VolunteerCredits::on_chain_storage_version(), 1);
	});
}
