//! Assistance as wallets read it: a community's need list (open requests, by category) and its
//! escalated requests. Served over JSON-RPC by `pallet-assistance-rpc`, and callable directly
//! (`api.call.assistanceApi` in @polkadot/api).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_assistance::{HelpCategory, RequestId, UnitId};

sp_api::decl_runtime_apis! {
	/// Reads of assistance requests. `Request` is the runtime's request type.
	pub trait AssistanceApi<Request>
	where
		Request: Codec,
	{
		/// `community`'s open requests, of `category` if given, oldest first.
		fn open_requests(community: UnitId, category: Option<HelpCategory>) -> Vec<(RequestId, Request)>;

		/// `community`'s urgent requests nobody accepted in time.
		fn escalated(community: UnitId) -> Vec<(RequestId, Request)>;
	}
}
