//! The resident registry: applications, approvals, moves, re-keys and revocations, and the
//! resident counts of the units.

use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use gongzhi_primitives::civic::{CivicRegistry, OnResidentChange, UnitId, UnitLevel};
use sp_runtime::{traits::Saturating, DispatchError, DispatchResult};

use crate::{
	Application, ApplicationOf, Applications, Authority, AuthorityOf, Commitments, Config, Error,
	Event, FreeCallsUsed, HoldReason, MoveRequests, Pallet, PendingRekey, PendingRekeys,
	RegistrationsBy, ResidentRecord, Residents, RevocationReason, RoleCount, Units,
	VoteVestingDelay,
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
		T::Currency::hold(&HoldReason::Application.into(), &who, T::ApplicationDeposit::get())
			.map_err(|_| Error::<T>::DepositUnavailable)?;
		let submitted = frame_system::Pallet::<T>::block_number();
		Applications::<T>::insert(
			&who,
			Application { community, commitment, submitted, recorded_by: None },
		);
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

	/// Removes `who`'s application (and any re-key waiting on it), giving back its deposit.
	pub(crate) fn remove_application(who: &T::AccountId) {
		Applications::<T>::remove(who);
		PendingRekeys::<T>::remove(who);
		let reason = HoldReason::Application.into();
		// Everything held for an application: its deposit (nothing if recorded in person).
		let _ = T::Currency::release_all(&reason, who, Precision::BestEffort);
	}

	/// Records `who`'s application made in person before `officer` (checked by the caller); a
	/// second officer approves it.
	pub(crate) fn do_record_in_person(
		officer: T::AccountId,
		who: T::AccountId,
		community: UnitId,
		commitment: T::Hash,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!Residents::<T>::contains_key(&who), Error::<T>::AlreadyResident);
		ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
		ensure!(!Commitments::<T>::contains_key(commitment), Error::<T>::CommitmentInUse);
		let submitted = frame_system::Pallet::<T>::block_number();
		let recorded_by = Some(officer.clone());
		Applications::<T>::insert(
			&who,
			Application { community, commitment, submitted, recorded_by },
		);
		Self::deposit_event(Event::InPersonRecorded { who, community, by: officer });
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

		Self::remove_application(&who);
		Commitments::<T>::insert(commitment, &who);
		let since = frame_system::Pallet::<T>::block_number();
		let votes_from = since.saturating_add(VoteVestingDelay::<T>::get());
		Residents::<T>::insert(
			&who,
			ResidentRecord { community, commitment, since, approved_by: by.clone(), votes_from },
		);
		// A verified resident's account exists without holding tokens, so that it can send
		// its free civic calls.
		frame_system::Pallet::<T>::inc_sufficients(&who);
		Self::deposit_event(Event::ResidentApproved {
			who: who.clone(),
			community,
			by,
			votes_from,
		});
		Self::vest_or_queue(who, votes_from);
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

	/// Records a re-key of `old`'s registration to `new`, approved by `by` (checked by the
	/// caller), waiting for the old key's consent or [`Config::RekeyDelay`].
	pub(crate) fn do_approve_rekey(
		by: AuthorityOf<T>,
		old: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		ensure!(!Residents::<T>::contains_key(&new), Error::<T>::AlreadyResident);
		ensure!(!PendingRekeys::<T>::contains_key(&new), Error::<T>::RekeyAlreadyPending);
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::RekeyDelay::get());
		PendingRekeys::<T>::insert(
			&new,
			PendingRekey { old: old.clone(), approved_by: by.clone(), due },
		);
		Self::deposit_event(Event::RekeyPending { old, new, by, due });
		Ok(())
	}

	/// Completes the pending re-key to `new` for `caller` (the old key, or anyone once due);
	/// returns how many roles moved.
	pub(crate) fn do_complete_rekey(
		caller: T::AccountId,
		new: T::AccountId,
	) -> Result<u32, DispatchError> {
		let pending = PendingRekeys::<T>::get(&new).ok_or(Error::<T>::NoPendingRekey)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(caller == pending.old || now >= pending.due, Error::<T>::RekeyNotDue);
		let application = Applications::<T>::get(&new).ok_or(Error::<T>::NoApplication)?;
		let holder =
			Commitments::<T>::get(application.commitment).ok_or(Error::<T>::NothingToRekey)?;
		ensure!(holder == pending.old, Error::<T>::NothingToRekey);
		PendingRekeys::<T>::remove(&new);
		Self::do_rekey(pending.approved_by, pending.old, new, application)
	}

	/// The old key refuses the pending re-key to `new`.
	pub(crate) fn do_refuse_rekey(caller: T::AccountId, new: T::AccountId) -> DispatchResult {
		let pending = PendingRekeys::<T>::get(&new).ok_or(Error::<T>::NoPendingRekey)?;
		ensure!(caller == pending.old, Error::<T>::NotTheOldKey);
		PendingRekeys::<T>::remove(&new);
		Self::deposit_event(Event::RekeyRefused { old: pending.old, new });
		Ok(())
	}

	/// Passes `old`'s registration to `new`; returns how many roles moved. The vote's vesting
	/// date goes with it: the new key votes at once if the old key's vote had vested.
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
		let votes_from = record.votes_from;
		Residents::<T>::insert(&new, record);
		Commitments::<T>::insert(application.commitment, &new);
		Self::remove_application(&new);
		MoveRequests::<T>::remove(&old);
		FreeCallsUsed::<T>::remove(&old);
		let roles = Self::transfer_roles(&old, &new);
		frame_system::Pallet::<T>::inc_sufficients(&new);
		T::OnResidentChange::removed(&old);
		frame_system::Pallet::<T>::dec_sufficients(&old);
		Self::deposit_event(Event::ResidentRekeyed { old, new: new.clone(), community, by });
		Self::vest_or_queue(new, votes_from);
		Ok(roles)
	}
}
