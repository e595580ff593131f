//! Expiries and escalations of requests nobody accepted, a bounded number per block.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::queue::DueQueues;
use scale_info::TypeInfo;

use crate::{
	Config, Escalated, Event, Pallet, QueueBounds, QueueItems, RequestId, RequestStatus, Requests,
	WeightInfo,
};

/// The queues. Every request waits the same periods, so each queue is in due order.
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Queue {
	/// Requests, by the end of their open period.
	Expiries,
	/// Urgent requests, by the end of their escalation period.
	Escalations,
}

/// The pallet's queues, in [`QueueItems`] and [`QueueBounds`].
pub(crate) type Queues<T> =
	DueQueues<Queue, BlockNumberFor<T>, RequestId, QueueItems<T>, QueueBounds<T>>;

impl<T: Config> Pallet<T> {
	/// `on_initialize`: expires and escalates due requests, at most `MaxDuePerBlock` in all.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		for _ in 0..T::MaxDuePerBlock::get() {
			if let Some((id, _)) = Queues::<T>::pop_due(Queue::Escalations, &now) {
				Self::escalate(id);
				weight.saturating_accrue(T::WeightInfo::on_initialize_escalate());
			} else if let Some((id, behind)) = Queues::<T>::pop_due(Queue::Expiries, &now) {
				// Benchmarked flat in the queue's length; charged for the real length anyway.
				Self::expire(id);
				weight.saturating_accrue(T::WeightInfo::on_initialize_expire(behind));
			} else {
				break;
			}
		}
		weight
	}

	/// An urgent request still open after the escalation period is listed for grid workers and
	/// officers.
	fn escalate(id: RequestId) {
		let Some(request) = Requests::<T>::get(id) else { return };
		if request.status != RequestStatus::Open {
			return;
		}
		// The list is as long as the community's requests: there is room.
		let _ = Escalated::<T>::try_mutate(request.community, |list| list.try_push(id));
		Self::deposit_event(Event::Escalated { request: id, community: request.community });
	}

	/// A request still open after the open period expires.
	fn expire(id: RequestId) {
		let Some(request) = Requests::<T>::get(id) else { return };
		if request.status != RequestStatus::Open {
			return;
		}
		Self::end(id, &request);
		Self::deposit_event(Event::Expired { request: id });
	}
}
