//! A test runtime: System, the real Party-branch registry and this pallet with the `verifiable`
//! crate's test verifier (no cryptography: its "proof" names the member; the runtime's tests
//! and the end-to-end suite use the real ring-VRF). Ballots go through the real transaction
//! pipeline: a general transaction, authorised by `frame_system::AuthorizeCall`.
//!
//! The organisation: district 0 → street 1 → communities 2 "Plum" (secretary 3, committee
//! member 4, polling officer 6) and 3 "Bamboo" (secretary 5). Residents 10..=19 live in Plum,
//! 20 in Bamboo; 7 is nobody.

use crate as pallet_anonymous_ballot;
use codec::Encode;
use frame_support::{
	derive_impl,
	dispatch::GetDispatchInfo,
	pallet_prelude::TransactionSource,
	traits::{ConstU32, ConstU64, GetDefault, Hooks},
	weights::Weight,
};
use gongzhi_primitives::civic::{Role, UnitId, UnitLevel};
use pallet_party_branch::GenesisUnit;
use sp_runtime::{
	traits::{Applyable, BlakeTwo256, Checkable},
	transaction_validity::TransactionValidityError,
	BuildStorage, DispatchResult,
};
use verifiable::{mock::Mock, GenerateVerifiable};

/// Accounts in the tests.
pub type AccountId = u64;
/// A transaction of the test runtime: its only extension authorises calls that say how.
pub type Extrinsic = sp_runtime::generic::UncheckedExtrinsic<
	u64,
	RuntimeCall,
	sp_runtime::testing::UintAuthorityId,
	(frame_system::AuthorizeCall<Test>,),
>;
type Block = sp_runtime::generic::Block<sp_runtime::generic::Header<u64, BlakeTwo256>, Extrinsic>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type PartyBranch = pallet_party_branch;
	#[runtime::pallet_index(2)]
	pub type AnonymousBallot = pallet_anonymous_ballot;
	#[runtime::pallet_index(3)]
	pub type Balances = pallet_balances;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

pallet_party_branch::impl_mock_balances!(Test);

pallet_party_branch::impl_mock_config!(Test);

pub const RING_SIZE: u32 = 3;
pub const RETENTION: u64 = 10;
pub const MAX_BALLOTS_PER_BLOCK: u32 = 4;

impl pallet_anonymous_ballot::Config for Test {
	type Registry = PartyBranch;
	type Electorate = Owners;
	type Crypto = Mock;
	type RingConfig = GetDefault;
	type Chunks = ();
	type MaxRingSize = ConstU32<RING_SIZE>;
	type MaxRingsPerCommunity = ConstU32<3>;
	type MaxKeysPerBuildStep = ConstU32<2>;
	type MaxRingsWaiting = ConstU32<4>;
	type MaxOptions = ConstU32<4>;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<50>;
	type MaxPolls = ConstU32<3>;
	type Retention = ConstU64<RETENTION>;
	type MaxPrunedPerStep = ConstU32<2>;
	type MaxPaperVoters = ConstU32<4>;
	type MaxRootsInUse = ConstU32<2>;
	type MinRollRing = ConstU32<2>;
	type MaxBallotsPerBlock = ConstU32<MAX_BALLOTS_PER_BLOCK>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type RegistryHelper = PartyBranch;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBallots;
}

/// The electorate kept elsewhere in the tests: [`OWNERS_VOTE`]'s owners, each with their
/// floor area (cm²): 30, 31, 32 and 33 hold 90 m², 34 and 35 hold 120 m², 36 holds 200 m².
/// Nobody else, and no other electorate.
pub struct Owners;
pub const OWNERS_VOTE: u32 = 7;
pub const OWNERS: [(AccountId, u64); 7] = [
	(30, 900_000),
	(31, 900_000),
	(32, 900_000),
	(33, 900_000),
	(34, 1_200_000),
	(35, 1_200_000),
	(36, 2_000_000),
];
impl gongzhi_primitives::votes::WeightedElectorate<AccountId> for Owners {
	fn weight_of(electorate: u32, who: &AccountId) -> Option<u64> {
		(electorate == OWNERS_VOTE)
			.then(|| OWNERS.iter().find(|(o, _)| o == who).map(|(_, area)| *area))
			.flatten()
	}
	fn weight_of_weight() -> Weight {
		Weight::zero()
	}
}

/// Ballots made with the test verifier for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBallots;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<[u8; 32], verifiable::mock::MockProof, [u8; 32]> for MockBallots {
	fn keys(count: u32) -> Vec<[u8; 32]> {
		(0..count).map(secret).map(|s| Mock::member_from_secret(&s)).collect()
	}
	fn possession(index: u32, account: &[u8]) -> [u8; 32] {
		Mock::sign(&secret(index), &crate::key_holder_message(account)).expect("signed")
	}
	fn ballot() -> (crate::Alias, verifiable::mock::MockProof) {
		let (alias, proof) = prove(0, &Self::keys(1), 0, 0, 0);
		(alias, proof)
	}
}

