//! A test runtime: System, the real Party-branch registry and this pallet. `Root` is governance;
//! treasury spends and reported results are recorded for the tests to inspect.
//!
//! The organisation:
//! - district 0 (secretary 1) → street 1 (secretary 2) → communities 2 "Plum" (secretary 3) and
//!   3 "Bamboo" (secretary 5);
//! - residents 10..=19 in Plum, 20 and 21 in Bamboo; 6 is Plum's polling officer; 7 is nobody.
//!
//! Rules: three supports qualify a topic, a meeting convenes at two qualified topics. Periods:
//! support 10 blocks, wait 20, deliberation 5, voting 10, reveal 5.

use crate as pallet_consultation;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use frame_system::EnsureRoot;
use gongzhi_primitives::{
	civic::{Role, UnitId, UnitLevel},
	votes::{
		AnonymousPolls, DistrictReferenda, PollId, ResidentSpends, ResidentVoteOutcome,
		SpendCategory, SpendIndex, TopicId, VoteSubject,
	},
};
use pallet_party_branch::GenesisUnit;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Permill};

use crate::{Periods, SupportThreshold, UnitRules};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the tests.
pub type AccountId = u64;

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
	pub type Consultation = pallet_consultation;
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

/// A spend the treasury was asked to pay.
#[derive(Clone, Debug, PartialEq)]
pub struct SpendOrder {
	pub unit: UnitId,
	pub topic: TopicId,
	pub proposer: AccountId,
	pub beneficiary: AccountId,
	pub amount: u128,
	pub category: SpendCategory,
}

thread_local! {
	/// The spends this pallet ordered.
	pub static SPENDS: RefCell<Vec<SpendOrder>> = const { RefCell::new(Vec::new()) };
	/// The referenda this pallet proposed.
	pub static REFERENDA: RefCell<Vec<([u8; 32], u32)>> = const { RefCell::new(Vec::new()) };
	/// The results this pallet reported.
	pub static RESULTS: RefCell<Vec<(VoteSubject, bool)>> = const { RefCell::new(Vec::new()) };
	/// The anonymous polls opened: community, question, options, close, tally.
	pub static POLLS: RefCell<Vec<OpenedPoll>> = const { RefCell::new(Vec::new()) };
	/// Whether the chain has anonymous polls.
	pub static POLLS_AVAILABLE: core::cell::Cell<bool> = const { core::cell::Cell::new(true) };
	/// How many more times opening a poll is refused (a ring being built).
	pub static POLLS_REFUSED: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
	/// The largest spend the treasury pays (its budget line).
	pub static SPEND_LIMIT: core::cell::Cell<u128> = const { core::cell::Cell::new(1_000) };
}

/// The treasury: records the orders; refuses amounts above [`SPEND_LIMIT`] (1,000 unless a test
/// raises it) as its budget line would.
pub struct RecordSpends;
impl ResidentSpends<AccountId> for RecordSpends {
	fn pay_decided_spend(
		unit: UnitId,
		topic: TopicId,
		proposer: &AccountId,
		beneficiary: &AccountId,
		amount: u128,
		category: SpendCategory,
	) -> Result<SpendIndex, DispatchError> {
		if amount > SPEND_LIMIT.with(|limit| limit.get()) {
			return Err(DispatchError::Other("over budget"));
		}
		SPENDS.with(|s| {
			let mut s = s.borrow_mut();
			s.push(SpendOrder {
				unit,
				topic,
				proposer: *proposer,
				beneficiary: *beneficiary,
				amount,
				category,
			});
			Ok(s.len() as SpendIndex - 1)
		})
	}

	fn pay_decided_spend_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// Democracy: records the proposals; takes one at a time, as its next external proposal does.
pub struct RecordReferenda;
impl DistrictReferenda for RecordReferenda {
	fn propose_referendum(hash: [u8; 32], len: u32) -> DispatchResult {
		REFERENDA.with(|r| {
			let mut r = r.borrow_mut();
			if !r.is_empty() {
				return Err(DispatchError::Other("a proposal is pending"));
			}
			r.push((hash, len));
			Ok(())
		})
	}

	fn propose_referendum_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// The pallet that asked for votes: records the results.
pub struct RecordResults;
impl ResidentVoteOutcome for RecordResults {
	fn vote_concluded(subject: VoteSubject, approved: bool) -> DispatchResult {
		RESULTS.with(|r| r.borrow_mut().push((subject, approved)));
		Ok(())
	}

	fn vote_concluded_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// An anonymous poll the test double opened.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedPoll {
	pub community: UnitId,
	pub question: [u8; 32],
	pub options: u8,
	pub closes: u64,
	pub tally: Vec<u32>,
}

/// Anonymous polls as pallet-anonymous-ballot keeps them, without rings or proofs (its own
/// tests and the runtime's cover those): opening is refused [`POLLS_REFUSED`] times first, as
/// while a ring is being built; tests set the tally with [`cast_anonymously`].
pub struct RecordPolls;
impl AnonymousPolls<u64> for RecordPolls {
	fn available() -> bool {
		POLLS_AVAILABLE.with(|available| available.get())
	}

