//! Verified service: activities, sign-ups, the organiser's records and their disputes; and help
//! confirmed through the assistance pallet.

use frame_support::{ensure, traits::Get, weights::Weight};
use gongzhi_primitives::{
	civic::{CivicRegistry, Role, UnitId},
	credits::{Minutes, ServiceCredits},
};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	Activities, Activity, ActivityId, Config, Counterparty, Error, Event, NextActivityId,
	OpenActivities, Pallet, Participation, Participations, TitleOf, WeightInfo,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_activity(
		who: T::AccountId,
		unit: UnitId,
		title: TitleOf<T>,
		max_minutes: Minutes,
	) -> DispatchResult {
		ensure!(max_minutes > 0 && max_minutes <= T::DailyCap::get(), Error::<T>::BadActivityLimit);
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(
			T::Registry::has_role(&who, Role::VolunteerOrganisation, unit),
			Error::<T>::NotAnOrganisation
		);
		let id = NextActivityId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		OpenActivities::<T>::try_mutate(unit, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyActivities)?;
		NextActivityId::<T>::put(next);
		Activities::<T>::insert(
			id,
			Activity {
				unit,
				organiser: who.clone(),
				title,
				published_at: frame_system::Pallet::<T>::block_number(),
				open: true,
				volunteers: 0,
				max_minutes,
			},
		);
		Self::deposit_event(Event::ActivityPublished {
			activity: id,
			unit,
			organiser: who,
			max_minutes,
		});
		Ok(())
	}

	pub(crate) fn do_sign_up(who: T::AccountId, id: ActivityId) -> DispatchResult {
		let mut activity = Activities::<T>::get(id).ok_or(Error::<T>::UnknownActivity)?;
		ensure!(activity.open, Error::<T>::ActivityClosed);
		// Volunteers serve wherever help is needed; their role is held in their own community.
		let community = T::Registry::community_of(&who).ok_or(Error::<T>::NotAVolunteer)?;
		ensure!(T::Registry::has_role(&who, Role::Volunteer, community), Error::<T>::NotAVolunteer);
		ensure!(who != activity.organiser, Error::<T>::SelfConfirmation);
		ensure!(!Participations::<T>::contains_key(id, &who), Error::<T>::AlreadySignedUp);
		Participations::<T>::insert(id, &who, Participation::SignedUp);
		activity.volunteers.saturating_inc();
		Activities::<T>::insert(id, activity);
		Self::deposit_event(Event::SignedUp { activity: id, volunteer: who });
		Ok(())
	}

	pub(crate) fn do_record_service(
		who: T::AccountId,
		id: ActivityId,
		volunteer: T::AccountId,
		minutes: Minutes,
	) -> DispatchResult {
		let activity = Activities::<T>::get(id).ok_or(Error::<T>::UnknownActivity)?;
		ensure!(activity.organiser == who, Error::<T>::NotTheOrganiser);
		// The power to record rests on the role, asked now: an organisation whose role ended
		// records nothing more.
		ensure!(
			T::Registry::has_role(&who, Role::VolunteerOrganisation, activity.unit),
			Error::<T>::NotAnOrganisation
		);
		ensure!(activity.open, Error::<T>::ActivityClosed);
		ensure!(who != volunteer, Error::<T>::SelfConfirmation);
		match Participations::<T>::get(id, &volunteer) {
			None => return Err(Error::<T>::NotSignedUp.into()),
			Some(Participation::SignedUp) => {},
			Some(_) => return Err(Error::<T>::AlreadyRecorded.into()),
		}
		ensure!(minutes <= activity.max_minutes, Error::<T>::OverActivityLimit);
		Self::ensure_within_cap(&volunteer, minutes)?;
		let at = frame_system::Pallet::<T>::block_number();
		Participations::<T>::insert(id, &volunteer, Participation::Recorded { minutes, at });
		Self::issue(
			&volunteer,
			minutes,
			Counterparty::Activity { activity: id, organiser: who.clone() },
		);
		Self::deposit_event(Event::ServiceRecorded {
			activity: id,
			volunteer,
			minutes,
			organiser: who,
		});
		Ok(())
	}

	pub(crate) fn do_close_activity(who: T::AccountId, id: ActivityId) -> DispatchResult {
		let mut activity = Activities::<T>::get(id).ok_or(Error::<T>::UnknownActivity)?;
		ensure!(
			activity.organiser == who || T::Registry::is_officer(&who, activity.unit),
			Error::<T>::NotTheOrganiser
		);
		ensure!(activity.open, Error::<T>::ActivityClosed);
		activity.open = false;
		OpenActivities::<T>::mutate(activity.unit, |open| open.retain(|a| *a != id));
		Activities::<T>::insert(id, activity);
		Self::schedule_pruning(id);
		Self::deposit_event(Event::ActivityClosed { activity: id, by: who });
		Ok(())
	}

	pub(crate) fn do_dispute(
		who: T::AccountId,
		id: ActivityId,
		claimed: Minutes,
	) -> DispatchResult {
		let Some(Participation::Recorded { minutes, at }) = Participations::<T>::get(id, &who)
		else {
			return Err(Error::<T>::NothingToDispute.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= at.saturating_add(T::DisputeWindow::get()), Error::<T>::DisputeWindowOver);
		ensure!(claimed > minutes, Error::<T>::ClaimNotAboveRecord);
		let activity = Activities::<T>::get(id).ok_or(Error::<T>::UnknownActivity)?;
		ensure!(claimed <= activity.max_minutes, Error::<T>::OverActivityLimit);
		Participations::<T>::insert(id, &who, Participation::Disputed { minutes, at, claimed });
		Self::deposit_event(Event::Disputed {
			activity: id,
			volunteer: who,
			recorded: minutes,
			claimed,
		});
		Ok(())
	}

	pub(crate) fn do_settle_dispute(
		who: T::AccountId,
		id: ActivityId,
		volunteer: T::AccountId,
		minutes: Minutes,
	) -> DispatchResult {
		let activity = Activities::<T>::get(id).ok_or(Error::<T>::UnknownActivity)?;
		ensure!(T::Registry::is_officer(&who, activity.unit), Error::<T>::NotAnOfficer);
		ensure!(who != activity.organiser, Error::<T>::OrganiserSettles);
		ensure!(who != volunteer, Error::<T>::SelfConfirmation);
		let Some(Participation::Disputed { minutes: recorded, claimed, .. }) =
			Participations::<T>::get(id, &volunteer)
		else {
			return Err(Error::<T>::NotDisputed.into());
		};
		ensure!(minutes >= recorded, Error::<T>::CannotReduce);
		// The claim was checked against the activity's limit when made; the limit is checked
		// again for claims made before there was one (see `migrations::v1`).
		ensure!(minutes <= claimed, Error::<T>::OverClaim);
		ensure!(minutes <= activity.max_minutes, Error::<T>::OverActivityLimit);
		let added = minutes - recorded;
		// What is added counts towards the day it is credited, like any other service.
		if added > 0 {
			Self::ensure_within_cap(&volunteer, added)?;
		}
		Participations::<T>::insert(id, &volunteer, Participation::Settled { minutes });
		if added > 0 {
			Self::issue(
				&volunteer,
				added,
				Counterparty::Activity { activity: id, organiser: activity.organiser },
			);
		}
		Self::deposit_event(Event::DisputeSettled {
			activity: id,
			volunteer,
			minutes,
			added,
			by: who,
		});
		Ok(())
	}
}

