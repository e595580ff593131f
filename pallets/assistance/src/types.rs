//! The records this pallet stores and returns.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::{civic::UnitId, credits::Minutes};
use scale_info::TypeInfo;

/// The index of an assistance request.
pub type RequestId = u32;

/// What help is asked for. Volunteers declare the kinds they give.
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
pub enum HelpCategory {
	#[codec(index = 0)]
	Shopping,
	#[codec(index = 1)]
	MedicalEscort,
	#[codec(index = 2)]
	HomeRepair,
	#[codec(index = 3)]
	Companionship,
	#[codec(index = 4)]
	Emergency,
	#[codec(index = 5)]
	Other,
}

/// How soon help is needed. Urgent requests nobody accepts in time are escalated.
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
pub enum Urgency {
	#[codec(index = 0)]
	Normal,
	#[codec(index = 1)]
	Urgent,
}

/// Where a request stands.
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
pub enum RequestStatus<AccountId> {
	/// Waiting for a volunteer.
	#[codec(index = 0)]
	Open,
	/// A volunteer took it.
	#[codec(index = 1)]
	Accepted { volunteer: AccountId },
	/// The volunteer says it is done, in `minutes`; waiting for the confirmation.
	#[codec(index = 2)]
	Done { volunteer: AccountId, minutes: Minutes },
	/// The requester disputes the volunteer's claim; an officer settles it.
	#[codec(index = 3)]
	Disputed { volunteer: AccountId, minutes: Minutes },
}

/// A request for help, for a special-needs resident.
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
pub struct Request<AccountId, BlockNumber> {
	/// The resident helped.
	pub recipient: AccountId,
	/// Who opened it: the recipient (or their proxy) or a grid worker.
	pub opened_by: AccountId,
	/// The recipient's community: whose volunteers, grid workers and fund are involved.
	pub community: UnitId,
	pub category: HelpCategory,
	pub urgency: Urgency,
	/// The time the help should take.
	pub minutes: Minutes,
	/// blake2-256 of the details kept off chain (address, health, what exactly is needed).
	pub details: [u8; 32],
	/// Credits the recipient offers on top (the time bank).
	pub credits: Minutes,
	/// The subsidy asked of the community's assistance fund, in the currency's smallest unit.
	pub subsidy: u128,
	pub opened_at: BlockNumber,
	pub status: RequestStatus<AccountId>,
}

/// What a volunteer offers: the kinds of help and the units they serve.
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
pub struct ServiceOffer<Skills, Areas> {
	pub skills: Skills,
	pub areas: Areas,
}

/// A batch of material aid delivered to a household, and who countersigned it.
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
pub struct Delivery<AccountId, BlockNumber> {
	pub distributor: AccountId,
	pub quantity: u32,
	pub at: BlockNumber,
	/// The recipient or a grid worker, once they countersign.
	pub countersigned_by: Option<AccountId>,
	/// How many deliveries of this batch item this household had before this one.
	pub previous: u32,
}
