//! A test runtime: System, Balances, the real Party-branch registry and this pallet.
//!
//! The organisation: district 0 (secretary 1) → street 1 (secretary 2) → communities 2 "Plum"
//! (secretary 3, committee member 4, housing officer 8) and 3 "Bamboo" (secretary 5). Resident
//! 10 lives in Plum; 7 is nobody.
//!
//! The sample estate ([`estate_ready`]), 1,000 m² in ten units of 100 m², in Plum: owner A holds
//! three units, B one (with co-owner B2), C one, D one, the developer four unsold ones. Five
//! owners; A, B, C and D have 1,000 units of money each, the contractor none.

use crate as pallet_owners_assembly;
use crate::{Area, Choice, EstateId, Matter, MatterInputOf, Question, VoteId};
use frame_support::{
	assert_ok, derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
	PalletId,
};
use gongzhi_primitives::civic::{Role, UnitId, UnitLevel};
use pallet_party_branch::GenesisUnit;
use sp_runtime::BuildStorage;

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
	pub type OwnersAssembly = pallet_owners_assembly;
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

pub const NOTICE: u64 = 3;
pub const RETENTION: u64 = 20;

frame_support::parameter_types! {
	pub const OwnersPalletId: PalletId = PalletId(*b"gz/owner");
}

impl pallet_owners_assembly::Config for Test {
	type Registry = PartyBranch;
	type Currency = Balances;
	type PalletId = OwnersPalletId;
	type MaxNameLength = ConstU32<16>;
	type MaxTitleLength = ConstU32<32>;
	type MaxTextLength = ConstU32<32>;
	type MaxUnitsPerEstate = ConstU32<12>;
	type MaxCoOwners = ConstU32<2>;
	type MaxCommittee = ConstU32<3>;
	type MaxMatters = ConstU32<4>;
	type MaxAlternatives = ConstU32<3>;
	type MaxCandidates = ConstU32<4>;
	type MaxTallyRows = ConstU32<5>;
	type MaxOpenVotes = ConstU32<2>;
	type MaxClosingPerBlock = ConstU32<2>;
	type MaxCompanyNotes = ConstU32<2>;
	type DefaultNoticePeriod = ConstU64<NOTICE>;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<100>;
	type Retention = ConstU64<RETENTION>;
	type MaxPrunedPerStep = ConstU32<3>;
	type AnonymousRolls = Rolls;
	type MaxStationVoters = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

/// A stand-in for pallet-anonymous-ballot's polls of an electorate (its own tests and the
/// runtime's, with real proofs, test the ballots themselves): it records what it is asked, who
/// enrolled ([`enrol_online`], which asks this pallet for the owner's weight as the real one
/// does) and the tally the tests give it ([`set_online_tally`]).
pub struct Rolls;

/// What [`Rolls`] was told of a poll.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FakeRoll {
	pub community: UnitId,
	pub electorate: u32,
	pub opens: u64,
	pub closes: u64,
	pub marks: u8,
	/// `(options, allowed, blank)` once opened.
	pub opened: Option<(u8, u32, Option<u8>)>,
	pub enrolled: Vec<(AccountId, u64)>,
	pub tally: gongzhi_primitives::votes::WeightedTally,
}

std::thread_local! {
	pub static ROLLS: core::cell::RefCell<Vec<FakeRoll>> = const { core::cell::RefCell::new(Vec::new()) };
	/// Whether the next announcement fails (as the real pallet's does when it keeps too many
	/// polls).
	pub static ROLLS_FULL: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// What [`Rolls`] knows of poll `poll`.
pub fn fake_roll(poll: u32) -> FakeRoll {
	ROLLS.with(|r| r.borrow()[poll as usize].clone())
}

/// `who` enrols in `poll` to vote online, with the weight this pallet gives them.
pub fn enrol_online(poll: u32, who: AccountId) -> Result<u64, &'static str> {
	use gongzhi_primitives::votes::WeightedElectorate;
	let roll = fake_roll(poll);
	if System::block_number() >= roll.opens {
		return Err("enrolment closed");
	}
	let weight = OwnersAssembly::weight_of(roll.electorate, &who).ok_or("not an elector")?;
	ROLLS.with(|r| r.borrow_mut()[poll as usize].enrolled.push((who, weight)));
	Ok(weight)
}

/// The anonymous ballots `poll` counted: per option (voters, weight), and the turnout.
pub fn set_online_tally(poll: u32, options: Vec<(u32, u64)>, turnout: (u32, u64)) {
	ROLLS.with(|r| {
		r.borrow_mut()[poll as usize].tally =
			gongzhi_primitives::votes::WeightedTally { options, turnout }
	});
}

impl gongzhi_primitives::votes::AnonymousRolls<AccountId, u64> for Rolls {
	fn announce(
		community: UnitId,
		electorate: u32,
		_question: [u8; 32],
		opens: u64,
		closes: u64,
		marks: u8,
	) -> Result<u32, sp_runtime::DispatchError> {
		if ROLLS_FULL.with(|f| f.get()) {
			return Err(sp_runtime::DispatchError::Other("too many polls"));
		}
		ROLLS.with(|r| {
			let mut rolls = r.borrow_mut();
			rolls.push(FakeRoll { community, electorate, opens, closes, marks, ..Default::default() });
			Ok(rolls.len() as u32 - 1)
		})
	}
	fn open(poll: u32, options: u8, allowed: u32, blank: Option<u8>) -> sp_runtime::DispatchResult {
		ROLLS.with(|r| r.borrow_mut()[poll as usize].opened = Some((options, allowed, blank)));
		Ok(())
	}
	fn enrolled(poll: u32, who: &AccountId) -> bool {
		fake_roll(poll).enrolled.iter().any(|(w, _)| w == who)
	}
	fn tally(poll: u32) -> Option<gongzhi_primitives::votes::WeightedTally> {
		ROLLS.with(|r| r.borrow().get(poll as usize).map(|roll| roll.tally.clone()))
	}
	fn announce_weight() -> Weight {
		Weight::zero()
	}
	fn open_weight() -> Weight {
		Weight::zero()
	}
	fn read_weight() -> Weight {
		Weight::zero()
	}
}

