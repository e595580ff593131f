//! Genesis presets: the starting state of each kind of chain this runtime runs.
//!
//! - `development` (`--dev`): Alice validates alone (for East Street); Alice, Bob, Charlie and Dave
//!   form the council.
//! - `local_testnet`: Alice and Bob validate (East and West Street); the same council.
//! - `district`: four street validators (Alice, Bob, Charlie, Dave as stand-ins for the keys of
//!   the East, West, South and North Street offices) and a four-member council of the same
//!   offices. A real district generates its own keys and edits the exported chain spec (see
//!   `scripts/build-chain-spec.sh`).
//!
//! Every preset seeds a sample organisation ([`sample_organisation`]) so that a fresh chain can be
//! tried at once from Polkadot.js Apps, and its validators are tied to that organisation's
//! streets. Validators are approved in `validatorSet` and their session keys registered in
//! `session`; Aura's and GRANDPA's own authority lists stay empty, since the session pallet fills
//! them. No preset has a superuser key: there is no sudo pallet.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, CommunityTreasuryConfig, ConsultationConfig,
	CouncilConfig, Hash, OwnersAssemblyConfig, PartyBranchConfig, PublicAffairsConfig,
	RuntimeGenesisConfig,
	SessionConfig, SessionKeys, ValidatorSetConfig, VolunteerCreditsConfig, UNITS,
};
use gongzhi_primitives::civic::{Role, UnitId, UnitLevel};
use pallet_consultation::Periods;
use pallet_party_branch::GenesisUnit;
use sp_runtime::traits::{BlakeTwo256, Hash as _};

/// The `district` preset's name.
pub const DISTRICT_RUNTIME_PRESET: &str = "district";

/// What each endowed account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;

/// The state a chain starts from.
struct Genesis {
	/// The validators: account, session keys, and the street unit whose office runs each.
	validators: Vec<Validator>,
	/// Council members.
	council: Vec<AccountId>,
	/// Accounts given [`ENDOWMENT`].
	endowed: Vec<AccountId>,
	/// The Party-branch registry.
	organisation: PartyBranchConfig,
	/// The treasury's approval and notice periods, if not the runtime's (two weeks, three days).
	treasury_periods: Option<(BlockNumber, BlockNumber)>,
	/// The consultation periods, if not the runtime's (weeks).
	consultation_periods: Option<Periods<BlockNumber>>,
	/// Star thresholds in hours, if not the pallet's (100 to 1500).
	star_thresholds: Option<Vec<u32>>,
	/// How long officers have to answer a matter, if not the runtime's (fifteen days).
	answer_period: Option<BlockNumber>,
	/// An owners' assembly's notice period, if not the runtime's (fifteen days).
	assembly_notice: Option<BlockNumber>,
}

impl Genesis {
	fn into_patch(self) -> Value {
		build_struct_json_patch!(RuntimeGenesisConfig {
			balances: BalancesConfig {
				balances: self.endowed.into_iter().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
			},
			validator_set: ValidatorSetConfig {
				validators: self
					.validators
					.iter()
					.map(|v| (v.account.clone(), v.street))
					.collect::<Vec<_>>(),
				..Default::default()
			},
			session: SessionConfig {
				keys: self
					.validators
					.into_iter()
					.map(|v| (v.account.clone(), v.account, v.keys))
					.collect::<Vec<_>>(),
				..Default::default()
			},
			council: CouncilConfig { members: self.council },
			party_branch: self.organisation,
			community_treasury: CommunityTreasuryConfig {
				approval_period: self.treasury_periods.map(|(approval, _)| approval),
				notice_period: self.treasury_periods.map(|(_, notice)| notice),
			},
			consultation: ConsultationConfig { periods: self.consultation_periods },
			volunteer_credits: VolunteerCreditsConfig {
				star_thresholds: self.star_thresholds,
				..Default::default()
			},
			public_affairs: PublicAffairsConfig { answer_period: self.answer_period },
			owners_assembly: OwnersAssemblyConfig {
				notice_period: self.assembly_notice,
				estates: vec![sample_estate()],
			},
		})
	}
}

/// A validator as genesis knows it.
struct Validator {
	account: AccountId,
	keys: SessionKeys,
	street: UnitId,
}

/// The well-known development keys that stand for the four street offices' validators: the
/// account (and Aura) key, the GRANDPA key, and the street unit of [`sample_organisation`].
const STREETS: [(Sr25519Keyring, Ed25519Keyring, UnitId); 4] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice, EAST_STREET),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob, WEST_STREET),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie, SOUTH_STREET),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave, NORTH_STREET),
];

/// The validators of the first `n` streets.
fn validators(n: usize) -> Vec<Validator> {
	STREETS
		.iter()
		.take(n)
		.map(|(sr, ed, street)| Validator {
			account: sr.to_account_id(),
			keys: SessionKeys {
				aura: AuraId::from(sr.public()),
				grandpa: GrandpaId::from(ed.public()),
			},
			street: *street,
		})
		.collect()
}

