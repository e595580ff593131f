//! # Party-branch authorization
//!
//! The chain's source of truth for *who is who* in a district: its organisation tree, its verified
//! residents and the roles they hold. The treasury, consultation, volunteer and assistance pallets
//! ask it through [`gongzhi_primitives::civic::CivicRegistry`], which this pallet implements.
//!
//! ## Overview
//!
//! - **Organisation tree** (District → Street → Community → Grid). Each [`Unit`] has a bounded
//!   name, its parent, a secretary and committee members (its *officers*). Districts and streets
//!   are created by [`Config::GovernanceOrigin`] (the council or `Root`); communities and grids by
//!   officers of the parent unit or above.
//! - **Officers** of a unit are appointed and removed by officers above it; the unit's secretary
//!   also appoints and removes its committee members. An officer of a unit is also an officer of
//!   every unit below it.
//! - **Resident registry.** A person applies to one community with a keyed commitment of their
//!   identity ([`Pallet::apply`]), or an officer records their application in person
//!   ([`Pallet::register`]); an officer of that community approves after checking the real name
//!   off chain, and an application recorded in person needs a *second* officer's approval. One
//!   officer registers at most [`Config::MaxRegistrationsPerOfficer`] residents a day. One
//!   commitment maps to one account at a time. Residents move between communities (approved by
//!   the receiving community) and are revoked with a [`RevocationReason`]. Each unit keeps its
//!   resident count, updated in O(1) (the tree is at most four levels deep).
//! - **Civic votes vest.** A new resident's vote in referenda counts from
//!   [`VoteVestingDelay`] blocks after registration (set by governance): the hook
//!   ([`vesting`]) grants it then, so an electorate cannot be minted for a referendum already
//!   running.
//! - **Re-keys** move a registration to a new account when a phone is lost (the old account loses
//!   everything civic). An officer approves ([`Pallet::approve_rekey`]); the old key consents at
//!   once or the re-key waits [`Config::RekeyDelay`], in which the old key may refuse it
//!   ([`Pallet::refuse_rekey`]); then it is completed ([`Pallet::complete_rekey`]).
//! - **Roles** ([`Role`]) are granted at a unit by its officers and hold at that unit and below.
//! - **Feeless civic calls.** Verified residents make up to [`FreeCallQuota`] civic calls a day
//!   without fees, through the [`ChargeCivicFees`] transaction extension (see [`fees`]).
//!
//! ## Commitments: no personal data on chain
//!
//! The commitment is a keyed hash of the normalised ID number (`gongzhi-node resident-commitment`,
//! HMAC-BLAKE2b-256), computed by the district's verification desk with a key only the desk holds.
//! It is the same for the same person whoever asks the desk, so one person cannot register two
//! accounts, and without the key nobody can test ID numbers against it. The officer who approves
//! has the desk recompute it from the documents shown and checks it equals the one applied with.
//!
//! ## Accountability
//!
//! Every approval, revocation, appointment and role change records who authorised it (an
//! [`Authority`]: governance, or an officer by account) in storage and in its event. Nobody acts
//! on themselves: an officer cannot approve, appoint, grant to or revoke their own account.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::civic::{Authority, Role, UnitId, UnitLevel};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod fees;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod registry;
mod residents;
mod roles;
pub mod testing;
#[cfg(test)]
mod tests;
pub mod types;
mod units;
pub mod vesting;
pub mod weights;

pub use fees::{ChargeCivicFees, FreeCalls};

/// The most units [`Pallet::unit_path`] returns: district, street, community, grid, and room to
/// spare should a district add a level.
pub const MAX_DEPTH: usize = 8;

