//! The records this pallet stores, and the rules it applies.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::{
	civic::UnitId,
	votes::{SpendCategory, VoteSubject},
};
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// The index of a consultation meeting.
pub type MeetingId = u32;

/// What a topic is about. Each category has its own [`VoteRules`].
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
)]
pub enum Category {
	/// Neighbourhood life: rules of the estate, parking, noise, pets.
	#[codec(index = 0)]
	PublicAffairs,
	/// Greening, sanitation, waste sorting.
	#[codec(index = 1)]
	Environment,
	/// Works on shared property: lifts, roofs, renovations. A higher bar by default.
	#[codec(index = 2)]
	Facilities,
	/// Safety and emergencies.
	#[codec(index = 3)]
	Safety,
	/// Spending public money: topics that ask the treasury to pay, and spends residents objected
	/// to.
	#[codec(index = 4)]
	Funds,
	/// Anything else.
	#[codec(index = 5)]
	Other,
}

impl Category {
	/// The rules a category has until governance sets others: a fifth of the electorate must
	/// take part and a simple majority decides; works on shared property need half the
	/// electorate and two thirds; spending needs three tenths.
	pub fn default_rules(self) -> VoteRules {
		let (quorum, majority) = match self {
			Category::Facilities => (50, Majority::TwoThirds),
			Category::Funds => (30, Majority::Simple),
			_ => (20, Majority::Simple),
		};
		VoteRules { quorum: Permill::from_percent(quorum), majority }
	}
}

/// How many ayes approve a topic.
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
)]
pub enum Majority {
	/// More ayes than nays. Equal numbers are a tie, and a tie does not approve.
	#[codec(index = 0)]
	Simple,
	/// At least two thirds of the ayes and nays together are ayes.
	#[codec(index = 1)]
	TwoThirds,
}

/// Quorum and majority of a category.
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
)]
pub struct VoteRules {
	/// The share of the electorate that must cast a ballot (any ballot: aye, nay, abstain,
	/// unrevealed) for the result to stand.
	pub quorum: Permill,
	/// How many ayes approve.
	pub majority: Majority,
}

/// How many supports qualify a topic.
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
)]
pub enum SupportThreshold {
	/// A number of residents.
	#[codec(index = 0)]
	Absolute(u32),
	/// A share of the unit's residents when the topic is raised, rounded up.
	#[codec(index = 1)]
	Share(Permill),
}

/// A unit's rules, set by its officers within the chain's bounds.
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
)]
pub struct UnitRules {
	/// Supports that qualify a topic.
	pub support: SupportThreshold,
	/// K: a meeting convenes as soon as this many topics are qualified.
	pub batch: u32,
}

/// The chain-wide periods, in blocks. Every item of a kind waits the same period, which keeps
/// the phase-change queues in due order.
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
pub struct Periods<BlockNumber> {
	/// How long a topic gathers supports before it lapses.
	pub support: BlockNumber,
	/// T: the longest a qualified topic waits for its meeting.
	pub wait: BlockNumber,
	/// How long a meeting deliberates before voting opens.
	pub deliberation: BlockNumber,
	/// How long voting lasts.
	pub voting: BlockNumber,
	/// How long voters of secret ballots have to reveal them after voting closes.
	pub reveal: BlockNumber,
}

/// A topic's text: a short body, or the hash of a document published off chain.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub enum Body<Text> {
	/// A short text, UTF-8.
	#[codec(index = 0)]
	Text(Text),
	/// The blake2-256 hash of the document.
	#[codec(index = 1)]
	Document([u8; 32]),
}

/// What happens when a topic is decided.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub enum Action<AccountId> {
	/// A resolution: the officers carry it out and report their progress on chain.
	#[codec(index = 0)]
	Resolution,
	/// If approved, the unit's pot pays `amount` to `beneficiary` from the `category` budget
	/// line.
	#[codec(index = 1)]
	TreasurySpend { beneficiary: AccountId, amount: u128, category: SpendCategory },
	/// Another pallet asked for this vote; the result, approved or not, goes back to it.
	#[codec(index = 2)]
	Decide(VoteSubject),
	/// A district topic: if approved, the call with this preimage (blake2-256 hash, length in
	/// bytes) is proposed for a referendum of the district's residents.
	#[codec(index = 3)]
	Referendum { proposal_hash: [u8; 32], proposal_len: u32 },
}

/// Where a topic stands.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub enum TopicStatus<BlockNumber> {
	/// Gathering supports until the block given, when it lapses.
	#[codec(index = 0)]
	Gathering { until: BlockNumber },
	/// Qualified at the block given; waiting for a meeting.
	#[codec(index = 1)]
	Qualified { since: BlockNumber },
	/// On the agenda of a meeting.
	#[codec(index = 2)]
	InMeeting(MeetingId),
	/// Decided at the block given. Final.
	#[codec(index = 3)]
	Closed { outcome: Outcome, at: BlockNumber },
	/// Withdrawn by its author before any meeting.
	#[codec(index = 4)]
	Withdrawn,
	/// Did not gather enough supports in time.
	#[codec(index = 5)]
	Lapsed,
}

/// The result of a vote.
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
)]
pub enum Outcome {
	/// Quorum reached and the majority of the topic's category voted aye.
	#[codec(index = 0)]
	Approved,
	/// Quorum reached, the majority not.
	#[codec(index = 1)]
	Rejected,
	/// Quorum reached, as many ayes as nays under a simple majority: not approved; the matter may
	/// be raised again.
	#[codec(index = 2)]
	Tied,
	/// Too few ballots: not approved, whatever the counts.
	#[codec(index = 3)]
	NoQuorum,
}

