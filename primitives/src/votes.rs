//! Resident votes asked for by other pallets.
//!
//! Some decisions are not an officer's to take: a treasury spend that residents objected to, or
//! one above the community's cap, must pass a vote of the unit's residents. The pallet that needs
//! the decision asks for it through [`ResidentVoteRequester`] (which the consultation pallet
//! implements: it convenes the vote) and hears the result through [`ResidentVoteOutcome`] (which
//! the asking pallet implements). Neither pallet depends on the other.
//!
//! A district-wide matter that residents approve in a consultation goes on to a referendum of the
//! district through [`DistrictReferenda`].
//!
//! The other way round, residents may raise a topic that asks for money ("repaint the
//! playground, 3,000 from the community pot"); when the vote approves it, the consultation pallet
//! asks the treasury to pay through [`ResidentSpends`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

use crate::civic::UnitId;

/// The index of a community treasury spend.
pub type SpendIndex = u32;

/// The index of a consultation topic.
pub type TopicId = u32;

/// What a spend is for. Budget lines are set per category.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum SpendCategory {
	/// Repairs and upkeep of shared facilities: lifts, roofs, lighting, fitness equipment.
	#[codec(index = 0)]
	Facilities,
	/// Greening, sanitation, waste sorting.
	#[codec(index = 1)]
	Environment,
	/// Care for the elderly and disabled.
	#[codec(index = 2)]
	ElderlyCare,
	/// Children and youth.
	#[codec(index = 3)]
	Youth,
	/// Culture, sport, festivals.
	#[codec(index = 4)]
	Culture,
	/// Subsidies to assistance requests.
	#[codec(index = 5)]
	Assistance,
	/// Safety and emergencies.
	#[codec(index = 6)]
	Safety,
	/// Running the residents' committee.
	#[codec(index = 7)]
	Administration,
	/// Anything else.
	#[codec(index = 8)]
	Other,
}

/// What residents are asked to decide.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum VoteSubject {
	/// Whether the community treasury pays this spend.
	#[codec(index = 0)]
	TreasurySpend(SpendIndex),
}

/// Convenes a vote of `unit`'s residents on a subject.
pub trait ResidentVoteRequester {
	/// Asks the residents of `unit` to decide `subject`. The result comes back later through the
	/// asking pallet's [`ResidentVoteOutcome`].
	fn request_vote(unit: UnitId, subject: VoteSubject) -> DispatchResult;

	/// The most [`Self::request_vote`] costs: the asking pallet adds it to its calls' weights.
	fn request_vote_weight() -> Weight;

	/// Whether a requested vote is really put to the residents, who then always decide it. If
	/// so, nobody else may decide the subject in their place.
	fn convenes_votes() -> bool;
}

/// No vote is convened: the subject waits for governance to decide it.
impl ResidentVoteRequester for () {
	fn request_vote(_unit: UnitId, _subject: VoteSubject) -> DispatchResult {
		Ok(())
	}

	fn request_vote_weight() -> Weight {
		Weight::zero()
	}

	fn convenes_votes() -> bool {
		false
	}
}

/// Hears the result of a vote that was asked for.
pub trait ResidentVoteOutcome {
	/// The residents decided `subject`: `approved` or not.
	fn vote_concluded(subject: VoteSubject, approved: bool) -> DispatchResult;

	/// The most [`Self::vote_concluded`] costs: the deciding pallet adds it to its own weight.
	fn vote_concluded_weight() -> Weight;
}

/// Pays what residents decided: a treasury spend that a consultation vote approved.
pub trait ResidentSpends<AccountId> {
	/// Pays `amount` from `unit`'s pot to `beneficiary`, as topic `topic` (raised by `proposer`)
	/// decided. The residents' vote stands in for the supervisors' approvals and the notice
	/// period; the budget line still applies. Returns the spend's index; if the pot cannot pay
	/// yet, the spend stays, failed and retryable.
	fn pay_decided_spend(
		unit: UnitId,
		topic: TopicId,
		proposer: &AccountId,
		beneficiary: &AccountId,
		amount: u128,
		category: SpendCategory,
	) -> Result<SpendIndex, DispatchError>;

