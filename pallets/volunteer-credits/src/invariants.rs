//! What the credits ledger always keeps (`try_state`; every unit test checks it at its end):
//!
//! - credits issued less credits retired equal the sum of all balances (zero-sum: no credit
//!   appears or vanishes outside issuing and redeeming);
//! - each unit's open activities exist, are open and belong to it, within the bound and the
//!   activity's per-volunteer limit at most the daily cap.

use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

use crate::{Activities, Config, OpenActivities, Pallet};

impl<T: Config> Pallet<T> {
	/// Checks the ledger's invariants; iterates every account and open activity.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::ledger_balances()?;
		for (unit, open) in OpenActivities::<T>::iter() {
			for id in open.iter() {
				let activity = Activities::<T>::get(id)
					.ok_or("volunteer-credits: an open activity is gone")?;
				ensure!(
					activity.open && activity.unit == unit,
					"volunteer-credits: a listed activity is closed or elsewhere"
				);
			}
		}
		for (_, activity) in Activities::<T>::iter() {
			ensure!(
				activity.max_minutes <= T::DailyCap::get(),
				"volunteer-credits: an activity allows more than the daily cap"
			);
		}
		Ok(())
	}
}
