//! The records of public affairs: notices, replies, matters and their answers, statistics, and
//! texts taken down. Every stored enum pins its codec indices.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::civic::UnitId;
use scale_info::TypeInfo;

/// A notice's number.
pub type NoticeId = u32;
/// A matter's number.
pub type MatterId = u32;

/// What a notice discloses (居务公开, 党务公开, 财务公开, 房务公开) or warns of.
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
pub enum NoticeCategory {
	/// 居务公开: the residents' committee's affairs.
	#[codec(index = 0)]
	ResidentsAffairs,
	/// 党务公开: the Party branch's affairs.
	#[codec(index = 1)]
	PartyAffairs,
	/// 财务公开: finances.
	#[codec(index = 2)]
	Finances,
	/// 房务公开: housing and property.
	#[codec(index = 3)]
	Housing,
	/// An emergency: weather, water, safety.
	#[codec(index = 4)]
	Emergency,
}

/// A notice's body: a short text, or a long document published off chain.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub enum NoticeBody<Text, Uri> {
	/// The text itself, UTF-8.
	#[codec(index = 0)]
	Text(Text),
	/// A document: its blake2-256 hash and where to read it.
	#[codec(index = 1)]
	Document { hash: [u8; 32], uri: Uri },
}

/// A notice on a unit's board.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Notice<AccountId, BlockNumber, Title, Body> {
	/// The unit whose board it is on; its residents (and those of the units below) read it.
	pub unit: UnitId,
	pub category: NoticeCategory,
	pub title: Title,
	pub body: Body,
	/// The officer who published it.
	pub publisher: AccountId,
	pub published_at: BlockNumber,
	/// The end of its publicity period (公示期), if it has one: replies close then.
	pub publicity_ends: Option<BlockNumber>,
	/// Whether residents may reply.
	pub feedback_open: bool,
	/// Residents who said they read it.
	pub acknowledgements: u32,
	/// Residents' replies.
	pub replies: u32,
}

/// A resident's reply to a notice.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Reply<BlockNumber, Text> {
	pub at: BlockNumber,
	pub text: Text,
}

/// What a matter is about, when it is about something on chain.
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
pub enum Subject {
	/// A notice of this pallet.
	#[codec(index = 0)]
	Notice(NoticeId),
	/// A consultation topic.
	#[codec(index = 1)]
	Topic(u32),
	/// A treasury spend.
	#[codec(index = 2)]
	Spend(u32),
	/// An assistance request.
	#[codec(index = 3)]
	Request(u32),
}

/// Where a matter stands.
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
pub enum MatterStatus<BlockNumber> {
	/// Waiting for an answer from the officers of its unit by `deadline`; past it, the matter
	/// goes up a level (a district's stays, overdue).
	#[codec(index = 0)]
	Open { deadline: BlockNumber },
	/// Answered; the resident rates the answer (and may take it up a level once, if not
	/// satisfied) until `rate_by`.
	#[codec(index = 1)]
	Answered { rate_by: BlockNumber },
	/// The resident is not satisfied with the answer and may take the matter up a level until
	/// `rate_by`.
	#[codec(index = 2)]
	Unsatisfied { rate_by: BlockNumber },
	/// Done: `satisfied` is the resident's rating of the last answer (`None`: not rated).
	#[codec(index = 3)]
	Closed { satisfied: Option<bool> },
}

/// An officer's answer to a matter.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct MatterAnswer<AccountId, BlockNumber, Text> {
	/// The unit whose officer answered.
	pub unit: UnitId,
	pub by: AccountId,
	pub at: BlockNumber,
	/// Whether it came by the deadline.
	pub in_time: bool,
	pub text: Text,
}

/// A matter (诉求) a resident raised: a complaint, a request, a suggestion.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Matter<AccountId, BlockNumber, Text, Answers> {
	pub raiser: AccountId,
	/// The unit it was raised to.
	pub raised_to: UnitId,
	/// The unit whose officers must answer it now (it moves up when overdue or taken up).
	pub unit: UnitId,
	pub about: Option<Subject>,
	pub text: Text,
	pub raised_at: BlockNumber,
	pub status: MatterStatus<BlockNumber>,
	/// How many times it went up a level (overdue or taken up by the resident).
	pub moves: u8,
	/// Whether the resident took it up a level after an answer (once only).
	pub taken_up: bool,
	/// The answers, oldest first (at most two: before and after the resident takes it up).
	pub answers: Answers,
}

/// How a unit deals with its residents' matters: the figures a district evaluates its
/// communities by.
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
pub struct UnitStats {
	/// Matters residents raised to the unit.
	pub raised: u32,
	/// Matters that came up from a unit below (overdue there, or taken up by the resident).
	pub came_up: u32,
	/// Answers its officers gave.
	pub answered: u32,
	/// Of those, answers given by the deadline.
	pub answered_in_time: u32,
	/// Matters that passed their deadline here unanswered.
	pub overdue: u32,
	/// Answers the resident rated satisfactory.
	pub satisfied: u32,
	/// Answers the resident rated unsatisfactory.
	pub unsatisfied: u32,
}

/// Why a text was taken down.
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
pub enum HideReason {
	/// It holds someone's personal data.
	#[codec(index = 0)]
	PersonalData,
	/// Its content is unlawful.
	#[codec(index = 1)]
	Unlawful,
	/// It insults or defames someone.
	#[codec(index = 2)]
	Abuse,
	/// Advertising or spam.
	#[codec(index = 3)]
	Advertising,
	/// Another reason, given off chain.
	#[codec(index = 4)]
	Other,
}

/// Where the author's appeal against a take-down stands.
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
pub enum Appeal {
	/// No appeal (yet).
	#[codec(index = 0)]
	None,
	/// Waiting for an officer of the level above.
	#[codec(index = 1)]
	Pending,
	/// The level above kept the take-down. Final.
	#[codec(index = 2)]
	Dismissed,
}

/// What stays of a text taken down: whose it was, its hash, why and by whom it went.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct HiddenText<AccountId, BlockNumber, Officers> {
	pub unit: UnitId,
	pub author: AccountId,
	/// blake2-256 of the text.
	pub hash: [u8; 32],
	pub reason: HideReason,
	/// The two officers of the unit, or the one officer of the level above, who took it down.
	pub hidden_by: Officers,
	pub at: BlockNumber,
	pub appeal: Appeal,
}

/// An officer's proposal to take a text down, waiting for a second officer.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct HideProposal<AccountId, BlockNumber> {
	pub proposer: AccountId,
	pub reason: HideReason,
	/// The proposal lapses at this block.
	pub expires: BlockNumber,
}
