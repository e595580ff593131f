//! Counting a vote at its close and carrying out what it approved; pruning closed votes.

use alloc::vec::Vec;
use frame_support::{
	traits::{
		fungible::Mutate,
		tokens::Preservation,
		Get,
	},
	weights::{Weight, WeightMeter},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

use crate::{
	counting::{approved, participation_met},
	Action, ActionOf, Ballots, Candidates, Claimed, Closing, Config, Count, Distribution,
	DistributionId, Distributions, EstateId, EstateOf, Estates, Event, Frozen, MatterIndex,
	NextDistributionId, Nominations, Outcome, OutcomeOf, Pallet, PaperBallots, PaperVoted, Prunable,
	PruneBounds, PruneQueue, Question, Results, SecretPolls, StationCounts, Tallies, Threshold,
	VoteId, VoteStatus, Votes, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// `on_initialize`: counts the votes that close now (at most `MaxClosingPerBlock`).
	pub(crate) fn close_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		for id in Closing::<T>::take(now) {
			let secret = Self::secret_poll(id).is_some();
			let matters = Self::close_vote(id, now);
			weight.saturating_accrue(T::WeightInfo::on_initialize_close(matters));
			if secret {
				// The poll's tally read and added to the count.
				weight.saturating_accrue(
					<T::AnonymousRolls as gongzhi_primitives::votes::AnonymousRolls<
						T::AccountId,
						BlockNumberFor<T>,
					>>::read_weight()
					.saturating_add(T::DbWeight::get().reads_writes(3, 2)),
				);
			}
		}
		weight
	}

	/// Counts vote `id`, carries out what it approved, and publishes the outcome; returns how
	/// many matters it counted (the hook's weight).
	pub(crate) fn close_vote(id: VoteId, now: BlockNumberFor<T>) -> u32 {
		if Votes::<T>::get(id).is_some_and(|v| v.status == VoteStatus::Called) {
			// A secret election: its anonymous ballots join the countersigned stations'.
			Self::count_online(id);
		}
		let Some(mut vote) = Votes::<T>::get(id) else { return 0 };
		if vote.status == VoteStatus::Closed {
			return 0;
		}
		let Some(mut estate) = Estates::<T>::get(vote.estate) else { return 0 };
		let counted = vote.matters.len() as u32;
		let (fund, revenue) = Self::commitments(&vote.matters);
		estate.fund_committed = estate.fund_committed.saturating_sub(fund);
		estate.revenue_committed = estate.revenue_committed.saturating_sub(revenue);
		estate.open_votes.retain(|v| *v != id);

		let participation = participation_met(vote.turnout, vote.electorate);
		let mut outcomes = Vec::with_capacity(vote.matters.len());
		for (m, matter) in vote.matters.iter().enumerate() {
			let m = m as MatterIndex;
			let tally = Tallies::<T>::get(id, m);
			let row = |i: usize| tally.get(i).copied().unwrap_or_default();
			let threshold = matter.category.threshold();
			let outcome = if !participation {
				Outcome::NoQuorum
			} else {
				match &matter.question {
					Question::Motion(action) => {
						if approved(row(0), vote.turnout, threshold) {
							Self::carry_out(&mut estate, vote.estate, id, m, action);
							Outcome::Passed
						} else {
							Outcome::Rejected
						}
					},
					Question::Choose(alternatives) => {
						let passing: Vec<(usize, Count)> = (0..alternatives.len())
							.map(|i| (i, row(i)))
							.filter(|(_, c)| approved(*c, vote.turnout, threshold))
							.collect();
						match Self::ranked(passing, 1) {
							(winners, 0) if winners.len() == 1 => {
								let i = winners[0];
								Self::carry_out(&mut estate, vote.estate, id, m, &alternatives[i].action);
								Outcome::Chosen(i as u8)
							},
							_ => Outcome::NoneChosen,
						}
					},
					Question::Election { seats, term, nominators } => {
						let candidates = Candidates::<T>::get(id, m);
						let passing: Vec<(usize, Count)> = candidates
							.iter()
							.enumerate()
							.filter(|(_, c)| c.nominations >= u32::from(*nominators))
							.map(|(i, _)| (i, row(i)))
							.filter(|(_, c)| approved(*c, vote.turnout, Threshold::Ordinary))
							.collect();
						let (winners, vacant) = Self::ranked(passing, *seats as usize);
						let elected: BoundedVec<_, _> = winners
							.into_iter()
							.filter_map(|i| candidates.get(i).map(|c| c.who.clone()))
							.collect::<Vec<_>>()
							.try_into()
							.unwrap_or_default();
						if !elected.is_empty() {
							let until = now.saturating_add(*term);
							estate.committee = elected.clone();
							estate.committee_until = Some(until);
							Self::deposit_event(Event::CommitteeElected {
								estate: vote.estate,
								members: elected.to_vec(),
								until,
							});
						}
						Outcome::Elected { elected, vacant: vacant as u8 }
					},
				}
			};
			outcomes.push(outcome);
		}
		vote.status = VoteStatus::Closed;
		let (estate_id, electorate, turnout) = (vote.estate, vote.electorate, vote.turnout);
		Votes::<T>::insert(id, vote);
		Estates::<T>::insert(estate_id, estate);
		let stored: BoundedVec<OutcomeOf<T>, T::MaxMatters> =
			outcomes.clone().try_into().unwrap_or_default();
		Results::<T>::insert(id, stored);
		Self::schedule_pruning(Prunable::Vote(id), now);
		Self::deposit_event(Event::VoteClosed {
			vote: id,
			estate: estate_id,
			electorate,
			turnout,
			participation,
			outcomes,
		});
		counted
	}

	/// Of `passing` (index, count), the best `seats` by owners then area. Candidates tied for
	/// the last seat all stay out; returns the winners, best first, and the seats left vacant.
	pub(crate) fn ranked(mut passing: Vec<(usize, Count)>, seats: usize) -> (Vec<usize>, usize) {
		passing.sort_by(|(i, a), (j, b)| (b.owners, b.area).cmp(&(a.owners, a.area)).then(i.cmp(j)));
		let key = |c: &Count| (c.owners, c.area);
		let winners: Vec<usize> = if passing.len() <= seats {
			passing.iter().map(|(i, _)| *i).collect()
		} else {
			let cut = key(&passing[seats - 1].1);
			let tie = key(&passing[seats].1) == cut;
			passing
				.iter()
				.take(seats)
				.filter(|(_, c)| !tie || key(c) > cut)
				.map(|(i, _)| *i)
				.collect()
		};
		let vacant = seats.saturating_sub(winners.len());
		(winners, vacant)
	}

	/// Carries out an approved `action` of matter `m` of vote `id`.
	fn carry_out(
		estate: &mut EstateOf<T>,
		estate_id: EstateId,
		id: VoteId,
		m: MatterIndex,
		action: &ActionOf<T>,
	) {
		match action {
			Action::Record => {},
			Action::PayFromFund { to, amount } => {
				let paid = estate.fund >= *amount &&
					T::Currency::transfer(
						&Self::pot_account(estate_id),
						to,
						*amount,
						Preservation::Expendable,
					)
					.is_ok();
				if paid {
					estate.fund = estate.fund.saturating_sub(*amount);
					Self::deposit_event(Event::FundPaid {
						estate: estate_id,
						vote: id,
						to: to.clone(),
						amount: *amount,
					});
				} else {
					Self::deposit_event(Event::ActionFailed { estate: estate_id, vote: id, matter: m });
				}
			},
			Action::HireCompany(company) => {
				estate.company = Some(company.clone());
				Self::deposit_event(Event::CompanyChanged {
					estate: estate_id,
					company: Some(company.clone()),
				});
			},
			Action::DismissCompany => {
				estate.company = None;
				Self::deposit_event(Event::CompanyChanged { estate: estate_id, company: None });
			},
			Action::SetDepositRate(rate) => {
				estate.deposit_rate = *rate;
				Self::deposit_event(Event::DepositRateSet { estate: estate_id, rate: *rate });
			},
			Action::RevenueToOwners(amount) => {
				let dist = NextDistributionId::<T>::get();
				if estate.revenue >= *amount && estate.area > 0 {
					if let Some(next) = dist.checked_add(1) {
						NextDistributionId::<T>::put(next);
						estate.revenue = estate.revenue.saturating_sub(*amount);
						estate.distributing = estate.distributing.saturating_add(*amount);
						let now = frame_system::Pallet::<T>::block_number();
						let ends = now.saturating_add(T::Retention::get());
						Distributions::<T>::insert(
							dist,
							Distribution {
								estate: estate_id,
								amount: *amount,
								area: estate.area,
								paid: Default::default(),
								ends,
							},
						);
						Self::schedule_pruning(Prunable::Distribution(dist), now);
						Self::deposit_event(Event::RevenueDistributed {
							estate: estate_id,
							distribution: dist,
							amount: *amount,
							claims_end: ends,
						});
						return;
					}
				}
				Self::deposit_event(Event::ActionFailed { estate: estate_id, vote: id, matter: m });
			},
			Action::RevenueToFund(amount) => {
				if estate.revenue >= *amount {
					estate.revenue = estate.revenue.saturating_sub(*amount);
					estate.fund = estate.fund.saturating_add(*amount);
					Self::deposit_event(Event::RevenueMovedToFund {
						estate: estate_id,
						amount: *amount,
					});
				} else {
					Self::deposit_event(Event::ActionFailed { estate: estate_id, vote: id, matter: m });
				}
			},
		}
	}

	/// Queues `item` for pruning after the retention (every item waits as long: the queue is in
	/// due order).
	fn schedule_pruning(item: Prunable, now: BlockNumberFor<T>) {
		let due = now.saturating_add(T::Retention::get());
		PruneBounds::<T>::mutate(|(_, tail)| {
			PruneQueue::<T>::insert(*tail, (item, due));
			*tail = tail.wrapping_add(1);
		});
	}

	/// `on_idle`: prunes closed votes past their retention, a step of at most
	/// `MaxPrunedPerStep` records at a time, within `limit`.
	pub(crate) fn prune(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		let step = T::WeightInfo::on_idle_prune(T::MaxPrunedPerStep::get());
		loop {
			let (head, tail) = PruneBounds::<T>::get();
			if head == tail || !meter.can_consume(step) {
				break;
			}
			let Some((item, due)) = PruneQueue::<T>::get(head) else {
				PruneBounds::<T>::put((head.wrapping_add(1), tail));
				continue;
			};
			if due > now {
				break;
			}
			meter.consume(step);
			let done = match item {
				Prunable::Vote(id) => Self::prune_vote(id),
				Prunable::Distribution(id) => Self::end_distribution(id),
			};
			if done {
				PruneQueue::<T>::remove(head);
				PruneBounds::<T>::put((head.wrapping_add(1), tail));
			}
		}
		meter.consumed()
	}

	/// Removes up to `MaxPrunedPerStep` claims of distribution `id` whose claims ended; once
	/// none is left, gives what nobody claimed back to public revenue. Whether it is gone.
	fn end_distribution(id: DistributionId) -> bool {
		let most = T::MaxPrunedPerStep::get() as usize;
		if Claimed::<T>::drain_prefix(id).take(most).count() == most {
			return false;
		}
		if let Some(d) = Distributions::<T>::take(id) {
			let left = d.amount.saturating_sub(d.paid);
			Estates::<T>::mutate(d.estate, |e| {
				if let Some(e) = e {
					e.distributing = e.distributing.saturating_sub(left);
					e.revenue = e.revenue.saturating_add(left);
				}
			});
			Self::deposit_event(Event::DistributionEnded { distribution: id, returned: left });
		}
		true
	}

	/// Removes up to `MaxPrunedPerStep` records of closed vote `id`; whether it is gone.
	fn prune_vote(id: VoteId) -> bool {
		let most = T::MaxPrunedPerStep::get() as usize;
		let mut left = most;
		left -= Ballots::<T>::drain_prefix(id).take(left).count();
		left -= PaperBallots::<T>::drain_prefix(id).take(left).count();
		left -= Frozen::<T>::drain_prefix(id).take(left).count();
		left -= Nominations::<T>::drain_prefix(id).take(left).count();
		left -= Tallies::<T>::drain_prefix(id).take(left).count();
		left -= Candidates::<T>::drain_prefix(id).take(left).count();
		left -= StationCounts::<T>::drain_prefix(id).take(left).count();
		left -= PaperVoted::<T>::drain_prefix(id).take(left).count();
		if left == 0 {
			return false;
		}
		Votes::<T>::remove(id);
		SecretPolls::<T>::remove(id);
		Results::<T>::remove(id);
		Self::deposit_event(Event::VotePruned { vote: id });
		true
	}
}
