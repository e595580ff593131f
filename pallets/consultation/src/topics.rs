//! A topic's life before its meeting: raised → gathering supports → qualified; or withdrawn,
//! or lapsed.

use frame_support::{ensure, traits::Get};
use gongzhi_primitives::{
	civic::{CivicRegistry, UnitId, UnitLevel},
	votes::AnonymousPolls,
};
use sp_runtime::{traits::Saturating, DispatchError, DispatchResult};

use crate::{
	meetings::{Queue, Queues},
	Action, Body, BodyTextOf, Category, ChainPeriods, Config, Error, Event, NextTopicId,
	OpenTopicsOf, Pallet, Qualified, Secrecy, SupportThreshold, Supports, Tally, TitleOf, Topic,
	TopicId,
	TopicStatus, Topics,
};

/// How many topic ids one page of [`Pallet::topics_of`] looks at: the read stays bounded however
/// many topics other units raised.
pub const TOPICS_SCANNED: TopicId = 500;
/// How many topics one page of [`Pallet::topics_of`] returns at most.
pub const TOPICS_PER_PAGE: usize = 50;

impl<T: Config> Pallet<T> {
	/// One page of `unit`'s topics, newest first, below `before` (see [`Pallet::topics_of`]).
	pub(crate) fn topics_page(
		unit: UnitId,
		before: Option<TopicId>,
	) -> (alloc::vec::Vec<(TopicId, crate::TopicOf<T>)>, Option<TopicId>) {
		let end = before.unwrap_or_else(NextTopicId::<T>::get).min(NextTopicId::<T>::get());
		let start = end.saturating_sub(TOPICS_SCANNED);
		let mut page = alloc::vec::Vec::new();
		let mut id = end;
		while id > start && page.len() < TOPICS_PER_PAGE {
			id -= 1;
			if let Some(topic) = Topics::<T>::get(id).filter(|topic| topic.unit == unit) {
				page.push((id, topic));
			}
		}
		(page, (id > 0).then_some(id))
	}

	/// Topics are decided by the residents of a community or a street.
	pub(crate) fn ensure_topic_unit(unit: UnitId) -> DispatchResult {
		match T::Registry::level_of(unit) {
			None => Err(Error::<T>::UnknownUnit.into()),
			Some(UnitLevel::Community | UnitLevel::Street) => Ok(()),
			Some(_) => Err(Error::<T>::WrongLevel.into()),
		}
	}

	pub(crate) fn do_raise_topic(
		who: T::AccountId,
		unit: UnitId,
		title: TitleOf<T>,
		body: Body<BodyTextOf<T>>,
		category: Category,
		action: Action<T::AccountId>,
		secrecy: Secrecy,
	) -> Result<TopicId, DispatchError> {
		let district = T::Registry::level_of(unit) == Some(UnitLevel::District);
		let referendum = matches!(action, Action::Referendum { .. });
		if !(district && referendum) {
			Self::ensure_topic_unit(unit)?;
		}
		ensure!(district == referendum, Error::<T>::WrongLevel);
		if secrecy == Secrecy::Anonymous {
			ensure!(T::AnonymousPolls::available(), Error::<T>::NoAnonymousBallots);
			ensure!(
				T::Registry::level_of(unit) == Some(UnitLevel::Community),
				Error::<T>::AnonymousNeedsCommunity
			);
		}
		match &action {
			Action::TreasurySpend { amount, .. } => {
				ensure!(category == Category::Funds, Error::<T>::SpendNeedsFundsCategory);
				ensure!(*amount > 0, Error::<T>::ZeroAmount);
			},
			Action::Resolution | Action::Referendum { .. } => {},
			// Only other pallets ask for decisions on their own subjects.
			Action::Decide(_) => return Err(DispatchError::BadOrigin),
		}
		let by_officer = T::Registry::is_officer(&who, unit);
		if !by_officer {
			ensure!(T::Registry::is_resident_of(&who, unit), Error::<T>::NotAResidentOfUnit);
			let open = OpenTopicsOf::<T>::get(&who);
			ensure!(open < T::MaxOpenTopicsPerResident::get(), Error::<T>::TooManyOpenTopics);
		}

		let now = frame_system::Pallet::<T>::block_number();
		let support_threshold = Self::support_threshold(unit);
		let until = now.saturating_add(ChainPeriods::<T>::get().support);
		let topic = Topic {
			unit,
			author: Some(who.clone()),
			title,
			body,
			category,
			action,
			secrecy,
			supports: 0,
			support_threshold,
			status: TopicStatus::Gathering { until },
			raised_at: now,
			tally: Tally::default(),
			electorate: 0,
			opinions: 0,
			reports: 0,
			completed: false,
		};
		let id = Self::insert_topic(topic)?;
		OpenTopicsOf::<T>::mutate(&who, |open| open.saturating_inc());
		Self::deposit_event(Event::TopicRaised {
			topic: id,
			unit,
			author: Some(who.clone()),
			category,
			support_threshold,
			qualified: by_officer,
		});
		if by_officer {
			Self::qualify(id)?;
		} else {
			Queues::<T>::push(Queue::Lapses, until, id);
			// The author supports their own topic.
			Self::do_support(who, id)?;
		}
		Ok(id)
	}

