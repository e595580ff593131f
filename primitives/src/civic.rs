//! What the civic pallets ask each other about people and places.
//!
//! The organisation tree (district → street → community → grid), the verified residents and the
//! roles live in `pallet-party-branch`. The other civic pallets depend only on this module: they
//! take a signed origin and ask [`CivicRegistry`] who the signer is for the unit the call is about
//! (`is_resident_of`, `is_officer`, `has_role`), failing with their own named error (which says
//! who may act) when the answer is no.
//!
//! ## Terms
//! - **unit**: a node of the organisation tree, named by a [`UnitId`], at a [`UnitLevel`].
//! - **above**: a unit's parent, its parent's parent, and so on up to the district.
//! - **officer of U**: the secretary or a committee member of U, or of any unit above U. Officers
//!   act for their office; every act records who did it.
//! - **verified resident**: an account whose real-name check an officer of its community approved.
//!   Residents belong to one community at a time.
//! - **role**: a duty or status ([`Role`]) granted at a unit; it holds at that unit and every unit
//!   below it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A unit of the organisation tree.
pub type UnitId = u32;

/// The depth of the organisation tree: walks up it take at most this many steps.
pub const MAX_DEPTH: u32 = 4;

/// Where a unit stands in the organisation tree. Each level's units have a parent of the level
/// before it; districts have none.
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
pub enum UnitLevel {
	/// 区: a district government.
	#[codec(index = 0)]
	District,
	/// 街道: a street office.
	#[codec(index = 1)]
	Street,
	/// 社区: a community (residents' committee and Party branch). Residents register here.
	#[codec(index = 2)]
	Community,
	/// 网格: a grid of a community, looked after by grid workers.
	#[codec(index = 3)]
	Grid,
}

impl UnitLevel {
	/// The level a parent of a unit at this level must have (`None` for a district).
	pub fn parent_level(self) -> Option<UnitLevel> {
		match self {
			UnitLevel::District => None,
			UnitLevel::Street => Some(UnitLevel::District),
			UnitLevel::Community => Some(UnitLevel::Street),
			UnitLevel::Grid => Some(UnitLevel::Community),
		}
	}
}

/// A duty or status granted to an account at a unit.
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
pub enum Role {
	/// Gives service and earns volunteer credits.
	#[codec(index = 0)]
	Volunteer,
	/// A volunteer team or social organisation: publishes activities, records attendance.
	#[codec(index = 1)]
	VolunteerOrganisation,
	/// Elderly living alone, disabled: eligible for assistance.
	#[codec(index = 2)]
	SpecialNeeds,
	/// Looks after a grid: acts for residents who cannot, confirms help and deliveries.
	#[codec(index = 3)]
	GridWorker,
	/// Member of the owners' committee (业委会).
	#[codec(index = 4)]
	OwnersCommittee,
	/// Approves or rejects the unit's spends.
	#[codec(index = 5)]
	TreasurySupervisor,
	/// Records paper and in-person ballots.
	#[codec(index = 6)]
	PollingOfficer,
	/// A registered community service or merchant that redeems volunteer credits.
	#[codec(index = 7)]
	ServiceProvider,
	/// Records material aid delivered to households.
	#[codec(index = 8)]
	AidDistributor,
	/// Keeps the register of an estate's property units (房管员): checks property certificates
	/// at the desk and records units, sales and who votes for each unit.
	#[codec(index = 9)]
	HousingOfficer,
}

impl Role {
	/// Whether only a verified resident may hold this role: the roles that are about a person's
	/// own participation. Organisations, merchants and staff need not live in the community.
	pub fn requires_residency(self) -> bool {
		matches!(self, Role::Volunteer | Role::SpecialNeeds)
	}
}

/// Who authorised an act: governance (a council motion or referendum), or a named officer.
/// Every civic act records one, in storage and in its event.
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
pub enum Authority<AccountId> {
	/// The governance origin (Council or Root).
	#[codec(index = 0)]
	Governance,
	/// An officer, acting for their office.
	#[codec(index = 1)]
	Officer(AccountId),
}

/// Who is who in the organisation tree: the questions every civic pallet asks.
pub trait CivicRegistry<AccountId> {
	/// The community of `who`, if `who` is a verified resident.
	fn community_of(who: &AccountId) -> Option<UnitId>;

