//! Feeless civic participation.
//!
//! Residents should not have to buy tokens to take part. [`ChargeCivicFees`] wraps the runtime's
//! fee extension (`pallet_transaction_payment::ChargeTransactionPayment`): a signed transaction
//! whose call is one of [`Config::FeelessCalls`], sent by a verified resident (or an officer,
//! whose civic calls are their office's work) who has free calls left in the current quota
//! period, pays nothing and uses one free call. Every other transaction
//! goes to the wrapped extension and pays as usual, so spam still costs. A transaction longer than
//! [`Config::MaxFreeCallBytes`] always pays, so free calls cannot carry large payloads.
//!
//! The wrapper is invisible to wallets: it has the wrapped extension's identifier, encoding and
//! type information, so Polkadot.js and every other client sign for it unchanged.
//!
//! The quota counts calls, not transactions: a batch of five civic calls, or a civic call made
//! through a proxy inside a batch, uses as many free calls as it holds ([`FreeCalls::count`]), and
//! is free only if that many are left. They are counted when the transaction is applied,
//! whatever its result, so failing calls cannot be repeated for free beyond the quota.
//!
//! The transaction pool cannot see how many of a resident's pending transactions will be free,
//! so a resident has at most one free transaction waiting at a time: each free transaction
//! provides the tag `("gongzhi/free", who)`, and the pool keeps one transaction per tag. The next
//! is accepted once the first is in a block. A resident cannot fill the pool for free, whatever
//! their quota.

use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::traits::Contains as _;
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{TransactionSource, TransactionValidityError, ValidTransaction},
	traits::Get,
	weights::Weight,
};
use scale_info::{StaticTypeInfo, TypeInfo};
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
		PostDispatchInfoOf, TransactionExtension, ValidateResult,
	},
	transaction_validity::InvalidTransaction,
	DispatchResult, SaturatedConversion,
};

use crate::{
	Config, FreeCallQuota, FreeCallUsage, FreeCallsUsed, OfficeCount, Pallet, Residents, WeightInfo,
};

/// Which calls verified residents make for free, and how many free calls each uses.
pub trait FreeCalls<Call> {
	/// How many free calls `call` uses (a batch counts each call in it, a proxy call the call it
	/// carries), or `None` if it is not free.
	fn count(call: &Call) -> Option<u32>;
}

/// Every call is free and counts once (test runtimes).
impl<Call> FreeCalls<Call> for frame_support::traits::Everything {
	fn count(_call: &Call) -> Option<u32> {
		Some(1)
	}
}

/// The pool tag that a resident's free transaction provides: one pending free transaction each.
pub fn free_call_tag<AccountId: Encode>(who: &AccountId) -> alloc::vec::Vec<u8> {
	(b"gongzhi/free", who).encode()
}

/// Charges fees through `S` unless a verified resident makes a civic call within their quota.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct ChargeCivicFees<T, S>(pub S, PhantomData<T>);

impl<T, S> ChargeCivicFees<T, S> {
	/// Wraps the fee extension `inner`.
	pub fn new(inner: S) -> Self {
		Self(inner, PhantomData)
	}
}

impl<T, S> From<S> for ChargeCivicFees<T, S> {
	fn from(inner: S) -> Self {
		Self::new(inner)
	}
}

// Wallets see the wrapped extension's type, so nothing about signing changes for them.
impl<T, S: StaticTypeInfo> TypeInfo for ChargeCivicFees<T, S> {
	type Identity = S;
	fn type_info() -> scale_info::Type {
		S::type_info()
	}
}

impl<T, S: core::fmt::Debug> core::fmt::Debug for ChargeCivicFees<T, S> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ChargeCivicFees({:?})", self.0)
	}
}

/// What validation decided.
pub enum Decision<AccountId, Inner> {
	/// Free civic calls by this resident: how many.
	Free(AccountId, u32),
	/// Paid through the wrapped extension.
	Paid(Inner),
}

