//! First-in-first-out queues of items coming due, kept in a pallet's storage.
//!
//! When every item of a queue waits the same period, items come due in the order they are
//! pushed, so a block needs to look only at each queue's head: the work per block is bounded
//! however many items wait. The treasury's deadlines and the consultation's phase changes both
//! keep their queues this way.
//!
//! A queue is two storage maps that the pallet declares: its items by position, and its
//! `(head, tail)` bounds (positions `head..tail` hold items). [`DueQueues`] works on any such
//! pair, for several queues told apart by a key.

use codec::FullCodec;
use core::marker::PhantomData;
use frame_support::storage::{StorageDoubleMap, StorageMap};

/// The queues of a pallet: `Key` names a queue, `Block` is when an item comes due, `Item` is
/// what is queued; `Items` and `Bounds` are the pallet's storage maps.
pub struct DueQueues<Key, Block, Item, Items, Bounds>(
	PhantomData<(Key, Block, Item, Items, Bounds)>,
);

impl<Key, Block, Item, Items, Bounds> DueQueues<Key, Block, Item, Items, Bounds>
where
	Key: FullCodec + Copy,
	Block: FullCodec + PartialOrd,
	Item: FullCodec,
	Items: StorageDoubleMap<Key, u32, (Block, Item), Query = Option<(Block, Item)>>,
	Bounds: StorageMap<Key, (u32, u32), Query = (u32, u32)>,
{
	/// Adds `item`, due at `due`, to the back of `queue`.
	pub fn push(queue: Key, due: Block, item: Item) {
		Bounds::mutate(queue, |(_, tail)| {
			Items::insert(queue, *tail, (due, item));
			*tail = tail.wrapping_add(1);
		});
	}

	/// When the front item of `queue` comes due, if `queue` holds any: a hook serving several
	/// queues takes the one whose front is due first, so that no queue starves the others.
	pub fn front_due(queue: Key) -> Option<Block> {
		let (head, tail) = Bounds::get(queue);
		if head == tail {
			return None;
		}
		Items::get(queue, head).map(|(due, _)| due)
	}

	/// Of `queues`, the one whose front item came due first by `now` (the first listed on a
	/// tie), if any is due.
	pub fn earliest_due(queues: &[Key], now: &Block) -> Option<Key> {
		let mut earliest: Option<(Key, Block)> = None;
		for queue in queues {
			if let Some(due) = Self::front_due(*queue).filter(|due| due <= now) {
				if earliest.as_ref().is_none_or(|(_, best)| due < *best) {
					earliest = Some((*queue, due));
				}
			}
		}
		earliest.map(|(queue, _)| queue)
	}

	/// The front item of `queue`, if it is due by `now`.
	pub fn peek_due(queue: Key, now: &Block) -> Option<Item> {
		let (head, tail) = Bounds::get(queue);
		if head == tail {
			return None;
		}
		match Items::get(queue, head) {
			Some((due, item)) if due <= *now => Some(item),
			Some(_) => None,
			// Cannot happen: positions head..tail are filled. Skip the hole rather than stall.
			None => {
				Bounds::insert(queue, (head.wrapping_add(1), tail));
				None
			},
		}
	}

	/// Removes the front item of `queue`; returns how many items are left behind it.
	pub fn pop(queue: Key) -> u32 {
		Bounds::mutate(queue, |(head, tail)| {
			Items::remove(queue, *head);
			*head = head.wrapping_add(1);
			tail.wrapping_sub(*head)
		})
	}

	/// The front item of `queue` if it is due by `now`, removed from the queue, with how many
	/// items are left behind it (hooks charge their weight for that length).
	pub fn pop_due(queue: Key, now: &Block) -> Option<(Item, u32)> {
		let item = Self::peek_due(queue, now)?;
		Some((item, Self::pop(queue)))
	}

	/// Works through the due items of `queue` from its front while `meter` has room for `cost`
	/// per step: `step` does a bounded part of the front item's work and returns whether the
	/// item is done (then it leaves the queue; otherwise the next step continues with it). What
	/// `on_idle` clean-ups use to spend a block's spare weight and no more.
	pub fn work_through(
		queue: Key,
		now: &Block,
		meter: &mut frame_support::weights::WeightMeter,
		cost: frame_support::weights::Weight,
		mut step: impl FnMut(Item) -> bool,
	) {
		while meter.try_consume(cost).is_ok() {
			let Some(item) = Self::peek_due(queue, now) else { break };
			if step(item) {
				Self::pop(queue);
			}
		}
	}

	/// How many items `queue` holds.
	pub fn len(queue: Key) -> u32 {
		let (head, tail) = Bounds::get(queue);
		tail.wrapping_sub(head)
	}

	/// Whether `queue` holds no item.
	pub fn is_empty(queue: Key) -> bool {
		Self::len(queue) == 0
	}
}
