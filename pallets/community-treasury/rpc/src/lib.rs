//! JSON-RPC methods of the community treasury, for wallets and explorers:
//!
//! - `communityTreasury_pot(unit, at?)`: the pot's account and balance, or `null`;
//! - `communityTreasury_statement(unit, from, to, start?, limit, at?)`: a page of the unit's
//!   statement, `{ entries: [[position, line], ...], next }`;
//! - `communityTreasury_openSpends(unit, at?)`: `[[index, spend], ...]`.
//!
//! Amounts are decimal strings: they exceed what JavaScript numbers hold exactly. `at` is a block
//! hash; without it, the best block.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_community_treasury_runtime_api::{PotInfo, SpendIndex, StatementPage, UnitId};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_community_treasury_runtime_api::CommunityTreasuryApi as CommunityTreasuryRuntimeApi;

/// The methods, generic over the runtime's types.
#[rpc(server)]
pub trait CommunityTreasuryApi<BlockHash, AccountId, Balance, BlockNumber, Spend, Entry>
where
	AccountId: Serialize,
	Balance: std::fmt::Display,
	Spend: Serialize,
	Entry: Serialize,
{
	/// A unit's pot account and balance.
	#[method(name = "communityTreasury_pot")]
	fn pot(
		&self,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PotInfo<AccountId, Balance>>>;

	/// A page of a unit's statement, by block range.
	#[method(name = "communityTreasury_statement")]
	fn statement(
		&self,
		unit: UnitId,
		from: BlockNumber,
		to: BlockNumber,
		start: Option<u32>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<StatementPage<Entry>>;

	/// A unit's open spends.
	#[method(name = "communityTreasury_openSpends")]
	fn open_spends(
		&self,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(SpendIndex, Spend)>>;
}

/// The methods, served from a client.
pub struct CommunityTreasury<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> CommunityTreasury<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

/// A runtime API call that failed (the block is unknown or pruned, or the runtime lacks the API).
fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "Runtime API call failed", Some(format!("{error:?}")))
}

impl<C, Block, AccountId, Balance, BlockNumber, Spend, Entry>
	CommunityTreasuryApiServer<Block::Hash, AccountId, Balance, BlockNumber, Spend, Entry>
	for CommunityTreasury<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CommunityTreasuryRuntimeApi<Block, AccountId, Balance, BlockNumber, Spend, Entry>,
	AccountId: Codec + Serialize + Send + Sync + 'static,
	Balance: Codec + std::fmt::Display + Send + Sync + 'static,
	BlockNumber: Codec + serde::de::DeserializeOwned + Send + Sync + 'static,
	Spend: Codec + Serialize + Send + Sync + 'static,
	Entry: Codec + Serialize + Send + Sync + 'static,
{
	fn pot(
		&self,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PotInfo<AccountId, Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().pot(at, unit).map_err(runtime_error)
	}

	fn statement(
		&self,
		unit: UnitId,
		from: BlockNumber,
		to: BlockNumber,
		start: Option<u32>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<StatementPage<Entry>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().statement(at, unit, from, to, start, limit).map_err(runtime_error)
	}

	fn open_spends(
		&self,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(SpendIndex, Spend)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().open_spends(at, unit).map_err(runtime_error)
	}
}