	/// The most [`Self::pay_decided_spend`] costs.
	fn pay_decided_spend_weight() -> Weight;
}

/// No treasury: a decided spend cannot be paid.
impl<AccountId> ResidentSpends<AccountId> for () {
	fn pay_decided_spend(
		_unit: UnitId,
		_topic: TopicId,
		_proposer: &AccountId,
		_beneficiary: &AccountId,
		_amount: u128,
		_category: SpendCategory,
	) -> Result<SpendIndex, DispatchError> {
		Err(DispatchError::Other("no treasury pays decided spends"))
	}

	fn pay_decided_spend_weight() -> Weight {
		Weight::zero()
	}
}

/// Puts a matter residents approved to a referendum of the whole district.
pub trait DistrictReferenda {
	/// Proposes the call whose preimage has blake2-256 `hash` and `len` bytes for a referendum
	/// (simple majority). The preimage must be noted before the referendum can be enacted.
	fn propose_referendum(hash: [u8; 32], len: u32) -> DispatchResult;

	/// The most [`Self::propose_referendum`] costs.
	fn propose_referendum_weight() -> Weight;
}

/// No referenda: a proposal cannot be put.
impl DistrictReferenda for () {
	fn propose_referendum(_hash: [u8; 32], _len: u32) -> DispatchResult {
		Err(DispatchError::Other("no referenda"))
	}

	fn propose_referendum_weight() -> Weight {
		Weight::zero()
	}
}

/// The number of an anonymous poll.
pub type PollId = u32;

/// Anonymous polls another pallet opens and reads: a consultation topic marked anonymous is voted
/// on in one (pallet-anonymous-ballot implements it). The electorate is a community's residents
/// who hold ballot keys when the poll opens, plus paper voters at polling stations; ballots carry
/// no account, so the asking pallet sees only the counts.
pub trait AnonymousPolls<BlockNumber> {
	/// Whether anonymous polls exist on this chain at all.
	fn available() -> bool;

	/// Opens a poll of `community` now, on the question whose blake2-256 hash is `question`,
	/// with `options` options, taking ballots until block `closes` (the first block refused).
	/// Voters may change their ballot until then. Refused while a ring of the community is being
	/// built (try again a block later), when the community has no ballot keys, or when too many
	/// polls are kept.
	fn open_poll(
		community: UnitId,
		question: [u8; 32],
		options: u8,
		closes: BlockNumber,
	) -> Result<PollId, DispatchError>;

	/// The poll's ballots per option (online and countersigned paper together); `None` if there
	/// is no such poll (never opened, or pruned).
	fn tally(poll: PollId) -> Option<alloc::vec::Vec<u32>>;

	/// The most [`Self::open_poll`] costs.
	fn open_poll_weight() -> Weight;

	/// The most [`Self::tally`] costs.
	fn tally_weight() -> Weight;
}

/// No anonymous polls: topics cannot be voted on anonymously.
impl<BlockNumber> AnonymousPolls<BlockNumber> for () {
	fn available() -> bool {
		false
	}

	fn open_poll(
		_community: UnitId,
		_question: [u8; 32],
		_options: u8,
		_closes: BlockNumber,
	) -> Result<PollId, DispatchError> {
		Err(DispatchError::Other("no anonymous polls"))
	}

	fn tally(_poll: PollId) -> Option<alloc::vec::Vec<u32>> {
		None
	}

	fn open_poll_weight() -> Weight {
		Weight::zero()
	}

	fn tally_weight() -> Weight {
		Weight::zero()
	}
}

/// An electorate another pallet keeps, by its own number: an owners' assembly's vote.
pub type ElectorateId = u32;

