//! What decided topics lead to: treasury spends, results reported to the pallet that asked for
//! the vote, progress reports on resolutions; and votes other pallets ask for.

use frame_support::{ensure, traits::Get, weights::Weight};
use gongzhi_primitives::text::CivicText;
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId},
	votes::{
		DistrictReferenda, ResidentSpends, ResidentVoteOutcome, ResidentVoteRequester, VoteSubject,
	},
};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	Action, Answers, Body, Category, Config, Error, Event, FailedActions, OfficialAnswer,
	OpinionOf, Outcome, Pallet, ProgressReport, ProgressReports, Secrecy, Tally, Topic, TopicId,
	TopicOf, TopicStatus, Topics, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Carries out what topic `id` decided. A failure is reported in an event and kept in
	/// [`FailedActions`] for [`crate::Pallet::retry_action`]; the decision stands.
	pub(crate) fn act(id: TopicId, topic: &TopicOf<T>, outcome: Outcome) {
		if let Err(error) = Self::try_act(id, topic, outcome) {
			FailedActions::<T>::insert(id, ());
			Self::deposit_event(Event::ActionFailed { topic: id, error });
		}
	}

	/// Carries out again the failed action of decided topic `id`; a failure changes nothing.
	pub(crate) fn do_retry_action(id: TopicId) -> DispatchResult {
		ensure!(FailedActions::<T>::contains_key(id), Error::<T>::NoFailedAction);
		let topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		let TopicStatus::Closed { outcome, .. } = topic.status else {
			return Err(Error::<T>::NoFailedAction.into());
		};
		Self::try_act(id, &topic, outcome)?;
		FailedActions::<T>::remove(id);
		Ok(())
	}

	/// The most carrying out one topic's action costs (in the pallet it calls).
	pub fn action_weight() -> Weight {
		T::Spends::pay_decided_spend_weight()
			.max(T::VoteOutcome::vote_concluded_weight())
			.max(T::Referenda::propose_referendum_weight())
	}

	fn try_act(id: TopicId, topic: &TopicOf<T>, outcome: Outcome) -> DispatchResult {
		let approved = outcome == Outcome::Approved;
		match &topic.action {
			Action::Resolution => Ok(()),
			Action::TreasurySpend { beneficiary, amount, category } if approved => {
				let Some(author) = &topic.author else { return Ok(()) };
				T::Spends::pay_decided_spend(
					topic.unit,
					id,
					author,
					beneficiary,
					*amount,
					*category,
				)
				.map(|spend| Self::deposit_event(Event::SpendOrdered { topic: id, spend }))
			},
			Action::TreasurySpend { .. } => Ok(()),
			Action::Referendum { proposal_hash, proposal_len } if approved => {
				T::Referenda::propose_referendum(*proposal_hash, *proposal_len).map(|_| {
					Self::deposit_event(Event::ReferendumProposed {
						topic: id,
						proposal_hash: *proposal_hash,
					})
				})
			},
			Action::Referendum { .. } => Ok(()),
			Action::Decide(subject) => {
				T::VoteOutcome::vote_concluded(*subject, approved).map(|_| {
					Self::deposit_event(Event::ResultReported {
						topic: id,
						subject: *subject,
						approved,
					})
				})
			},
		}
	}

	pub(crate) fn do_report_progress(
		who: T::AccountId,
		id: TopicId,
		text: OpinionOf<T>,
		completed: bool,
	) -> DispatchResult {
		let mut topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		ensure!(T::Registry::is_officer(&who, topic.unit), Error::<T>::NotAnOfficer);
		ensure!(
			matches!(topic.status, TopicStatus::Closed { outcome: Outcome::Approved, .. }),
			Error::<T>::NotApproved
		);
		ensure!(!topic.completed, Error::<T>::AlreadyCompleted);
		ensure!(topic.reports < T::MaxProgressReports::get(), Error::<T>::TooManyReports);
		let report = topic.reports;
		ProgressReports::<T>::insert(
			id,
			report,
			ProgressReport { by: who.clone(), at: frame_system::Pallet::<T>::block_number(), text },
		);
		topic.reports.saturating_inc();
		topic.completed = completed;
		Topics::<T>::insert(id, topic);
		Self::deposit_event(Event::ProgressReported { topic: id, report, by: who, completed });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// An officer of the topic's unit answers an ended topic; once (again only if the answer
	/// was taken down).
	pub(crate) fn do_answer_topic(
		who: T::AccountId,
		id: TopicId,
		text: OpinionOf<T>,
	) -> DispatchResult {
		let topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		ensure!(T::Registry::is_officer(&who, topic.unit), Error::<T>::NotAnOfficer);
		ensure!(
			matches!(
				topic.status,
				TopicStatus::Closed { .. } | TopicStatus::Withdrawn | TopicStatus::Lapsed
			),
			Error::<T>::NotEnded
		);
		ensure!(
			Answers::<T>::get(id).is_none_or(|answer| answer.text.is_empty()),
			Error::<T>::AlreadyAnswered
		);
		let at = frame_system::Pallet::<T>::block_number();
		Answers::<T>::insert(id, OfficialAnswer { by: who.clone(), at, text });
		Self::deposit_event(Event::TopicAnswered { topic: id, by: who });
		Ok(())
	}
}

/// Votes the treasury asks for are topics of the `Funds` category, qualified at once: they go on
/// the agenda of the unit's next meeting.
impl<T: Config> ResidentVoteRequester for Pallet<T> {
	fn request_vote(unit: UnitId, subject: VoteSubject) -> DispatchResult {
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		let now = frame_system::Pallet::<T>::block_number();
		let id = Self::insert_topic(Topic {
			unit,
			author: None,
			title: CivicText::empty(),
			body: Body::Text(CivicText::empty()),
			category: Category::Funds,
			action: Action::Decide(subject),
			secrecy: Secrecy::Open,
			supports: 0,
			support_threshold: 0,
			status: TopicStatus::Qualified { since: now },
			raised_at: now,
			tally: Tally::default(),
			electorate: 0,
			opinions: 0,
			reports: 0,
			completed: false,
		})?;
		Self::deposit_event(Event::TopicRaised {
			topic: id,
			unit,
			author: None,
			category: Category::Funds,
			support_threshold: 0,
			qualified: true,
		});
		Self::qualify(id)
	}

	fn request_vote_weight() -> Weight {
		// Qualifying may convene a full meeting, as the support that qualifies a topic does.
		T::WeightInfo::support()
	}

	/// Every requested vote becomes a topic of the unit's next meeting, which always reaches an
	/// outcome (approved, rejected, tied or without quorum) and reports it.
	fn convenes_votes() -> bool {
		true
	}
}
