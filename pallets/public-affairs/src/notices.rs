//! Notices on units' boards: publishing, read receipts, replies.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::{CivicRegistry, UnitId};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

use crate::{
	queue::{Due, Queue, Queues},
	Acknowledgements, Boards, Config, Error, Event, Notice, NoticeBodyOf, NoticeCategory, NoticeId,
	NoticeOf, Notices, Pallet, Replies, Reply, TextOf, TitleOf, NOTICES_PER_PAGE,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_notice(
		who: T::AccountId,
		unit: UnitId,
		category: NoticeCategory,
		title: TitleOf<T>,
		body: NoticeBodyOf<T>,
		publicity: Option<BlockNumberFor<T>>,
		replies_open: bool,
	) -> DispatchResult {
		ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
		ensure!(T::Registry::is_officer(&who, unit), Error::<T>::NotAnOfficer);
		ensure!(publicity.is_none_or(|p| !p.is_zero()), Error::<T>::ZeroPeriod);
		let id = crate::NextNoticeId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;
		let now = frame_system::Pallet::<T>::block_number();
		let publicity_ends = publicity.map(|p| now.saturating_add(p));
		let mut board = Boards::<T>::get(unit);
		if board.is_full() {
			let oldest = board.remove(0);
			Notices::<T>::remove(oldest);
			Queues::<T>::push(Queue::RetiredNotices, now, Due::Notice(oldest));
			Self::deposit_event(Event::NoticeRetired { notice: oldest, unit });
		}
		// Room was made above: the push cannot fail.
		let _ = board.try_push(id);
		Boards::<T>::insert(unit, board);
		Notices::<T>::insert(
			id,
			Notice {
				unit,
				category,
				title,
				body,
				publisher: who.clone(),
				published_at: now,
				publicity_ends,
				feedback_open: replies_open,
				acknowledgements: 0,
				replies: 0,
			},
		);
		crate::NextNoticeId::<T>::put(next);
		Self::deposit_event(Event::NoticePublished {
			notice: id,
			unit,
			category,
			publisher: who,
			publicity_ends,
		});
		Ok(())
	}

	pub(crate) fn do_acknowledge(who: T::AccountId, id: NoticeId, named: bool) -> DispatchResult {
		let mut notice = Notices::<T>::get(id).ok_or(Error::<T>::UnknownNotice)?;
		ensure!(T::Registry::is_resident_of(&who, notice.unit), Error::<T>::NotAResident);
		ensure!(Acknowledgements::<T>::get(id, &who).is_none(), Error::<T>::AlreadyAcknowledged);
		Acknowledgements::<T>::insert(id, &who, named);
		notice.acknowledgements.saturating_inc();
		let count = notice.acknowledgements;
		Notices::<T>::insert(id, notice);
		Self::deposit_event(Event::NoticeAcknowledged {
			notice: id,
			who: named.then_some(who),
			count,
		});
		Ok(())
	}

	/// Whether `notice` takes replies at `now`.
	pub fn replies_open(notice: &NoticeOf<T>, now: BlockNumberFor<T>) -> bool {
		notice.feedback_open && notice.publicity_ends.is_none_or(|end| now <= end)
	}

	pub(crate) fn do_reply(who: T::AccountId, id: NoticeId, text: TextOf<T>) -> DispatchResult {
		let mut notice = Notices::<T>::get(id).ok_or(Error::<T>::UnknownNotice)?;
		ensure!(T::Registry::is_resident_of(&who, notice.unit), Error::<T>::NotAResident);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Self::replies_open(&notice, now), Error::<T>::RepliesClosed);
		// `get`, not `contains_key`: replies are longer than 32 bytes (see the README).
		if Replies::<T>::get(id, &who).is_none() {
			ensure!(notice.replies < T::MaxRepliesPerNotice::get(), Error::<T>::TooManyReplies);
			notice.replies.saturating_inc();
			Notices::<T>::insert(id, notice);
		}
		Replies::<T>::insert(id, &who, Reply { at: now, text });
		Self::deposit_event(Event::Replied { notice: id, who });
		Ok(())
	}

	pub(crate) fn do_close_replies(who: T::AccountId, id: NoticeId) -> DispatchResult {
		let mut notice = Notices::<T>::get(id).ok_or(Error::<T>::UnknownNotice)?;
		ensure!(T::Registry::is_officer(&who, notice.unit), Error::<T>::NotAnOfficer);
		ensure!(notice.feedback_open, Error::<T>::RepliesClosed);
		notice.feedback_open = false;
		Notices::<T>::insert(id, notice);
		Self::deposit_event(Event::RepliesClosed { notice: id, by: who });
		Ok(())
	}

	/// Page `page` of `unit`'s board, newest first.
	pub(crate) fn board_page(unit: UnitId, page: u32) -> Vec<(NoticeId, NoticeOf<T>)> {
		let skip = page.saturating_mul(NOTICES_PER_PAGE) as usize;
		Boards::<T>::get(unit)
			.iter()
			.rev()
			.skip(skip)
			.take(NOTICES_PER_PAGE as usize)
			.filter_map(|id| Notices::<T>::get(id).map(|notice| (*id, notice)))
			.collect()
	}
}
