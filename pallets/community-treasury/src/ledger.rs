//! Each pot's statement: its donations and payouts in block order, and how they are read.

use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::UnitId;

use crate::{
	BalanceOf, Beneficiary, Config, Direction, EntryReason, Ledger, LedgerEntry, LedgerEntryOf,
	LedgerLength, MemoOf, OpenSpends, Pallet, SpendIndex, SpendOf, Spends, StatementPage,
};

impl<T: Config> Pallet<T> {
	/// Appends a line to `unit`'s statement; returns its position.
	pub(crate) fn record(
		unit: UnitId,
		direction: Direction,
		counterparty: Beneficiary<T::AccountId>,
		amount: BalanceOf<T>,
		reason: EntryReason<MemoOf<T>>,
	) -> u32 {
		let block = frame_system::Pallet::<T>::block_number();
		LedgerLength::<T>::mutate(unit, |length| {
			let position = *length;
			Ledger::<T>::insert(
				unit,
				position,
				LedgerEntry { block, direction, counterparty, amount, reason },
			);
			*length = length.saturating_add(1);
			position
		})
	}

	/// `unit`'s statement lines from blocks `from..=to`, at most `limit` of them (and at most
	/// [`Config::MaxStatementPage`]), starting at position `start` if given: pass a page's `next`
	/// to read the following page.
	pub fn statement(
		unit: UnitId,
		from: BlockNumberFor<T>,
		to: BlockNumberFor<T>,
		start: Option<u32>,
		limit: u32,
	) -> StatementPage<LedgerEntryOf<T>> {
		let length = LedgerLength::<T>::get(unit);
		let limit = limit.min(T::MaxStatementPage::get());
		let first = Self::first_at_or_after(unit, from, length).max(start.unwrap_or(0));
		let mut entries = Vec::new();
		let mut position = first;
		while position < length {
			let Some(entry) = Ledger::<T>::get(unit, position) else {
				break;
			};
			if entry.block > to {
				break;
			}
			if entries.len() as u32 == limit {
				return StatementPage { entries, next: Some(position) };
			}
			entries.push((position, entry));
			position += 1;
		}
		StatementPage { entries, next: None }
	}

	/// The first position in `unit`'s ledger whose block is `from` or later: a binary search,
	/// since lines are appended in block order.
	fn first_at_or_after(unit: UnitId, from: BlockNumberFor<T>, length: u32) -> u32 {
		let (mut low, mut high) = (0u32, length);
		while low < high {
			let middle = low + (high - low) / 2;
			match Ledger::<T>::get(unit, middle) {
				Some(entry) if entry.block < from => low = middle + 1,
				_ => high = middle,
			}
		}
		low
	}

	/// `unit`'s spends that have not ended, oldest first.
	pub fn open_spends(unit: UnitId) -> Vec<(SpendIndex, SpendOf<T>)> {
		OpenSpends::<T>::get(unit)
			.into_iter()
			.filter_map(|index| Spends::<T>::get(index).map(|spend| (index, spend)))
			.collect()
	}
}
