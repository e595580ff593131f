//! Volunteer credits as wallets read them: a resident's balance, lifetime service and star level,
//! their recent history, and a unit's open activities. Served over JSON-RPC by
//! `pallet-volunteer-credits-rpc`, and callable directly (`api.call.volunteerCreditsApi` in
//! @polkadot/api).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_volunteer_credits::{ActivityId, CreditAccount, UnitId};

sp_api::decl_runtime_apis! {
	/// Reads of volunteer credits. `Entry` and `Activity` are the runtime's history line and
	/// activity types.
	pub trait VolunteerCreditsApi<AccountId, Entry, Activity>
	where
		AccountId: Codec,
		Entry: Codec,
		Activity: Codec,
	{
		/// `who`'s balance, lifetime minutes of service and star level.
		fn account(who: AccountId) -> CreditAccount;

		/// `who`'s last `limit` history lines (as many as the runtime keeps), newest first.
		fn history(who: AccountId, limit: u32) -> Vec<Entry>;

		/// `unit`'s open activities, oldest first.
		fn activities(unit: UnitId) -> Vec<(ActivityId, Activity)>;
	}
}
