//! What public affairs always keeps (`try_state`; every unit test checks it at its end):
//!
//! - notice and matter ids are below the next ids;
//! - every notice is on its unit's board, once, and every notice on a board exists there;
//! - a notice's counts of read receipts and replies are the records it has;
//! - a unit's list of matters waiting for an answer holds open matters of that unit, and every
//!   open matter is on its unit's list;
//! - each resident's list of matters not closed is the matters they raised that are not;
//! - a matter has at most two answers.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

use crate::{
	Acknowledgements, Boards, Config, MatterId, MatterStatus, Matters, MattersOf, NextMatterId,
	NextNoticeId, Notices, OpenMatters, Pallet, Replies,
};

impl<T: Config> Pallet<T> {
	/// Checks public affairs' invariants; iterates every record.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextNoticeId::<T>::get();
		for (id, notice) in Notices::<T>::iter() {
			ensure!(id < next, "public affairs: a notice id at or past the next id");
			let board = Boards::<T>::get(notice.unit);
			ensure!(
				board.iter().filter(|n| **n == id).count() == 1,
				"public affairs: a notice not on its unit's board exactly once"
			);
			ensure!(
				Acknowledgements::<T>::iter_prefix(id).count() as u32 == notice.acknowledgements,
				"public affairs: a notice's read receipts miscounted"
			);
			ensure!(
				Replies::<T>::iter_prefix(id).count() as u32 == notice.replies,
				"public affairs: a notice's replies miscounted"
			);
		}
		for (unit, board) in Boards::<T>::iter() {
			for id in board.iter() {
				ensure!(
					Notices::<T>::get(id).is_some_and(|n| n.unit == unit),
					"public affairs: a board lists a notice of another unit, or none"
				);
			}
		}
		let next = NextMatterId::<T>::get();
		let mut open_of: BTreeMap<T::AccountId, Vec<MatterId>> = BTreeMap::new();
		for (id, matter) in Matters::<T>::iter() {
			ensure!(id < next, "public affairs: a matter id at or past the next id");
			ensure!(matter.answers.len() <= 2, "public affairs: a matter with over two answers");
			if !matches!(matter.status, MatterStatus::Closed { .. }) {
				open_of.entry(matter.raiser.clone()).or_default().push(id);
			}
			if matches!(matter.status, MatterStatus::Open { .. }) {
				ensure!(
					OpenMatters::<T>::get(matter.unit).contains(&id),
					"public affairs: an open matter missing from its unit's list"
				);
			}
		}
		for (unit, list) in OpenMatters::<T>::iter() {
			for id in list.iter() {
				ensure!(
					Matters::<T>::get(id).is_some_and(
						|m| m.unit == unit && matches!(m.status, MatterStatus::Open { .. })
					),
					"public affairs: a unit's list holds a matter not open there"
				);
			}
		}
		for (who, list) in MattersOf::<T>::iter() {
			let mut listed = list.into_inner();
			listed.sort();
			let mut raised = open_of.remove(&who).unwrap_or_default();
			raised.sort();
			ensure!(
				listed == raised,
				"public affairs: a resident's list of matters not closed is wrong"
			);
		}
		ensure!(open_of.is_empty(), "public affairs: a resident's matters not counted");
		Ok(())
	}
}
