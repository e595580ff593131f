//! The records this pallet stores and returns.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::{civic::UnitId, credits::Minutes};
use scale_info::TypeInfo;

/// The index of a volunteer activity.
pub type ActivityId = u32;

/// A resident's two figures: what they can spend, and what they have given.
#[derive(
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct CreditAccount {
	/// Credits to spend, in minutes.
	pub balance: u64,
	/// Minutes of service ever credited: a reputation that never decreases.
	pub lifetime: u64,
	/// The star level the lifetime service has reached (0: none yet).
	pub stars: u8,
}

/// A volunteer activity published by an organisation.
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
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Activity<AccountId, BlockNumber, Title> {
	/// The unit it serves.
	pub unit: UnitId,
	/// The organisation's account, which records attendance.
	pub organiser: AccountId,
	pub title: Title,
	pub published_at: BlockNumber,
	/// Whether volunteers may still sign up and attendance still be recorded.
	pub open: bool,
	/// Volunteers signed up.
	pub volunteers: u32,
	/// The most minutes one volunteer is credited for this activity, set by the organiser when
	/// publishing (at most [`crate::Config::DailyCap`]): records and dispute settlements stay
	/// within it.
	pub max_minutes: Minutes,
}

/// A volunteer's part in an activity.
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
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Participation<BlockNumber> {
	/// Signed up; nothing recorded yet.
	#[codec(index = 0)]
	SignedUp,
	/// The organiser recorded `minutes` at `at`; the volunteer may dispute until the window ends.
	#[codec(index = 1)]
	Recorded { minutes: Minutes, at: BlockNumber },
	/// The volunteer disputed the record of `minutes`, claiming `claimed` minutes; an officer of
	/// the unit other than the organiser settles it, between the two.
	#[codec(index = 2)]
	Disputed { minutes: Minutes, at: BlockNumber, claimed: Minutes },
	/// Settled by an officer at `minutes`. Final.
	#[codec(index = 3)]
	Settled { minutes: Minutes },
}

/// Where credits came from or went: each movement names both sides, so the ledger balances.
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
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Counterparty<AccountId> {
	/// Service recorded at an activity by its organiser: credits issued.
	#[codec(index = 0)]
	Activity { activity: ActivityId, organiser: AccountId },
	/// Help confirmed through the assistance pallet: credits issued.
	#[codec(index = 1)]
	Help { request: u32, confirmer: AccountId },
	/// A resident paid for help, or a volunteer was paid (the time bank).
	#[codec(index = 2)]
	TimeBank { request: u32, other: AccountId },
	/// Redeemed at a registered service or merchant: credits retired.
	#[codec(index = 3)]
	Redemption { provider: AccountId, reward: u32 },
	/// Given to, or received from, another resident.
	#[codec(index = 4)]
	Donation { other: AccountId },
}

/// One line of a resident's credit history.
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
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry<AccountId, BlockNumber> {
	pub block: BlockNumber,
	/// Whether credits came in (or went out).
	pub incoming: bool,
	pub minutes: Minutes,
	pub counterparty: Counterparty<AccountId>,
}
