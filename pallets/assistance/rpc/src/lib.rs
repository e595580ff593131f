//! JSON-RPC methods of assistance, for volunteers' wallets and grid workers:
//!
//! - `assistance_openRequests(community, category?, at?)`: the need list, `[[id, request], ...]`;
//! - `assistance_escalated(community, at?)`: urgent requests nobody accepted in time.
//!
//! `at` is a block hash; without it, the best block.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_assistance_runtime_api::{HelpCategory, RequestId, UnitId};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_assistance_runtime_api::AssistanceApi as AssistanceRuntimeApi;

/// The methods, generic over the runtime's request type.
#[rpc(server)]
pub trait AssistanceApi<BlockHash, Request>
where
	Request: Serialize,
{
	/// A community's open requests, of one category if given.
	#[method(name = "assistance_openRequests")]
	fn open_requests(
		&self,
		community: UnitId,
		category: Option<HelpCategory>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(RequestId, Request)>>;

	/// A community's escalated requests.
	#[method(name = "assistance_escalated")]
	fn escalated(
		&self,
		community: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(RequestId, Request)>>;
}

/// The methods, served from a client.
pub struct Assistance<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Assistance<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

/// A runtime API call that failed (the block is unknown or pruned, or the runtime lacks the API).
fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "Runtime API call failed", Some(format!("{error:?}")))
}

impl<C, Block, Request> AssistanceApiServer<Block::Hash, Request> for Assistance<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AssistanceRuntimeApi<Block, Request>,
	Request: Codec + Serialize + Send + Sync + 'static,
{
	fn open_requests(
		&self,
		community: UnitId,
		category: Option<HelpCategory>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(RequestId, Request)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().open_requests(at, community, category).map_err(runtime_error)
	}

	fn escalated(
		&self,
		community: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(RequestId, Request)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().escalated(at, community).map_err(runtime_error)
	}
}
