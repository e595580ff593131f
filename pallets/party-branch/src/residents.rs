//! The resident registry: applications, approvals, moves, re-keys and revocations, and the
//! resident counts of the units.

use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::{CivicRegistry, OnResidentChange, UnitId, UnitLevel};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	Application, ApplicationOf, Applications, Authority, AuthorityOf, Commitments, Config, Error,
	Event, FreeCallsUsed, MoveRequests, Pallet, RegistrationsBy, ResidentRecord, Residents,
	RevocationReason, RoleCount, Units,
};

impl<T: Config> Pallet<T> {
	/// Fails unless `unit` is a community.
	fn ensure_community(unit: UnitId) -> DispatchResult {
		let level = <Self as CivicRegistry<_>>::level_of(unit).ok_or(Error::<T>::UnknownUnit)?;
		ensure!(level == UnitLevel::Community, Error::<T>::WrongLevel);
		Ok(())
	}

	/// Adds one resident to `community` and every unit above it, or removes one.
	fn count_resident(community: UnitId, joined: bool) -> DispatchResult {
		// Check every unit first so that a failure changes nothing.
		let units: alloc::vec::Vec<_> = Self::unit_and_above(community).collect();
		for unit in &units {
			let count = Units::<T>::get(unit).ok_or(Error::<T>::UnknownUnit)?.residents;
			let ok = if joined { count.checked_add(1) } else { count.checked_sub(1) };
			ok.ok_or(Error::<T>::CountOverflow)?;
		}
		for unit in units {
			Units::<T>::mutate(unit, |record| {
				if let Some(record) = record {
					record.residents =
						if joined { record.residents + 1 } else { record.residents - 1 };
				}
			});
		}
		Ok(())
	}

	/// `applicant`'s pending application, and the officer of its community who acts on it.
	pub(crate) fn application_before_officer(
		origin: frame_system::pallet_prelude::OriginFor<T>,
		applicant: &T::AccountId,
	) -> Result<(ApplicationOf<T>, AuthorityOf<T>), DispatchError> {
		let application = Applications::<T>::get(applicant).ok_or(Error::<T>::NoApplication)?;
		let by = Self::ensure_officer_not_self(origin, application.community, applicant)?;
		Ok((application, by))
	}

