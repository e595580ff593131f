//! Polls of electorates other pallets keep: a secret election of an owners' committee.
//!
//! The owners' assembly counts a ballot by owner *and* by floor area, and each owner's area is
//! public on the register. A ballot must therefore add its voter's area to what it marks, yet
//! not say who cast it. So the electorate's voters are put in rings by the exact weight they
//! vote with (an estate's homes come in a few floor plans: most owners share their area with
//! many others), and a ballot proves membership of one ring: it counts one voter and that
//! ring's weight, and hides which of the ring's voters it is. A voter alone with their weight
//! would be known by it: the portal shows a ring's size before one enrols, and such an owner
//! votes on paper.
//!
//! The life of such a poll:
//! 1. **Announced** by the asking pallet when it calls the vote ([`Pallet::do_announce`]): its
//!    electorate, when ballots open and close, and how many options a voter marks.
//! 2. **Enrolment** until ballots open ([`Pallet::enrol`]): a member of the electorate (the
//!    asking pallet gives their weight, [`Config::Electorate`]) enrols with a ballot key and its
//!    proof of possession and joins a ring of that weight; the rings are built in `on_idle`.
//!    Who enrolled is public (they vote online, not on paper); how they vote is not.
//! 3. **Opened** by the asking pallet when ballots open ([`Pallet::open_roll`]): it fixes the
//!    options (an election's standing candidates and a blank). Once every ring is built the
//!    poll's roots are fixed ([`Event::BallotsOpen`]) and ballots are taken.
//! 4. **Ballots**: the same anonymous ballots as any poll ([`Pallet::cast`]), one per mark: a
//!    voter marks up to `marks` options, one ballot each with sequence numbers 0, 1, …, never
//!    one option twice; a blank ballot is its voter's only mark. Ballots are final.
//! 5. **Tally**: per option, voters and weight, and the turnout, read by the asking pallet at
//!    the close ([`gongzhi_primitives::votes::AnonymousRolls::tally`]).

use crate::{pallet::*, types::*, weights::WeightInfo, SYSTEM_OPENER};
use alloc::vec;
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{
	civic::UnitId,
	votes::{AnonymousRolls, ElectorateId, WeightedElectorate, WeightedTally},
};
use sp_runtime::traits::{AccountIdConversion, Saturating};

impl<T: Config> Pallet<T> {
	/// What [`Pallet::enrol`] costs: its own work and the electorate's answer.
	pub fn enrol_weight() -> Weight {
		T::WeightInfo::enrol().saturating_add(T::Electorate::weight_of_weight())
	}

