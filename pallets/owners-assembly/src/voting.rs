//! Calling a vote, nominating candidates, and casting ballots online and on paper.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::CivicRegistry;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

use crate::{
	Action, Ballot, Ballots, BalanceOf, Candidate, Candidates, Category, Choice, ChoiceOf,
	ChoicesOf, Closing, Config, Count, Error, EstateId, EstateOf, Estates, Event, Holding,
	MatterIndex, MatterInputOf, MatterOf, Matter, Nominations, NextVoteId, Pallet, PaperBallot,
	PaperBallots, Question, QuestionOf, Tallies, TallyOf, Vote, VoteId, VoteOf, VoteStatus, Votes,
};

/// Where an answer is counted in its matter's tally.
enum Rows {
	/// One row.
	One(usize),
	/// A row per candidate chosen.
	Several(Vec<usize>),
}

impl<T: Config> Pallet<T> {
	/// The matters a caller gave, checked: titles and labels guarded, each action fitting its
	/// category, alternatives and elections within their bounds.
	pub(crate) fn matters_from(
		matters: Vec<MatterInputOf<T>>,
	) -> Result<BoundedVec<MatterOf<T>, T::MaxMatters>, DispatchError> {
		ensure!(
			!matters.is_empty() && matters.len() <= T::MaxMatters::get() as usize,
			Error::<T>::BadMatterCount
		);
		let mut checked = Vec::with_capacity(matters.len());
		for Matter { title, category, question } in matters {
			let title = Self::text(title)?;
			let is_election = matches!(question, Question::Election { .. });
			ensure!(
				is_election == (category == Category::CommitteeElection),
				Error::<T>::WrongCategory
			);
			let question: QuestionOf<T> = match question {
				Question::Motion(action) => {
					Self::check_action(&action, category)?;
					Question::Motion(action)
				},
				Question::Choose(alternatives) => {
					ensure!(
						alternatives.len() >= 2 &&
							alternatives.len() <= T::MaxAlternatives::get() as usize,
						Error::<T>::BadAlternatives
					);
					let mut stored = Vec::with_capacity(alternatives.len());
					for alternative in alternatives {
						Self::check_action(&alternative.action, category)?;
						stored.push(crate::Alternative {
							label: Self::text(alternative.label)?,
							action: alternative.action,
						});
					}
					Question::Choose(
						BoundedVec::try_from(stored).map_err(|_| Error::<T>::BadAlternatives)?,
					)
				},
				Question::Election { seats, term, nominators } => {
					ensure!(
						seats > 0 &&
							u32::from(seats) <= T::MaxCommittee::get() &&
							!term.is_zero() && nominators > 0,
						Error::<T>::BadElection
					);
					Question::Election { seats, term, nominators }
				},
			};
			checked.push(Matter { title, category, question });
		}
		Ok(BoundedVec::try_from(checked).map_err(|_| Error::<T>::BadMatterCount)?)
	}

	fn check_action(action: &crate::ActionOf<T>, category: Category) -> DispatchResult {
		ensure!(action.fits(category), Error::<T>::WrongCategory);
		match action {
			Action::PayFromFund { amount, .. } |
			Action::RevenueToFund(amount) |
			Action::RevenueToOwners(amount) => ensure!(!amount.is_zero(), Error::<T>::ZeroAmount),
			_ => {},
		}
		Ok(())
	}

	/// The most each vote's matters would take from the fund and from revenue if approved
	/// (for a choice, its dearest alternative).
	pub(crate) fn commitments(matters: &[MatterOf<T>]) -> (BalanceOf<T>, BalanceOf<T>) {
		let mut fund = BalanceOf::<T>::zero();
		let mut revenue = BalanceOf::<T>::zero();
		let mut add = |actions: &mut dyn Iterator<Item = &crate::ActionOf<T>>| {
			let (mut f, mut r) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
			for action in actions {
				match action {
					Action::PayFromFund { amount, .. } => f = f.max(*amount),
					Action::RevenueToFund(amount) | Action::RevenueToOwners(amount) => {
						r = r.max(*amount)
					},
					_ => {},
				}
			}
			fund = fund.saturating_add(f);
			revenue = revenue.saturating_add(r);
		};
		for matter in matters {
			match &matter.question {
				Question::Motion(action) => add(&mut core::iter::once(action)),
				Question::Choose(alternatives) => add(&mut alternatives.iter().map(|a| &a.action)),
				Question::Election { .. } => {},
			}
		}
		(fund, revenue)
	}