	fn open_poll(
		community: UnitId,
		question: [u8; 32],
		options: u8,
		closes: u64,
	) -> Result<PollId, DispatchError> {
		if POLLS_REFUSED.with(|refused| refused.replace(refused.get().saturating_sub(1))) > 0 {
			return Err(DispatchError::Other("RingsBeingBuilt"));
		}
		POLLS.with(|polls| {
			let mut polls = polls.borrow_mut();
			let tally = vec![0; options as usize];
			polls.push(OpenedPoll { community, question, options, closes, tally });
			Ok(polls.len() as PollId - 1)
		})
	}

	fn tally(poll: PollId) -> Option<Vec<u32>> {
		POLLS.with(|polls| polls.borrow().get(poll as usize).map(|poll| poll.tally.clone()))
	}

	fn open_poll_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}

	fn tally_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// Anonymous ballots for option `choice` (0 aye, 1 nay, 2 abstain) in poll `poll`, while it is
/// open (as the ballot pallet takes them).
pub fn cast_anonymously(poll: PollId, choice: usize, ballots: u32) {
	let now = System::block_number();
	POLLS.with(|polls| {
		let mut polls = polls.borrow_mut();
		let poll = &mut polls[poll as usize];
		assert!(now < poll.closes, "the poll is closed");
		poll.tally[choice] += ballots;
	});
}

/// The most queued phase changes handled in one block.
pub const MAX_DUE_PER_BLOCK: u32 = 3;

/// How long an ended topic's records are kept, in blocks.
pub const RETENTION: u64 = 50;

pub const SUPPORT_PERIOD: u64 = 10;
pub const WAIT: u64 = 20;
pub const DELIBERATION: u64 = 5;
pub const VOTING: u64 = 10;
pub const REVEAL: u64 = 5;

parameter_types! {
	pub const MinSupportShare: Permill = Permill::from_percent(1);
	pub const MaxSupportShare: Permill = Permill::from_percent(50);
	pub const DefaultUnitRules: UnitRules =
		UnitRules { support: SupportThreshold::Absolute(3), batch: 2 };
	pub const DefaultPeriods: Periods<u64> = Periods {
		support: SUPPORT_PERIOD,
		wait: WAIT,
		deliberation: DELIBERATION,
		voting: VOTING,
		reveal: REVEAL,
	};
}

impl pallet_consultation::Config for Test {
	type Registry = PartyBranch;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type VoteOutcome = RecordResults;
	type Spends = RecordSpends;
	type Referenda = RecordReferenda;
	type AnonymousPolls = RecordPolls;
	type MaxTitleLength = ConstU32<16>;
	type MaxBodyLength = ConstU32<32>;
	type MaxOpinionLength = ConstU32<16>;
	type MaxOpinionsPerTopic = ConstU32<3>;
	type MaxOfflineBallotsPerOfficer = ConstU32<3>;
	type MaxProgressReports = ConstU32<2>;
	type MaxTopicsPerMeeting = ConstU32<3>;
	type MaxOpenTopicsPerResident = ConstU32<2>;
	type MinSupportShare = MinSupportShare;
	type MaxSupportShare = MaxSupportShare;
	type DefaultUnitRules = DefaultUnitRules;
	type DefaultPeriods = DefaultPeriods;
	type MaxDuePerBlock = ConstU32<MAX_DUE_PER_BLOCK>;
	type DefaultRetention = ConstU64<RETENTION>;
	type MinRetention = ConstU64<10>;
	type MaxPrunedPerStep = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

pub const DISTRICT: UnitId = 0;
pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;
pub const BAMBOO: UnitId = 3;

pub const DISTRICT_SECRETARY: AccountId = 1;
pub const STREET_SECRETARY: AccountId = 2;
pub const PLUM_SECRETARY: AccountId = 3;
pub const BAMBOO_SECRETARY: AccountId = 5;
pub const POLLING_OFFICER: AccountId = 6;
pub const NOBODY: AccountId = 7;
pub const CONTRACTOR: AccountId = 8;
pub const BAMBOO_RESIDENTS: [AccountId; 2] = [20, 21];
/// Plum's residents.
pub const PLUM_RESIDENTS: core::ops::RangeInclusive<AccountId> = 10..=19;

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee: vec![] }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, Consultation::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut residents: Vec<_> =
		PLUM_RESIDENTS.map(|r| (r, PLUM, sp_core::H256::repeat_byte(r as u8))).collect();
	residents.extend(BAMBOO_RESIDENTS.map(|r| (r, BAMBOO, sp_core::H256::repeat_byte(r as u8))));
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", DISTRICT_SECRETARY),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", STREET_SECRETARY),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY),
			unit(UnitLevel::Community, Some(STREET), "Bamboo", BAMBOO_SECRETARY),
		],
		residents,
		roles: vec![(POLLING_OFFICER, Role::PollingOfficer, PLUM)],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	SPENDS.with(|s| s.borrow_mut().clear());
	RESULTS.with(|r| r.borrow_mut().clear());
	REFERENDA.with(|r| r.borrow_mut().clear());
	POLLS.with(|p| p.borrow_mut().clear());
	POLLS_REFUSED.with(|refused| refused.set(0));
	POLLS_AVAILABLE.with(|available| available.set(true));
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Runs the blocks after the current one up to `n`, with this pallet's hooks (`on_idle` with a
/// generous spare weight).
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Consultation::on_initialize(next);
		Consultation::on_idle(next, Weight::from_parts(1_000_000_000_000, 1_000_000));
	}
}