/// A ballot's choice.
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
)]
pub enum Choice {
	#[codec(index = 0)]
	Aye,
	#[codec(index = 1)]
	Nay,
	#[codec(index = 2)]
	Abstain,
}

/// The counts of a topic's ballots.
#[derive(
	Copy,
	Clone,
	Default,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally {
	pub ayes: u32,
	pub nays: u32,
	pub abstentions: u32,
	/// Secret ballots not revealed (yet). At close they count as abstentions: they took part,
	/// and support neither side.
	pub sealed: u32,
}

impl Tally {
	/// Every ballot cast.
	pub fn turnout(&self) -> u32 {
		self.ayes
			.saturating_add(self.nays)
			.saturating_add(self.abstentions)
			.saturating_add(self.sealed)
	}

	pub(crate) fn add(&mut self, choice: Choice) {
		let count = self.count_of(choice);
		*count = count.saturating_add(1);
	}

	pub(crate) fn remove(&mut self, choice: Choice) {
		let count = self.count_of(choice);
		*count = count.saturating_sub(1);
	}

	fn count_of(&mut self, choice: Choice) -> &mut u32 {
		match choice {
			Choice::Aye => &mut self.ayes,
			Choice::Nay => &mut self.nays,
			Choice::Abstain => &mut self.abstentions,
		}
	}
}

/// What a ballot holds.
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
)]
pub enum BallotVote {
	/// A choice in the open (or revealed).
	#[codec(index = 0)]
	Open(Choice),
	/// A secret ballot's commitment: blake2-256 of `(topic, voter, choice, salt)` SCALE-encoded,
	/// the salt being 32 random bytes the voter keeps until the reveal.
	#[codec(index = 1)]
	Sealed([u8; 32]),
}

/// How a ballot was cast.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub enum Channel<AccountId> {
	/// By the resident's own account (or a proxy acting for it).
	#[codec(index = 0)]
	Online,
	/// On paper or in person, recorded by the polling officer named.
	#[codec(index = 1)]
	Offline { officer: AccountId },
}

/// A resident's ballot on a topic.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct Ballot<AccountId> {
	pub vote: BallotVote,
	pub channel: Channel<AccountId>,
}

/// How a topic's ballots are cast. Its codec indices are those `false` and `true` had when this
/// was a flag (`secret`), so topics stored before read unchanged.
#[derive(
	Copy,
	Clone,
	Default,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Secrecy {
	/// Residents vote by name and the running tally is public.
	#[default]
	#[codec(index = 0)]
	Open,
	/// Commit–reveal: choices are sealed until voting closes, then revealed by name.
	#[codec(index = 1)]
	Sealed,
	/// Anonymous ballots in a poll of pallet-anonymous-ballot: no ballot names its voter, ever.
	/// Options: 0 aye, 1 nay, 2 abstain. Paper ballots are polling stations' counts there.
	#[codec(index = 2)]
	Anonymous,
}

/// The options of a topic's anonymous poll, in order.
pub const ANONYMOUS_OPTIONS: [Choice; 3] = [Choice::Aye, Choice::Nay, Choice::Abstain];

/// A consultation topic.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct Topic<AccountId, BlockNumber, Title, Text> {
	/// The community or street whose residents decide it.
	pub unit: UnitId,
	/// Who raised it; `None` when another pallet asked for the vote.
	pub author: Option<AccountId>,
	pub title: Title,
	pub body: Body<Text>,
	pub category: Category,
	pub action: Action<AccountId>,
	/// How its ballots are cast: in the open, sealed until voting closes, or anonymously.
	pub secrecy: Secrecy,
	pub supports: u32,
	/// Supports that qualify it, fixed when it is raised.
	pub support_threshold: u32,
	pub status: TopicStatus<BlockNumber>,
	pub raised_at: BlockNumber,
	pub tally: Tally,
	/// The residents entitled to vote, counted when voting opened.
	pub electorate: u32,
	/// Opinions given during deliberation.
	pub opinions: u32,
	/// Progress reports on an approved topic.
	pub reports: u32,
	/// Whether the officers reported the approved topic carried out.
	pub completed: bool,
}

/// Where a meeting stands.
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
)]
pub enum Phase<BlockNumber> {
	/// Residents give opinions until the block given, when voting opens.
	#[codec(index = 0)]
	Deliberation { until: BlockNumber },
	/// Residents vote until the block given.
	#[codec(index = 1)]
	Voting { until: BlockNumber },
	/// Voting closed; secret ballots are revealed until the block given.
	#[codec(index = 2)]
	Revealing { until: BlockNumber },
	/// Every topic on the agenda is decided.
	#[codec(index = 3)]
	Closed,
}

/// A consultation meeting: the topics a unit decides together.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct Meeting<BlockNumber, Topics> {
	pub unit: UnitId,
	pub topics: Topics,
	pub phase: Phase<BlockNumber>,
	pub convened_at: BlockNumber,
	/// When voting opened: residents registered from this block on are not in the electorate.
	pub voting_opened_at: Option<BlockNumber>,
	/// Whether any topic has sealed or anonymous ballots, which adds a phase after voting:
	/// sealed ballots are revealed, and anonymous polls' paper counts countersigned.
	pub secret: bool,
}

/// An officer's report on carrying out an approved topic.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct ProgressReport<AccountId, BlockNumber, Text> {
	pub by: AccountId,
	pub at: BlockNumber,
	pub text: Text,
}

/// An officer's official answer to an ended topic: like a progress report, who, when and what.
pub type OfficialAnswer<AccountId, BlockNumber, Text> =
	ProgressReport<AccountId, BlockNumber, Text>;