/// The most units [`Pallet::offices_of`] looks at: bounded work for one read.
pub const OFFICES_SCANNED: usize = 2_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{string::String, vec::Vec};
	use frame_support::pallet_prelude::*;
	use frame_support::traits::fungible;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::civic::OnResidentChange;

	/// The currency of application deposits.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// The unit record as stored.
	pub type UnitOf<T> = Unit<
		<T as frame_system::Config>::AccountId,
		UnitName<<T as Config>::MaxNameLength>,
		UnitCommittee<<T as frame_system::Config>::AccountId, <T as Config>::MaxCommitteeMembers>,
	>;
	/// The resident record as stored.
	pub type ResidentOf<T> = ResidentRecord<
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::Hash,
		BlockNumberFor<T>,
	>;
	/// An application as stored.
	pub type ApplicationOf<T> = Application<
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::Hash,
		BlockNumberFor<T>,
	>;
	/// A re-key waiting for consent or its delay, as stored.
	pub type PendingRekeyOf<T> =
		PendingRekey<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A role grant as stored.
	pub type RoleGrantOf<T> = RoleGrant<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// Who authorised an act.
	pub type AuthorityOf<T> = Authority<<T as frame_system::Config>::AccountId>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Creates districts and streets, and sets the free-call quota: the council or `Root`.
		/// It may also do anything an officer may.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The calls that verified residents make without fees, up to their daily quota, and how
		/// many calls of the quota each uses.
		type FeelessCalls: crate::fees::FreeCalls<<Self as frame_system::Config>::RuntimeCall>;

		/// Who else has the free-call quota besides verified residents and officers: the owners
		/// of homes in an estate (who need not live in the community) vote in their owners'
		/// assembly without buying tokens.
		type OtherQuotaHolders: frame_support::traits::Contains<Self::AccountId>;

		/// The longest unit name, in bytes of UTF-8.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most committee members a unit has (the secretary aside).
		#[pallet::constant]
		type MaxCommitteeMembers: Get<u32>;

		/// The most roles one account holds.
		#[pallet::constant]
		type MaxRolesPerAccount: Get<u32>;

		/// The length of a free-call quota period, in blocks: a day.
		#[pallet::constant]
		type QuotaPeriod: Get<BlockNumberFor<Self>>;

		/// The highest free-call quota governance may set.
		#[pallet::constant]
		type MaxFreeCallsPerPeriod: Get<u32>;

		/// The longest transaction (in bytes) that can be free: larger ones pay, so that free
		/// calls cannot fill blocks with large payloads.
		#[pallet::constant]
		type MaxFreeCallBytes: Get<u32>;

		/// The most residents one officer registers (in person, by approving an application, or
		/// by a re-key) per quota period: one officer alone cannot mint an electorate.
		#[pallet::constant]
		type MaxRegistrationsPerOfficer: Get<u32>;

		/// The longest vesting delay of civic votes governance may set, in blocks: a vote
		/// that waits longer than the longest referendum would never count.
		#[pallet::constant]
		type MaxVoteVestingDelay: Get<BlockNumberFor<Self>>;

		/// The most civic votes that vest in one block; more wait for the next block (the
		/// hook's work per block is bounded).
		#[pallet::constant]
		type MaxVestingsPerBlock: Get<u32>;

		/// How long a re-key approved by an officer waits for the old key to refuse it, in
		/// blocks, unless the old key consents sooner: long enough for a resident whose phone
		/// was not lost to notice (a district: 3 days).
		#[pallet::constant]
		type RekeyDelay: Get<BlockNumberFor<Self>>;

		/// Holds applicants' deposits.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// What an applicant holds while their own application waits (`apply`): its storage
		/// costs the chain until an officer acts, so the applicant pays for it, and gets it back
		/// when the application is approved, rejected or withdrawn. Applications recorded in
		/// person by an officer hold nothing.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// Told when residents' civic votes vest and when accounts stop being verified residents
		/// (the runtime grants and withdraws their civic vote in referenda).
		type OnResidentChange: gongzhi_primitives::civic::OnResidentChange<Self::AccountId>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The id the next unit gets.
	#[pallet::storage]
	pub type NextUnitId<T> = StorageValue<_, UnitId, ValueQuery>;

	/// The organisation tree.
	#[pallet::storage]
	pub type Units<T: Config> = StorageMap<_, Twox64Concat, UnitId, UnitOf<T>>;

	/// Verified residents.
	#[pallet::storage]
	pub type Residents<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ResidentOf<T>>;

	/// Which account each identity commitment is registered to.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageMap<_, Identity, T::Hash, T::AccountId>;

	/// Applications waiting for an officer.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ApplicationOf<T>>;

	/// Residents' requests to move to another community, by destination.
	#[pallet::storage]
	pub type MoveRequests<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, UnitId>;

	/// Roles: account → (role, unit) → who granted it.
	#[pallet::storage]
	pub type Roles<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		(Role, UnitId),
		RoleGrantOf<T>,
	>;

	/// How many roles each account holds (at most [`Config::MaxRolesPerAccount`]).
	#[pallet::storage]
	pub type RoleCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many offices (secretary or committee member of a unit) each officer holds: officers
	/// make civic calls for their units free, like residents, within the same quota.
	#[pallet::storage]
	pub type OfficeCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Free civic calls a verified resident may make per quota period.
	#[pallet::storage]
	pub type FreeCallQuota<T> = StorageValue<_, u32, ValueQuery>;

	/// Free calls each resident has made in the current quota period.
	#[pallet::storage]
	pub type FreeCallsUsed<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, FreeCallUsage, ValueQuery>;

	/// Registrations each officer made in a quota period: (period, how many).
	#[pallet::storage]
	pub type RegistrationsBy<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (u32, u32), ValueQuery>;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an application waiting for an officer.
		#[codec(index = 0)]
		Application,
	}

	/// How long a new resident's civic vote waits before it counts in referenda, in blocks.
	#[pallet::storage]
	pub type VoteVestingDelay<T> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The vesting queue's items: (queue, position) → (block the vote vests, resident).
	#[pallet::storage]
	pub type VestingItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		vesting::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, T::AccountId),
	>;

	/// The vesting queue's (head, tail): items at positions head..tail are waiting.
	#[pallet::storage]
	pub type VestingBounds<T> = StorageMap<_, Twox64Concat, vesting::Queue, (u32, u32), ValueQuery>;

	/// Re-keys approved by an officer, by the new account, waiting for the old key's consent or
	/// the end of [`Config::RekeyDelay`].
	#[pallet::storage]
	pub type PendingRekeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PendingRekeyOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A unit was added to the organisation tree.
		UnitCreated { unit: UnitId, level: UnitLevel, parent: Option<UnitId>, by: AuthorityOf<T> },
		/// An officer was appointed to a unit.
		OfficerAppointed { unit: UnitId, who: T::AccountId, office: Office, by: AuthorityOf<T> },
		/// An officer left a unit's office.
		OfficerRemoved { unit: UnitId, who: T::AccountId, by: AuthorityOf<T> },
		/// An account applied to become a resident of a community.
		Applied { who: T::AccountId, community: UnitId },
		/// An applicant withdrew their application.
		ApplicationWithdrawn { who: T::AccountId },
		/// An application was rejected.
		ApplicationRejected { who: T::AccountId, community: UnitId, by: AuthorityOf<T> },
		/// An officer recorded an in-person application; a second officer approves it.
		InPersonRecorded { who: T::AccountId, community: UnitId, by: T::AccountId },
		/// An account became a verified resident; its civic vote counts from `votes_from`.
		ResidentApproved {
			who: T::AccountId,
			community: UnitId,
			by: AuthorityOf<T>,
			votes_from: BlockNumberFor<T>,
		},
		/// A resident's civic vote vested: it counts in referenda from now on.
		VoteVested { who: T::AccountId },
		/// Governance set the vesting delay of civic votes of residents registered from now on.
		VoteVestingDelaySet { delay: BlockNumberFor<T> },
		/// An officer approved a re-key; the old key may refuse it until `due`.
		RekeyPending {
			old: T::AccountId,
			new: T::AccountId,
			by: AuthorityOf<T>,
			due: BlockNumberFor<T>,
		},
		/// The old key refused a re-key of its registration.
		RekeyRefused { old: T::AccountId, new: T::AccountId },
		/// A resident was removed from the registry.
		ResidentRevoked {
			who: T::AccountId,
			community: UnitId,
			reason: RevocationReason,
			by: AuthorityOf<T>,
		},
		/// A resident asked to move to another community.
		MoveRequested { who: T::AccountId, from: UnitId, to: UnitId },
		/// A resident moved to another community.
		ResidentMoved { who: T::AccountId, from: UnitId, to: UnitId, by: AuthorityOf<T> },
		/// A resident's registration passed to a new account; the old one lost it.
		ResidentRekeyed {
			old: T::AccountId,
			new: T::AccountId,
			community: UnitId,
			by: AuthorityOf<T>,
		},
		/// A role was granted.
		RoleGranted { who: T::AccountId, role: Role, unit: UnitId, by: AuthorityOf<T> },
		/// A role was revoked.
		RoleRevoked { who: T::AccountId, role: Role, unit: UnitId, by: AuthorityOf<T> },
		/// The daily free-call quota changed.
		FreeCallQuotaSet { per_period: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has that id.
		UnknownUnit,
		/// The unit is not of the level this needs: a parent must be one level up (a street's
		/// parent a district, ...), and residents belong to communities.
		WrongLevel,
		/// Only governance creates districts and streets, and sets the free-call quota.
		GovernanceOnly,
		/// The caller is not an officer of the unit (nor of a unit above it).
		NotOfficer,
		/// The name is longer than `MaxNameLength`.
		NameTooLong,
		/// The unit already has `MaxCommitteeMembers` committee members.
		TooManyCommitteeMembers,
		/// The account already holds an office in the unit.
		AlreadyOfficer,
		/// The account holds no office in the unit.
		NotAnOfficerOfUnit,
		/// The unit has no more unit ids to give.
		TooManyUnits,
		/// Officers do not act on their own account: approving, appointing, granting to or
		/// revoking oneself is refused.
		ActingOnSelf,
		/// The account is already a verified resident.
		AlreadyResident,
		/// The account already has a pending application.
		AlreadyApplied,
		/// The account has no pending application.
		NoApplication,
		/// The commitment is already registered to another account: one person, one account.
		CommitmentInUse,
		/// The commitment is not registered to any resident, so there is nothing to re-key.
		NothingToRekey,
		/// The account is not a verified resident.
		NotResident,
		/// The resident already lives in that community.
		SameCommunity,
		/// The resident has asked to move nowhere.
		NoMoveRequest,
		/// The account already holds that role at that unit.
		RoleAlreadyGranted,
		/// The account does not hold that role at that unit.
		RoleNotGranted,
		/// The account already holds `MaxRolesPerAccount` roles.
		TooManyRoles,
		/// This role is only for verified residents of the unit.
		RoleNeedsResidency,
		/// The quota is above `MaxFreeCallsPerPeriod`.
		QuotaTooHigh,
		/// A resident count would overflow or underflow: the registry is inconsistent.
		CountOverflow,
		/// This officer registered as many residents as allowed in this period: another officer
		/// does it, or this one tomorrow.
		RegistrationCapReached,
		/// This application was recorded in person by the caller: a second officer approves it.
		SecondOfficerNeeded,
		/// The vesting delay is above `MaxVoteVestingDelay`.
		VestingDelayTooLong,
		/// No re-key to this account is waiting.
		NoPendingRekey,
		/// A re-key to this account is already waiting.
		RekeyAlreadyPending,
		/// The old key may still refuse this re-key: it completes when the old key consents or
		/// the delay is over.
		RekeyNotDue,
		/// Only the account that holds the registration may refuse a re-key of it.
		NotTheOldKey,
		/// The applicant cannot hold the application deposit: `ApplicationDeposit`, beside the
		/// fee. (A person without tokens applies in person at the community office.)
		DepositUnavailable,
		/// The name looks like it holds personal data (an ID, mobile or bank card number).
		PersonalData(gongzhi_primitives::text::PersonalData),
	}

	/// A unit in the genesis organisation tree. Units get ids in the order listed, from 0; a
	/// parent is named by its id, so it must be listed before its children.
	#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
	pub struct GenesisUnit<AccountId> {
		pub level: UnitLevel,
		pub parent: Option<UnitId>,
		pub name: String,
		pub secretary: Option<AccountId>,
		pub committee: Vec<AccountId>,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The organisation tree.
		pub units: Vec<GenesisUnit<T::AccountId>>,
		/// Verified residents: account, community, commitment.
		pub residents: Vec<(T::AccountId, UnitId, T::Hash)>,
		/// Roles: account, role, unit.
		pub roles: Vec<(T::AccountId, Role, UnitId)>,
		/// Free civic calls per resident per quota period.
		pub free_call_quota: u32,
		/// How long new residents' civic votes wait, in blocks (genesis residents' count at
		/// once).
		pub vote_vesting_delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A chain spec that breaks the registry's rules must not start a chain: panicking
			// here stops `build-spec` and node start with the reason.
			for unit in &self.units {
				Pallet::<T>::do_create_unit(
					Authority::Governance,
					unit.level,
					unit.parent,
					unit.name.as_bytes().to_vec(),
					unit.secretary.clone(),
				)
				.expect("genesis unit must be valid");
				let id = NextUnitId::<T>::get() - 1;
				for member in &unit.committee {
					Pallet::<T>::do_appoint(
						Authority::Governance,
						id,
						member.clone(),
						Office::Committee,
					)
					.expect("genesis committee member must be valid");
				}
			}
			for (who, community, commitment) in &self.residents {
				Pallet::<T>::do_register(
					Authority::Governance,
					who.clone(),
					*community,
					*commitment,
				)
				.expect("genesis resident must be valid");
			}
			for (who, role, unit) in &self.roles {
				Pallet::<T>::do_grant_role(Authority::Governance, who.clone(), *role, *unit)
					.expect("genesis role must be valid");
			}
			assert!(
				self.free_call_quota <= T::MaxFreeCallsPerPeriod::get(),
				"genesis free_call_quota above MaxFreeCallsPerPeriod"
			);
			FreeCallQuota::<T>::put(self.free_call_quota);
			assert!(
				self.vote_vesting_delay <= T::MaxVoteVestingDelay::get(),
				"genesis vote_vesting_delay above MaxVoteVestingDelay"
			);
			VoteVestingDelay::<T>::put(self.vote_vesting_delay);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::vest_due(now)
		}

		fn integrity_test() {
			assert!(T::MaxVestingsPerBlock::get() >= 1, "votes due must vest");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Reads for wallets and the residents' portal, in the metadata and callable through the
	/// runtime's `RuntimeViewFunction` API (papi, @polkadot/api, a light client): no custom RPC.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// How many free civic calls `who` has left in the current quota period (zero for
		/// anyone but a verified resident).
		pub fn free_calls_left_now(who: T::AccountId) -> u32 {
			Self::free_calls_left(&who)
		}

		/// `who`'s residency, if they are a verified resident: their community and the block
		/// their civic vote counts from.
		pub fn residency(who: T::AccountId) -> Option<(UnitId, BlockNumberFor<T>)> {
			Residents::<T>::get(&who).map(|record| (record.community, record.votes_from))
		}

		/// The roles `who` holds and the unit of each (at most `MaxRolesPerAccount`).
		pub fn roles_of(who: T::AccountId) -> Vec<(Role, UnitId)> {
			Roles::<T>::iter_key_prefix(&who).collect()
		}

		/// `unit` and the units above it, the district first, with their names and officers: a
		/// resident's community as the portal shows it. Empty for an unknown unit; at most
		/// [`MAX_DEPTH`] units.
		pub fn unit_path(unit: UnitId) -> Vec<(UnitId, UnitOf<T>)> {
			let mut path = Vec::new();
			let mut next = Some(unit);
			while let Some(id) = next {
				if path.len() >= MAX_DEPTH {
					break;
				}
				let Some(found) = Units::<T>::get(id) else { break };
				next = found.parent;
				path.push((id, found));
			}
			path.reverse();
			path
		}

		/// The units where `who` is secretary or on the committee, lowest id first. Looks at no
		/// more than [`OFFICES_SCANNED`] units (a district has a few hundred).
		pub fn offices_of(who: T::AccountId) -> Vec<UnitId> {
			let mut offices: Vec<UnitId> = Units::<T>::iter()
				.take(OFFICES_SCANNED)
				.filter(|(_, unit)| {
					unit.secretary.as_ref() == Some(&who) || unit.committee.contains(&who)
				})
				.map(|(id, _)| id)
				.collect();
			offices.sort_unstable();
			offices
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a unit to the organisation tree, with an optional secretary.
		///
		/// Districts (no parent) and streets (parent a district) need the governance origin;
		/// communities (parent a street) and grids (parent a community) may also be created by an
		/// officer of the parent or above.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_unit(name.len() as u32))]
		pub fn create_unit(
			origin: OriginFor<T>,
			level: UnitLevel,
			parent: Option<UnitId>,
			name: Vec<u8>,
			secretary: Option<T::AccountId>,
		) -> DispatchResult {
			let by = match level {
				UnitLevel::District | UnitLevel::Street => Self::ensure_governance(origin)?,
				UnitLevel::Community | UnitLevel::Grid => {
					let parent = parent.ok_or(Error::<T>::WrongLevel)?;
					Self::ensure_officer(origin, parent)?
				},
			};
			Self::do_create_unit(by, level, parent, name, secretary)
		}

		/// Appoint `who` to an office of `unit`. A secretary is appointed from above (governance
		/// or an officer of a unit above); a committee member also by the unit's secretary.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::appoint_officer())]
		pub fn appoint_officer(
			origin: OriginFor<T>,
			unit: UnitId,
			who: T::AccountId,
			office: Office,
		) -> DispatchResult {
			let by = Self::ensure_may_staff(origin, unit, office)?;
			Self::do_appoint(by, unit, who, office)
		}

		/// Remove `who` from the offices of `unit`, with the same authority as appointing them.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_officer())]
		pub fn remove_officer(
			origin: OriginFor<T>,
			unit: UnitId,
			who: T::AccountId,
		) -> DispatchResult {
			let office = Self::office_in(&who, unit)?;
			let by = Self::ensure_may_staff(origin, unit, office)?;
			Self::do_remove_officer(by, unit, who)
		}

		/// Apply to become a verified resident of `community`, with the commitment that the
		/// community's real-name check will recompute.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			community: UnitId,
			commitment: T::Hash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(who, community, commitment)
		}

		/// Withdraw one's pending application.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Applications::<T>::contains_key(&who), Error::<T>::NoApplication);
			Self::remove_application(&who);
			Self::deposit_event(Event::ApplicationWithdrawn { who });
			Ok(())
		}

		/// Approve `applicant`'s application, after the real-name check off chain.
		///
		/// Origin: an officer of the community applied to (or above), not the applicant, and not
		/// the officer who recorded the application in person; or governance.
		///
		/// Emits [`Event::ResidentApproved`] (and [`Event::VoteVested`] if no vesting delay is
		/// set). Errors: [`Error::NoApplication`], [`Error::NotOfficer`],
		/// [`Error::SecondOfficerNeeded`], [`Error::CommitmentInUse`],
		/// [`Error::RegistrationCapReached`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::approve()
			.saturating_add(Pallet::<T>::registration_count_weight())
			.saturating_add(T::OnResidentChange::vested_weight()))]
		pub fn approve(origin: OriginFor<T>, applicant: T::AccountId) -> DispatchResult {
			let (application, by) = Self::application_before_officer(origin, &applicant)?;
			if let (Some(recorder), Authority::Officer(officer)) = (&application.recorded_by, &by) {
				ensure!(recorder != officer, Error::<T>::SecondOfficerNeeded);
			}
			Self::do_register(by, applicant, application.community, application.commitment)
		}

		/// Reject `applicant`'s application.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(origin: OriginFor<T>, applicant: T::AccountId) -> DispatchResult {
			let (application, by) = Self::application_before_officer(origin, &applicant)?;
			Self::remove_application(&applicant);
			Self::deposit_event(Event::ApplicationRejected {
				who: applicant,
				community: application.community,
				by,
			});
			Ok(())
		}

		/// Record the application of a person who applies in person (e.g. an elderly resident
		/// whose account holds no tokens and so cannot send `apply`). A second officer approves it
		/// with [`Pallet::approve`]; governance registers at once.
		///
		/// Origin: an officer of `community` (or above), not `who`; or governance.
		///
		/// Emits [`Event::InPersonRecorded`] (governance: [`Event::ResidentApproved`]). Errors:
		/// [`Error::NotOfficer`], [`Error::WrongLevel`], [`Error::AlreadyResident`],
		/// [`Error::AlreadyApplied`], [`Error::CommitmentInUse`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::register()
			.saturating_add(Pallet::<T>::registration_count_weight())
			.saturating_add(T::OnResidentChange::vested_weight()))]
		pub fn register(
			origin: OriginFor<T>,
			who: T::AccountId,
			community: UnitId,
			commitment: T::Hash,
		) -> DispatchResult {
			match Self::ensure_officer_not_self(origin, community, &who)? {
				Authority::Officer(officer) => {
					Self::do_record_in_person(officer, who, community, commitment)
				},
				by => Self::do_register(by, who, community, commitment),
			}
		}

		/// Remove `resident` from the registry, for `reason`. Their roles, pending move and free
		/// calls go with it; the commitment is released.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke(T::MaxRolesPerAccount::get())
			.saturating_add(T::OnResidentChange::removed_weight()))]
		pub fn revoke(
			origin: OriginFor<T>,
			resident: T::AccountId,
			reason: RevocationReason,
		) -> DispatchResultWithPostInfo {
			let record = Residents::<T>::get(&resident).ok_or(Error::<T>::NotResident)?;
			let by = Self::ensure_officer_not_self(origin, record.community, &resident)?;
			let roles = Self::do_revoke(by, resident, reason)?;
			let weight = T::WeightInfo::revoke(roles);
			Ok(Some(weight.saturating_add(T::OnResidentChange::removed_weight())).into())
		}

		/// Ask to move to community `to`. An officer of `to` approves with [`Pallet::approve_move`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::request_move())]
		pub fn request_move(origin: OriginFor<T>, to: UnitId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_move(who, to)
		}

		/// Approve `resident`'s move into a community the caller is an officer of. Roles that
		/// need residency and were held at units the resident leaves are dropped.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::approve_move(T::MaxRolesPerAccount::get()))]
		pub fn approve_move(
			origin: OriginFor<T>,
			resident: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let to = MoveRequests::<T>::get(&resident).ok_or(Error::<T>::NoMoveRequest)?;
			let by = Self::ensure_officer_not_self(origin, to, &resident)?;
			let roles = Self::do_move(by, resident, to)?;
			Ok(Some(T::WeightInfo::approve_move(roles)).into())
		}

		/// Approve passing a resident's registration to `new_account`, which has applied with the
		/// same commitment (a lost phone). The re-key waits: the old key completes it at once
		/// ([`Pallet::complete_rekey`], its consent), or refuses it ([`Pallet::refuse_rekey`]); after
		/// [`Config::RekeyDelay`] anyone completes it.
		///
		/// Origin: an officer of the resident's community (or above), neither account; or
		/// governance.
		///
		/// Emits [`Event::RekeyPending`]. Errors: [`Error::NoApplication`],
		/// [`Error::NothingToRekey`], [`Error::NotOfficer`], [`Error::ActingOnSelf`],
		/// [`Error::RekeyAlreadyPending`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::approve_rekey())]
		pub fn approve_rekey(origin: OriginFor<T>, new_account: T::AccountId) -> DispatchResult {
			let application =
				Applications::<T>::get(&new_account).ok_or(Error::<T>::NoApplication)?;
			let old =
				Commitments::<T>::get(application.commitment).ok_or(Error::<T>::NothingToRekey)?;
			let community = Residents::<T>::get(&old).ok_or(Error::<T>::NotResident)?.community;
			let by = Self::ensure_officer(origin, community)?;
			Self::ensure_not_self(&by, &old)?;
			Self::ensure_not_self(&by, &new_account)?;
			Self::do_approve_rekey(by, old, new_account)
		}

		/// Complete a pending re-key to `new_account`: the old key's consent (at once), or anyone
		/// once [`Config::RekeyDelay`] has passed. The old account loses residency, roles, free
		/// calls and its civic vote; the new one gets them (the vote at once if it had vested).
		///
		/// Origin: signed (the old key, or anyone after the delay).
		///
		/// Emits [`Event::ResidentRekeyed`]. Errors: [`Error::NoPendingRekey`],
		/// [`Error::RekeyNotDue`], [`Error::NothingToRekey`], [`Error::AlreadyResident`],
		/// [`Error::TooManyRoles`], [`Error::RegistrationCapReached`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::complete_rekey(T::MaxRolesPerAccount::get())
			.saturating_add(T::OnResidentChange::removed_weight())
			.saturating_add(T::OnResidentChange::vested_weight())
			.saturating_add(Pallet::<T>::registration_count_weight()))]
		pub fn complete_rekey(
			origin: OriginFor<T>,
			new_account: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let roles = Self::do_complete_rekey(who, new_account)?;
			let weight = T::WeightInfo::complete_rekey(roles)
				.saturating_add(T::OnResidentChange::removed_weight())
				.saturating_add(T::OnResidentChange::vested_weight())
				.saturating_add(Pallet::<T>::registration_count_weight());
			Ok(Some(weight).into())
		}

		/// Refuse a pending re-key of one's registration to `new_account` (the phone was not
		/// lost: someone else is trying to take the registration).
		///
		/// Origin: signed by the account that holds the registration.
		///
		/// Emits [`Event::RekeyRefused`]. Errors: [`Error::NoPendingRekey`],
		/// [`Error::NotTheOldKey`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::refuse_rekey())]
		pub fn refuse_rekey(origin: OriginFor<T>, new_account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refuse_rekey(who, new_account)
		}

		/// Grant `role` at `unit` to `who`. The caller must be an officer of `unit` or above.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: Role,
			unit: UnitId,
		) -> DispatchResult {
			let by = Self::ensure_officer_not_self(origin, unit, &who)?;
			Self::do_grant_role(by, who, role, unit)
		}

		/// Revoke `role` at `unit` from `who`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: Role,
			unit: UnitId,
		) -> DispatchResult {
			let by = Self::ensure_officer_not_self(origin, unit, &who)?;
			Self::do_revoke_role(by, who, role, unit)
		}

		/// Set how many free civic calls a verified resident may make per quota period.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_free_call_quota())]
		pub fn set_free_call_quota(origin: OriginFor<T>, per_period: u32) -> DispatchResult {
			Self::ensure_governance(origin)?;
			ensure!(per_period <= T::MaxFreeCallsPerPeriod::get(), Error::<T>::QuotaTooHigh);
			FreeCallQuota::<T>::put(per_period);
			Self::deposit_event(Event::FreeCallQuotaSet { per_period });
			Ok(())
		}

		/// Set how long the civic votes of residents registered from now on wait before they
		/// count in referenda, in blocks (votes already waiting keep their date).
		///
		/// Origin: governance. Emits [`Event::VoteVestingDelaySet`]. Errors:
		/// [`Error::VestingDelayTooLong`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_vote_vesting_delay())]
		pub fn set_vote_vesting_delay(
			origin: OriginFor<T>,
			delay: BlockNumberFor<T>,
		) -> DispatchResult {
			Self::ensure_governance(origin)?;
			ensure!(delay <= T::MaxVoteVestingDelay::get(), Error::<T>::VestingDelayTooLong);
			VoteVestingDelay::<T>::put(delay);
			Self::deposit_event(Event::VoteVestingDelaySet { delay });
			Ok(())
		}
	}
}
