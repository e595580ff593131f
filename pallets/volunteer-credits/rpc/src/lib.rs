//! JSON-RPC methods of volunteer credits, for wallets:
//!
//! - `volunteerCredits_account(who, at?)`: `{ balance, lifetime, stars }`, in minutes;
//! - `volunteerCredits_history(who, limit, at?)`: the resident's recent history, newest first;
//! - `volunteerCredits_activities(unit, at?)`: `[[id, activity], ...]`, the unit's open activities.
//!
//! `at` is a block hash; without it, the best block.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_volunteer_credits_runtime_api::{ActivityId, CreditAccount, UnitId};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_volunteer_credits_runtime_api::VolunteerCreditsApi as VolunteerCreditsRuntimeApi;

/// The methods, generic over the runtime's types.
#[rpc(server)]
pub trait VolunteerCreditsApi<BlockHash, AccountId, Entry, Activity>
where
	AccountId: serde::de::DeserializeOwned,
	Entry: Serialize,
	Activity: Serialize,
{
	/// A resident's balance, lifetime service and star level.
	#[method(name = "volunteerCredits_account")]
	fn account(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<CreditAccount>;

	/// A resident's recent history, newest first.
	#[method(name = "volunteerCredits_history")]
	fn history(&self, who: AccountId, limit: u32, at: Option<BlockHash>) -> RpcResult<Vec<Entry>>;

	/// A unit's open activities.
	#[method(name = "volunteerCredits_activities")]
	fn activities(
		&self,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(ActivityId, Activity)>>;
}

/// The methods, served from a client.
pub struct VolunteerCredits<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> VolunteerCredits<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

/// A runtime API call that failed (the block is unknown or pruned, or the runtime lacks the API).
fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "Runtime API call failed", Some(format!("{error:?}")))
}

impl<C, Block, AccountId, Entry, Activity>
	VolunteerCreditsApiServer<Block::Hash, AccountId, Entry, Activity> for VolunteerCredits<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: VolunteerCreditsRuntimeApi<Block, AccountId, Entry, Activity>,
	AccountId: Codec + serde::de::DeserializeOwned + Send + Sync + 'static,
	Entry: Codec + Serialize + Send + Sync + 'static,
	Activity: Codec + Serialize + Send + Sync + 'static,
{
	fn account(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<CreditAccount> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().account(at, who).map_err(runtime_error)
	}

	fn history(
		&self,
		who: AccountId,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<Entry>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().history(at, who, limit).map_err(runtime_error)
	}

	fn activities(
		&self,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(ActivityId, Activity)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().activities(at, unit).map_err(runtime_error)
	}
}
