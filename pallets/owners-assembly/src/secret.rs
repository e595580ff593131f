//! Committee elections by secret ballot (无记名投票).
//!
//! An election called with [`crate::Pallet::call_secret_election`] is counted like any (by
//! owner and by area, the ordinary double majority), but nobody can learn how an owner voted:
//!
//! - **Online**, through pallet-anonymous-ballot ([`Config::AnonymousRolls`]). The call
//!   announces an anonymous poll of the vote's electorate. During the notice period an owner
//!   who wants to vote online *enrols* there with a ballot key, and is put in a ring of owners
//!   who vote with the same area ([`crate::Pallet`] answers for the electorate: the owner's
//!   holding when the vote was called, [`crate::Frozen`] included). When ballots open this pallet fixes
//!   the poll's options in `on_initialize` — each standing candidate, and a blank — and each
//!   enrolled owner marks up to `seats` candidates with anonymous ballots. At the close the
//!   poll's weighted tally (owners and area per candidate, and the turnout) is added to the
//!   vote's count.
//! - **On paper**, at a polling station: a steward records the station's count — owners and
//!   area per candidate, and the owners who voted there, whose holdings make its participation
//!   — and a second person countersigns it before it is counted
//!   ([`crate::Pallet::record_station_count`], [`crate::Pallet::countersign_station_count`],
//!   [`crate::Pallet::reject_station_count`]). That an owner voted on paper is public, so they
//!   cannot vote again; how they voted is not. An owner who enrolled online does not vote on
//!   paper.
//!
//! By-name ballots ([`crate::Pallet::cast_ballot`], [`crate::Pallet::record_paper_ballot`])
//! are refused in a secret election.

use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, traits::Get, weights::Weight, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{
	civic::CivicRegistry,
	votes::{AnonymousRolls, ElectorateId, WeightedElectorate},
};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	Candidates, Category, Config, Count, Error, EstateId, Estates, Event, Matter, MatterIndex,
	NextVoteId, Opening, Pallet, PaperVoted, Question, SecretPolls, StationCount, StationCounts,
	StationId, Tallies, TallyOf, VoteId, VoteStatus, Votes,
};

/// The domain of the question hash an election's anonymous poll carries.
const QUESTION_DOMAIN: &[u8] = b"gongzhi/owners-assembly/secret-election";

impl<T: Config> Pallet<T> {
	pub(crate) fn do_call_secret_election(
		who: T::AccountId,
		estate_id: EstateId,
		title: Vec<u8>,
		seats: u8,
		term: BlockNumberFor<T>,
		nominators: u8,
		voting_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let matter = Matter {
			title,
			category: Category::CommitteeElection,
			question: Question::Election { seats, term, nominators },
		};
		let matters = Self::matters_from(alloc::vec![matter])?;
		// All or nothing, whoever calls it: the vote is not left without its poll.
		frame_support::storage::with_storage_layer(|| {
			Self::call_and_announce(who, estate_id, matters, voting_period, seats)
		})
	}

	fn call_and_announce(
		who: T::AccountId,
		estate_id: EstateId,
		matters: BoundedVec<crate::MatterOf<T>, T::MaxMatters>,
		voting_period: BlockNumberFor<T>,
		seats: u8,
	) -> DispatchResult {
		let vote_id = NextVoteId::<T>::get();
		Self::do_call_vote(who, estate_id, matters, voting_period)?;
		let vote = Votes::<T>::get(vote_id).ok_or(Error::<T>::UnknownVote)?;
		let estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		let title = vote.matters.first().map(|m| m.title.clone()).ok_or(Error::<T>::BadMatterCount)?;
		let question =
			sp_io::hashing::blake2_256(&codec::Encode::encode(&(QUESTION_DOMAIN, vote_id, title)));
		let poll = T::AnonymousRolls::announce(
			estate.community,
			vote_id,
			question,
			vote.opens,
			vote.closes,
			seats,
		)?;
		Opening::<T>::try_mutate(vote.opens, |ids| ids.try_push(vote_id))
			.map_err(|_| Error::<T>::ClosingBlockFull)?;
		SecretPolls::<T>::insert(vote_id, poll);
		Self::deposit_event(Event::SecretElectionCalled { vote: vote_id, poll });
		Ok(())
	}