pub const DISTRICT: UnitId = 0;
pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;
pub const BAMBOO: UnitId = 3;

pub const PLUM_SECRETARY: AccountId = 3;
pub const PLUM_COMMITTEE: AccountId = 4;
pub const BAMBOO_SECRETARY: AccountId = 5;
pub const POLLING_OFFICER: AccountId = 6;
pub const NOBODY: AccountId = 7;
pub const BAMBOO_RESIDENT: AccountId = 20;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
	committee: Vec<AccountId>,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, AnonymousBallot::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut residents: Vec<_> =
		(10..=19).map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.push((BAMBOO_RESIDENT, BAMBOO, sp_core::H256::repeat_byte(20)));
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", 1, vec![]),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", 2, vec![]),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY, vec![PLUM_COMMITTEE]),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", BAMBOO_SECRETARY, vec![]),
		],
		residents,
		roles: vec![(POLLING_OFFICER, Role::PollingOfficer, PLUM)],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// The secret ballot key of resident `who` in the tests.
pub fn secret(who: u32) -> [u8; 32] {
	Mock::new_secret([who as u8; 32])
}

/// The public ballot key of resident `who`.
pub fn key(who: AccountId) -> [u8; 32] {
	Mock::member_from_secret(&secret(who as u32))
}

/// The proof that the holder of `holder`'s secret registers its key for `account`.
pub fn possession(holder: AccountId, account: AccountId) -> [u8; 32] {
	Mock::sign(&secret(holder as u32), &crate::key_holder_message(&account.encode()))
		.expect("the test verifier signs")
}

/// A ballot of `who`'s key (with `ring` as its ring's keys) in `poll`: alias and proof.
pub fn prove(
	who: u32,
	ring: &[[u8; 32]],
	poll: crate::PollId,
	choice: u8,
	sequence: u32,
) -> (crate::Alias, verifiable::mock::MockProof) {
	let commitment = Mock::open((), &Mock::member_from_secret(&secret(who)), ring.iter().cloned())
		.expect("the key is in the ring");
	let (proof, alias) = Mock::create(
		commitment,
		&secret(who),
		&crate::ballot_context(poll),
		&crate::ballot_message(poll, choice, sequence),
	)
	.expect("a proof");
	(alias, proof)
}

/// A general transaction of `call`: no signature, only the authorising extension.
fn general(call: RuntimeCall) -> Extrinsic {
	Extrinsic::new_transaction(call, (frame_system::AuthorizeCall::<Test>::new(),))
}

/// Applies `tx` as a block builder does (its `authorize` with the in-block source, then the
/// dispatch), after checking it in the pool first if `pool`. `Err` is a refusal.
fn apply(tx: Extrinsic, pool: bool) -> Result<DispatchResult, TransactionValidityError> {
	let info = tx.get_dispatch_info();
	let len = tx.encoded_size();
	let checked = Checkable::check(tx, &frame_system::ChainContext::<Test>::default())?;
	if pool {
		checked.validate::<Test>(TransactionSource::External, &info, len)?;
	}
	let applied = checked.apply::<Test>(&info, len)?;
	Ok(applied.map(|_| ()).map_err(|e| e.error))
}

/// Submits `call` as a general transaction through the pool into a block of its own: the
/// pool's check, the block's, the dispatch, and the block's end (where ballots are counted).
/// `Err` is a refusal in the pool (never in a block).
pub fn submit(call: RuntimeCall) -> Result<DispatchResult, TransactionValidityError> {
	let result = submit_in_block(call);
	end_block();
	result
}

/// Like [`submit`] but leaves the block open: more transactions may follow into it.
pub fn submit_in_block(call: RuntimeCall) -> Result<DispatchResult, TransactionValidityError> {
	apply(general(call), true)
}

/// Puts `call` in the open block without the pool's check, as an author who skipped it would.
pub fn include_unchecked(call: RuntimeCall) -> Result<DispatchResult, TransactionValidityError> {
	apply(general(call), false)
}

/// The end of the open block: this pallet's `on_finalize`.
pub fn end_block() {
	AnonymousBallot::on_finalize(System::block_number());
}

/// Runs the blocks after the current one up to `n`, with this pallet's `on_idle` given room.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AnonymousBallot::on_idle(next, Weight::MAX);
	}
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::AnonymousBallot(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The pallet's last event.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event")
}