impl<T: Config> Pallet<T> {
	/// The current quota period.
	pub(crate) fn quota_period() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let period = T::QuotaPeriod::get();
		if period == 0u32.into() {
			return 0;
		}
		(now / period).saturated_into()
	}

	/// How many free calls `who` has left now: zero for anyone but a verified resident, an
	/// officer, or one of [`Config::OtherQuotaHolders`] (owners of homes).
	pub fn free_calls_left(who: &T::AccountId) -> u32 {
		// `get`, not `contains_key`: a light client (smoldot) checks a key's existence by its
		// value, and a full node proving `contains_key` leaves out the value of a record longer
		// than 32 bytes, so the portal's free-calls read failed through a light client.
		if Residents::<T>::get(who).is_none() &&
			OfficeCount::<T>::get(who) == 0 &&
			!T::OtherQuotaHolders::contains(who)
		{
			return 0;
		}
		let usage = FreeCallsUsed::<T>::get(who);
		let used = if usage.period == Self::quota_period() { usage.used } else { 0 };
		FreeCallQuota::<T>::get().saturating_sub(used)
	}

	/// How many free calls `who` sending `call`, `len` bytes long, would use now, if it is free:
	/// a civic call ([`Config::FeelessCalls`]) no longer than [`Config::MaxFreeCallBytes`],
	/// within the sender's quota. `None`: it pays. The one rule for free calls:
	/// [`ChargeCivicFees`] applies it, and the runtime's fee queries answer by it, so that
	/// wallets quote what a transaction will really cost.
	pub fn free_calls_for(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		len: usize,
	) -> Option<u32> {
		if len > T::MaxFreeCallBytes::get() as usize {
			return None;
		}
		let calls = T::FeelessCalls::count(call).filter(|n| *n > 0)?;
		(Self::free_calls_left(who) >= calls).then_some(calls)
	}

	/// Uses `calls` of `who`'s free calls, or fails if fewer are left.
	pub(crate) fn use_free_calls(
		who: &T::AccountId,
		calls: u32,
	) -> Result<(), TransactionValidityError> {
		if Self::free_calls_left(who) < calls {
			return Err(InvalidTransaction::Payment.into());
		}
		let period = Self::quota_period();
		FreeCallsUsed::<T>::mutate(who, |usage| {
			if usage.period != period {
				*usage = FreeCallUsage { period, used: 0 };
			}
			usage.used = usage.used.saturating_add(calls);
		});
		Ok(())
	}
}

impl<T, S> TransactionExtension<T::RuntimeCall> for ChargeCivicFees<T, S>
where
	T: Config + Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId> + Clone,
	S: TransactionExtension<T::RuntimeCall>,
{
	const IDENTIFIER: &'static str = S::IDENTIFIER;
	type Implicit = S::Implicit;
	type Val = Decision<T::AccountId, S::Val>;
	type Pre = Decision<(), S::Pre>;

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// The paid path is the wrapped extension's; the free path reads the registry and the
		// quota and writes one counter.
		self.0.weight(call).max(T::WeightInfo::free_call())
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			if let Some(calls) = Pallet::<T>::free_calls_for(who, call, len) {
				let valid = ValidTransaction {
					provides: alloc::vec![free_call_tag(who)],
					..Default::default()
				};
				return Ok((valid, Decision::Free(who.clone(), calls), origin));
			}
		}
		let (valid, val, origin) = self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)?;
		Ok((valid, Decision::Paid(val), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Decision::Free(who, calls) => {
				Pallet::<T>::use_free_calls(&who, calls)?;
				Ok(Decision::Free((), calls))
			},
			Decision::Paid(val) => self.0.prepare(val, origin, call, info, len).map(Decision::Paid),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			Decision::Free((), _) => Ok(Weight::zero()),
			Decision::Paid(pre) => S::post_dispatch_details(pre, info, post_info, len, result),
		}
	}
}
