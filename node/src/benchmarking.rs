//! Signed extrinsics and inherent data for the `benchmark overhead` and `benchmark extrinsic`
//! commands. Only for benchmarking: it signs with a well-known development key.

use std::{sync::Arc, time::Duration};

use gongzhi_runtime as runtime;
use runtime::{AccountId, Balance, BalancesCall, SystemCall};
use sc_cli::Result;
use sc_client_api::BlockBackend;
use sp_core::{Encode, Pair};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{OpaqueExtrinsic, SaturatedConversion};

use crate::service::FullClient;

/// Builds signed extrinsics of one call, signed by Bob with consecutive nonces.
pub struct CallBuilder {
	client: Arc<FullClient>,
	pallet: &'static str,
	extrinsic: &'static str,
	call: runtime::RuntimeCall,
}

impl CallBuilder {
	/// `System::remark` with an empty remark: the cheapest extrinsic, for `benchmark overhead`.
	pub fn remark(client: Arc<FullClient>) -> Self {
		Self {
			client,
			pallet: "system",
			extrinsic: "remark",
			call: SystemCall::remark { remark: vec![] }.into(),
		}
	}

	/// `Balances::transfer_keep_alive` of `value` to `dest`.
	pub fn transfer_keep_alive(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self {
			client,
			pallet: "balances",
			extrinsic: "transfer_keep_alive",
			call: BalancesCall::transfer_keep_alive { dest: dest.into(), value }.into(),
		}
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for CallBuilder {
	fn pallet(&self) -> &str {
		self.pallet
	}

	fn extrinsic(&self) -> &str {
		self.extrinsic
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let extrinsic =
			signed_extrinsic(&self.client, Sr25519Keyring::Bob.pair(), self.call.clone(), nonce)?;
		Ok(extrinsic.into())
	}
}

/// `System::remark` signed by Alice with consecutive nonces, valid from the genesis block: for
/// `benchmark overhead`, which knows the chain's genesis hash but has no client. (The chain
/// refuses immortal transactions, which upstream's default builder signs.)
pub struct GenesisRemarkBuilder {
	genesis_hash: sp_core::H256,
}

impl GenesisRemarkBuilder {
	/// A builder for the chain whose genesis block is `genesis_hash`.
	pub fn new(genesis_hash: sp_core::H256) -> Self {
		Self { genesis_hash }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for GenesisRemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] }.into();
		let (genesis, sender) = (self.genesis_hash, Sr25519Keyring::Alice.pair());
		Ok(sign(genesis, (0, genesis), sender, call, nonce).into())
	}
}

/// `call` signed by `sender` with `nonce`, valid from the best block for a while.
pub fn signed_extrinsic(
	client: &FullClient,
	sender: sp_core::sr25519::Pair,
	call: runtime::RuntimeCall,
	nonce: u32,
) -> std::result::Result<runtime::UncheckedExtrinsic, &'static str> {
	let genesis_hash =
		client.block_hash(0).ok().flatten().ok_or("the database has no genesis block")?;
	let info = client.chain_info();
	let best = (info.best_number.saturated_into::<u64>(), info.best_hash);
	Ok(sign(genesis_hash, best, sender, call, nonce))
}

/// `call` signed by `sender` with `nonce`, on the chain of `genesis_hash`, mortal from block
/// `birth` (its number and hash).
fn sign(
	genesis_hash: sp_core::H256,
	birth: (u64, sp_core::H256),
	sender: sp_core::sr25519::Pair,
	call: runtime::RuntimeCall,
	nonce: u32,
) -> runtime::UncheckedExtrinsic {
	let period = runtime::configs::BlockHashCount::get()
		.checked_next_power_of_two()
		.map(|c| c / 2)
		.unwrap_or(2) as u64;
	let tx_ext: runtime::TxExtension = (
		frame_system::AuthorizeCall::<runtime::Runtime>::new(),
		frame_system::CheckNonZeroSender::<runtime::Runtime>::new(),
		frame_system::CheckSpecVersion::<runtime::Runtime>::new(),
		frame_system::CheckTxVersion::<runtime::Runtime>::new(),
		frame_system::CheckGenesis::<runtime::Runtime>::new(),
		runtime::configs::transactions::CheckMortalEra::from(sp_runtime::generic::Era::mortal(
			period, birth.0,
		)),
		frame_system::CheckNonce::<runtime::Runtime>::from(nonce),
		frame_system::CheckWeight::<runtime::Runtime>::new(),
		pallet_party_branch::ChargeCivicFees::new(
			pallet_transaction_payment::ChargeTransactionPayment::<runtime::Runtime>::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::<runtime::Runtime>::new(false),
		frame_system::WeightReclaim::<runtime::Runtime>::new(),
	);

	let payload = runtime::SignedPayload::from_raw(
		call.clone(),
		tx_ext.clone(),
		(
			(),
			(),
			runtime::VERSION.spec_version,
			runtime::VERSION.transaction_version,
			genesis_hash,
			birth.1,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| sender.sign(bytes));

	runtime::UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(sender.public()).into(),
		runtime::Signature::Sr25519(signature),
		tx_ext,
	)
}

/// Inherent data (a timestamp) for benchmark blocks.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::from_millis(0).into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
