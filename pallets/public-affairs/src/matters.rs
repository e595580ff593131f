//! Matters (诉求): raised by residents, answered by officers in time or moved up a level, rated
//! by the resident, taken up once, closed and counted.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::{CivicRegistry, UnitId};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	queue::{Due, Queue, Queues},
	Config, Error, Event, Matter, MatterAnswer, MatterId, MatterOf, MatterStatus, Matters,
	MattersOf, Notices, OpenMatters, Pallet, Stats, Subject, TextOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_raise_matter(
		who: T::AccountId,
		unit: UnitId,
		about: Option<Subject>,
		text: TextOf<T>,
	) -> DispatchResult {
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(T::Registry::is_resident_of(&who, unit), Error::<T>::NotAResident);
		if let Some(Subject::Notice(notice)) = about {
			ensure!(Notices::<T>::get(notice).is_some(), Error::<T>::UnknownNotice);
		}
		let id = crate::NextMatterId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		let mut mine = MattersOf::<T>::get(&who);
		mine.try_push(id).map_err(|_| Error::<T>::TooManyMatters)?;
		OpenMatters::<T>::try_mutate(unit, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyOpenMatters)?;
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(Self::answer_period());
		Matters::<T>::insert(
			id,
			Matter {
				raiser: who.clone(),
				raised_to: unit,
				unit,
				about,
				text,
				raised_at: now,
				status: MatterStatus::Open { deadline },
				moves: 0,
				taken_up: false,
				answers: Default::default(),
			},
		);
		crate::NextMatterId::<T>::put(next);
		MattersOf::<T>::insert(&who, mine);
		Stats::<T>::mutate(unit, |s| s.raised.saturating_inc());
		Queues::<T>::push(Queue::Deadlines, deadline, Due::Deadline { matter: id, moves: 0 });
		Self::deposit_event(Event::MatterRaised { matter: id, unit, raiser: who, about, deadline });
		Ok(())
	}

	pub(crate) fn do_answer_matter(
		who: T::AccountId,
		id: MatterId,
		text: TextOf<T>,
	) -> DispatchResult {
		let mut matter = Matters::<T>::get(id).ok_or(Error::<T>::UnknownMatter)?;
		ensure!(T::Registry::is_officer(&who, matter.unit), Error::<T>::NotAnOfficer);
		let MatterStatus::Open { deadline } = matter.status else {
			return Err(Error::<T>::NotOpen.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		// The deadline block is when the matter moves up: an answer must come before it.
		let in_time = now < deadline;
		let answer = MatterAnswer { unit: matter.unit, by: who.clone(), at: now, in_time, text };
		// At most two answers: one before the resident takes the matter up, one after.
		matter.answers.try_push(answer).map_err(|_| Error::<T>::NotOpen)?;
		let rate_by = now.saturating_add(T::RatingPeriod::get());
		matter.status = MatterStatus::Answered { rate_by };
		Self::unlist(matter.unit, id);
		Stats::<T>::mutate(matter.unit, |s| {
			s.answered.saturating_inc();
			if in_time {
				s.answered_in_time.saturating_inc();
			}
		});
		let answers = matter.answers.len() as u8;
		let unit = matter.unit;
		Matters::<T>::insert(id, matter);
		Queues::<T>::push(Queue::Ratings, rate_by, Due::Rating { matter: id, answers });
		Self::deposit_event(Event::MatterAnswered { matter: id, unit, by: who, in_time });
		Ok(())
	}

	pub(crate) fn do_rate_answer(
		who: T::AccountId,
		id: MatterId,
		satisfied: bool,
	) -> DispatchResult {
		let mut matter = Matters::<T>::get(id).ok_or(Error::<T>::UnknownMatter)?;
		ensure!(matter.raiser == who, Error::<T>::NotTheRaiser);
		let MatterStatus::Answered { rate_by } = matter.status else {
			return Err(Error::<T>::NotAnswered.into());
		};
		// The answer's unit is the one rated (the matter has not moved since it was answered).
		let unit = matter.unit;
		Stats::<T>::mutate(unit, |s| {
			if satisfied {
				s.satisfied.saturating_inc()
			} else {
				s.unsatisfied.saturating_inc()
			}
		});
		Self::deposit_event(Event::AnswerRated { matter: id, unit, satisfied });
		if satisfied || matter.taken_up || T::Registry::parent_of(unit).is_none() {
			// Nothing further: satisfied, or no taking up left.
			Self::close(id, &mut matter, Some(satisfied));
		} else {
			matter.status = MatterStatus::Unsatisfied { rate_by };
		}
		Matters::<T>::insert(id, matter);
		Ok(())
	}

	pub(crate) fn do_take_up(who: T::AccountId, id: MatterId) -> DispatchResult {
		let mut matter = Matters::<T>::get(id).ok_or(Error::<T>::UnknownMatter)?;
		ensure!(matter.raiser == who, Error::<T>::NotTheRaiser);
		ensure!(!matter.taken_up, Error::<T>::AlreadyTakenUp);
		ensure!(
			matches!(matter.status, MatterStatus::Unsatisfied { .. }),
			Error::<T>::NotUnsatisfied
		);
		let above = T::Registry::parent_of(matter.unit).ok_or(Error::<T>::NoLevelAbove)?;
		OpenMatters::<T>::try_mutate(above, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyOpenMatters)?;
		matter.taken_up = true;
		let deadline = Self::move_to(id, &mut matter, above);
		let from = matter.unit;
		matter.unit = above;
		Matters::<T>::insert(id, matter);
		Self::deposit_event(Event::MatterMovedUp {
			matter: id,
			from,
			to: above,
			by_resident: true,
			deadline,
		});
		Ok(())
	}

	/// Opens `matter` at `to` (already listed there) with a new deadline; returns it.
	fn move_to(id: MatterId, matter: &mut MatterOf<T>, to: UnitId) -> BlockNumberFor<T> {
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(Self::answer_period());
		matter.status = MatterStatus::Open { deadline };
		matter.moves = matter.moves.saturating_add(1);
		Stats::<T>::mutate(to, |s| s.came_up.saturating_inc());
		Queues::<T>::push(
			Queue::Deadlines,
			deadline,
			Due::Deadline { matter: id, moves: matter.moves },
		);
		deadline
	}

	/// A deadline came: a matter still open at it, and not moved since, is overdue at its unit
	/// and goes up a level (a district's stays, overdue; so does one whose level above has no
	/// room, until its officers answer).
	pub(crate) fn deadline_passed(id: MatterId, moves: u8) {
		let Some(mut matter) = Matters::<T>::get(id) else { return };
		if matter.moves != moves || !matches!(matter.status, MatterStatus::Open { .. }) {
			return;
		}
		let from = matter.unit;
		Stats::<T>::mutate(from, |s| s.overdue.saturating_inc());
		let above = T::Registry::parent_of(from)
			.filter(|above| OpenMatters::<T>::try_mutate(above, |open| open.try_push(id)).is_ok());
		let Some(above) = above else {
			Self::deposit_event(Event::MatterOverdue { matter: id, unit: from });
			return;
		};
		Self::unlist(from, id);
		let deadline = Self::move_to(id, &mut matter, above);
		matter.unit = above;
		Matters::<T>::insert(id, matter);
		Self::deposit_event(Event::MatterMovedUp {
			matter: id,
			from,
			to: above,
			by_resident: false,
			deadline,
		});
	}

	/// The rating period of a matter's `answers`-th answer ended: a matter still waiting for
	/// its rating, or unsatisfied and not taken up, closes.
	pub(crate) fn rating_ended(id: MatterId, answers: u8) {
		let Some(mut matter) = Matters::<T>::get(id) else { return };
		if matter.answers.len() as u8 != answers {
			return;
		}
		let satisfied = match matter.status {
			MatterStatus::Answered { .. } => None,
			MatterStatus::Unsatisfied { .. } => Some(false),
			_ => return,
		};
		Self::close(id, &mut matter, satisfied);
		Matters::<T>::insert(id, matter);
	}

	/// Closes `matter` (the caller stores it) and queues it for pruning.
	fn close(id: MatterId, matter: &mut MatterOf<T>, satisfied: Option<bool>) {
		matter.status = MatterStatus::Closed { satisfied };
		MattersOf::<T>::mutate_exists(&matter.raiser, |mine| {
			if let Some(list) = mine {
				list.retain(|m| *m != id);
				if list.is_empty() {
					*mine = None;
				}
			}
		});
		Self::schedule_pruning(id);
		Self::deposit_event(Event::MatterClosed { matter: id, satisfied });
	}

	/// Takes `id` off `unit`'s list of matters waiting for an answer.
	fn unlist(unit: UnitId, id: MatterId) {
		OpenMatters::<T>::mutate_exists(unit, |open| {
			if let Some(list) = open {
				list.retain(|m| *m != id);
				if list.is_empty() {
					*open = None;
				}
			}
		});
	}

	/// `unit`'s matters waiting for an answer, with their deadlines.
	pub(crate) fn open_matters_of(unit: UnitId) -> Vec<(MatterId, BlockNumberFor<T>)> {
		OpenMatters::<T>::get(unit)
			.iter()
			.filter_map(|id| match Matters::<T>::get(id)?.status {
				MatterStatus::Open { deadline } => Some((*id, deadline)),
				_ => None,
			})
			.collect()
	}
}
