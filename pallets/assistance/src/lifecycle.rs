//! A request's life: open → accepted → done → confirmed (or disputed and settled); cancelled,
//! released, expired. And volunteers' declarations.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use gongzhi_primitives::{
	assistance::AssistanceFund,
	civic::{ActsFor, CivicRegistry, Role, UnitId},
	credits::{Minutes, ServiceCredits},
};
use sp_runtime::{traits::Saturating, BoundedVec, DispatchResult};

use crate::{
	queue::{Queue, Queues},
	CommunityRequests, Config, Error, Escalated, Event, HelpCategory, NextRequestId, Offers,
	OpenSubsidies, Pallet, Request, RequestId, RequestOf, RequestStatus, Requests, ServiceOffer,
	Urgency,
};

impl<T: Config> Pallet<T> {
	/// The community of `volunteer` if they are a verified resident holding the volunteer role.
	fn volunteer_community(volunteer: &T::AccountId) -> Result<UnitId, Error<T>> {
		let community = T::Registry::community_of(volunteer).ok_or(Error::<T>::NotAVolunteer)?;
		ensure!(
			T::Registry::has_role(volunteer, Role::Volunteer, community),
			Error::<T>::NotAVolunteer
		);
		Ok(community)
	}

	/// Whether `who` is the recipient or a grid worker of the recipient's community.
	fn on_behalf(who: &T::AccountId, recipient: &T::AccountId, community: UnitId) -> bool {
		who == recipient || T::Registry::has_role_around(who, Role::GridWorker, community)
	}