	/// Announces a poll of `electorate`: see [`AnonymousRolls::announce`].
	pub fn do_announce(
		community: UnitId,
		electorate: ElectorateId,
		question: [u8; 32],
		opens: BlockNumberFor<T>,
		closes: BlockNumberFor<T>,
		marks: u8,
	) -> Result<PollId, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < opens && opens < closes, Error::<T>::BadVotingPeriod);
		ensure!(marks > 0 && u32::from(marks) <= T::MaxOptions::get(), Error::<T>::BadOptions);
		let poll = NextPoll::<T>::get();
		let next = poll.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		let prune_at = closes.saturating_add(T::Retention::get());
		let mut expiry = Expiry::<T>::get();
		let position = expiry.partition_point(|(at, _)| *at <= prune_at);
		expiry.try_insert(position, (prune_at, poll)).map_err(|_| Error::<T>::TooManyPolls)?;
		Expiry::<T>::put(expiry);
		Polls::<T>::insert(
			poll,
			Poll::<T> {
				community,
				opener: SYSTEM_OPENER.into_account_truncating(),
				question,
				opened: now,
				closes,
				changes_allowed: false,
				rings: BoundedVec::new(),
				keys: 0,
				tally: BoundedVec::new(),
				online: 0,
				paper: 0,
			},
		);
		Rolls::<T>::insert(
			poll,
			Roll::<T> {
				electorate,
				opens,
				marks,
				rings: BoundedVec::new(),
				enrolled: 0,
				opened: false,
				allowed: 0,
				blank: None,
				tally: BoundedVec::new(),
				turnout: 0,
			},
		);
		NextPoll::<T>::put(next);
		Self::deposit_event(Event::PollAnnounced {
			poll,
			community,
			electorate,
			question,
			opens,
			closes,
			marks,
		});
		Ok(poll)
	}

	pub(crate) fn do_enrol(
		who: T::AccountId,
		poll: PollId,
		key: MemberOf<T>,
		possession: &PossessionOf<T>,
	) -> DispatchResult {
		ensure!(Polls::<T>::contains_key(poll), Error::<T>::UnknownPoll);
		let mut roll = Rolls::<T>::get(poll).ok_or(Error::<T>::NotARoll)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < roll.opens && !roll.opened, Error::<T>::EnrolmentClosed);
		let weight =
			T::Electorate::weight_of(roll.electorate, &who).ok_or(Error::<T>::NotAnElector)?;
		ensure!(!Enrolled::<T>::contains_key(poll, &who), Error::<T>::AlreadyEnrolled);
		Self::check_holder(&who, &key, possession)?;
		ensure!(!RollKeys::<T>::contains_key(poll, &key), Error::<T>::KeyTaken);
		Self::enrol_checked(who, poll, &mut roll, key, weight)
	}

	/// Puts `who`'s checked `key` in a ring of `weight` of `poll` (the first with room, or a new
	/// one) and queues the ring for building.
	pub(crate) fn enrol_checked(
		who: T::AccountId,
		poll: PollId,
		roll: &mut Roll<T>,
		key: MemberOf<T>,
		weight: u64,
	) -> DispatchResult {
		let room = T::MaxRingSize::get();
		let found =
			roll.rings.iter().position(|(w, keys)| *w == weight && *keys < room);
		let (index, mut ring) = match found {
			Some(index) => {
				let ring = RollRings::<T>::get(poll, index as RingIndex)
					.ok_or(Error::<T>::UnknownRing)?;
				(index, ring)
			},
			None => {
				roll.rings.try_push((weight, 0)).map_err(|_| Error::<T>::RingsFull)?;
				(roll.rings.len() - 1, Ring::<T>::empty())
			},
		};
		let index = index as RingIndex;
		ring.members.try_push(key.clone()).map_err(|_| Error::<T>::RingsFull)?;
		RollWaiting::<T>::try_mutate(|waiting| {
			if !waiting.contains(&(poll, index)) {
				waiting.try_push((poll, index)).map_err(|_| Error::<T>::BuildQueueFull)?;
			}
			Ok::<_, DispatchError>(())
		})?;
		if let Some((_, keys)) = roll.rings.get_mut(index as usize) {
			*keys = keys.saturating_add(1);
		}
		roll.enrolled = roll.enrolled.saturating_add(1);
		RollRings::<T>::insert(poll, index, ring);
		RollKeys::<T>::insert(poll, key, ());
		Enrolled::<T>::insert(poll, &who, index);
		Rolls::<T>::insert(poll, &*roll);
		Self::deposit_event(Event::Enrolled { poll, who, ring: index, weight });
		Ok(())
	}

	/// Fixes an announced poll's options: see [`AnonymousRolls::open`]. Enrolment ends; ballots
	/// are taken once the rings are built.
	pub fn open_roll(poll: PollId, options: u8, allowed: u32, blank: Option<u8>) -> DispatchResult {
		let mut record = Polls::<T>::get(poll).ok_or(Error::<T>::UnknownPoll)?;
		let mut roll = Rolls::<T>::get(poll).ok_or(Error::<T>::NotARoll)?;
		ensure!(!roll.opened, Error::<T>::NotARoll);
		ensure!(options > 0 && u32::from(options) <= T::MaxOptions::get(), Error::<T>::BadOptions);
		let every = if options >= 32 { u32::MAX } else { (1u32 << options) - 1 };
		record.tally =
			BoundedVec::try_from(vec![0u32; options as usize]).map_err(|_| Error::<T>::BadOptions)?;
		roll.tally =
			BoundedVec::try_from(vec![0u64; options as usize]).map_err(|_| Error::<T>::BadOptions)?;
		roll.allowed = allowed & every;
		roll.blank = blank.filter(|b| *b < options);
		roll.opened = true;
		let allowed = roll.allowed;
		Polls::<T>::insert(poll, record);
		Rolls::<T>::insert(poll, roll);
		Self::deposit_event(Event::RollOpened { poll, options, allowed });
		Self::fix_roll_roots(poll);
		Ok(())
	}

	/// Once an opened poll's rings are all built, fixes their roots in the poll: ballots are
	/// taken from then. Does nothing before, after, or for a poll nobody enrolled in.
	pub(crate) fn fix_roll_roots(poll: PollId) {
		let Some(roll) = Rolls::<T>::get(poll) else { return };
		let Some(mut record) = Polls::<T>::get(poll) else { return };
		if !roll.opened || roll.rings.is_empty() || !record.rings.is_empty() {
			return;
		}
		let mut roots = BoundedVec::new();
		for index in 0..roll.rings.len() as RingIndex {
			let root = RollRings::<T>::get(poll, index)
				.filter(|ring| ring.is_current())
				.and_then(|ring| ring.root);
			let Some(root) = root else { return };
			if roots.try_push(root).is_err() {
				return;
			}
		}
		let rings = roots.len() as u32;
		let keys = roll.rings.iter().filter(|(_, k)| Self::large_enough(*k)).map(|(_, k)| *k).sum();
		record.rings = roots;
		record.keys = keys;
		Polls::<T>::insert(poll, record);
		Self::deposit_event(Event::BallotsOpen { poll, rings, keys });
	}

	/// Whether a ring of `keys` keys keeps its ballots secret ([`Config::MinRollRing`]).
	pub(crate) fn large_enough(keys: u32) -> bool {
		keys >= T::MinRollRing::get()
	}

	/// The checks of a ballot particular to an announced poll: it is open and its roots fixed,
	/// the ring large enough, and `choice` may be marked as the alias's mark number
	/// `sequence`, given the options it `marked` before (`last` being its last ballot's number).
	pub(crate) fn check_mark(
		roll: &Roll<T>,
		record: &Poll<T>,
		ring: RingIndex,
		choice: u8,
		sequence: u32,
		last: Option<u32>,
		marked: u32,
	) -> Result<(), Error<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(roll.opened && now >= roll.opens, Error::<T>::NotYetOpen);
		ensure!(!record.rings.is_empty() || roll.rings.is_empty(), Error::<T>::RingsBeingBuilt);
		let (_, keys) = roll.rings.get(ring as usize).ok_or(Error::<T>::UnknownRing)?;
		ensure!(Self::large_enough(*keys), Error::<T>::RingTooSmall);
		ensure!(roll.allows(choice), Error::<T>::BadChoice);
		match last {
			None => ensure!(sequence == 0, Error::<T>::WrongSequence),
			Some(last) => {
				ensure!(sequence < u32::from(roll.marks), Error::<T>::AlreadyVoted);
				ensure!(sequence == last.saturating_add(1), Error::<T>::WrongSequence);
			},
		}
		let bit = 1u32 << choice;
		ensure!(marked & bit == 0, Error::<T>::AlreadyMarked);
		if let Some(blank) = roll.blank {
			let blank_bit = 1u32 << blank;
			ensure!(marked & blank_bit == 0, Error::<T>::BlankAlone);
			ensure!(choice != blank || marked == 0, Error::<T>::BlankAlone);
		}
		Ok(())
	}

	/// Counts a mark of an announced poll whose proof holds, if it may still be marked;
	/// `false` if not counted.
	pub(crate) fn count_mark(ballot: &PendingBallot<T>, mut record: Poll<T>, mut roll: Roll<T>) -> bool {
		let marked = Marks::<T>::get(ballot.poll, ballot.alias).unwrap_or(0);
		let last = Ballots::<T>::get(ballot.poll, ballot.alias).map(|b| b.sequence);
		let (ring, choice, sequence) = (ballot.ring, ballot.choice, ballot.sequence);
		if Self::check_mark(&roll, &record, ring, choice, sequence, last, marked).is_err() {
			return false;
		}
		let Some(&(weight, _)) = roll.rings.get(ballot.ring as usize) else { return false };
		let choice = ballot.choice as usize;
		match (record.tally.get_mut(choice), roll.tally.get_mut(choice)) {
			(Some(count), Some(sum)) => {
				*count = count.saturating_add(1);
				*sum = sum.saturating_add(weight);
			},
			_ => return false,
		}
		if last.is_none() {
			record.online = record.online.saturating_add(1);
			roll.turnout = roll.turnout.saturating_add(weight);
		}
		let (poll, alias, choice, sequence) =
			(ballot.poll, ballot.alias, ballot.choice, ballot.sequence);
		Marks::<T>::insert(poll, alias, marked | (1u32 << choice));
		Ballots::<T>::insert(poll, alias, Ballot { choice, sequence });
		Polls::<T>::insert(poll, record);
		Rolls::<T>::insert(poll, roll);
		Self::deposit_event(Event::BallotCast { poll, alias, choice, sequence });
		true
	}
}