	/// How many supports a topic of `unit` raised now needs: the unit's rule, but never more
	/// than its residents (an absolute number set when the unit was larger must not silence it),
	/// and at least one.
	pub(crate) fn support_threshold(unit: UnitId) -> u32 {
		let residents = T::Registry::resident_count(unit);
		match Self::unit_rules(unit).support {
			SupportThreshold::Absolute(n) => n.min(residents),
			SupportThreshold::Share(share) => share.mul_ceil(residents),
		}
		.max(1)
	}

	/// Stores a new topic under the next id; fails, storing nothing, if the ids ran out.
	pub(crate) fn insert_topic(topic: crate::TopicOf<T>) -> Result<TopicId, Error<T>> {
		let id = NextTopicId::<T>::get();
		NextTopicId::<T>::put(id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?);
		Topics::<T>::insert(id, topic);
		Ok(id)
	}

	pub(crate) fn do_support(who: T::AccountId, id: TopicId) -> DispatchResult {
		let mut topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		ensure!(matches!(topic.status, TopicStatus::Gathering { .. }), Error::<T>::NotGathering);
		ensure!(T::Registry::is_resident_of(&who, topic.unit), Error::<T>::NotAResidentOfUnit);
		ensure!(!Supports::<T>::contains_key(id, &who), Error::<T>::AlreadySupported);
		Supports::<T>::insert(id, &who, ());
		topic.supports.saturating_inc();
		let (supports, reached) = (topic.supports, topic.supports >= topic.support_threshold);
		Topics::<T>::insert(id, topic);
		Self::deposit_event(Event::Supported { topic: id, who, supports });
		if reached {
			Self::qualify(id)?;
		}
		Ok(())
	}

	/// Puts topic `id` in its unit's qualified list, and convenes a meeting once the list has K
	/// topics. The first topic of an empty list starts the T-block wait.
	pub(crate) fn qualify(id: TopicId) -> DispatchResult {
		let mut topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		let unit = topic.unit;
		let now = frame_system::Pallet::<T>::block_number();
		let mut list = Qualified::<T>::get(unit);
		if list.is_full() {
			// Only if K was lowered below the list's length since: convene those first.
			Self::convene(unit);
			list = Qualified::<T>::get(unit);
		}
		let first = list.is_empty();
		list.try_push(id).map_err(|_| Error::<T>::TooManyOpenTopics)?;
		let batch_full = list.len() as u32 >= Self::unit_rules(unit).batch;
		Qualified::<T>::insert(unit, list);
		topic.status = TopicStatus::Qualified { since: now };
		Topics::<T>::insert(id, topic);
		Self::deposit_event(Event::TopicQualified { topic: id, unit });
		if batch_full {
			Self::convene(unit);
		} else if first {
			Queues::<T>::push(
				Queue::Waits,
				now.saturating_add(ChainPeriods::<T>::get().wait),
				unit,
			);
		}
		Ok(())
	}

	pub(crate) fn do_withdraw_topic(who: T::AccountId, id: TopicId) -> DispatchResult {
		let mut topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		ensure!(topic.author.as_ref() == Some(&who), Error::<T>::NotTheAuthor);
		match topic.status {
			// Still counted among the author's open topics until its support period ends
			// (see `lapse`): raising and withdrawing cannot flood the queue of lapses.
			TopicStatus::Gathering { .. } => {},
			TopicStatus::Qualified { .. } => {
				Qualified::<T>::mutate(topic.unit, |list| list.retain(|t| *t != id));
				Self::close_for_author(Some(who));
				Self::schedule_pruning(id);
			},
			_ => return Err(Error::<T>::CannotWithdraw.into()),
		}
		topic.status = TopicStatus::Withdrawn;
		Topics::<T>::insert(id, topic);
		Self::deposit_event(Event::TopicWithdrawn { topic: id });
		Ok(())
	}

	/// The support period of topic `id` is over: it lapses unless it qualified. A topic withdrawn
	/// while it gathered supports stops counting among its author's open topics now. (It never
	/// qualified, so its supports are below its threshold: a topic qualifies the moment they
	/// reach it, and a qualified topic withdrawn stopped counting then.)
	pub(crate) fn lapse(id: TopicId) {
		let Some(mut topic) = Topics::<T>::get(id) else { return };
		if topic.status == TopicStatus::Withdrawn && topic.supports < topic.support_threshold {
			Self::schedule_pruning(id);
			return Self::close_for_author(topic.author);
		}
		if !matches!(topic.status, TopicStatus::Gathering { .. }) {
			return;
		}
		topic.status = TopicStatus::Lapsed;
		let (author, supports) = (topic.author.clone(), topic.supports);
		Topics::<T>::insert(id, topic);
		Self::close_for_author(author);
		Self::schedule_pruning(id);
		Self::deposit_event(Event::TopicLapsed { topic: id, supports });
	}

	/// A topic of `author` is no longer open.
	pub(crate) fn close_for_author(author: Option<T::AccountId>) {
		if let Some(author) = author {
			OpenTopicsOf::<T>::mutate_exists(&author, |open| {
				*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
			});
		}
	}
}