	/// The block at which `who` became a verified resident of their current community, if they
	/// are one. Votes use it to keep to the electorate of the day voting opened.
	fn resident_since(who: &AccountId) -> Option<u64>;

	/// Whether `who` is a verified resident of `unit` or of a unit below it.
	fn is_resident_of(who: &AccountId, unit: UnitId) -> bool {
		Self::community_of(who).is_some_and(|c| c == unit || Self::is_above(unit, c))
	}

	/// Whether `who` holds `role` at `unit` or at a unit above it.
	fn has_role(who: &AccountId, role: Role, unit: UnitId) -> bool;

	/// Whether `who` holds `role` at `unit`, above it, or at a unit below it: a grid worker of
	/// one of a community's grids works in that community.
	fn has_role_around(who: &AccountId, role: Role, unit: UnitId) -> bool;

	/// Whether `who` is an officer of `unit` or of a unit above it.
	fn is_officer(who: &AccountId, unit: UnitId) -> bool;

	/// The number of verified residents of `unit` and the units below it.
	fn resident_count(unit: UnitId) -> u32;

	/// The level of `unit`, if it exists.
	fn level_of(unit: UnitId) -> Option<UnitLevel>;

	/// The parent of `unit`, if it exists and is not a district.
	fn parent_of(unit: UnitId) -> Option<UnitId>;

	/// Whether `upper` is strictly above `lower`.
	fn is_above(upper: UnitId, lower: UnitId) -> bool {
		let mut current = lower;
		for _ in 0..MAX_DEPTH {
			match Self::parent_of(current) {
				Some(parent) if parent == upper => return true,
				Some(parent) => current = parent,
				None => return false,
			}
		}
		false
	}
}

/// Told when a verified resident's civic vote vests, and when someone stops being a verified
/// resident: what hangs on residency elsewhere (a civic vote in referenda) is granted and
/// withdrawn with it.
pub trait OnResidentChange<AccountId> {
	/// `who`'s civic vote vests: a resident registered the vesting delay ago, or the new key of
	/// a resident whose vote had vested. Called once per registration (idempotent all the same).
	fn vested(who: &AccountId);
	/// The most [`Self::vested`] costs: the registry charges it wherever a vote vests.
	fn vested_weight() -> frame_support::weights::Weight;
	/// `who` is no longer a verified resident (revoked, or an old key replaced).
	fn removed(who: &AccountId);
	/// The most [`Self::removed`] can cost beyond what the registry's own benchmarks measure
	/// (they run it for an account with nothing to undo): the registry adds it to the weight of
	/// every call that removes a resident.
	fn removed_weight() -> frame_support::weights::Weight;
}

impl<AccountId> OnResidentChange<AccountId> for () {
	fn vested(_who: &AccountId) {}
	fn vested_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
	fn removed(_who: &AccountId) {}
	fn removed_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Whether one account may act for another (a proxy of any kind). Rules that keep two people
/// apart, such as a volunteer and whoever confirms their help, look through proxies with it: a
/// proxy's acts carry the real account's origin.
pub trait ActsFor<AccountId> {
	/// Whether `delegate` may act for `real`.
	fn acts_for(delegate: &AccountId, real: &AccountId) -> bool;
	/// The weight of one [`Self::acts_for`].
	fn acts_for_weight() -> frame_support::weights::Weight;
}

impl<AccountId> ActsFor<AccountId> for () {
	fn acts_for(_delegate: &AccountId, _real: &AccountId) -> bool {
		false
	}
	fn acts_for_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Fixtures for other pallets' benchmarks: a community with an officer and residents.
#[cfg(feature = "runtime-benchmarks")]
pub trait CivicRegistryBenchmarkHelper<AccountId> {
	/// A new community (with its street and district), returned with its id.
	fn create_community() -> UnitId;
	/// Makes `who` a verified resident of `community`.
	fn register_resident(who: &AccountId, community: UnitId);
	/// Makes `who` a committee member of `unit`.
	fn appoint_officer(who: &AccountId, unit: UnitId);
	/// Grants `role` at `unit` to `who`.
	fn grant_role(who: &AccountId, role: Role, unit: UnitId);
}