pub const DISTRICT: UnitId = 0;
pub const STREET: UnitId = 1;
pub const PLUM: UnitId = 2;

pub const DISTRICT_SECRETARY: AccountId = 1;
pub const STREET_SECRETARY: AccountId = 2;
pub const PLUM_SECRETARY: AccountId = 3;
pub const PLUM_COMMITTEE: AccountId = 4;
pub const BAMBOO_SECRETARY: AccountId = 5;
pub const NOBODY: AccountId = 7;
pub const HOUSING: AccountId = 8;
pub const RESIDENT: AccountId = 10;

pub const A: AccountId = 30;
pub const B: AccountId = 31;
pub const C: AccountId = 32;
pub const D: AccountId = 33;
pub const BUYER: AccountId = 34;
pub const DEVELOPER: AccountId = 39;
pub const B2: AccountId = 41;
pub const CONTRACTOR: AccountId = 50;
pub const COMPANY: AccountId = 51;

/// Square metres in square centimetres.
pub const fn m2(m: u64) -> Area {
	m * 10_000
}

fn unit(
	level: UnitLevel,
	parent: Option<UnitId>,
	name: &str,
	secretary: AccountId,
	committee: Vec<AccountId>,
) -> GenesisUnit<AccountId> {
	GenesisUnit { level, parent, name: name.into(), secretary: Some(secretary), committee }
}

pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, OwnersAssembly::do_try_state);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [A, B, C, D, BUYER, DEVELOPER, COMPANY, PLUM_COMMITTEE]
			.into_iter()
			.map(|who| (who, 1_000))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_party_branch::GenesisConfig::<Test> {
		units: vec![
			unit(UnitLevel::District, None, "District", DISTRICT_SECRETARY, vec![]),
			unit(UnitLevel::Street, Some(DISTRICT), "Street", STREET_SECRETARY, vec![]),
			unit(UnitLevel::Community, Some(STREET), "Plum", PLUM_SECRETARY, vec![PLUM_COMMITTEE]),
			unit(UnitLevel::Community, Some(STREET), "Bamboo (3)", BAMBOO_SECRETARY, vec![]),
		],
		residents: vec![(RESIDENT, PLUM, sp_core::H256::repeat_byte(10))],
		roles: vec![(HOUSING, Role::HousingOfficer, PLUM)],
		free_call_quota: 0,
		vote_vesting_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ROLLS.with(|r| r.borrow_mut().clear());
	ROLLS_FULL.with(|f| f.set(false));
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}

/// Runs the blocks after the current one up to `n`, with this pallet's hooks.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		OwnersAssembly::on_initialize(next);
		OwnersAssembly::on_idle(next, Weight::MAX);
	}
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::OwnersAssembly(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The pallet's last event.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event")
}

/// A certificate hash.
pub fn certificate(n: u8) -> sp_core::H256 {
	sp_core::H256::repeat_byte(n)
}

/// Registers the sample estate, unconfirmed: its id.
pub fn sample_estate() -> EstateId {
	let id = crate::NextEstateId::<Test>::get();
	assert_ok!(OwnersAssembly::register_estate(
		RuntimeOrigin::signed(PLUM_SECRETARY),
		PLUM,
		b"Lotus Court".to_vec(),
		m2(1000)
	));
	let mut owners: Vec<Vec<AccountId>> =
		vec![vec![A], vec![A], vec![A], vec![B, B2], vec![C], vec![D]];
	owners.extend((0..4).map(|_| vec![DEVELOPER]));
	for (n, owners) in owners.into_iter().enumerate() {
		let developer = owners == vec![DEVELOPER];
		assert_ok!(OwnersAssembly::register_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			1 + (n as u16) / 5,
			m2(100),
			certificate(n as u8),
			owners,
			developer
		));
	}
	id
}

/// The sample estate, its register confirmed by a second person.
pub fn estate_ready() -> EstateId {
	let id = sample_estate();
	assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_COMMITTEE), id));
	id
}

/// A motion of `category` doing `action`.
pub fn motion(
	category: crate::Category,
	action: crate::Action<AccountId, u64>,
) -> MatterInputOf<Test> {
	Matter { title: b"a motion".to_vec(), category, question: Question::Motion(action) }
}

/// Calls a vote by Plum's secretary (no committee yet) on `matters`, open for 10 blocks after
/// the notice: its id.
pub fn call(estate: EstateId, matters: Vec<MatterInputOf<Test>>) -> VoteId {
	let id = crate::NextVoteId::<Test>::get();
	assert_ok!(OwnersAssembly::call_vote(
		RuntimeOrigin::signed(PLUM_SECRETARY),
		estate,
		matters,
		10
	));
	id
}

/// Runs to the block the vote opens.
pub fn open(vote: VoteId) {
	run_to_block(crate::Votes::<Test>::get(vote).unwrap().opens);
}

/// Runs to the block the vote is counted.
pub fn close(vote: VoteId) {
	run_to_block(crate::Votes::<Test>::get(vote).unwrap().closes);
}

/// `who` casts `choices`.
pub fn ballot(vote: VoteId, who: AccountId, choices: Vec<Choice<Vec<u8>>>) {
	assert_ok!(OwnersAssembly::cast_ballot(RuntimeOrigin::signed(who), vote, choices));
}
