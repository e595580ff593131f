//! What a transaction must carry to be taken: a mortal era.
//!
//! An account with neither tokens nor residency is removed from state ("reaped"), and its nonce
//! goes with it: were it created again (a resident revoked and registered anew, a refund to an
//! emptied account), every transaction it signed before with an *immortal* era would be valid
//! again and could be replayed by anyone who kept a copy. [`CheckMortalEra`] is
//! `frame_system::CheckEra` that refuses the immortal era: a transaction is valid for at most
//! its era's period (wallets sign for 64 blocks by default), far shorter than any account's
//! life between two registrations.
//!
//! It keeps the upstream extension's name (`CheckMortality`) and encoding, so every wallet signs
//! for it as it signs for any Substrate chain.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait};
use scale_info::TypeInfo;
use sp_runtime::{
	generic::Era,
	impl_tx_ext_default,
	traits::{DispatchInfoOf, Implication, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

use crate::{Hash, Runtime, RuntimeCall, RuntimeOrigin};

/// Why an immortal transaction is refused: `InvalidTransaction::Custom` with this code.
pub const IMMORTAL_TRANSACTION: u8 = 201;

/// `frame_system::CheckEra`, refusing the immortal era.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Debug)]
pub struct CheckMortalEra(pub frame_system::CheckEra<Runtime>);

impl CheckMortalEra {
	/// The extension for a transaction signed with `era`.
	pub fn from(era: Era) -> Self {
		Self(frame_system::CheckEra::from(era))
	}
}

impl TransactionExtension<RuntimeCall> for CheckMortalEra {
	const IDENTIFIER: &'static str = "CheckMortality";
	type Implicit = Hash;
	type Val = ();
	type Pre = ();

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		// An immortal era's implicit is the genesis hash; `validate` refuses it for every
		// transaction an account signs.
		self.0.implicit()
	}

	fn weight(&self, call: &RuntimeCall) -> sp_runtime::Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		// A general transaction authorised by its call (an anonymous ballot) names no account
		// and carries no nonce: its call bounds its life (a ballot, its poll's close) and keeps
		// it from being replayed (a ballot, its sequence number). Every signed one is mortal.
		let authorized =
			matches!(origin.as_system_ref(), Some(frame_system::RawOrigin::Authorized));
		if self.0 .0.is_immortal() && !authorized {
			return Err(InvalidTransaction::Custom(IMMORTAL_TRANSACTION).into());
		}
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}

/// A general transaction of `call`: no account, no signature, immortal, no nonce, no tip, no
/// metadata hash. Only a call with its own `authorize` check (an anonymous ballot) passes the
/// pool in this form; any other is refused as `UnknownOrigin`.
pub fn general_transaction(call: RuntimeCall) -> crate::UncheckedExtrinsic {
	let extensions: crate::TxExtension = (
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		CheckMortalEra::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(0),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_party_branch::ChargeCivicFees::new(
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	crate::UncheckedExtrinsic::new_transaction(call, extensions)
}
