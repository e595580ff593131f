//! What the registry always keeps (`try_state`; every unit test checks it at its end):
//!
//! - every unit but a district has a parent that exists, one level up;
//! - each unit's resident count is the number of verified residents of it and the units below;
//! - commitments and residents match one to one;
//! - each account's role count is the number of roles it holds, within the bound;
//! - every vote not yet vested is waiting in the vesting queue;
//! - a pending re-key goes to a non-resident with an application.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::UnitId;
use sp_runtime::TryRuntimeError;

use crate::{
	Applications, Commitments, Config, OfficeCount, Pallet, PendingRekeys, Residents, RoleCount,
	Roles, Units, VestingItems,
};

impl<T: Config> Pallet<T> {
	/// Checks the registry's invariants; iterates every unit, resident and role.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut counted: BTreeMap<UnitId, u32> = BTreeMap::new();
		for (unit, record) in Units::<T>::iter() {
			if let Some(parent) = record.parent {
				let parent_level = Units::<T>::get(parent)
					.ok_or("party-branch: a unit's parent does not exist")?
					.level;
				ensure!(
					record.level.parent_level() == Some(parent_level),
					"party-branch: a unit is not one level below its parent"
				);
			}
			counted.insert(unit, 0);
		}
		let mut residents = 0u32;
		for (who, record) in Residents::<T>::iter() {
			residents += 1;
			ensure!(
				Commitments::<T>::get(record.commitment).as_ref() == Some(&who),
				"party-branch: a resident's commitment does not name them"
			);
			for unit in Self::unit_and_above(record.community) {
				*counted
					.get_mut(&unit)
					.ok_or("party-branch: a resident's unit does not exist")? += 1;
			}
		}
		ensure!(
			Commitments::<T>::iter_keys().count() as u32 == residents,
			"party-branch: commitments and residents differ in number"
		);
		for (unit, record) in Units::<T>::iter() {
			ensure!(
				counted.get(&unit) == Some(&record.residents),
				"party-branch: a unit's resident count is wrong"
			);
		}
		let mut roles: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (who, _) in Roles::<T>::iter_keys() {
			*roles.entry(who).or_default() += 1;
		}
		for (who, count) in RoleCount::<T>::iter() {
			ensure!(
				roles.remove(&who).unwrap_or(0) == count,
				"party-branch: an account's role count is wrong"
			);
			ensure!(count <= T::MaxRolesPerAccount::get(), "party-branch: too many roles");
		}
		ensure!(roles.values().all(|n| *n == 0), "party-branch: roles held without a count");
		let mut offices: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for unit in Units::<T>::iter_values() {
			for who in unit.secretary.iter().chain(unit.committee.iter()) {
				*offices.entry(who.clone()).or_default() += 1;
			}
		}
		for (who, count) in OfficeCount::<T>::iter() {
			ensure!(
				offices.remove(&who) == Some(count),
				"party-branch: an officer's office count is wrong"
			);
		}
		ensure!(offices.is_empty(), "party-branch: offices held without a count");
		let now = frame_system::Pallet::<T>::block_number();
		let waiting: alloc::collections::btree_set::BTreeSet<T::AccountId> =
			VestingItems::<T>::iter_values().map(|(_, who)| who).collect();
		for (who, record) in Residents::<T>::iter() {
			ensure!(
				record.votes_from <= now || waiting.contains(&who),
				"party-branch: a vote yet to vest is not queued"
			);
		}
		// (The old key may have been revoked since: completing then fails, and the new account
		// withdrawing its application clears the re-key.)
		for new in PendingRekeys::<T>::iter_keys() {
			ensure!(
				!Residents::<T>::contains_key(&new) && Applications::<T>::contains_key(&new),
				"party-branch: a pending re-key goes to a resident or without an application"
			);
		}
		Ok(())
	}
}
