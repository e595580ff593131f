//! The community treasury as wallets and explorers read it: a unit's pot, its statement page by
//! page and by block range, and its open spends. Served over JSON-RPC by
//! `pallet-community-treasury-rpc`, and callable directly (`api.call.communityTreasuryApi` in
//! @polkadot/api).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_community_treasury::{PotInfo, SpendIndex, StatementPage, UnitId};

sp_api::decl_runtime_apis! {
	/// Reads of the community treasury. `Spend` and `Entry` are the runtime's spend and statement
	/// line types.
	pub trait CommunityTreasuryApi<AccountId, Balance, BlockNumber, Spend, Entry>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Spend: Codec,
		Entry: Codec,
	{
		/// `unit`'s pot account and balance; `None` if no unit has this id.
		fn pot(unit: UnitId) -> Option<PotInfo<AccountId, Balance>>;

		/// `unit`'s statement lines in blocks `from..=to`, at most `limit` (capped by the
		/// runtime), from position `start`: pass a page's `next` to read on.
		fn statement(
			unit: UnitId,
			from: BlockNumber,
			to: BlockNumber,
			start: Option<u32>,
			limit: u32,
		) -> StatementPage<Entry>;

		/// `unit`'s spends that have not ended, oldest first.
		fn open_spends(unit: UnitId) -> Vec<(SpendIndex, Spend)>;
	}
}