	pub(crate) fn do_apply(
		who: T::AccountId,
		community: UnitId,
		commitment: T::Hash,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!Residents::<T>::contains_key(&who), Error::<T>::AlreadyResident);
		ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
		let submitted = frame_system::Pallet::<T>::block_number();
		Applications::<T>::insert(&who, Application { community, commitment, submitted });
		Self::deposit_event(Event::Applied { who, community });
		Ok(())
	}

	/// The officer's count of registrations in this period, read and written once per
	/// registration (not in the generated weights, so added to them).
	pub fn registration_count_weight() -> frame_support::weights::Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Counts a registration by `by` against the officer's cap for this period; governance has
	/// none. Fails, counting nothing, at the cap.
	fn count_registration(by: &AuthorityOf<T>) -> DispatchResult {
		if let Authority::Officer(officer) = by {
			let period = Self::quota_period();
			let (last, made) = RegistrationsBy::<T>::get(officer);
			let made = if last == period { made } else { 0 };
			ensure!(
				made < T::MaxRegistrationsPerOfficer::get(),
				Error::<T>::RegistrationCapReached
			);
			RegistrationsBy::<T>::insert(officer, (period, made.saturating_add(1)));
		}
		Ok(())
	}

	/// Makes `who` a verified resident of `community`. The caller has checked the authority.
	pub(crate) fn do_register(
		by: AuthorityOf<T>,
		who: T::AccountId,
		community: UnitId,
		commitment: T::Hash,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!Residents::<T>::contains_key(&who), Error::<T>::AlreadyResident);
		ensure!(!Commitments::<T>::contains_key(commitment), Error::<T>::CommitmentInUse);
		Self::count_registration(&by)?;
		Self::count_resident(community, true)?;

		Applications::<T>::remove(&who);
		Commitments::<T>::insert(commitment, &who);
		Residents::<T>::insert(
			&who,
			ResidentRecord {
				community,
				commitment,
				since: frame_system::Pallet::<T>::block_number(),
				approved_by: by.clone(),
			},
		);
		// A verified resident's account exists without holding tokens, so that it can send
		// its free civic calls.
		frame_system::Pallet::<T>::inc_sufficients(&who);
		T::OnResidentChange::registered(&who);
		Self::deposit_event(Event::ResidentApproved { who, community, by });
		Ok(())
	}

	/// Removes `who` from the registry; returns how many roles went with it.
	pub(crate) fn do_revoke(
		by: AuthorityOf<T>,
		who: T::AccountId,
		reason: RevocationReason,
	) -> Result<u32, DispatchError> {
		let record = Residents::<T>::get(&who).ok_or(Error::<T>::NotResident)?;
		Self::count_resident(record.community, false)?;

		Residents::<T>::remove(&who);
		Commitments::<T>::remove(record.commitment);
		MoveRequests::<T>::remove(&who);
		FreeCallsUsed::<T>::remove(&who);
		let roles = Self::clear_roles(&who);
		T::OnResidentChange::removed(&who);
		frame_system::Pallet::<T>::dec_sufficients(&who);
		Self::deposit_event(Event::ResidentRevoked {
			who,
			community: record.community,
			reason,
			by,
		});
		Ok(roles)
	}

	pub(crate) fn do_request_move(who: T::AccountId, to: UnitId) -> DispatchResult {
		let record = Residents::<T>::get(&who).ok_or(Error::<T>::NotResident)?;
		Self::ensure_community(to)?;
		ensure!(record.community != to, Error::<T>::SameCommunity);
		MoveRequests::<T>::insert(&who, to);
		Self::deposit_event(Event::MoveRequested { who, from: record.community, to });
		Ok(())
	}

	/// Moves `who` to `to`; returns how many roles were looked at.
	pub(crate) fn do_move(
		by: AuthorityOf<T>,
		who: T::AccountId,
		to: UnitId,
	) -> Result<u32, DispatchError> {
		let mut record = Residents::<T>::get(&who).ok_or(Error::<T>::NotResident)?;
		let from = record.community;
		ensure!(from != to, Error::<T>::SameCommunity);
		Self::ensure_community(to)?;
		Self::count_resident(from, false)?;
		Self::count_resident(to, true)?;

		record.community = to;
		record.since = frame_system::Pallet::<T>::block_number();
		record.approved_by = by.clone();
		Residents::<T>::insert(&who, record);
		MoveRequests::<T>::remove(&who);
		let roles = Self::drop_roles_left_behind(&who, to);
		Self::deposit_event(Event::ResidentMoved { who, from, to, by });
		Ok(roles)
	}

	/// Passes `old`'s registration to `new`; returns how many roles moved.
	pub(crate) fn do_rekey(
		by: AuthorityOf<T>,
		old: T::AccountId,
		new: T::AccountId,
		application: ApplicationOf<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!Residents::<T>::contains_key(&new), Error::<T>::AlreadyResident);
		let roles_after = RoleCount::<T>::get(&old).saturating_add(RoleCount::<T>::get(&new));
		ensure!(roles_after <= T::MaxRolesPerAccount::get(), Error::<T>::TooManyRoles);
		let mut record = Residents::<T>::take(&old).ok_or(Error::<T>::NotResident)?;
		ensure!(record.commitment == application.commitment, Error::<T>::NothingToRekey);
		Self::count_registration(&by)?;

		record.since = frame_system::Pallet::<T>::block_number();
		record.approved_by = by.clone();
		let community = record.community;
		Residents::<T>::insert(&new, record);
		Commitments::<T>::insert(application.commitment, &new);
		Applications::<T>::remove(&new);
		MoveRequests::<T>::remove(&old);
		FreeCallsUsed::<T>::remove(&old);
		let roles = Self::transfer_roles(&old, &new);
		frame_system::Pallet::<T>::inc_sufficients(&new);
		T::OnResidentChange::registered(&new);
		T::OnResidentChange::removed(&old);
		frame_system::Pallet::<T>::dec_sufficients(&old);
		Self::deposit_event(Event::ResidentRekeyed { old, new, community, by });
		Ok(roles)
	}
}