/// The council: one account per street office.
fn council() -> Vec<AccountId> {
	STREETS.iter().map(|(sr, _, _)| sr.to_account_id()).collect()
}

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	keys.iter().map(|k| k.to_account_id()).collect()
}

/// Every well-known development account, so that tests and Polkadot.js Apps have funds to use.
fn all_dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// Free civic calls per resident per day in the presets.
pub const FREE_CALLS_PER_DAY: u32 = 20;

/// A sample identity commitment. Real ones are salted hashes made by the district's real-name
/// system; these are hashes of a label, so that they are recognisably not anyone's identity.
pub fn sample_commitment(label: &str) -> Hash {
	BlakeTwo256::hash(label.as_bytes())
}

/// The sample organisation's street units, in the order [`sample_organisation`] creates them.
pub const EAST_STREET: UnitId = 1;
pub const WEST_STREET: UnitId = 2;
pub const SOUTH_STREET: UnitId = 7;
pub const NORTH_STREET: UnitId = 8;

/// A district with four streets, three communities and a grid, officers for each, and residents:
///
/// | id | unit | secretary | committee |
/// | -- | ---- | --------- | --------- |
/// | 0 | Gongzhi District | Alice | |
/// | 1 | East Street (under 0) | Bob | |
/// | 2 | West Street (under 0) | Charlie | |
/// | 3 | Plum Garden Community (under 1) | Dave | Eve |
/// | 4 | Bamboo Lane Community (under 1) | Alice//stash | |
/// | 5 | Riverside Community (under 2) | Bob//stash | |
/// | 6 | Plum Garden Grid 1 (under 3) | | |
/// | 7 | South Street (under 0) | | |
/// | 8 | North Street (under 0) | | |
///
/// Residents (their civic votes count at once; later residents' wait `vote_vesting_delay`):
/// Ferdie (Plum Garden, special needs), Charlie//stash (Plum Garden, volunteer),
/// Dave//stash (Riverside, volunteer). Eve is the grid worker of grid 6, Eve//stash a volunteer
/// organisation of East Street, Ferdie//stash a registered service of Plum Garden.
pub fn sample_organisation(vote_vesting_delay: BlockNumber) -> PartyBranchConfig {
	use Sr25519Keyring::*;
	let unit = |level,
	            parent,
	            name: &str,
	            secretary: Option<Sr25519Keyring>,
	            committee: &[Sr25519Keyring]| {
		GenesisUnit {
			level,
			parent,
			name: name.into(),
			secretary: secretary.map(|k| k.to_account_id()),
			committee: accounts(committee),
		}
	};
	PartyBranchConfig {
		units: vec![
			unit(UnitLevel::District, None, "Gongzhi District", Some(Alice), &[]),
			unit(UnitLevel::Street, Some(0), "East Street", Some(Bob), &[]),
			unit(UnitLevel::Street, Some(0), "West Street", Some(Charlie), &[]),
			unit(UnitLevel::Community, Some(1), "Plum Garden Community", Some(Dave), &[Eve]),
			unit(UnitLevel::Community, Some(1), "Bamboo Lane Community", Some(AliceStash), &[]),
			unit(UnitLevel::Community, Some(2), "Riverside Community", Some(BobStash), &[]),
			unit(UnitLevel::Grid, Some(3), "Plum Garden Grid 1", None, &[]),
			unit(UnitLevel::Street, Some(0), "South Street", None, &[]),
			unit(UnitLevel::Street, Some(0), "North Street", None, &[]),
		],
		residents: vec![
			(Ferdie.to_account_id(), 3, sample_commitment("sample resident Ferdie")),
			(CharlieStash.to_account_id(), 3, sample_commitment("sample resident Charlie//stash")),
			(DaveStash.to_account_id(), 5, sample_commitment("sample resident Dave//stash")),
		],
		roles: vec![
			(Ferdie.to_account_id(), Role::SpecialNeeds, 3),
			(CharlieStash.to_account_id(), Role::Volunteer, 3),
			(Eve.to_account_id(), Role::GridWorker, 6),
			(DaveStash.to_account_id(), Role::Volunteer, 5),
			(EveStash.to_account_id(), Role::VolunteerOrganisation, 1),
			(FerdieStash.to_account_id(), Role::ServiceProvider, 3),
			(EveStash.to_account_id(), Role::HousingOfficer, 3),
		],
		free_call_quota: FREE_CALLS_PER_DAY,
		vote_vesting_delay,
	}
}

/// Square metres in square centimetres, the unit of floor areas.
const fn m2(square_metres: u64) -> u64 {
	square_metres * 10_000
}

