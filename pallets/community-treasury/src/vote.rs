//! Residents' votes and the treasury: the result of a vote the treasury asked for, and spends
//! that a consultation topic decided.

use alloc::vec;
use frame_support::{ensure, weights::Weight};
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId},
	votes::{ResidentSpends, ResidentVoteOutcome, SpendCategory, SpendIndex, TopicId, VoteSubject},
};
use sp_runtime::{traits::Zero, BoundedVec, DispatchError, DispatchResult};

use crate::{
	BalanceOf, Beneficiary, Config, DecidedBy, Error, Event, NextSpendIndex, OpenSpends, Pallet,
	Purpose, Settings, Spend, SpendStatus, WeightInfo,
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
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(Settings::<T>::contains_key(unit), Error::<T>::NotConfigured);
		let amount: BalanceOf<T> = amount.try_into().map_err(|_| Error::<T>::AmountTooLarge)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_within_budget(unit, category, amount)?;
		let index = NextSpendIndex::<T>::get();
		OpenSpends::<T>::try_mutate(unit, |open| open.try_push(index))
			.map_err(|_| Error::<T>::TooManyOpenSpends)?;
		NextSpendIndex::<T>::put(index.wrapping_add(1));

		let beneficiary = Beneficiary::Account(beneficiary.clone());
		let budget_period = Some(Self::commit_budget(unit, category, amount));
		let spend = Spend {
			unit,
			proposer: proposer.clone(),
			beneficiary: beneficiary.clone(),
			amount,
			category,
			// The topic is the record of why: its title, body and the vote.
			purpose: Purpose::Text(BoundedVec::truncate_from(vec![])),
			consultation: Some(topic),
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

	fn pay_decided_spend_weight() -> Weight {
		// A payout with its two statement lines, and a spend proposed.
		T::WeightInfo::retry_spend().saturating_add(T::WeightInfo::propose_spend())
	}
}
