//! Polls: opening one with the community's roots fixed, checking an anonymous ballot
//! (`authorize`), counting it, and pruning closed polls after their retention.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec;
use frame_support::{pallet_prelude::*, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId, UnitLevel};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};
use verifiable::GenerateVerifiable;

/// The priority of a ballot in the pool: ballots pay no fee, so they are not ordered by one.
const BALLOT_PRIORITY: u64 = 1 << 20;

impl<T: Config> Pallet<T> {
	/// Whether `who` may open polls and record paper counts in `community`.
	pub(crate) fn is_polling_officer(who: &T::AccountId, community: UnitId) -> bool {
		T::Registry::is_officer(who, community) ||
			T::Registry::has_role(who, Role::PollingOfficer, community)
	}

	pub(crate) fn do_open_poll(
		who: T::AccountId,
		community: UnitId,
		terms: PollTerms<BlockNumberFor<T>>,
	) -> Result<u32, DispatchError> {
		ensure!(
			T::Registry::level_of(community) == Some(UnitLevel::Community),
			Error::<T>::NotACommunity
		);
		ensure!(Self::is_polling_officer(&who, community), Error::<T>::NotAPollingOfficer);
		ensure!(
			terms.options >= 2 && u32::from(terms.options) <= T::MaxOptions::get(),
			Error::<T>::BadOptions
		);
		ensure!(
			terms.voting_period >= T::MinVotingPeriod::get() &&
				terms.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::BadVotingPeriod
		);
		let closes = frame_system::Pallet::<T>::block_number().saturating_add(terms.voting_period);
		let (_, rings) =
			Self::open(who, community, terms.question, terms.options, closes, terms.changes_allowed)?;
		Ok(rings)
	}

	/// Opens a poll of `community` now, its roots fixed as they are, taking ballots until
	/// `closes`: what [`Pallet::open_poll`] and other pallets ([`AnonymousPolls`]) share once
	/// they have checked who opens it and on what terms. Returns the poll and its rings.
	///
	/// [`AnonymousPolls`]: gongzhi_primitives::votes::AnonymousPolls
	pub(crate) fn open(
		opener: T::AccountId,
		community: UnitId,
		question: [u8; 32],
		options: u8,
		closes: BlockNumberFor<T>,
		changes_allowed: bool,
	) -> Result<(PollId, u32), DispatchError> {
		let (rings, revisions, keys) = Self::current_roots(community)?;
		let ring_count = rings.len() as u32;
		let now = frame_system::Pallet::<T>::block_number();
		let poll = NextPoll::<T>::get();
		let next = poll.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		let prune_at = closes.saturating_add(T::Retention::get());
		let tally = BoundedVec::try_from(vec![0u32; options as usize])
			.map_err(|_| Error::<T>::BadOptions)?;
		let mut expiry = Expiry::<T>::get();
		let position = expiry.partition_point(|(at, _)| *at <= prune_at);
		expiry.try_insert(position, (prune_at, poll)).map_err(|_| Error::<T>::TooManyPolls)?;
		// Refuses, writing nothing that matters, if a ring has too many roots in use.
		Self::mark_in_use(community, &revisions, closes)?;
		Expiry::<T>::put(expiry);
		Polls::<T>::insert(
			poll,
			Poll::<T> {
				community,
				opener,
				question,
				opened: now,
				closes,
				changes_allowed,
				rings,
				keys,
				tally,
				online: 0,
				paper: 0,
			},
		);
		NextPoll::<T>::put(next);
		Self::deposit_event(Event::PollOpened { poll, community, question, options, closes, keys });
		Ok((poll, ring_count))
	}

	/// Everything a ballot must pass, short of the proof: the poll is open, the choice and ring
	/// exist, and `sequence` is the alias's next ballot. Returns the poll.
	pub fn check_ballot(
		poll: PollId,
		ring: RingIndex,
		choice: u8,
		sequence: u32,
		alias: &Alias,
	) -> Result<Poll<T>, Error<T>> {
		let record = Polls::<T>::get(poll).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(record.is_open(frame_system::Pallet::<T>::block_number()), Error::<T>::PollClosed);
		// The alias's last ballot: one taken into this block, or else one counted before.
		let last = PendingSequence::<T>::get(poll, alias)
			.or_else(|| Ballots::<T>::get(poll, alias).map(|ballot| ballot.sequence));
		if let Some(roll) = Rolls::<T>::get(poll) {
			// An announced poll: a mark. Two marks of one option in one block: the second is
			// refused when counted.
			let marked = Marks::<T>::get(poll, alias).unwrap_or(0);
			Self::check_mark(&roll, &record, ring, choice, sequence, last, marked)?;
		} else {
			ensure!(u32::from(choice) < record.options(), Error::<T>::BadChoice);
			Self::is_next(last, sequence, record.changes_allowed)?;
		}
		ensure!((ring as usize) < record.rings.len(), Error::<T>::UnknownRing);
		Ok(record)
	}

