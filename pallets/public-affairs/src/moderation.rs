//! Take-down of civic text: two officers of the text's unit, or one of the unit above; the
//! author's one appeal to the level above.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, BoundedVec};
use gongzhi_primitives::{
	civic::CivicRegistry,
	text::{text_hash, TextFacts, TextHost},
};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	queue::{Due, Queue, Queues},
	Appeal, Config, Error, Event, Hidden, HiddenText, HideProposal, HideProposals, HideReason,
	Pallet, TextRefOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_hide_text(
		who: T::AccountId,
		text: TextRefOf<T>,
		reason: HideReason,
	) -> DispatchResult {
		ensure!(Hidden::<T>::get(&text).is_none(), Error::<T>::AlreadyHidden);
		let facts = T::Texts::locate(&text).ok_or(Error::<T>::UnknownText)?;
		let from_above = T::Registry::parent_of(facts.unit)
			.is_some_and(|above| T::Registry::is_officer(&who, above));
		if from_above {
			return Self::take_down(text, facts, reason, alloc::vec![who]);
		}
		ensure!(T::Registry::is_officer(&who, facts.unit), Error::<T>::NotAnOfficer);
		let now = frame_system::Pallet::<T>::block_number();
		match HideProposals::<T>::get(&text).filter(|p| p.expires > now) {
			Some(proposal) if proposal.proposer == who => Err(Error::<T>::AlreadyProposed.into()),
			// The second officer confirms the first's proposal, for its reason.
			Some(proposal) => {
				HideProposals::<T>::remove(&text);
				Self::take_down(text, facts, proposal.reason, alloc::vec![proposal.proposer, who])
			},
			None => {
				let expires = now.saturating_add(T::ProposalPeriod::get());
				HideProposals::<T>::insert(
					&text,
					HideProposal { proposer: who.clone(), reason, expires },
				);
				Queues::<T>::push(Queue::Proposals, expires, Due::Proposal(text.clone()));
				Self::deposit_event(Event::TakeDownProposed { text, by: who, reason });
				Ok(())
			},
		}
	}

	fn take_down(
		text: TextRefOf<T>,
		facts: TextFacts<T::AccountId>,
		reason: HideReason,
		hidden_by: Vec<T::AccountId>,
	) -> DispatchResult {
		ensure!(T::Texts::take_down(&text), Error::<T>::TextNotReplaced);
		let author = facts.author.clone();
		Hidden::<T>::insert(
			&text,
			HiddenText {
				unit: facts.unit,
				author: facts.author,
				hash: facts.hash,
				reason,
				hidden_by: BoundedVec::truncate_from(hidden_by),
				at: frame_system::Pallet::<T>::block_number(),
				appeal: Appeal::None,
			},
		);
		Self::deposit_event(Event::TextHidden { text, author, reason });
		Ok(())
	}

	pub(crate) fn do_appeal(who: T::AccountId, text: TextRefOf<T>) -> DispatchResult {
		let mut hidden = Hidden::<T>::get(&text).ok_or(Error::<T>::NotHidden)?;
		ensure!(hidden.author == who, Error::<T>::NotTheAuthor);
		ensure!(hidden.appeal == Appeal::None, Error::<T>::AlreadyAppealed);
		ensure!(T::Registry::parent_of(hidden.unit).is_some(), Error::<T>::NoLevelAbove);
		hidden.appeal = Appeal::Pending;
		Hidden::<T>::insert(&text, hidden);
		Self::deposit_event(Event::Appealed { text, author: who });
		Ok(())
	}

	pub(crate) fn do_rule_on_appeal(
		who: T::AccountId,
		text: TextRefOf<T>,
		original: Option<Vec<u8>>,
	) -> DispatchResult {
		let mut hidden = Hidden::<T>::get(&text).ok_or(Error::<T>::NotHidden)?;
		ensure!(hidden.appeal == Appeal::Pending, Error::<T>::NoAppeal);
		let above = T::Registry::parent_of(hidden.unit).ok_or(Error::<T>::NoLevelAbove)?;
		ensure!(T::Registry::is_officer(&who, above), Error::<T>::NotAnOfficerAbove);
		match original {
			Some(original) => {
				ensure!(text_hash(&original) == hidden.hash, Error::<T>::HashMismatch);
				ensure!(T::Texts::restore(&text, &original), Error::<T>::TextNotReplaced);
				Hidden::<T>::remove(&text);
				Self::deposit_event(Event::TextRestored { text, by: who });
			},
			None => {
				hidden.appeal = Appeal::Dismissed;
				Hidden::<T>::insert(&text, hidden);
				Self::deposit_event(Event::AppealDismissed { text, by: who });
			},
		}
		Ok(())
	}
}