	/// The committee in office, if the estate has one now.
	pub(crate) fn committee_in_office(estate: &EstateOf<T>) -> Option<&[T::AccountId]> {
		let now = frame_system::Pallet::<T>::block_number();
		(!estate.committee.is_empty() && estate.committee_until.is_some_and(|until| now < until))
			.then_some(&estate.committee[..])
	}

	/// Whether `who` speaks for the assembly: a member of the committee in office, or while
	/// none is, an officer of the community.
	pub(crate) fn is_steward(who: &T::AccountId, estate: &EstateOf<T>) -> bool {
		match Self::committee_in_office(estate) {
			Some(committee) => committee.contains(who),
			None => T::Registry::is_officer(who, estate.community),
		}
	}

	pub(crate) fn do_call_vote(
		who: T::AccountId,
		estate_id: EstateId,
		matters: BoundedVec<MatterOf<T>, T::MaxMatters>,
		voting_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(Self::is_steward(&who, &estate), Error::<T>::NotASteward);
		ensure!(estate.confirmed, Error::<T>::RegisterNotConfirmed);
		ensure!(
			estate.units > 0 && estate.area == estate.registered_area,
			Error::<T>::AreasDoNotAddUp
		);
		ensure!(
			voting_period >= T::MinVotingPeriod::get() &&
				voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::BadVotingPeriod
		);
		let (fund, revenue) = Self::commitments(&matters);
		ensure!(
			estate.fund.saturating_sub(estate.fund_committed) >= fund &&
				estate.revenue.saturating_sub(estate.revenue_committed) >= revenue,
			Error::<T>::InsufficientFund
		);
		let now = frame_system::Pallet::<T>::block_number();
		let opens = now.saturating_add(Self::notice_period());
		let closes = opens.saturating_add(voting_period);
		let id = NextVoteId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		Closing::<T>::try_mutate(closes, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::ClosingBlockFull)?;
		estate.open_votes.try_push(id).map_err(|_| Error::<T>::TooManyOpenVotes)?;
		estate.fund_committed = estate.fund_committed.saturating_add(fund);
		estate.revenue_committed = estate.revenue_committed.saturating_add(revenue);
		let electorate = Count::new(estate.owners, estate.area);
		NextVoteId::<T>::put(next);
		Votes::<T>::insert(
			id,
			Vote {
				estate: estate_id,
				called_by: who.clone(),
				called: now,
				opens,
				closes,
				electorate,
				turnout: Count::default(),
				matters,
				status: VoteStatus::Called,
			},
		);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::VoteCalled {
			vote: id,
			estate: estate_id,
			by: who,
			electorate,
			opens,
			closes,
		});
		Ok(())
	}

	pub(crate) fn do_nominate(
		who: T::AccountId,
		vote_id: VoteId,
		matter: MatterIndex,
		candidate: T::AccountId,
	) -> DispatchResult {
		let vote = Votes::<T>::get(vote_id).ok_or(Error::<T>::UnknownVote)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(vote.status == VoteStatus::Called && now < vote.opens, Error::<T>::NotInNotice);
		ensure!(
			vote.matters
				.get(matter as usize)
				.is_some_and(|m| matches!(m.question, Question::Election { .. })),
			Error::<T>::BadMatter
		);
		ensure!(
			Self::holding_at_call(vote_id, vote.estate, &who).is_some(),
			Error::<T>::NotAnOwner
		);
		ensure!(
			Self::holding_at_call(vote_id, vote.estate, &candidate).is_some(),
			Error::<T>::CandidateNotAnOwner
		);
		let key = (matter, candidate.clone(), who.clone());
		ensure!(!Nominations::<T>::contains_key(vote_id, &key), Error::<T>::AlreadyNominated);
		let nominations = Candidates::<T>::try_mutate(vote_id, matter, |list| {
			match list.iter_mut().find(|c| c.who == candidate) {
				Some(c) => {
					c.nominations = c.nominations.saturating_add(1);
					Ok(c.nominations)
				},
				None => list
					.try_push(Candidate { who: candidate.clone(), nominations: 1 })
					.map(|_| 1)
					.map_err(|_| Error::<T>::TooManyCandidates),
			}
		})?;
		Nominations::<T>::insert(vote_id, key, ());
		Self::deposit_event(Event::Nominated { vote: vote_id, matter, candidate, by: who, nominations });
		Ok(())
	}

	/// A ballot's answers as a caller gave them, within their bounds.
	pub(crate) fn choices_from(choices: Vec<Choice<Vec<u8>>>) -> Result<ChoicesOf<T>, DispatchError> {
		let mut stored = Vec::with_capacity(choices.len());
		for choice in choices {
			stored.push(match choice {
				Choice::Aye => Choice::Aye,
				Choice::Nay => Choice::Nay,
				Choice::Abstain => Choice::Abstain,
				Choice::Alternative(i) => Choice::Alternative(i),
				Choice::Candidates(list) => Choice::Candidates(
					BoundedVec::try_from(list).map_err(|_| Error::<T>::TooManyChoices)?,
				),
			});
		}
		Ok(BoundedVec::try_from(stored).map_err(|_| Error::<T>::WrongChoiceCount)?)
	}

	/// The vote, if it is open for ballots now.
	pub(crate) fn open_vote(vote_id: VoteId) -> Result<VoteOf<T>, DispatchError> {
		let vote = Votes::<T>::get(vote_id).ok_or(Error::<T>::UnknownVote)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			vote.status == VoteStatus::Called && vote.opens <= now && now < vote.closes,
			Error::<T>::NotOpen
		);
		Ok(vote)
	}

	/// Where each answer of `choices` is counted, if they answer every matter of `vote` as its
	/// questions allow.
	fn rows_of(vote_id: VoteId, vote: &VoteOf<T>, choices: &ChoicesOf<T>) -> Result<Vec<Rows>, DispatchError> {
		ensure!(choices.len() == vote.matters.len(), Error::<T>::WrongChoiceCount);
		let mut rows = Vec::with_capacity(choices.len());
		for (m, (matter, choice)) in vote.matters.iter().zip(choices.iter()).enumerate() {
			rows.push(Self::rows_for(vote_id, m as MatterIndex, &matter.question, choice)?);
		}
		Ok(rows)
	}

	fn rows_for(
		vote_id: VoteId,
		matter: MatterIndex,
		question: &QuestionOf<T>,
		choice: &ChoiceOf<T>,
	) -> Result<Rows, DispatchError> {
		let last = Self::tally_rows(vote_id, matter, question) - 1;
		Ok(match (question, choice) {
			(Question::Motion(_), Choice::Aye) => Rows::One(0),
			(Question::Motion(_), Choice::Nay) => Rows::One(1),
			(_, Choice::Abstain) => Rows::One(last),
			(Question::Choose(alternatives), Choice::Alternative(i)) => {
				ensure!((*i as usize) < alternatives.len(), Error::<T>::ChoiceDoesNotFit);
				Rows::One(*i as usize)
			},
			(Question::Election { seats, nominators, .. }, Choice::Candidates(chosen)) => {
				ensure!(chosen.len() <= *seats as usize, Error::<T>::TooManyChoices);
				if chosen.is_empty() {
					return Ok(Rows::One(last));
				}
				let candidates = Candidates::<T>::get(vote_id, matter);
				let mut rows = Vec::with_capacity(chosen.len());
				for (k, i) in chosen.iter().enumerate() {
					let standing = candidates
						.get(*i as usize)
						.is_some_and(|c| c.nominations >= u32::from(*nominators));
					ensure!(standing && !chosen[..k].contains(i), Error::<T>::BadCandidate);
					rows.push(*i as usize);
				}
				Rows::Several(rows)
			},
			_ => return Err(Error::<T>::ChoiceDoesNotFit.into()),
		})
	}

	/// How many rows a matter's count has: aye, nay, abstain for a motion; each alternative
	/// and abstain; each candidate and blank.
	pub(crate) fn tally_rows(vote_id: VoteId, matter: MatterIndex, question: &QuestionOf<T>) -> usize {
		match question {
			Question::Motion(_) => 3,
			Question::Choose(alternatives) => alternatives.len() + 1,
			Question::Election { .. } => Candidates::<T>::get(vote_id, matter).len() + 1,
		}
	}

	/// Counts a ballot of `holding` on every matter.
	fn count(vote_id: VoteId, vote: &VoteOf<T>, rows: Vec<Rows>, holding: Holding) {
		for (m, (matter, rows)) in vote.matters.iter().zip(rows).enumerate() {
			let m = m as MatterIndex;
			Tallies::<T>::mutate(vote_id, m, |tally: &mut TallyOf<T>| {
				if tally.is_empty() {
					let n = Self::tally_rows(vote_id, m, &matter.question);
					// Cannot fail: a matter has fewer rows than `MaxTallyRows`.
					let _ = tally.try_extend(core::iter::repeat_n(Count::default(), n));
				}
				let mut add = |row: usize| {
					if let Some(count) = tally.get_mut(row) {
						*count = count.plus(holding.area);
					}
				};
				match rows {
					Rows::One(row) => add(row),
					Rows::Several(list) => list.into_iter().for_each(add),
				}
			});
		}
	}

	pub(crate) fn do_cast_ballot(
		vote_id: VoteId,
		owner: T::AccountId,
		choices: ChoicesOf<T>,
		paper: Option<(T::AccountId, T::AccountId)>,
	) -> DispatchResult {
		let mut vote = Self::open_vote(vote_id)?;
		ensure!(Self::secret_poll(vote_id).is_none(), Error::<T>::SecretBallot);
		let holding =
			Self::holding_at_call(vote_id, vote.estate, &owner).ok_or(Error::<T>::NotAnOwner)?;
		ensure!(
			!Ballots::<T>::contains_key(vote_id, &owner) &&
				!PaperBallots::<T>::contains_key(vote_id, &owner),
			Error::<T>::AlreadyVoted
		);
		let rows = Self::rows_of(vote_id, &vote, &choices)?;
		Self::count(vote_id, &vote, rows, holding);
		vote.turnout = vote.turnout.plus(holding.area);
		let turnout = vote.turnout;
		let on_paper = paper.is_some();
		Votes::<T>::insert(vote_id, vote);
		Ballots::<T>::insert(vote_id, &owner, Ballot { choices, holding, paper });
		Self::deposit_event(Event::BallotCast { vote: vote_id, owner, paper: on_paper, turnout });
		Ok(())
	}

	pub(crate) fn do_record_paper_ballot(
		who: T::AccountId,
		vote_id: VoteId,
		owner: T::AccountId,
		choices: ChoicesOf<T>,
	) -> DispatchResult {
		let vote = Self::open_vote(vote_id)?;
		ensure!(Self::secret_poll(vote_id).is_none(), Error::<T>::SecretBallot);
		let estate = Estates::<T>::get(vote.estate).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(Self::is_steward(&who, &estate), Error::<T>::NotASteward);
		ensure!(
			Self::holding_at_call(vote_id, vote.estate, &owner).is_some(),
			Error::<T>::NotAnOwner
		);
		ensure!(
			!Ballots::<T>::contains_key(vote_id, &owner) &&
				!PaperBallots::<T>::contains_key(vote_id, &owner),
			Error::<T>::AlreadyVoted
		);
		Self::rows_of(vote_id, &vote, &choices)?;
		PaperBallots::<T>::insert(
			vote_id,
			&owner,
			PaperBallot { choices, recorded_by: who.clone() },
		);
		Self::deposit_event(Event::PaperBallotRecorded { vote: vote_id, owner, by: who });
		Ok(())
	}

	pub(crate) fn do_countersign(
		who: T::AccountId,
		vote_id: VoteId,
		owner: T::AccountId,
	) -> DispatchResult {
		let vote = Self::open_vote(vote_id)?;
		let paper = PaperBallots::<T>::get(vote_id, &owner).ok_or(Error::<T>::NoPaperBallot)?;
		ensure!(paper.recorded_by != who, Error::<T>::RecorderCannotCountersign);
		let estate = Estates::<T>::get(vote.estate).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(
			Self::is_steward(&who, &estate) || T::Registry::is_officer(&who, estate.community),
			Error::<T>::NotASteward
		);
		PaperBallots::<T>::remove(vote_id, &owner);
		Self::do_cast_ballot(vote_id, owner, paper.choices, Some((paper.recorded_by, who)))
	}
}