/// Plum Garden Estate (梅园小区, estate 0) in Plum Garden Community, its register confirmed:
///
/// | unit | building | area | owners (the first votes) |
/// | ---- | -------- | ---- | ------------------------ |
/// | 0 | 1 | 90 m² | Ferdie |
/// | 1 | 1 | 120 m² | Ferdie |
/// | 2 | 1 | 100 m² | Charlie//stash |
/// | 3 | 2 | 80 m² | Dave//stash (lives in Riverside) |
/// | 4 | 2 | 110 m² | Alice//stash, Bob//stash |
/// | 5, 6 | 2 | 100 m² each | Ferdie//stash, the developer, unsold |
///
/// Five owners, 700 m². Eve//stash is Plum Garden's housing officer; no committee is elected,
/// so Plum Garden's officers (Dave, Eve) call its votes.
pub fn sample_estate() -> pallet_owners_assembly::GenesisEstate<AccountId> {
	use pallet_owners_assembly::{GenesisEstate, GenesisProperty};
	use Sr25519Keyring::*;
	let unit = |building, area, owners: &[Sr25519Keyring], developer| GenesisProperty {
		building,
		area: m2(area),
		owners: accounts(owners),
		developer,
	};
	GenesisEstate {
		community: 3,
		name: "Plum Garden Estate".into(),
		units: vec![
			unit(1, 90, &[Ferdie], false),
			unit(1, 120, &[Ferdie], false),
			unit(1, 100, &[CharlieStash], false),
			unit(2, 80, &[DaveStash], false),
			unit(2, 110, &[AliceStash, BobStash], false),
			unit(2, 100, &[FerdieStash], true),
			unit(2, 100, &[FerdieStash], true),
		],
	}
}

/// An owners' assembly's notice on development chains: five blocks (half a minute).
pub const DEV_ASSEMBLY_NOTICE: BlockNumber = 5;

/// How long a new resident's civic vote waits on development chains: ten blocks (a minute), so
/// that vesting can be watched.
pub const DEV_VOTE_VESTING_DELAY: BlockNumber = 10;

/// How long a new resident's civic vote waits on a district's chain: a referendum's voting
/// period, so that nobody registered while a referendum runs votes in it.
pub const VOTE_VESTING_DELAY: BlockNumber = crate::configs::governance::VotingPeriod::get();

/// Treasury periods for development chains: ten minutes to approve, half a minute of notice, so
/// that a spend's whole life can be watched (and tested) in one sitting.
pub const DEV_TREASURY_PERIODS: (BlockNumber, BlockNumber) = (100, 5);

/// Consultation periods for development chains, in blocks: a meeting deliberates, votes and
/// reveals within a minute or so.
pub const DEV_CONSULTATION_PERIODS: Periods<BlockNumber> =
	Periods { support: 100, wait: 10, deliberation: 2, voting: 4, reveal: 2 };

/// The answer period of matters on development chains, in blocks: a minute, so that a matter
/// unanswered goes up to the street while one watches.
pub const DEV_ANSWER_PERIOD: BlockNumber = 10;

/// Star thresholds for development chains, in hours: a hundredth of the real ones, so that a
/// star can be earned in a test.
pub const DEV_STAR_THRESHOLDS: [u32; 5] = [1, 3, 6, 10, 15];

/// `--dev`: one validator, a four-member council, the sample organisation, short treasury and
/// consultation periods.
pub fn development() -> Value {
	Genesis {
		validators: validators(1),
		council: council(),
		endowed: all_dev_accounts(),
		organisation: sample_organisation(DEV_VOTE_VESTING_DELAY),
		treasury_periods: Some(DEV_TREASURY_PERIODS),
		consultation_periods: Some(DEV_CONSULTATION_PERIODS),
		star_thresholds: Some(DEV_STAR_THRESHOLDS.to_vec()),
		answer_period: Some(DEV_ANSWER_PERIOD),
		assembly_notice: Some(DEV_ASSEMBLY_NOTICE),
	}
	.into_patch()
}

/// Two validators on one machine, the sample organisation.
pub fn local_testnet() -> Value {
	Genesis {
		validators: validators(2),
		council: council(),
		endowed: all_dev_accounts(),
		organisation: sample_organisation(DEV_VOTE_VESTING_DELAY),
		treasury_periods: Some(DEV_TREASURY_PERIODS),
		consultation_periods: Some(DEV_CONSULTATION_PERIODS),
		star_thresholds: Some(DEV_STAR_THRESHOLDS.to_vec()),
		answer_period: Some(DEV_ANSWER_PERIOD),
		assembly_notice: Some(DEV_ASSEMBLY_NOTICE),
	}
	.into_patch()
}

/// Four street validators, a council of the four street offices, the sample organisation, the
/// runtime's treasury periods.
pub fn district() -> Value {
	Genesis {
		validators: validators(4),
		council: council(),
		endowed: all_dev_accounts(),
		organisation: sample_organisation(VOTE_VESTING_DELAY),
		treasury_periods: None,
		consultation_periods: None,
		star_thresholds: None,
		answer_period: None,
		assembly_notice: None,
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
