//! The records this pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use gongzhi_primitives::civic::{Authority, UnitId, UnitLevel};
use scale_info::TypeInfo;

/// A unit of the organisation tree and its officers.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Unit<AccountId, Name, Committee> {
	/// Where it stands in the tree.
	pub level: UnitLevel,
	/// The unit it belongs to (`None` for a district).
	pub parent: Option<UnitId>,
	/// Its name, UTF-8.
	pub name: Name,
	/// The Party-branch secretary (or head of office) of the unit.
	pub secretary: Option<AccountId>,
	/// The other officers: committee members.
	pub committee: Committee,
	/// Verified residents of this unit and of every unit below it.
	pub residents: u32,
}

/// Why a resident was removed from the registry.
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
pub enum RevocationReason {
	/// Moved out of the district.
	#[codec(index = 0)]
	MovedAway,
	/// Passed away.
	#[codec(index = 1)]
	Deceased,
	/// The registration was obtained by fraud.
	#[codec(index = 2)]
	Fraud,
	/// Asked to be removed.
	#[codec(index = 3)]
	Requested,
}

/// A seat among a unit's officers.
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
pub enum Office {
	/// The secretary: appointed only from above.
	#[codec(index = 0)]
	Secretary,
	/// A committee member: appointed by the secretary or from above.
	#[codec(index = 1)]
	Committee,
}

/// A verified resident.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct ResidentRecord<AccountId, Hash, BlockNumber> {
	/// The community the resident belongs to.
	pub community: UnitId,
	/// Salted hash of the real identity: see the module docs on commitments.
	pub commitment: Hash,
	/// When the residency was approved (or last moved or re-keyed).
	pub since: BlockNumber,
	/// Who approved it.
	pub approved_by: Authority<AccountId>,
	/// From when the resident's civic vote counts in referenda: registration plus the vesting
	/// delay then in force (a re-key keeps it).
	pub votes_from: BlockNumber,
}

/// A pending application to become a verified resident.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Application<AccountId, Hash, BlockNumber> {
	/// The community applied to.
	pub community: UnitId,
	/// Salted hash of the applicant's real identity.
	pub commitment: Hash,
	/// When the application was made.
	pub submitted: BlockNumber,
	/// The officer who recorded it for a person applying in person ([`crate::Pallet::register`]):
	/// a second officer approves it. `None`: the applicant applied themselves.
	pub recorded_by: Option<AccountId>,
}

/// A re-key an officer approved, waiting for the old key's consent or the end of the delay in
/// which the old key may refuse it.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct PendingRekey<AccountId, BlockNumber> {
	/// The account that holds the registration now.
	pub old: AccountId,
	/// The officer (or governance) who approved the re-key.
	pub approved_by: Authority<AccountId>,
	/// From when anyone may complete it without the old key's consent.
	pub due: BlockNumber,
}

/// Who granted a role, and when.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct RoleGrant<AccountId, BlockNumber> {
	/// Who granted it.
	pub granted_by: Authority<AccountId>,
	/// When.
	pub since: BlockNumber,
}

/// How many free civic calls an account has used in a quota period.
#[derive(Clone, Copy, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo, Default)]
pub struct FreeCallUsage {
	/// The quota period (block number divided by the period length).
	pub period: u32,
	/// Free calls made in it.
	pub used: u32,
}

/// A unit's name as stored.
pub type UnitName<S> = gongzhi_primitives::text::CivicText<S>;
/// A unit's committee as stored.
pub type UnitCommittee<AccountId, S> = BoundedVec<AccountId, S>;
