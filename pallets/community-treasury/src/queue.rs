//! First-in-first-out queues of spends coming due, and the per-block work on them.
//!
//! Every spend waits the same period (approval or notice), so items come due in the order they
//! are pushed: a block looks only at the queues' heads, and handles at most
//! [`Config::MaxDuePerBlock`] items, however many spends are open. An item whose spend has since
//! moved on (approved, cancelled, sent to a vote) is dropped when it reaches the head.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::{queue::DueQueues, votes::SpendIndex};
use scale_info::TypeInfo;

use crate::{Config, Objections, Pallet, QueueBounds, QueueItems, SpendStatus, Spends, WeightInfo};

/// The queues.
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Spends awaiting approval, by expiry block.
	Expiries,
	/// Spends in notice, by the block their notice ends.
	Payouts,
	/// Ended spends whose objection records are to be removed.
	Cleanups,
}

/// The pallet's queues, in [`QueueItems`] and [`QueueBounds`].
pub(crate) type Queues<T> =
	DueQueues<Queue, BlockNumberFor<T>, SpendIndex, QueueItems<T>, QueueBounds<T>>;

impl<T: Config> Pallet<T> {
	/// Adds `spend`, due at `due`, to the back of `queue`.
	pub(crate) fn push(queue: Queue, due: BlockNumberFor<T>, spend: SpendIndex) {
		Queues::<T>::push(queue, due, spend)
	}

	/// `on_initialize`: expires spends whose approval period is over and pays those whose
	/// notice ended, at most `MaxDuePerBlock` items in all.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		for _ in 0..T::MaxDuePerBlock::get() {
			if let Some((index, _)) = Queues::<T>::pop_due(Queue::Expiries, &now) {
				Self::expire(index);
				weight.saturating_accrue(T::WeightInfo::on_initialize_expiry());
			} else if let Some((index, behind)) = Queues::<T>::pop_due(Queue::Payouts, &now) {
				// The benchmark finds the cost all but flat in the queue's length; charging for
				// the real length keeps the weight honest however long the queue grows.
				Self::pay_at_notice_end(index);
				weight.saturating_accrue(T::WeightInfo::on_initialize_payout(behind));
			} else {
				break;
			}
		}
		weight
	}

	/// `on_idle`: removes objection records of ended spends, as far as `remaining` allows.
	pub(crate) fn clear_ended_objections(remaining: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(remaining);
		let per_record =
			T::WeightInfo::clear_objections(1).saturating_sub(T::WeightInfo::clear_objections(0));
		if meter.try_consume(T::WeightInfo::clear_objections(0)).is_err() {
			return Weight::zero();
		}
		let now = frame_system::Pallet::<T>::block_number();
		while let Some(index) = Queues::<T>::peek_due(Queue::Cleanups, &now) {
			let limit = if per_record.all_lte(Weight::zero()) {
				u32::MAX
			} else {
				meter.remaining().checked_div_per_component(&per_record).unwrap_or(0) as u32
			};
			if limit == 0 {
				break;
			}
			let result = Objections::<T>::clear_prefix(index, limit, None);
			meter.consume(per_record.saturating_mul(result.unique.into()));
			if result.maybe_cursor.is_some() {
				break;
			}
			Queues::<T>::pop(Queue::Cleanups);
		}
		meter.consumed()
	}

	/// The approval period of spend `index` is over: it expires unless it moved on.
	fn expire(index: SpendIndex) {
		let Some(spend) = Spends::<T>::get(index) else {
			return;
		};
		let now = frame_system::Pallet::<T>::block_number();
		if matches!(spend.status, SpendStatus::AwaitingApproval { expires_at } if expires_at <= now)
		{
			Self::end(index, spend, crate::EndReason::Expired);
		}
	}

	/// The notice of spend `index` is over: it is paid unless it moved on.
	fn pay_at_notice_end(index: SpendIndex) {
		let Some(spend) = Spends::<T>::get(index) else {
			return;
		};
		let now = frame_system::Pallet::<T>::block_number();
		if matches!(spend.status, SpendStatus::Notice { ends_at } if ends_at <= now) {
			Self::pay_or_fail(index, spend);
		}
	}
}
