//! The records this pallet stores and returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::{civic::UnitId, votes::SpendIndex};
use scale_info::TypeInfo;
use sp_runtime::Permill;

pub use gongzhi_primitives::votes::SpendCategory as Category;

/// Who receives a spend.
#[derive(
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
)]
pub enum Beneficiary<AccountId> {
	/// An account: a contractor, a merchant, a resident.
	#[codec(index = 0)]
	Account(AccountId),
	/// The pot of a child unit: an allocation from a street to a community, say.
	#[codec(index = 1)]
	Unit(UnitId),
}

/// Why a spend is made: a short text, or the hash of a document published off chain (a quote,
/// a contract, minutes of a meeting).
#[derive(
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
)]
pub enum Purpose<Text> {
	/// A short text, UTF-8.
	#[codec(index = 0)]
	Text(Text),
	/// The blake2-256 hash of the document.
	#[codec(index = 1)]
	Document([u8; 32]),
}

/// Where a spend stands. Spends that end (paid, cancelled, rejected, expired, voted down) are
/// removed from storage; their events and, when paid, the statement keep the record.
#[derive(
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
)]
pub enum SpendStatus<BlockNumber> {
	/// Waiting for supervisors' approvals; expires at the block given.
	#[codec(index = 0)]
	AwaitingApproval { expires_at: BlockNumber },
	/// Approved; residents may object until the block given, when it is paid.
	#[codec(index = 1)]
	Notice { ends_at: BlockNumber },
	/// Residents objected enough, or the amount is above the unit's cap: waiting for the
	/// residents' vote.
	#[codec(index = 2)]
	AwaitingVote,
	/// Authorised, but the pot could not pay at the block given. Nothing was paid; it can be
	/// retried or cancelled.
	#[codec(index = 3)]
	Failed { at: BlockNumber },
}

/// A proposed spend from a unit's pot.
#[derive(
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
)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, \
	BlockNumber: serde::Serialize, Supervisors: serde::Serialize, Text: serde::Serialize"))]
pub struct Spend<AccountId, Balance, BlockNumber, Supervisors, Text> {
	/// The unit whose pot pays.
	pub unit: UnitId,
	/// The officer who proposed it, or the author of the consultation topic that decided it.
	pub proposer: AccountId,
	/// Who is paid.
	pub beneficiary: Beneficiary<AccountId>,
	/// How much (a decimal string in JSON, as amounts exceed what JavaScript numbers hold).
	#[serde(serialize_with = "as_decimal")]
	pub amount: Balance,
	/// The budget line it counts against.
	pub category: Category,
	/// Why.
	pub purpose: Purpose<Text>,
	/// The consultation topic whose outcome this spend carries out, if any.
	pub consultation: Option<u32>,
	/// The supervisors who approved it.
	pub approvals: Supervisors,
	/// The supervisors who rejected it.
	pub rejections: Supervisors,
	/// How many residents objected during the notice period.
	pub objections: u32,
	/// How many objections send it to a vote: fixed when the notice period starts.
	pub objection_threshold: u32,
	/// Where it stands.
	pub status: SpendStatus<BlockNumber>,
	/// When it was proposed.
	pub proposed_at: BlockNumber,
	/// The budget period it was counted against, once approved.
	pub budget_period: Option<u32>,
}

/// How a unit's pot is supervised.
#[derive(
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
)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "Supervisors: serde::Serialize, Balance: core::fmt::Display"))]
pub struct UnitSettings<Supervisors, Balance> {
	/// The N supervisors: officers, owners' committee members, treasury supervisors, residents.
	pub supervisors: Supervisors,
	/// M: the approvals a spend or a change of these settings needs.
	pub required_approvals: u32,
	/// The share of the unit's residents whose objections send a spend to a vote.
	pub objection_share: Permill,
	/// Spends above this amount always go to a residents' vote.
	#[serde(serialize_with = "as_decimal")]
	pub vote_cap: Balance,
}

/// A change of a unit's settings that its supervisors are approving.
#[derive(
	Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct PendingSettings<Settings, Supervisors> {
	/// The settings proposed.
	pub settings: Settings,
	/// The current supervisors who approved the change.
	pub approvals: Supervisors,
}

/// Money in or out of a pot.
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
)]
pub enum Direction {
	/// Into the pot.
	#[codec(index = 0)]
	In,
	/// Out of the pot.
	#[codec(index = 1)]
	Out,
}

/// Why money moved.
#[derive(
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
)]
pub enum EntryReason<Memo> {
	/// A donation, with the donor's memo.
	#[codec(index = 0)]
	Donation(Memo),
	/// A spend paid (out of the paying pot, or into a child unit's pot).
	#[codec(index = 1)]
	Spend { index: SpendIndex, category: Category },
}

/// One line of a unit's statement.
#[derive(
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
)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, \
	BlockNumber: serde::Serialize, Memo: serde::Serialize"))]
pub struct LedgerEntry<AccountId, Balance, BlockNumber, Memo> {
	/// The block it happened in.
	pub block: BlockNumber,
	/// In or out.
	pub direction: Direction,
	/// The other side: the donor, the beneficiary, or the unit allocating or allocated to.
	pub counterparty: Beneficiary<AccountId>,
	/// How much.
	#[serde(serialize_with = "as_decimal")]
	pub amount: Balance,
	/// Why.
	pub reason: EntryReason<Memo>,
}

/// A unit's pot: its account and what it holds.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, TypeInfo, serde::Serialize)]
#[serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))]
pub struct PotInfo<AccountId, Balance> {
	/// The pot's account.
	pub account: AccountId,
	/// What it holds.
	#[serde(serialize_with = "as_decimal")]
	pub balance: Balance,
}

/// Writes an amount as a decimal string.
fn as_decimal<S: serde::Serializer, B: core::fmt::Display>(
	amount: &B,
	serializer: S,
) -> Result<S::Ok, S::Error> {
	serializer.collect_str(amount)
}

/// A page of a unit's statement.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, TypeInfo, serde::Serialize)]
pub struct StatementPage<Entry> {
	/// The entries with their positions in the unit's ledger, oldest first.
	pub entries: Vec<(u32, Entry)>,
	/// The position to ask for next, if the range has more entries.
	pub next: Option<u32>,
}
