//! What assistance always keeps (`try_state`; every unit test checks it at its end):
//!
//! - every request not yet ended is on its community's list, and every listed request exists,
//!   in its community; escalated requests are open ones;
//! - request ids are below the next id;
//! - each community's open subsidies are the sum of its open requests' subsidies.

use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use gongzhi_primitives::civic::UnitId;
use sp_runtime::TryRuntimeError;

use crate::{CommunityRequests, Config, Escalated, NextRequestId, OpenSubsidies, Pallet, Requests};

impl<T: Config> Pallet<T> {
	/// Checks assistance's invariants; iterates every request and list.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextRequestId::<T>::get();
		let mut subsidies: BTreeMap<UnitId, u128> = BTreeMap::new();
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < next, "assistance: a request id at or past the next id");
			*subsidies.entry(request.community).or_default() += request.subsidy;
			ensure!(
				CommunityRequests::<T>::get(request.community).contains(&id),
				"assistance: a request missing from its community's list"
			);
		}
		for (community, list) in CommunityRequests::<T>::iter() {
			for id in list.iter() {
				let request =
					Requests::<T>::get(id).ok_or("assistance: a listed request is gone")?;
				ensure!(request.community == community, "assistance: a request listed elsewhere");
			}
		}
		for (community, total) in OpenSubsidies::<T>::iter() {
			ensure!(
				subsidies.remove(&community).unwrap_or(0) == total,
				"assistance: a community's open subsidies are not its requests'"
			);
		}
		ensure!(subsidies.values().all(|s| *s == 0), "assistance: open subsidies not counted");
		for (community, list) in Escalated::<T>::iter() {
			for id in list.iter() {
				ensure!(
					CommunityRequests::<T>::get(community).contains(id),
					"assistance: an escalated request that is not open in its community"
				);
			}
		}
		Ok(())
	}
}
