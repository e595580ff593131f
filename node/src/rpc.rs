//! The node's own RPC methods, on top of the standard ones that `sc-service` serves (chain, state,
//! author, system, chainSpec, ...).
//!
//! - `system_accountNextIndex`: an account's next nonce, counting pending transactions;
//! - `payment_queryInfo` / `payment_queryFeeDetails`: what a transaction will cost;
//! - `communityTreasury_pot` / `_statement` / `_openSpends`: a unit's pot, its statement by block
//!   range, its open spends (see `pallet-community-treasury-rpc`);
//! - `volunteerCredits_account` / `_history` / `_activities`: a resident's credits, stars and
//!   history, a unit's open activities (see `pallet-volunteer-credits-rpc`);
//! - `assistance_openRequests` / `_escalated`: a community's need list and its escalated urgent
//!   requests (see `pallet-assistance-rpc`).
//!
//! Each civic pallet's RPC methods are their own module, merged in [`create_full`].

use std::sync::Arc;

use gongzhi_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce, Runtime};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// All RPC methods beyond the standard ones.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_community_treasury_rpc::CommunityTreasuryRuntimeApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
		pallet_community_treasury::SpendOf<Runtime>,
		pallet_community_treasury::LedgerEntryOf<Runtime>,
	>,
	C::Api: pallet_volunteer_credits_rpc::VolunteerCreditsRuntimeApi<
		Block,
		AccountId,
		pallet_volunteer_credits::HistoryEntryOf<Runtime>,
		pallet_volunteer_credits::ActivityOf<Runtime>,
	>,
	C::Api:
		pallet_assistance_rpc::AssistanceRuntimeApi<Block, pallet_assistance::RequestOf<Runtime>>,
	P: TransactionPool + 'static,
{
	use pallet_assistance_rpc::{Assistance, AssistanceApiServer};
	use pallet_community_treasury_rpc::{CommunityTreasury, CommunityTreasuryApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use pallet_volunteer_credits_rpc::{VolunteerCredits, VolunteerCreditsApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(CommunityTreasury::new(client.clone()).into_rpc())?;
	module.merge(VolunteerCredits::new(client.clone()).into_rpc())?;
	module.merge(Assistance::new(client).into_rpc())?;
	Ok(module)
}