impl<T: Config> ServiceCredits<T::AccountId> for Pallet<T> {
	fn credit_service(
		volunteer: &T::AccountId,
		confirmer: &T::AccountId,
		minutes: Minutes,
		reference: u32,
	) -> DispatchResult {
		ensure!(volunteer != confirmer, Error::<T>::SelfConfirmation);
		Self::ensure_within_cap(volunteer, minutes)?;
		Self::issue(
			volunteer,
			minutes,
			Counterparty::Help { request: reference, confirmer: confirmer.clone() },
		);
		Self::deposit_event(Event::HelpCredited {
			request: reference,
			volunteer: volunteer.clone(),
			minutes,
			confirmer: confirmer.clone(),
		});
		Ok(())
	}

	fn pay_for_help(
		payer: &T::AccountId,
		volunteer: &T::AccountId,
		minutes: Minutes,
		reference: u32,
	) -> DispatchResult {
		ensure!(payer != volunteer, Error::<T>::SelfConfirmation);
		Self::move_credits(
			payer,
			volunteer,
			minutes,
			Counterparty::TimeBank { request: reference, other: volunteer.clone() },
			Counterparty::TimeBank { request: reference, other: payer.clone() },
		)?;
		Self::deposit_event(Event::PaidForHelp {
			request: reference,
			payer: payer.clone(),
			volunteer: volunteer.clone(),
			minutes,
		});
		Ok(())
	}

	fn weight() -> Weight {
		T::WeightInfo::credit_service()
	}
}