	/// What `on_initialize` costs to open the secret elections of a block, at most.
	pub(crate) fn open_due_weight(votes: u32) -> Weight {
		T::DbWeight::get()
			.reads(3)
			.saturating_add(T::AnonymousRolls::open_weight())
			.saturating_mul(u64::from(votes))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// `on_initialize`: the secret elections whose ballots open now get their options fixed in
	/// their anonymous polls: each candidate standing (with the nominations needed) may be
	/// marked, and the blank.
	pub(crate) fn open_due(now: BlockNumberFor<T>) -> Weight {
		let due = Opening::<T>::take(now);
		let count = due.len() as u32;
		for id in due {
			let (Some(vote), Some(poll)) = (Votes::<T>::get(id), SecretPolls::<T>::get(id)) else {
				continue;
			};
			let Some(Question::Election { nominators, .. }) =
				vote.matters.first().map(|m| &m.question)
			else {
				continue;
			};
			let candidates = Candidates::<T>::get(id, 0);
			let mut allowed = 0u32;
			for (i, candidate) in candidates.iter().enumerate() {
				if candidate.nominations >= u32::from(*nominators) && i < 31 {
					allowed |= 1 << i;
				}
			}
			let blank = candidates.len() as u8;
			allowed |= 1 << blank;
			let options = blank.saturating_add(1);
			match T::AnonymousRolls::open(poll, options, allowed, Some(blank)) {
				Ok(()) => Self::deposit_event(Event::SecretBallotsOpened { vote: id, poll, allowed }),
				Err(error) => log::warn!(
					target: "runtime::owners-assembly",
					"opening the ballots of secret election {id}: {error:?}"
				),
			}
		}
		Self::open_due_weight(count)
	}

	/// A secret election's anonymous poll, if `vote` is one.
	pub(crate) fn secret_poll(vote: VoteId) -> Option<crate::types::PollId> {
		SecretPolls::<T>::get(vote)
	}

	/// Adds `rows` and `participants` to the count of vote `id`'s (only) matter.
	fn add_to_count(id: VoteId, rows: &[Count], participants: Count) {
		let Some(mut vote) = Votes::<T>::get(id) else { return };
		let Some(matter) = vote.matters.first() else { return };
		let n = Self::tally_rows(id, 0, &matter.question);
		Tallies::<T>::mutate(id, 0 as MatterIndex, |tally: &mut TallyOf<T>| {
			if tally.is_empty() {
				// Cannot fail: a matter has fewer rows than `MaxTallyRows`.
				let _ = tally.try_extend(core::iter::repeat_n(Count::default(), n));
			}
			for (row, add) in tally.iter_mut().zip(rows) {
				row.owners = row.owners.saturating_add(add.owners);
				row.area = row.area.saturating_add(add.area);
			}
		});
		vote.turnout.owners = vote.turnout.owners.saturating_add(participants.owners);
		vote.turnout.area = vote.turnout.area.saturating_add(participants.area);
		Votes::<T>::insert(id, vote);
	}

	/// At the close: adds the anonymous poll's ballots to the count of secret election `id`.
	pub(crate) fn count_online(id: VoteId) {
		let Some(poll) = SecretPolls::<T>::get(id) else { return };
		let Some(tally) = T::AnonymousRolls::tally(poll) else { return };
		let rows: Vec<Count> =
			tally.options.iter().map(|(owners, area)| Count::new(*owners, *area)).collect();
		Self::add_to_count(id, &rows, Count::new(tally.turnout.0, tally.turnout.1));
	}

	pub(crate) fn do_record_station_count(
		who: T::AccountId,
		vote_id: VoteId,
		station: StationId,
		rows: BoundedVec<Count, T::MaxTallyRows>,
		voters: BoundedVec<T::AccountId, T::MaxStationVoters>,
	) -> DispatchResult {
		let vote = Self::open_vote(vote_id)?;
		let poll = SecretPolls::<T>::get(vote_id).ok_or(Error::<T>::NotSecret)?;
		let estate = Estates::<T>::get(vote.estate).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(Self::is_steward(&who, &estate), Error::<T>::NotASteward);
		ensure!(!StationCounts::<T>::contains_key(vote_id, station), Error::<T>::StationRecorded);
		let mut participants = Count::default();
		let mut seen = BTreeSet::new();
		for voter in voters.iter() {
			let holding = Self::holding_at_call(vote_id, vote.estate, voter)
				.ok_or(Error::<T>::NotAnOwner)?;
			ensure!(!T::AnonymousRolls::enrolled(poll, voter), Error::<T>::EnrolledOnline);
			ensure!(
				seen.insert(voter) && !PaperVoted::<T>::contains_key(vote_id, voter),
				Error::<T>::AlreadyVoted
			);
			participants = participants.plus(holding.area);
		}
		Self::check_station_rows(vote_id, &vote, &rows, participants)?;
		for voter in voters.iter() {
			PaperVoted::<T>::insert(vote_id, voter, station);
		}
		let count = voters.len() as u32;
		StationCounts::<T>::insert(
			vote_id,
			station,
			StationCount { rows, voters, participants, recorded_by: who.clone(), countersigned: false },
		);
		Self::deposit_event(Event::StationCountRecorded {
			vote: vote_id,
			station,
			by: who,
			voters: count,
		});
		Ok(())
	}

	/// A station's rows fit the election and its `participants`: one per candidate and the
	/// blank; none for a candidate not standing; none above the participants; and as many
	/// marks as an owner may make, no more, no fewer (every participant marked something, if
	/// only the blank).
	fn check_station_rows(
		vote_id: VoteId,
		vote: &crate::VoteOf<T>,
		rows: &[Count],
		participants: Count,
	) -> DispatchResult {
		let Some(Question::Election { seats, nominators, .. }) =
			vote.matters.first().map(|m| &m.question)
		else {
			return Err(Error::<T>::NotSecret.into());
		};
		let candidates = Candidates::<T>::get(vote_id, 0);
		ensure!(rows.len() == candidates.len() + 1, Error::<T>::CountsDoNotAddUp);
		let (mut owners, mut area) = (0u64, 0u128);
		for (i, row) in rows.iter().enumerate() {
			let standing = candidates
				.get(i)
				.map_or(true, |c| c.nominations >= u32::from(*nominators));
			ensure!(standing || *row == Count::default(), Error::<T>::CountsDoNotAddUp);
			ensure!(
				row.owners <= participants.owners && row.area <= participants.area,
				Error::<T>::CountsDoNotAddUp
			);
			owners += u64::from(row.owners);
			area += u128::from(row.area);
		}
		let seats = u64::from(*seats);
		ensure!(
			owners >= u64::from(participants.owners) &&
				owners <= seats * u64::from(participants.owners) &&
				area >= u128::from(participants.area) &&
				area <= u128::from(seats) * u128::from(participants.area),
			Error::<T>::CountsDoNotAddUp
		);
		Ok(())
	}

	/// A second person — a steward or an officer of the community, not the recorder — may act
	/// on a station's count of an open vote. Returns the count.
	fn second_person(
		who: &T::AccountId,
		vote_id: VoteId,
		station: StationId,
	) -> Result<crate::StationCountOf<T>, DispatchError> {
		let vote = Self::open_vote(vote_id)?;
		let count =
			StationCounts::<T>::get(vote_id, station).ok_or(Error::<T>::UnknownStation)?;
		ensure!(count.recorded_by != *who, Error::<T>::RecorderCannotCountersign);
		ensure!(!count.countersigned, Error::<T>::AlreadyCountersigned);
		let estate = Estates::<T>::get(vote.estate).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(
			Self::is_steward(who, &estate) || T::Registry::is_officer(who, estate.community),
			Error::<T>::NotASteward
		);
		Ok(count)
	}

	pub(crate) fn do_countersign_station(
		who: T::AccountId,
		vote_id: VoteId,
		station: StationId,
	) -> DispatchResult {
		let mut count = Self::second_person(&who, vote_id, station)?;
		Self::add_to_count(vote_id, &count.rows, count.participants);
		count.countersigned = true;
		StationCounts::<T>::insert(vote_id, station, count);
		Self::deposit_event(Event::StationCountCountersigned { vote: vote_id, station, by: who });
		Ok(())
	}

	pub(crate) fn do_reject_station(
		who: T::AccountId,
		vote_id: VoteId,
		station: StationId,
	) -> DispatchResult {
		let count = Self::second_person(&who, vote_id, station)?;
		for voter in count.voters.iter() {
			PaperVoted::<T>::remove(vote_id, voter);
		}
		StationCounts::<T>::remove(vote_id, station);
		Self::deposit_event(Event::StationCountRejected { vote: vote_id, station, by: who });
		Ok(())
	}
}

/// The electorate of a secret election: the owners on the register when it was called, each
/// with the area they held then.
impl<T: Config> WeightedElectorate<T::AccountId> for Pallet<T> {
	fn weight_of(electorate: ElectorateId, who: &T::AccountId) -> Option<u64> {
		if !SecretPolls::<T>::contains_key(electorate) {
			return None;
		}
		let vote = Votes::<T>::get(electorate).filter(|v| v.status == VoteStatus::Called)?;
		Self::holding_at_call(electorate, vote.estate, who).map(|holding| holding.area)
	}

	fn weight_of_weight() -> Weight {
		// SecretPolls, Votes, Frozen, Holdings.
		T::DbWeight::get().reads(4)
	}
}
