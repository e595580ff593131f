//! Who supervises a pot, and how that changes: from above, or by the supervisors' own M-of-N.

use frame_support::{
	ensure,
	traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::OriginFor;
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId, UnitLevel};
use sp_runtime::{BoundedVec, DispatchError, DispatchResult};

use crate::{
	Authority, AuthorityOf, Config, Error, Event, Pallet, PendingChanges, PendingSettings,
	Settings, UnitSettingsOf,
};

impl<T: Config> Pallet<T> {
	/// Governance, or a signed officer of a unit strictly above `unit` (a district's settings
	/// are governance's alone).
	pub(crate) fn ensure_above(
		origin: OriginFor<T>,
		unit: UnitId,
	) -> Result<AuthorityOf<T>, DispatchError> {
		let origin = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => {
				ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
				return Ok(Authority::Governance);
			},
			Err(origin) => origin,
		};
		let who = frame_system::ensure_signed(origin)?;
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		let parent = T::Registry::parent_of(unit).ok_or(Error::<T>::NotAnOfficerAbove)?;
		ensure!(T::Registry::is_officer(&who, parent), Error::<T>::NotAnOfficerAbove);
		Ok(Authority::Officer(who))
	}

	/// Whether `who` may supervise `unit`'s pot: an officer of it (or above), its treasury
	/// supervisor or owners' committee member, or one of its residents. Asked whenever a
	/// supervisor acts or an approval is counted, not only when the list is set: a power ends
	/// when the office or residency it rests on ends.
	pub(crate) fn eligible(who: &T::AccountId, unit: UnitId) -> bool {
		T::Registry::is_officer(who, unit)
			|| T::Registry::has_role(who, Role::TreasurySupervisor, unit)
			|| T::Registry::has_role(who, Role::OwnersCommittee, unit)
			|| T::Registry::is_resident_of(who, unit)
	}

	/// Whether `who` is one of `unit`'s supervisors and still eligible to be one.
	pub(crate) fn is_supervisor(
		who: &T::AccountId,
		unit: UnitId,
		settings: &UnitSettingsOf<T>,
	) -> bool {
		settings.supervisors.iter().any(|s| s == who) && Self::eligible(who, unit)
	}

	/// How many of `approvals` (or rejections) still count: those of current, eligible
	/// supervisors.
	pub(crate) fn counted(
		approvals: &[T::AccountId],
		unit: UnitId,
		settings: &UnitSettingsOf<T>,
	) -> u32 {
		approvals.iter().filter(|who| Self::is_supervisor(who, unit, settings)).count() as u32
	}

	/// Checks settings for `unit`: distinct, eligible supervisors and a reachable M that is at
	/// least the minimum.
	fn validate(unit: UnitId, settings: &UnitSettingsOf<T>) -> DispatchResult {
		ensure!(T::Registry::level_of(unit) != Some(UnitLevel::Grid), Error::<T>::GridHasNoPot);
		let supervisors = &settings.supervisors;
		let m = settings.required_approvals;
		ensure!(
			m >= T::MinApprovals::get() && m as usize <= supervisors.len(),
			Error::<T>::InvalidThreshold
		);
		for (i, s) in supervisors.iter().enumerate() {
			ensure!(!supervisors[..i].contains(s), Error::<T>::DuplicateSupervisor);
			ensure!(Self::eligible(s, unit), Error::<T>::NotEligibleSupervisor);
		}
		Ok(())
	}

	pub(crate) fn do_configure(
		by: AuthorityOf<T>,
		unit: UnitId,
		settings: UnitSettingsOf<T>,
	) -> DispatchResult {
		Self::validate(unit, &settings)?;
		Settings::<T>::insert(unit, &settings);
		PendingChanges::<T>::remove(unit);
		Self::deposit_event(Event::Configured { unit, settings, by });
		Ok(())
	}

	pub(crate) fn do_propose_settings(
		who: T::AccountId,
		unit: UnitId,
		settings: UnitSettingsOf<T>,
	) -> DispatchResult {
		let current = Settings::<T>::get(unit).ok_or(Error::<T>::NotConfigured)?;
		ensure!(Self::is_supervisor(&who, unit, &current), Error::<T>::NotASupervisor);
		// Supervisors change who supervises, never how far residents can stop them.
		ensure!(
			settings.objection_share == current.objection_share
				&& settings.vote_cap == current.vote_cap,
			Error::<T>::OversightFromAbove
		);
		Self::validate(unit, &settings)?;
		let approvals = BoundedVec::truncate_from(alloc::vec![who.clone()]);
		PendingChanges::<T>::insert(
			unit,
			PendingSettings { settings: settings.clone(), approvals: approvals.clone() },
		);
		Self::deposit_event(Event::SettingsChangeProposed { unit, settings, by: who });
		Self::apply_if_approved(unit, &current, Self::counted(&approvals, unit, &current));
		Ok(())
	}

	pub(crate) fn do_approve_settings(who: T::AccountId, unit: UnitId) -> DispatchResult {
		let current = Settings::<T>::get(unit).ok_or(Error::<T>::NotConfigured)?;
		ensure!(Self::is_supervisor(&who, unit, &current), Error::<T>::NotASupervisor);
		let mut pending = PendingChanges::<T>::get(unit).ok_or(Error::<T>::NoPendingChange)?;
		ensure!(!pending.approvals.contains(&who), Error::<T>::AlreadyApproved);
		// Approvals of those who lost the power no longer count, and make room.
		pending.approvals.retain(|a| Self::is_supervisor(a, unit, &current));
		// Cannot be full: it holds distinct current supervisors, of whom there are at most N.
		pending.approvals.try_push(who.clone()).map_err(|_| Error::<T>::AlreadyApproved)?;
		let approvals = pending.approvals.len() as u32;
		PendingChanges::<T>::insert(unit, pending);
		Self::deposit_event(Event::SettingsChangeApproved { unit, by: who, approvals });
		Self::apply_if_approved(unit, &current, approvals);
		Ok(())
	}

	/// Applies `unit`'s pending change once `approvals` reach the current M.
	fn apply_if_approved(unit: UnitId, current: &UnitSettingsOf<T>, approvals: u32) {
		if approvals < current.required_approvals {
			return;
		}
		if let Some(pending) = PendingChanges::<T>::take(unit) {
			Settings::<T>::insert(unit, &pending.settings);
			Self::deposit_event(Event::SettingsChanged { unit, settings: pending.settings });
		}
	}
}
