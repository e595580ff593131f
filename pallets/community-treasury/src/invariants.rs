//! What the treasury always keeps (`try_state`; every unit test checks it at its end):
//!
//! - every pot holds at least what its statement says came in minus what went out (money sent
//!   to a pot's account by a plain transfer is not on its statement, so a pot may hold more);
//! - each unit's open spends are exactly its stored spends, within the bound, and each spend's
//!   approvals and rejections name distinct supervisors, no more than there are;
//! - a unit's settings require at least the minimum and at most all of its supervisors.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use gongzhi_primitives::civic::UnitId;
use sp_runtime::{traits::Saturating, TryRuntimeError};

use crate::{
	BalanceOf, Config, Direction, Ledger, LedgerLength, OpenSpends, Pallet, Settings, Spends,
};

impl<T: Config> Pallet<T> {
	/// Checks the treasury's invariants; iterates every statement line and spend.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut net: BTreeMap<UnitId, (BalanceOf<T>, BalanceOf<T>)> = BTreeMap::new();
		for (unit, position, entry) in Ledger::<T>::iter() {
			ensure!(
				position < LedgerLength::<T>::get(unit),
				"community-treasury: a statement line past the statement's length"
			);
			let (in_, out) = net.entry(unit).or_default();
			match entry.direction {
				Direction::In => in_.saturating_accrue(entry.amount),
				Direction::Out => out.saturating_accrue(entry.amount),
			}
		}
		for (unit, (in_, out)) in net {
			ensure!(out <= in_, "community-treasury: a pot paid out more than came in");
			let held = T::Currency::balance(&Self::pot_account(unit));
			ensure!(
				held >= in_.saturating_sub(out),
				"community-treasury: a pot holds less than its statement says"
			);
		}

		let mut open: BTreeMap<UnitId, u32> = BTreeMap::new();
		for (index, spend) in Spends::<T>::iter() {
			ensure!(
				OpenSpends::<T>::get(spend.unit).contains(&index),
				"community-treasury: a spend missing from its unit's open spends"
			);
			*open.entry(spend.unit).or_default() += 1;
			let mut named = spend.approvals.to_vec();
			named.extend(spend.rejections.iter().cloned());
			let all = named.len();
			named.sort();
			named.dedup();
			ensure!(named.len() == all, "community-treasury: a supervisor approved twice");
			ensure!(
				all as u32 <= T::MaxSupervisors::get(),
				"community-treasury: more approvals than supervisors"
			);
		}
		for (unit, list) in OpenSpends::<T>::iter() {
			ensure!(
				open.get(&unit).copied().unwrap_or(0) == list.len() as u32,
				"community-treasury: an open spend that is not stored"
			);
		}
		for (_, settings) in Settings::<T>::iter() {
			ensure!(
				settings.required_approvals >= T::MinApprovals::get()
					&& settings.required_approvals as usize <= settings.supervisors.len(),
				"community-treasury: a pot's M is out of bounds"
			);
		}
		Ok(())
	}
}
