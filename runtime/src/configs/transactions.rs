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
use frame_support::pallet_prelude::TransactionSource;
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
		if self.0 .0.is_immortal() {
			return Err(InvalidTransaction::Custom(IMMORTAL_TRANSACTION).into());
		}
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
		if self.0 .0.is_immortal() {
			return Err(InvalidTransaction::Custom(IMMORTAL_TRANSACTION).into());
		}
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}