/// Who belongs to an electorate another pallet keeps, and with what weight: the owners of an
/// estate when an assembly vote was called, each with the floor area they vote with (cm²).
/// pallet-owners-assembly implements it; pallet-anonymous-ballot asks it when an owner enrols in
/// a poll of that electorate ([`AnonymousRolls`]).
pub trait WeightedElectorate<AccountId> {
	/// `who`'s weight in `electorate`, if they belong to it and it takes anonymous ballots.
	fn weight_of(electorate: ElectorateId, who: &AccountId) -> Option<u64>;

	/// The most [`Self::weight_of`] costs.
	fn weight_of_weight() -> Weight;
}

/// Nobody belongs to any electorate kept elsewhere.
impl<AccountId> WeightedElectorate<AccountId> for () {
	fn weight_of(_electorate: ElectorateId, _who: &AccountId) -> Option<u64> {
		None
	}

	fn weight_of_weight() -> Weight {
		Weight::zero()
	}
}

/// What an anonymous poll of a weighted electorate counted: per option, and for everyone who
/// took part, how many voters and their total weight.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, Default, TypeInfo)]
pub struct WeightedTally {
	/// Per option: voters who marked it and their weight.
	pub options: alloc::vec::Vec<(u32, u64)>,
	/// Voters who cast a ballot and their weight.
	pub turnout: (u32, u64),
}

/// Anonymous polls of an electorate another pallet keeps ([`WeightedElectorate`]): a secret
/// election of an owners' committee. The asking pallet announces the poll when it calls the
/// vote; until ballots open, each member who wants to vote online *enrols* with a ballot key
/// (public: that they enrolled, not how they vote) and is put in a ring of members of the same
/// weight, so that every ballot counts its voter and its ring's weight exactly. When ballots
/// open the asking pallet fixes the options; at the close it reads the weighted tally. Members
/// who did not enrol vote on paper with the asking pallet. pallet-anonymous-ballot implements it.
pub trait AnonymousRolls<AccountId, BlockNumber> {
	/// Announces a poll of `electorate` (whose officers are those of `community`) on the
	/// question whose blake2-256 hash is `question`: enrolment until `opens`, ballots from then
	/// (once its rings are built) until `closes`; each voter marks up to `marks` options, each
	/// once.
	fn announce(
		community: UnitId,
		electorate: ElectorateId,
		question: [u8; 32],
		opens: BlockNumber,
		closes: BlockNumber,
		marks: u8,
	) -> Result<PollId, DispatchError>;

	/// Fixes the announced poll's options when ballots open: `options` of them, those in
	/// `allowed` (a bit per option) may be marked, and `blank` is marked alone if at all.
	fn open(poll: PollId, options: u8, allowed: u32, blank: Option<u8>) -> DispatchResult;

	/// Whether `who` enrolled in the poll (then they vote online, not on paper).
	fn enrolled(poll: PollId, who: &AccountId) -> bool;

	/// The poll's weighted tally; `None` if there is no such poll.
	fn tally(poll: PollId) -> Option<WeightedTally>;

	/// The most [`Self::announce`] costs.
	fn announce_weight() -> Weight;

	/// The most [`Self::open`] costs.
	fn open_weight() -> Weight;

	/// The most [`Self::enrolled`] or [`Self::tally`] costs.
	fn read_weight() -> Weight;
}

/// No anonymous polls of other electorates: secret elections cannot be called.
impl<AccountId, BlockNumber> AnonymousRolls<AccountId, BlockNumber> for () {
	fn announce(
		_community: UnitId,
		_electorate: ElectorateId,
		_question: [u8; 32],
		_opens: BlockNumber,
		_closes: BlockNumber,
		_marks: u8,
	) -> Result<PollId, DispatchError> {
		Err(DispatchError::Other("no anonymous polls"))
	}

	fn open(_poll: PollId, _options: u8, _allowed: u32, _blank: Option<u8>) -> DispatchResult {
		Err(DispatchError::Other("no anonymous polls"))
	}

	fn enrolled(_poll: PollId, _who: &AccountId) -> bool {
		false
	}

	fn tally(_poll: PollId) -> Option<WeightedTally> {
		None
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
