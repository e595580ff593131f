//! What the validator set always keeps (`try_state`; every unit test checks it at its end):
//!
//! - at least the minimum of approved validators, at most the maximum;
//! - each unit's count is the number of its approved validators, within the per-unit bound.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::UnitId;
use sp_runtime::TryRuntimeError;

use crate::{Config, Pallet, Validators, ValidatorsOfUnit};

impl<T: Config> Pallet<T> {
	/// Checks the validator set's invariants.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let count = Validators::<T>::count();
		ensure!(count <= T::MaxValidators::get(), "validator-set: more than the maximum");
		let mut per_unit: BTreeMap<UnitId, u32> = BTreeMap::new();
		for (_, unit) in Validators::<T>::iter() {
			*per_unit.entry(unit).or_default() += 1;
		}
		for (unit, n) in ValidatorsOfUnit::<T>::iter() {
			ensure!(
				per_unit.remove(&unit) == Some(n),
				"validator-set: a unit's validator count is wrong"
			);
			ensure!(n <= T::MaxPerUnit::get(), "validator-set: a unit over its bound");
		}
		ensure!(per_unit.is_empty(), "validator-set: validators of a uncounted unit");
		Ok(())
	}
}
