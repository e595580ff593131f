//! Spends authorised outside the supervisors' approvals: the result of a vote the treasury asked
//! for, spends a consultation topic decided, and subsidies of confirmed help.

use frame_support::{
	ensure,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
	},
	weights::Weight,
};
use gongzhi_primitives::{
	assistance::AssistanceFund,
	civic::{CivicRegistry, UnitId},
	text::CivicText,
	votes::{ResidentSpends, ResidentVoteOutcome, SpendCategory, SpendIndex, TopicId, VoteSubject},
};
use sp_runtime::{
	traits::{SaturatedConversion, Saturating, Zero},
	BoundedVec, DispatchError, DispatchResult,
};

use crate::{
	BalanceOf, Beneficiary, BudgetLines, Config, DecidedBy, Error, Event, NextSpendIndex,
	OpenSpends, Pallet, Purpose, PurposeOf, Settings, Spend, SpendStatus, SubsidyCaps, WeightInfo,
};

impl<T: Config> ResidentVoteOutcome for Pallet<T> {
	fn vote_concluded(subject: VoteSubject, approved: bool) -> DispatchResult {
		match subject {
			VoteSubject::TreasurySpend(index) => {
				Self::conclude_vote(index, approved, DecidedBy::Residents)
			},
		}
	}

	fn vote_concluded_weight() -> Weight {
		// The same work as governance deciding: a payout, or a spend ended.
		T::WeightInfo::decide_by_governance()
	}
}

impl<T: Config> ResidentSpends<T::AccountId> for Pallet<T> {
	fn pay_decided_spend(
		unit: UnitId,
		topic: TopicId,
		proposer: &T::AccountId,
		beneficiary: &T::AccountId,
		amount: u128,
		category: SpendCategory,
	) -> Result<SpendIndex, DispatchError> {
		// The topic is the record of why: its title, body and the vote.
		let purpose = Purpose::Text(CivicText::empty());
		Self::pay_authorised(unit, proposer, beneficiary, amount, category, purpose, Some(topic))
	}

	fn pay_decided_spend_weight() -> Weight {
		// A payout with its two statement lines, and a spend proposed.
		T::WeightInfo::retry_spend().saturating_add(T::WeightInfo::propose_spend())
	}
}

/// The unit's pot is its assistance fund: subsidies of confirmed help count against its
/// `Assistance` budget line, which must exist (the level above sets it): no line, no subsidies.
/// A subsidy up to the unit's [`SubsidyCaps`] is paid at once; above it (or with no cap) the
/// supervisors approve it like any spend.
impl<T: Config> AssistanceFund<T::AccountId> for Pallet<T> {
	fn available(unit: UnitId) -> u128 {
		let Some(line) = BudgetLines::<T>::get(unit, SpendCategory::Assistance) else {
			return 0;
		};
		let left =
			line.saturating_sub(Self::used(unit, SpendCategory::Assistance, Self::budget_period()));
		let held = T::Currency::reducible_balance(
			&Self::pot_account(unit),
			Preservation::Expendable,
			Fortitude::Polite,
		);
		held.min(left).saturated_into()
	}

	fn pay_subsidy(
		unit: UnitId,
		request: u32,
		beneficiary: &T::AccountId,
		amount: u128,
	) -> Result<SpendIndex, DispatchError> {
		ensure!(
			BudgetLines::<T>::contains_key(unit, SpendCategory::Assistance),
			Error::<T>::NoAssistanceLine
		);
		// Made here, not typed by anyone: it passes the guard (a short number).
		let purpose = Purpose::Text(
			CivicText::new(alloc::format!("assistance request {request}").into_bytes())
				.unwrap_or_default(),
		);
		let category = SpendCategory::Assistance;
		let within_cap =
			SubsidyCaps::<T>::get(unit).is_some_and(|cap| amount <= cap.saturated_into());
		if within_cap {
			return Self::pay_authorised(
				unit,
				beneficiary,
				beneficiary,
				amount,
				category,
				purpose,
				None,
			);
		}
		// Above the cap the supervisors approve it, then the notice runs, like any spend.
		let amount: BalanceOf<T> = amount.try_into().map_err(|_| Error::<T>::AmountTooLarge)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		frame_support::storage::with_storage_layer(|| {
			Self::ensure_within_budget(unit, category, amount)?;
			let to = Beneficiary::Account(beneficiary.clone());
			Self::open_for_approval(
				unit,
				beneficiary.clone(),
				to,
				amount,
				category,
				purpose,
				None,
				None,
			)
		})
	}

	fn pay_subsidy_weight() -> Weight {
		// The dearer of a payout and a spend proposed for approval (the same calls' work).
		T::WeightInfo::retry_spend().saturating_add(T::WeightInfo::propose_spend())
	}
}

impl<T: Config> Pallet<T> {
	/// Pays a spend that was authorised elsewhere (a residents' vote, confirmed help): no
	/// supervisors' approvals, no notice; the budget line applies. Recorded as a spend proposed
	/// by `proposer` and decided by the residents; if the pot cannot pay yet, it stays, failed and
	/// retryable.
	fn pay_authorised(
		unit: UnitId,
		proposer: &T::AccountId,
		beneficiary: &T::AccountId,
		amount: u128,
		category: SpendCategory,
		purpose: PurposeOf<T>,
		consultation: Option<TopicId>,
	) -> Result<SpendIndex, DispatchError> {
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(Settings::<T>::contains_key(unit), Error::<T>::NotConfigured);
		let amount: BalanceOf<T> = amount.try_into().map_err(|_| Error::<T>::AmountTooLarge)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_within_budget(unit, category, amount)?;
		let index = NextSpendIndex::<T>::get();
		let next = index.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		OpenSpends::<T>::try_mutate(unit, |open| open.try_push(index))
			.map_err(|_| Error::<T>::TooManyOpenSpends)?;
		NextSpendIndex::<T>::put(next);

		let beneficiary = Beneficiary::Account(beneficiary.clone());
		let budget_period = Some(Self::commit_budget(unit, category, amount));
		let spend = Spend {
			unit,
			proposer: proposer.clone(),
			beneficiary: beneficiary.clone(),
			amount,
			category,
			purpose,
			consultation,
			approvals: BoundedVec::new(),
			rejections: BoundedVec::new(),
			objections: 0,
			objection_threshold: 0,
			status: SpendStatus::AwaitingVote,
			proposed_at: frame_system::Pallet::<T>::block_number(),
			budget_period,
		};
		Self::deposit_event(Event::SpendProposed {
			index,
			unit,
			proposer: proposer.clone(),
			beneficiary,
			amount,
			category,
		});
		Self::deposit_event(Event::VoteConcluded {
			index,
			approved: true,
			by: DecidedBy::Residents,
		});
		Self::pay_or_fail(index, spend);
		Ok(index)
	}
}
