//! Paper ballots of a secret poll: a polling station's count per option, recorded by one
//! officer and countersigned by another before it enters the tally. The residents who voted on
//! paper are named (so they cannot vote again, online or at another station); their choices
//! are not.

use crate::{pallet::*, types::*};
use alloc::collections::BTreeSet;
use frame_support::pallet_prelude::*;
use gongzhi_primitives::civic::CivicRegistry;
use sp_runtime::traits::UniqueSaturatedInto;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_record_paper_count(
		who: T::AccountId,
		poll: PollId,
		station: StationId,
		counts: BoundedVec<u32, T::MaxOptions>,
		voters: BoundedVec<T::AccountId, T::MaxPaperVoters>,
	) -> DispatchResult {
		let record = Polls::<T>::get(poll).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(!Rolls::<T>::contains_key(poll), Error::<T>::PaperElsewhere);
		ensure!(record.is_open(frame_system::Pallet::<T>::block_number()), Error::<T>::PollClosed);
		ensure!(Self::is_polling_officer(&who, record.community), Error::<T>::NotAPollingOfficer);
		ensure!(!PaperCounts::<T>::contains_key(poll, station), Error::<T>::StationRecorded);
		let total = counts.iter().try_fold(0u32, |sum, count| sum.checked_add(*count));
		ensure!(
			counts.len() == record.tally.len() && total == Some(voters.len() as u32),
			Error::<T>::CountsDoNotAddUp
		);
		let opened: u64 = record.opened.unique_saturated_into();
		let mut seen = BTreeSet::new();
		for voter in voters.iter() {
			ensure!(
				T::Registry::is_resident_of(voter, record.community) &&
					T::Registry::resident_since(voter).is_some_and(|since| since <= opened),
				Error::<T>::NotInElectorate
			);
			ensure!(!Self::votes_online(voter, record.opened), Error::<T>::VotesOnline);
			ensure!(
				seen.insert(voter) && !PaperVoters::<T>::contains_key(poll, voter),
				Error::<T>::AlreadyVotedOnPaper
			);
		}
		for voter in voters.iter() {
			PaperVoters::<T>::insert(poll, voter, station);
		}
		let count = voters.len() as u32;
		PaperCounts::<T>::insert(
			poll,
			station,
			PaperCount::<T> { recorder: who.clone(), counts, voters, countersigned: None },
		);
		Self::deposit_event(Event::PaperCountRecorded { poll, station, by: who, voters: count });
		Ok(())
	}

	/// The count, if `who` may countersign or reject it.
	fn second_officer_check(
		who: &T::AccountId,
		poll: PollId,
		station: StationId,
	) -> Result<(Poll<T>, PaperCount<T>), DispatchError> {
		let record = Polls::<T>::get(poll).ok_or(Error::<T>::UnknownPoll)?;
		let count = PaperCounts::<T>::get(poll, station).ok_or(Error::<T>::UnknownStation)?;
		ensure!(Self::is_polling_officer(who, record.community), Error::<T>::NotAPollingOfficer);
		ensure!(*who != count.recorder, Error::<T>::SameOfficer);
		ensure!(count.countersigned.is_none(), Error::<T>::AlreadyCountersigned);
		Ok((record, count))
	}

	pub(crate) fn do_countersign(
		who: T::AccountId,
		poll: PollId,
		station: StationId,
	) -> DispatchResult {
		let (mut record, mut count) = Self::second_officer_check(&who, poll, station)?;
		for (total, add) in record.tally.iter_mut().zip(count.counts.iter()) {
			*total = total.saturating_add(*add);
		}
		record.paper = record.paper.saturating_add(count.voters.len() as u32);
		count.countersigned = Some(who.clone());
		Polls::<T>::insert(poll, record);
		PaperCounts::<T>::insert(poll, station, count);
		Self::deposit_event(Event::PaperCountCountersigned { poll, station, by: who });
		Ok(())
	}

	pub(crate) fn do_reject(who: T::AccountId, poll: PollId, station: StationId) -> DispatchResult {
		let (_, count) = Self::second_officer_check(&who, poll, station)?;
		for voter in count.voters.iter() {
			PaperVoters::<T>::remove(poll, voter);
		}
		PaperCounts::<T>::remove(poll, station);
		Self::deposit_event(Event::PaperCountRejected { poll, station, by: who });
		Ok(())
	}
}