/// Secret elections of an owners' committee (pallet-owners-assembly) and any other weighted
/// electorate: the asking pallet has decided who votes, with what weight, and when.
impl<T: Config> AnonymousRolls<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn announce(
		community: UnitId,
		electorate: ElectorateId,
		question: [u8; 32],
		opens: BlockNumberFor<T>,
		closes: BlockNumberFor<T>,
		marks: u8,
	) -> Result<PollId, DispatchError> {
		Self::do_announce(community, electorate, question, opens, closes, marks)
	}

	fn open(poll: PollId, options: u8, allowed: u32, blank: Option<u8>) -> DispatchResult {
		Self::open_roll(poll, options, allowed, blank)
	}

	/// Enrolled in a ring large enough to vote in: the holder of a key in a smaller ring votes
	/// on paper.
	fn enrolled(poll: PollId, who: &T::AccountId) -> bool {
		let Some(ring) = Enrolled::<T>::get(poll, who) else { return false };
		Rolls::<T>::get(poll)
			.and_then(|roll| roll.rings.get(ring as usize).copied())
			.is_some_and(|(_, keys)| Self::large_enough(keys))
	}

	fn tally(poll: PollId) -> Option<WeightedTally> {
		let record = Polls::<T>::get(poll)?;
		let roll = Rolls::<T>::get(poll)?;
		Some(WeightedTally {
			options: record.tally.iter().copied().zip(roll.tally.iter().copied()).collect(),
			turnout: (record.online, roll.turnout),
		})
	}

	fn announce_weight() -> Weight {
		// What opening a poll of no rings costs, and the roll's record.
		T::WeightInfo::open_poll(1).saturating_add(T::DbWeight::get().writes(1))
	}

	fn open_weight() -> Weight {
		T::WeightInfo::open_roll(T::MaxRingsPerCommunity::get())
	}

	fn read_weight() -> Weight {
		T::DbWeight::get().reads(2)
	}
}
