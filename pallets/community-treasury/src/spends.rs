//! A spend's life: proposed → approved by M supervisors → public notice (or a residents' vote) →
//! paid; or cancelled, rejected, expired, voted down.

use frame_support::{
	ensure,
	traits::{fungible::Mutate, tokens::Preservation},
};
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId},
	votes::{ResidentVoteRequester, SpendIndex, VoteSubject},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	BoundedVec, DispatchError, DispatchResult, Permill,
};

use crate::{
	queue::Queue, ApprovalPeriod, BalanceOf, Beneficiary, Category, Config, DecidedBy, Direction,
	EndReason, EntryReason, Error, Event, NextSpendIndex, NoticePeriod, Objections, OpenSpends,
	Pallet, PurposeOf, Settings, Spend, SpendOf, SpendStatus, Spends, VoteReason,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose_spend(
		who: T::AccountId,
		unit: UnitId,
		beneficiary: Beneficiary<T::AccountId>,
		amount: BalanceOf<T>,
		category: Category,
		purpose: PurposeOf<T>,
		consultation: Option<u32>,
	) -> DispatchResult {
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(T::Registry::is_officer(&who, unit), Error::<T>::NotAnOfficer);
		let settings = Settings::<T>::get(unit).ok_or(Error::<T>::NotConfigured)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		if let Beneficiary::Unit(child) = beneficiary {
			ensure!(T::Registry::parent_of(child) == Some(unit), Error::<T>::NotAChildUnit);
		}
		Self::ensure_within_budget(unit, category, amount)?;
		// A supervisor's proposal counts as their approval, unless it pays themselves.
		let own = beneficiary == Beneficiary::Account(who.clone());
		let first = (!own && Self::is_supervisor(&who, unit, &settings)).then(|| who.clone());
		Self::open_for_approval(
			unit,
			who,
			beneficiary,
			amount,
			category,
			purpose,
			consultation,
			first,
		)
		.map(|_| ())
	}

	/// Records a spend awaiting the supervisors' approval (with `first` approving already, if
	/// given); returns its index. The caller has checked who proposes and the budget line.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn open_for_approval(
		unit: UnitId,
		proposer: T::AccountId,
		beneficiary: Beneficiary<T::AccountId>,
		amount: BalanceOf<T>,
		category: Category,
		purpose: PurposeOf<T>,
		consultation: Option<u32>,
		first: Option<T::AccountId>,
	) -> Result<SpendIndex, DispatchError> {
		let settings = Settings::<T>::get(unit).ok_or(Error::<T>::NotConfigured)?;
		let index = NextSpendIndex::<T>::get();
		let next = index.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		OpenSpends::<T>::try_mutate(unit, |open| open.try_push(index))
			.map_err(|_| Error::<T>::TooManyOpenSpends)?;
		NextSpendIndex::<T>::put(next);

		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = now.saturating_add(ApprovalPeriod::<T>::get());
		let approvals = BoundedVec::truncate_from(first.clone().into_iter().collect());
		let spend = Spend {
			unit,
			proposer: proposer.clone(),
			beneficiary: beneficiary.clone(),
			amount,
			category,
			purpose,
			consultation,
			approvals,
			rejections: BoundedVec::new(),
			objections: 0,
			objection_threshold: 0,
			status: SpendStatus::AwaitingApproval { expires_at },
			proposed_at: now,
			budget_period: None,
		};
		Self::push(Queue::Expiries, expires_at, index);
		Self::deposit_event(Event::SpendProposed {
			index,
			unit,
			proposer,
			beneficiary,
			amount,
			category,
		});
		if let Some(by) = first {
			Self::deposit_event(Event::SpendApproved { index, by, approvals: 1 });
		}
		Self::advance_if_approved(index, spend, settings.required_approvals)?;
		Ok(index)
	}

	pub(crate) fn do_approve_spend(who: T::AccountId, index: SpendIndex) -> DispatchResult {
		let mut spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(
			matches!(spend.status, SpendStatus::AwaitingApproval { .. }),
			Error::<T>::NotAwaitingApproval
		);
		let settings = Settings::<T>::get(spend.unit).ok_or(Error::<T>::NotConfigured)?;
		ensure!(Self::is_supervisor(&who, spend.unit, &settings), Error::<T>::NotASupervisor);
		ensure!(!spend.approvals.contains(&who), Error::<T>::AlreadyApproved);
		ensure!(!spend.rejections.contains(&who), Error::<T>::AlreadyRejected);
		ensure!(spend.beneficiary != Beneficiary::Account(who.clone()), Error::<T>::OwnSpend);
		// Approvals of those who lost the power no longer count, and make room.
		let unit = spend.unit;
		spend.approvals.retain(|a| Self::is_supervisor(a, unit, &settings));
		spend.approvals.try_push(who.clone()).map_err(|_| Error::<T>::AlreadyApproved)?;
		let approvals = spend.approvals.len() as u32;
		Self::advance_if_approved(index, spend, settings.required_approvals)?;
		Self::deposit_event(Event::SpendApproved { index, by: who, approvals });
		Ok(())
	}

	/// Stores `spend`; once it has `required` approvals, commits its budget and starts its notice
	/// period, or its vote if it is above the unit's cap. Fails, storing nothing, if the budget
	/// line no longer has room.
	fn advance_if_approved(
		index: SpendIndex,
		mut spend: SpendOf<T>,
		required: u32,
	) -> DispatchResult {
		let settings = Settings::<T>::get(spend.unit).ok_or(Error::<T>::NotConfigured)?;
		if Self::counted(&spend.approvals, spend.unit, &settings) < required {
			Spends::<T>::insert(index, spend);
			return Ok(());
		}
		Self::ensure_within_budget(spend.unit, spend.category, spend.amount)?;
		spend.budget_period = Some(Self::commit_budget(spend.unit, spend.category, spend.amount));
		// Split spends count together: what the unit already approved and has not paid to the
		// same beneficiary is added, so that cutting a spend in parts does not avoid the vote.
		let towards_cap = spend.amount.saturating_add(Self::approved_unpaid_to(
			spend.unit,
			&spend.beneficiary,
			index,
		));
		if towards_cap > settings.vote_cap {
			spend.status = SpendStatus::AwaitingVote;
			let unit = spend.unit;
			Spends::<T>::insert(index, spend);
			return Self::request_vote(index, unit, VoteReason::AboveCap);
		}
		let ends_at =
			frame_system::Pallet::<T>::block_number().saturating_add(NoticePeriod::<T>::get());
		let threshold = Self::objection_threshold(spend.unit, settings.objection_share);
		spend.status = SpendStatus::Notice { ends_at };
		spend.objection_threshold = threshold;
		Spends::<T>::insert(index, spend);
		Self::push(Queue::Payouts, ends_at, index);
		Self::deposit_event(Event::NoticeStarted {
			index,
			ends_at,
			objection_threshold: threshold,
		});
		Ok(())
	}

	/// What `unit` approved and has not yet paid to `beneficiary`, spend `except` left out. Reads
	/// at most [`Config::MaxOpenSpends`] spends.
	fn approved_unpaid_to(
		unit: UnitId,
		beneficiary: &Beneficiary<T::AccountId>,
		except: SpendIndex,
	) -> BalanceOf<T> {
		OpenSpends::<T>::get(unit)
			.iter()
			.filter(|index| **index != except)
			.filter_map(|index| Spends::<T>::get(index))
			.filter(|other| {
				other.beneficiary == *beneficiary
					&& !matches!(other.status, SpendStatus::AwaitingApproval { .. })
			})
			.fold(Zero::zero(), |total: BalanceOf<T>, other| total.saturating_add(other.amount))
	}

	/// How many objections send a spend of `unit` to a vote: `share` of its residents now,
	/// rounded up, and at least one.
	fn objection_threshold(unit: UnitId, share: Permill) -> u32 {
		share.mul_ceil(T::Registry::resident_count(unit)).max(1)
	}

	fn request_vote(index: SpendIndex, unit: UnitId, reason: VoteReason) -> DispatchResult {
		T::VoteRequester::request_vote(unit, VoteSubject::TreasurySpend(index))?;
		Self::deposit_event(Event::VoteRequested { index, unit, reason });
		Ok(())
	}

	pub(crate) fn do_reject_spend(who: T::AccountId, index: SpendIndex) -> DispatchResult {
		let mut spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(
			matches!(spend.status, SpendStatus::AwaitingApproval { .. }),
			Error::<T>::NotAwaitingApproval
		);
		let settings = Settings::<T>::get(spend.unit).ok_or(Error::<T>::NotConfigured)?;
		ensure!(Self::is_supervisor(&who, spend.unit, &settings), Error::<T>::NotASupervisor);
		ensure!(!spend.approvals.contains(&who), Error::<T>::AlreadyApproved);
		ensure!(!spend.rejections.contains(&who), Error::<T>::AlreadyRejected);
		let unit = spend.unit;
		spend.rejections.retain(|r| Self::is_supervisor(r, unit, &settings));
		spend.rejections.try_push(who.clone()).map_err(|_| Error::<T>::AlreadyRejected)?;
		let rejections = spend.rejections.len() as u32;
		Self::deposit_event(Event::SpendRejectedBy { index, by: who, rejections });
		if rejections.saturating_mul(2) > settings.supervisors.len() as u32 {
			Self::end(index, spend, EndReason::Rejected);
		} else {
			Spends::<T>::insert(index, spend);
		}
		Ok(())
	}

	pub(crate) fn do_object(who: T::AccountId, index: SpendIndex) -> DispatchResult {
		let mut spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(matches!(spend.status, SpendStatus::Notice { .. }), Error::<T>::NotInNotice);
		ensure!(T::Registry::is_resident_of(&who, spend.unit), Error::<T>::NotAResidentOfUnit);
		ensure!(!Objections::<T>::contains_key(index, &who), Error::<T>::AlreadyObjected);
		Objections::<T>::insert(index, &who, ());
		spend.objections.saturating_inc();
		let (objections, threshold, unit) =
			(spend.objections, spend.objection_threshold, spend.unit);
		if objections >= threshold {
			spend.status = SpendStatus::AwaitingVote;
		}
		Spends::<T>::insert(index, spend);
		Self::deposit_event(Event::Objected { index, by: who, objections, threshold });
		if objections >= threshold {
			Self::request_vote(index, unit, VoteReason::Objections)?;
		}
		Ok(())
	}

	pub(crate) fn do_cancel_spend(who: T::AccountId, index: SpendIndex) -> DispatchResult {
		let spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(
			spend.proposer == who || T::Registry::is_officer(&who, spend.unit),
			Error::<T>::NotAllowedToCancel
		);
		Self::end(index, spend, EndReason::Cancelled(who));
		Ok(())
	}

	pub(crate) fn do_retry_spend(index: SpendIndex) -> DispatchResult {
		let spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(matches!(spend.status, SpendStatus::Failed { .. }), Error::<T>::NotFailed);
		Self::pay(index, spend).map_err(|_| Error::<T>::InsufficientPot.into())
	}

	/// A vote on spend `index` concluded, by the residents or governance.
	pub(crate) fn conclude_vote(
		index: SpendIndex,
		approved: bool,
		by: DecidedBy,
	) -> DispatchResult {
		let spend = Spends::<T>::get(index).ok_or(Error::<T>::UnknownSpend)?;
		ensure!(spend.status == SpendStatus::AwaitingVote, Error::<T>::NotAwaitingVote);
		Self::deposit_event(Event::VoteConcluded { index, approved, by });
		if approved {
			Self::pay_or_fail(index, spend);
		} else {
			Self::end(index, spend, EndReason::VotedDown);
		}
		Ok(())
	}

	/// Pays `spend`, or marks it failed (nothing moved) if the pot cannot.
	pub(crate) fn pay_or_fail(index: SpendIndex, mut spend: SpendOf<T>) {
		if let Err(error) = Self::pay(index, spend.clone()) {
			spend.status = SpendStatus::Failed { at: frame_system::Pallet::<T>::block_number() };
			Spends::<T>::insert(index, spend);
			Self::deposit_event(Event::SpendFailed { index, error });
		}
	}

	/// Transfers the whole amount from the pot to the beneficiary, writes the statements and
	/// removes the spend; or, if the transfer fails, changes nothing.
	fn pay(index: SpendIndex, spend: SpendOf<T>) -> DispatchResult {
		let unit = spend.unit;
		let destination = match &spend.beneficiary {
			Beneficiary::Account(account) => account.clone(),
			Beneficiary::Unit(child) => Self::pot_account(*child),
		};
		T::Currency::transfer(
			&Self::pot_account(unit),
			&destination,
			spend.amount,
			Preservation::Expendable,
		)?;
		let reason = EntryReason::Spend { index, category: spend.category };
		Self::record(unit, Direction::Out, spend.beneficiary.clone(), spend.amount, reason.clone());
		if let Beneficiary::Unit(child) = spend.beneficiary {
			Self::record(child, Direction::In, Beneficiary::Unit(unit), spend.amount, reason);
		}
		Self::deposit_event(Event::SpendPaid {
			index,
			unit,
			beneficiary: spend.beneficiary.clone(),
			amount: spend.amount,
		});
		Self::remove(index, &spend);
		Ok(())
	}

	/// Ends `spend` unpaid: gives back its budget commitment and removes it.
	pub(crate) fn end(index: SpendIndex, spend: SpendOf<T>, reason: EndReason<T::AccountId>) {
		if let Some(period) = spend.budget_period {
			Self::release_budget(spend.unit, spend.category, spend.amount, period);
		}
		Self::deposit_event(Event::SpendEnded { index, unit: spend.unit, reason });
		Self::remove(index, &spend);
	}

	/// Removes an ended spend, queueing its objection records for removal.
	fn remove(index: SpendIndex, spend: &SpendOf<T>) {
		Spends::<T>::remove(index);
		OpenSpends::<T>::mutate(spend.unit, |open| open.retain(|i| *i != index));
		if spend.objections > 0 {
			Self::push(Queue::Cleanups, frame_system::Pallet::<T>::block_number(), index);
		}
	}
}