	/// Whether ballot number `sequence` may follow an alias's `last` one (none: it must be 0).
	fn is_next(last: Option<u32>, sequence: u32, changes_allowed: bool) -> Result<(), Error<T>> {
		match last {
			None => ensure!(sequence == 0, Error::<T>::WrongSequence),
			Some(_) if !changes_allowed => return Err(Error::<T>::AlreadyVoted),
			Some(last) => ensure!(sequence == last.saturating_add(1), Error::<T>::WrongSequence),
		}
		Ok(())
	}

	/// The `authorize` check of [`Pallet::cast`]: [`Pallet::check_ballot`], then, in the pool,
	/// the proof against the ring's fixed root; in a block, room in [`Pending`] instead (the
	/// proof is checked with the block's others in `on_finalize`). A refusal is a custom
	/// invalid-transaction code: the index of the [`Error`] variant.
	pub fn authorize_ballot(
		source: TransactionSource,
		poll: PollId,
		ring: RingIndex,
		choice: u8,
		sequence: u32,
		alias: &Alias,
		proof: &ProofOf<T>,
	) -> Result<(ValidTransaction, Weight), TransactionValidityError> {
		let invalid = |error: Error<T>| -> TransactionValidityError {
			let index = error.encode().first().copied().unwrap_or(u8::MAX);
			InvalidTransaction::Custom(index).into()
		};
		let record = Self::check_ballot(poll, ring, choice, sequence, alias).map_err(invalid)?;
		if source == TransactionSource::InBlock {
			// A full block: the block builder leaves the ballot in the pool for the next one.
			let taken = Pending::<T>::decode_len().unwrap_or(0) as u32;
			if taken >= T::MaxBallotsPerBlock::get() {
				return Err(InvalidTransaction::ExhaustsResources.into());
			}
		} else {
			let root =
				record.rings.get(ring as usize).ok_or_else(|| invalid(Error::UnknownRing))?;
			let valid = T::Crypto::is_valid(
				Self::ring_config(),
				proof,
				&root.0,
				&ballot_context(poll),
				alias,
				&ballot_message(poll, choice, sequence),
			);
			if !valid {
				return Err(invalid(Error::BadProof));
			}
		}
		let now = frame_system::Pallet::<T>::block_number();
		let longevity: u64 = record.closes.saturating_sub(now).unique_saturated_into();
		let tx = ValidTransaction {
			priority: BALLOT_PRIORITY,
			requires: vec![],
			// One ballot per alias and sequence number in the pool and in a block.
			provides: vec![(b"gongzhi/ballot", poll, alias, sequence).encode()],
			longevity: longevity.max(1),
			propagate: true,
		};
		Ok((tx, Weight::zero()))
	}

	/// What [`Pallet::cast`] costs the block: taking the ballot, counting it, and its share of
	/// the batched proof check — with the check's fixed part if it is the block's first ballot.
	pub fn ballot_weight(first: bool) -> Weight {
		let share = if first {
			T::WeightInfo::check_batch(1)
		} else {
			T::WeightInfo::check_batch(1).saturating_sub(T::WeightInfo::check_batch(0))
		};
		T::WeightInfo::cast().saturating_add(T::WeightInfo::count_ballot()).saturating_add(share)
	}

	/// Takes an authorised ballot into the block; `true` if it is the block's first.
	pub(crate) fn do_cast(ballot: PendingBallot<T>) -> Result<bool, DispatchError> {
		let taken = Pending::<T>::decode_len().unwrap_or(0) as u32;
		ensure!(taken < T::MaxBallotsPerBlock::get(), Error::<T>::TooManyBallotsInBlock);
		PendingSequence::<T>::insert(ballot.poll, ballot.alias, ballot.sequence);
		Pending::<T>::append(ballot);
		Ok(taken == 0)
	}

	/// `on_finalize`: checks the proofs of the block's ballots as one batch, then counts, in
	/// order, each ballot whose proof gave its alias and that is still its alias's next.
	pub(crate) fn count_pending() {
		let pending = Pending::<T>::take();
		if pending.is_empty() {
			return;
		}
		let verdicts = Self::check_proofs(&pending);
		for (ballot, valid) in pending.into_iter().zip(verdicts) {
			PendingSequence::<T>::remove(ballot.poll, ballot.alias);
			if !(valid && Self::count_ballot(&ballot)) {
				Self::deposit_event(Event::BallotRefused {
					poll: ballot.poll,
					alias: ballot.alias,
					sequence: ballot.sequence,
				});
			}
		}
	}

