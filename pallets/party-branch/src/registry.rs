//! The registry as the other civic pallets see it ([`CivicRegistry`]), and the authority checks
//! this pallet's own calls make.

use frame_support::{ensure, traits::EnsureOrigin};
use frame_system::pallet_prelude::OriginFor;
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId, UnitLevel, MAX_DEPTH};
use sp_runtime::{traits::SaturatedConversion, DispatchError};

use crate::{
	Authority, AuthorityOf, Config, Error, Office, Pallet, Residents, Roles, UnitOf, Units,
};

impl<T: Config> CivicRegistry<T::AccountId> for Pallet<T> {
	fn community_of(who: &T::AccountId) -> Option<UnitId> {
		Residents::<T>::get(who).map(|r| r.community)
	}

	fn resident_since(who: &T::AccountId) -> Option<u64> {
		Residents::<T>::get(who).map(|r| r.since.saturated_into())
	}

	fn has_role(who: &T::AccountId, role: Role, unit: UnitId) -> bool {
		Self::unit_and_above(unit).any(|u| Roles::<T>::contains_key(who, (role, u)))
	}

	fn has_role_around(who: &T::AccountId, role: Role, unit: UnitId) -> bool {
		// An account holds at most `MaxRolesPerAccount` roles: a bounded walk.
		Roles::<T>::iter_key_prefix(who).any(|(held, at)| {
			held == role && (at == unit || Self::is_above(at, unit) || Self::is_above(unit, at))
		})
	}

	fn is_officer(who: &T::AccountId, unit: UnitId) -> bool {
		Self::unit_and_above(unit).any(|u| Self::holds_office(who, u))
	}

	fn resident_count(unit: UnitId) -> u32 {
		Units::<T>::get(unit).map_or(0, |u| u.residents)
	}

	fn level_of(unit: UnitId) -> Option<UnitLevel> {
		Units::<T>::get(unit).map(|u| u.level)
	}

	fn parent_of(unit: UnitId) -> Option<UnitId> {
		Units::<T>::get(unit).and_then(|u| u.parent)
	}
}

impl<T: Config> Pallet<T> {
	/// `unit`, its parent, its parent's parent, ... up to the district (at most four units).
	pub(crate) fn unit_and_above(unit: UnitId) -> impl Iterator<Item = UnitId> {
		let mut next = Some(unit);
		core::iter::from_fn(move || {
			let current = next?;
			next = <Self as CivicRegistry<T::AccountId>>::parent_of(current);
			Some(current)
		})
		.take(MAX_DEPTH as usize)
	}

	/// Whether `who` is the secretary or a committee member of `unit` itself.
	pub(crate) fn holds_office(who: &T::AccountId, unit: UnitId) -> bool {
		Units::<T>::get(unit).is_some_and(|u| {
			u.secretary.as_ref() == Some(who) || u.committee.iter().any(|m| m == who)
		})
	}

	/// The office `who` holds in `unit`.
	pub(crate) fn office_in(who: &T::AccountId, unit: UnitId) -> Result<Office, DispatchError> {
		let record = Units::<T>::get(unit).ok_or(Error::<T>::UnknownUnit)?;
		if record.secretary.as_ref() == Some(who) {
			Ok(Office::Secretary)
		} else if record.committee.iter().any(|m| m == who) {
			Ok(Office::Committee)
		} else {
			Err(Error::<T>::NotAnOfficerOfUnit.into())
		}
	}

	/// The governance origin, or [`Error::GovernanceOnly`] for a signed account.
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<AuthorityOf<T>, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(Authority::Governance),
			Err(origin) => {
				frame_system::ensure_signed(origin)?;
				Err(Error::<T>::GovernanceOnly.into())
			},
		}
	}

	/// Governance, or a signed account that `allowed` accepts for the existing unit `unit`.
	fn authorise(
		origin: OriginFor<T>,
		unit: UnitId,
		allowed: impl FnOnce(&T::AccountId, &UnitOf<T>) -> bool,
	) -> Result<AuthorityOf<T>, DispatchError> {
		let who = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => None,
			Err(origin) => Some(frame_system::ensure_signed(origin)?),
		};
		let record = Units::<T>::get(unit).ok_or(Error::<T>::UnknownUnit)?;
		match who {
			None => Ok(Authority::Governance),
			Some(who) => {
				ensure!(allowed(&who, &record), Error::<T>::NotOfficer);
				Ok(Authority::Officer(who))
			},
		}
	}

	/// Governance, or an officer of `unit` or of a unit above it.
	pub(crate) fn ensure_officer(
		origin: OriginFor<T>,
		unit: UnitId,
	) -> Result<AuthorityOf<T>, DispatchError> {
		Self::authorise(origin, unit, |who, _| <Self as CivicRegistry<_>>::is_officer(who, unit))
	}

	/// As [`Self::ensure_officer`], refusing an officer who would act on their own account.
	pub(crate) fn ensure_officer_not_self(
		origin: OriginFor<T>,
		unit: UnitId,
		subject: &T::AccountId,
	) -> Result<AuthorityOf<T>, DispatchError> {
		let by = Self::ensure_officer(origin, unit)?;
		Self::ensure_not_self(&by, subject)?;
		Ok(by)
	}

	pub(crate) fn ensure_not_self(
		by: &AuthorityOf<T>,
		subject: &T::AccountId,
	) -> Result<(), DispatchError> {
		ensure!(by != &Authority::Officer(subject.clone()), Error::<T>::ActingOnSelf);
		Ok(())
	}

	/// Who may fill (or empty) `office` in `unit`: governance or an officer of a unit above it;
	/// for a committee seat, also the unit's secretary.
	pub(crate) fn ensure_may_staff(
		origin: OriginFor<T>,
		unit: UnitId,
		office: Office,
	) -> Result<AuthorityOf<T>, DispatchError> {
		Self::authorise(origin, unit, |who, record| {
			let from_above =
				record.parent.is_some_and(|p| <Self as CivicRegistry<_>>::is_officer(who, p));
			let own_secretary =
				office == Office::Committee && record.secretary.as_ref() == Some(who);
			from_above || own_secretary
		})
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<T::AccountId>
	for Pallet<T>
{
	fn create_community() -> UnitId {
		use alloc::vec;
		let mut parent = None;
		for level in [UnitLevel::District, UnitLevel::Street, UnitLevel::Community] {
			Self::do_create_unit(Authority::Governance, level, parent, vec![b'u'; 8], None)
				.expect("benchmark units are valid");
			parent = Some(crate::NextUnitId::<T>::get() - 1);
		}
		parent.expect("three units were created")
	}

	fn register_resident(who: &T::AccountId, community: UnitId) {
		use codec::Encode;
		use sp_runtime::traits::Hash;
		let commitment = T::Hashing::hash_of(&(b"benchmark", who).encode());
		Self::do_register(Authority::Governance, who.clone(), community, commitment)
			.expect("benchmark resident is valid");
	}

	fn appoint_officer(who: &T::AccountId, unit: UnitId) {
		Self::do_appoint(Authority::Governance, unit, who.clone(), Office::Committee)
			.expect("benchmark officer is valid");
	}

	fn grant_role(who: &T::AccountId, role: Role, unit: UnitId) {
		Self::do_grant_role(Authority::Governance, who.clone(), role, unit)
			.expect("benchmark role is valid");
	}
}
