//! What assistance always keeps (`try_state`; every unit test checks it at its end):
//!
//! - every request not yet ended is on its community's list, and every listed request exists,
//!   in its community; escalated requests are open ones;
//! - request ids are below the next id.

use frame_support::ensure;
use sp_runtime::TryRuntimeError;

use crate::{CommunityRequests, Config, Escalated, NextRequestId, Pallet, Requests};

impl<T: Config> Pallet<T> {
	/// Checks assistance's invariants; iterates every request and list.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextRequestId::<T>::get();
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < next, "assistance: a request id at or past the next id");
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