	/// Whether each ballot's proof holds against its poll's fixed root and gives its alias: one
	/// combined check when all hold, narrowed down to the failing ones when not.
	pub fn check_proofs(pending: &[PendingBallot<T>]) -> vec::Vec<bool> {
		let mut items = vec::Vec::with_capacity(pending.len());
		let mut places = vec::Vec::with_capacity(pending.len());
		let mut roots: vec::Vec<(PollId, Option<Poll<T>>)> = vec::Vec::new();
		for (place, ballot) in pending.iter().enumerate() {
			if !roots.iter().any(|(poll, _)| *poll == ballot.poll) {
				roots.push((ballot.poll, Polls::<T>::get(ballot.poll)));
			}
			let root = roots
				.iter()
				.find(|(poll, _)| *poll == ballot.poll)
				.and_then(|(_, record)| record.as_ref())
				.and_then(|record| record.rings.get(ballot.ring as usize));
			let Some(root) = root else { continue };
			items.push(verifiable::BatchProofItem {
				proof: ballot.proof.clone(),
				config: Self::ring_config(),
				members: root.0.clone(),
				context: ballot_context(ballot.poll),
				message: ballot_message(ballot.poll, ballot.choice, ballot.sequence),
			});
			places.push(place);
		}
		let mut verdicts = vec![false; pending.len()];
		for (outcome, place) in T::Crypto::batch_validate_per_item(&items).into_iter().zip(places) {
			if let (Ok(alias), Some(ballot), Some(verdict)) =
				(outcome, pending.get(place), verdicts.get_mut(place))
			{
				*verdict = alias == ballot.alias;
			}
		}
		verdicts
	}

	/// Counts a ballot whose proof holds, if it is still its alias's next (a ballot after one
	/// of its alias's that failed is not); `false` if not counted.
	pub(crate) fn count_ballot(ballot: &PendingBallot<T>) -> bool {
		let Some(mut record) = Polls::<T>::get(ballot.poll) else { return false };
		if let Some(roll) = Rolls::<T>::get(ballot.poll) {
			return Self::count_mark(ballot, record, roll);
		}
		let last = Ballots::<T>::get(ballot.poll, ballot.alias);
		let next =
			Self::is_next(last.map(|b| b.sequence), ballot.sequence, record.changes_allowed).is_ok();
		if !next || ballot.choice as usize >= record.tally.len() {
			return false;
		}
		match last {
			Some(last) =>
				if let Some(count) = record.tally.get_mut(last.choice as usize) {
					*count = count.saturating_sub(1);
				},
			None => record.online = record.online.saturating_add(1),
		}
		if let Some(count) = record.tally.get_mut(ballot.choice as usize) {
			*count = count.saturating_add(1);
		}
		let (poll, alias, choice, sequence) =
			(ballot.poll, ballot.alias, ballot.choice, ballot.sequence);
		Ballots::<T>::insert(poll, alias, Ballot { choice, sequence });
		Polls::<T>::insert(poll, record);
		Self::deposit_event(Event::BallotCast { poll, alias, choice, sequence });
		true
	}

	/// Prunes polls whose retention has ended, [`Config::MaxPrunedPerStep`] records a step, as
	/// far as `meter` allows.
	pub(crate) fn prune(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let limit = T::MaxPrunedPerStep::get();
		loop {
			let Some(&(at, poll)) = Expiry::<T>::get().first() else { return };
			if at > now || meter.try_consume(T::WeightInfo::prune_step(limit)).is_err() {
				return;
			}
			let mut left = limit;
			'maps: for map in 0..7 {
				let take = left as usize;
				let removed = match map {
					0 => Ballots::<T>::drain_prefix(poll).take(take).count(),
					1 => PaperVoters::<T>::drain_prefix(poll).take(take).count(),
					2 => PaperCounts::<T>::drain_prefix(poll).take(take).count(),
					3 => Marks::<T>::drain_prefix(poll).take(take).count(),
					4 => Enrolled::<T>::drain_prefix(poll).take(take).count(),
					5 => RollKeys::<T>::drain_prefix(poll).take(take).count(),
					_ => RollRings::<T>::drain_prefix(poll).take(take).count(),
				} as u32;
				left = left.saturating_sub(removed);
				if left == 0 {
					break 'maps;
				}
			}
			if left == 0 {
				// A full step: there may be more; the next step (this block, if the meter
				// allows) goes on.
				continue;
			}
			// Fewer than `limit` were left in all of them: the poll is empty now.
			Polls::<T>::remove(poll);
			Rolls::<T>::remove(poll);
			Expiry::<T>::mutate(|expiry| {
				expiry.retain(|(_, p)| *p != poll);
			});
			Self::deposit_event(Event::PollPruned { poll });
		}
	}
}