	pub(crate) fn do_declare_service(
		who: T::AccountId,
		skills: Vec<HelpCategory>,
		areas: Vec<UnitId>,
	) -> DispatchResult {
		Self::volunteer_community(&who)?;
		let skills = BoundedVec::try_from(skills).map_err(|_| Error::<T>::TooMany)?;
		let areas = BoundedVec::try_from(areas).map_err(|_| Error::<T>::TooMany)?;
		Offers::<T>::insert(&who, ServiceOffer { skills, areas });
		Self::deposit_event(Event::ServiceDeclared { volunteer: who });
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_open_request(
		who: T::AccountId,
		recipient: T::AccountId,
		category: HelpCategory,
		urgency: Urgency,
		minutes: Minutes,
		details: [u8; 32],
		credits: Minutes,
		subsidy: u128,
	) -> DispatchResult {
		let community = T::Registry::community_of(&recipient).ok_or(Error::<T>::NotEligible)?;
		ensure!(
			T::Registry::has_role(&recipient, Role::SpecialNeeds, community),
			Error::<T>::NotEligible
		);
		ensure!(Self::on_behalf(&who, &recipient, community), Error::<T>::NotOnBehalf);
		ensure!(credits == 0 || who == recipient, Error::<T>::CreditsNeedRecipient);
		ensure!(minutes > 0, Error::<T>::ZeroMinutes);
		// Subsidies of requests still open are counted together: each would be paid on
		// confirmation, so together they must fit in the fund (its Assistance line and pot).
		let open_subsidies = OpenSubsidies::<T>::get(community);
		ensure!(
			open_subsidies.saturating_add(subsidy) <= T::Fund::available(community),
			Error::<T>::SubsidyBeyondFund
		);

		let id = NextRequestId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		CommunityRequests::<T>::try_mutate(community, |list| list.try_push(id))
			.map_err(|_| Error::<T>::TooManyRequests)?;
		NextRequestId::<T>::put(next);
		if subsidy > 0 {
			OpenSubsidies::<T>::insert(community, open_subsidies.saturating_add(subsidy));
		}
		let now = frame_system::Pallet::<T>::block_number();
		Requests::<T>::insert(
			id,
			Request {
				recipient: recipient.clone(),
				opened_by: who.clone(),
				community,
				category,
				urgency,
				minutes,
				details,
				credits,
				subsidy,
				opened_at: now,
				status: RequestStatus::Open,
			},
		);
		Queues::<T>::push(Queue::Expiries, now.saturating_add(T::OpenPeriod::get()), id);
		if urgency == Urgency::Urgent {
			Queues::<T>::push(
				Queue::Escalations,
				now.saturating_add(T::EscalationPeriod::get()),
				id,
			);
		}
		Self::deposit_event(Event::RequestOpened {
			request: id,
			recipient,
			opened_by: who,
			community,
			category,
			urgency,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_request(who: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.status == RequestStatus::Open, Error::<T>::NotOpen);
		ensure!(
			who == request.opened_by
				|| Self::on_behalf(&who, &request.recipient, request.community),
			Error::<T>::NotOnBehalf
		);
		Self::end(id, &request);
		Self::deposit_event(Event::Cancelled { request: id, by: who });
		Ok(())
	}

	pub(crate) fn do_accept(who: T::AccountId, id: RequestId) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.status == RequestStatus::Open, Error::<T>::NotOpen);
		Self::volunteer_community(&who)?;
		ensure!(who != request.recipient, Error::<T>::SelfConfirmation);
		ensure!(who != request.opened_by, Error::<T>::OpenerVolunteers);
		ensure!(
			!T::Delegates::acts_for(&who, &request.recipient),
			Error::<T>::VolunteerActsForRecipient
		);
		let offer = Offers::<T>::get(&who).ok_or(Error::<T>::NoMatchingSkill)?;
		let serves = offer.areas.iter().any(|area| {
			*area == request.community || T::Registry::is_above(*area, request.community)
		});
		ensure!(offer.skills.contains(&request.category) && serves, Error::<T>::NoMatchingSkill);
		request.status = RequestStatus::Accepted { volunteer: who.clone() };
		Requests::<T>::insert(id, request.clone());
		Escalated::<T>::mutate(request.community, |list| list.retain(|r| *r != id));
		Self::deposit_event(Event::Accepted { request: id, volunteer: who });
		Ok(())
	}

	pub(crate) fn do_release(who: T::AccountId, id: RequestId) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Accepted { volunteer } = request.status.clone() else {
			return Err(Error::<T>::NotAccepted.into());
		};
		ensure!(
			who == volunteer
				|| T::Registry::has_role_around(&who, Role::GridWorker, request.community)
				|| T::Registry::is_officer(&who, request.community),
			Error::<T>::NotTheVolunteer
		);
		request.status = RequestStatus::Open;
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Released { request: id, volunteer, by: who });
		Ok(())
	}

	pub(crate) fn do_complete(
		who: T::AccountId,
		id: RequestId,
		minutes: Minutes,
	) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Accepted { volunteer } = request.status.clone() else {
			return Err(Error::<T>::NotAccepted.into());
		};
		ensure!(who == volunteer, Error::<T>::NotTheVolunteer);
		ensure!(minutes > 0, Error::<T>::ZeroMinutes);
		ensure!(minutes <= request.minutes, Error::<T>::OverRequested);
		request.status = RequestStatus::Done { volunteer: volunteer.clone(), minutes };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Completed { request: id, volunteer, minutes });
		Ok(())
	}

	pub(crate) fn do_confirm(who: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Done { volunteer, minutes } = request.status.clone() else {
			return Err(Error::<T>::NotDone.into());
		};
		ensure!(who != volunteer, Error::<T>::SelfConfirmation);
		ensure!(
			Self::on_behalf(&who, &request.recipient, request.community),
			Error::<T>::NotOnBehalf
		);
		// A proxy's confirmation carries the recipient's origin, and the volunteer may have
		// become the recipient's proxy after accepting: then a grid worker confirms.
		ensure!(
			who != request.recipient || !T::Delegates::acts_for(&volunteer, &request.recipient),
			Error::<T>::VolunteerActsForRecipient
		);
		Self::reward(id, &request, &volunteer, minutes, &who)
	}

	pub(crate) fn do_dispute(who: T::AccountId, id: RequestId) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Done { volunteer, minutes } = request.status.clone() else {
			return Err(Error::<T>::NotDone.into());
		};
		ensure!(who != volunteer, Error::<T>::SelfConfirmation);
		ensure!(
			Self::on_behalf(&who, &request.recipient, request.community),
			Error::<T>::NotOnBehalf
		);
		request.status = RequestStatus::Disputed { volunteer, minutes };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Disputed { request: id, by: who });
		Ok(())
	}

	pub(crate) fn do_settle(who: T::AccountId, id: RequestId, minutes: Minutes) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Disputed { volunteer, .. } = request.status.clone() else {
			return Err(Error::<T>::NotDisputed.into());
		};
		ensure!(T::Registry::is_officer(&who, request.community), Error::<T>::NotAnOfficer);
		ensure!(who != volunteer, Error::<T>::SelfConfirmation);
		ensure!(minutes <= request.minutes, Error::<T>::OverRequested);
		Self::deposit_event(Event::Settled { request: id, minutes, by: who.clone() });
		if minutes == 0 {
			Self::end(id, &request);
			return Ok(());
		}
		Self::reward(id, &request, &volunteer, minutes, &who)
	}

	/// Credits the volunteer `minutes` (refused over their daily cap: nothing changes), then pays
	/// the credits offered and the subsidy; a failure of either is reported and the rest stands.
	fn reward(
		id: RequestId,
		request: &RequestOf<T>,
		volunteer: &T::AccountId,
		minutes: Minutes,
		confirmer: &T::AccountId,
	) -> DispatchResult {
		T::Credits::credit_service(volunteer, confirmer, minutes, id)?;
		if request.credits > 0 {
			if let Err(error) =
				T::Credits::pay_for_help(&request.recipient, volunteer, request.credits, id)
			{
				Self::deposit_event(Event::PaymentFailed { request: id, error });
			}
		}
		if request.subsidy > 0 {
			match T::Fund::pay_subsidy(request.community, id, volunteer, request.subsidy) {
				Ok(spend) => Self::deposit_event(Event::SubsidyPaid {
					request: id,
					spend,
					amount: request.subsidy,
				}),
				Err(error) => Self::deposit_event(Event::PaymentFailed { request: id, error }),
			}
		}
		Self::end(id, request);
		Self::deposit_event(Event::Confirmed {
			request: id,
			volunteer: volunteer.clone(),
			minutes,
			confirmed_by: confirmer.clone(),
		});
		Ok(())
	}

	/// Removes an ended request from storage and the community's lists.
	pub(crate) fn end(id: RequestId, request: &RequestOf<T>) {
		Requests::<T>::remove(id);
		if request.subsidy > 0 {
			OpenSubsidies::<T>::mutate_exists(request.community, |total| {
				*total = total.map(|t| t.saturating_sub(request.subsidy)).filter(|t| *t > 0);
			});
		}
		CommunityRequests::<T>::mutate(request.community, |list| list.retain(|r| *r != id));
		Escalated::<T>::mutate(request.community, |list| list.retain(|r| *r != id));
	}

	/// `community`'s open requests, of `category` if given, oldest first: the need list.
	pub fn open_requests(
		community: UnitId,
		category: Option<HelpCategory>,
	) -> Vec<(RequestId, RequestOf<T>)> {
		CommunityRequests::<T>::get(community)
			.into_iter()
			.filter_map(|id| Requests::<T>::get(id).map(|r| (id, r)))
			.filter(|(_, r)| {
				r.status == RequestStatus::Open && category.is_none_or(|c| c == r.category)
			})
			.collect()
	}
}

impl<T: Config> Pallet<T> {
	/// `community`'s escalated requests, oldest first.
	pub fn escalated(community: UnitId) -> Vec<(RequestId, RequestOf<T>)> {
		Escalated::<T>::get(community)
			.into_iter()
			.filter_map(|id| Requests::<T>::get(id).map(|r| (id, r)))
			.collect()
	}
}
