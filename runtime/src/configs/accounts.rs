//! Acting for others and batching: proxies and utility.
//!
//! Proxies are how a relative or a grid worker acts for an elderly resident. The proxy type says
//! what the delegate may do: [`ProxyType::Any`], [`ProxyType::NonTransfer`] (everything but moving
//! money), [`ProxyType::Governance`] (council and referendum business), [`ProxyType::Civic`] (the
//! civic pallets only).
//!
//! Proxies take no deposit. Residents hold no tokens, yet must be able to appoint a civic proxy;
//! what a proxy entry stores is small and bounded (`MaxProxies`, eight, per account), and the
//! account that holds the entries exists only while it holds the existential deposit or is a
//! verified resident: state paid for by that deposit, or by the registration two officers
//! approved. Appointing one costs a transaction fee for anyone but a resident within their
//! free-call quota. Pure proxies, which create accounts of their own and for which upstream takes
//! a deposit, are not offered at all ([`NoPureProxies`]): a civic chain has no use for keyless
//! accounts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{parameter_types, traits::InstanceFilter};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

use crate::{
	currency::deposit, Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent,
};

/// What a proxy may do for the account that appointed it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything the account can do.
	#[default]
	Any,
	/// Everything but moving the account's funds.
	NonTransfer,
	/// Council, referendum and batch calls only.
	Governance,
	/// The civic pallets' calls (and batches of them) only: what a relative or grid worker needs
	/// to act for a resident, and nothing that moves money.
	Civic,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !super::civic::moves_callers_money(call),
			ProxyType::Governance => matches!(
				call,
				RuntimeCall::Council(..) | RuntimeCall::Democracy(..) | RuntimeCall::Utility(..)
			),
			// A batch's calls are each checked against this filter again by the proxy pallet.
			ProxyType::Civic => {
				super::civic::CivicCalls::is_civic_pallet_call(call)
					|| matches!(call, RuntimeCall::Utility(..))
			},
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

parameter_types! {
	// No deposit: see the module docs.
	pub const ProxyDepositBase: Balance = 0;
	pub const ProxyDepositFactor: Balance = 0;
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	pub const AnnouncementDepositFactor: Balance = deposit(0, 66);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	// A resident's relatives and grid worker, an officer's deputies: a few each.
	type MaxProxies = frame_support::traits::ConstU32<8>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = frame_support::traits::ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

/// Who acts for whom, from the proxies: civic rules that keep two people apart look through them
/// ([`gongzhi_primitives::civic::ActsFor`]).
pub struct ProxyDelegates;

impl gongzhi_primitives::civic::ActsFor<crate::AccountId> for ProxyDelegates {
	fn acts_for(delegate: &crate::AccountId, real: &crate::AccountId) -> bool {
		pallet_proxy::Proxies::<Runtime>::get(real)
			.0
			.iter()
			.any(|proxy| proxy.delegate == *delegate)
	}

	fn acts_for_weight() -> frame_support::weights::Weight {
		// One read of the real account's proxies (at most `MaxProxies` entries).
		<Runtime as frame_system::Config>::DbWeight::get().reads(1)
	}
}

/// Refuses pure (keyless) proxies on every path: `create_pure` would create an account with no
/// deposit behind it.
pub struct NoPureProxies;

impl frame_support::traits::Contains<RuntimeCall> for NoPureProxies {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Proxy(
				pallet_proxy::Call::create_pure { .. } | pallet_proxy::Call::kill_pure { .. }
			)
		)
	}
}
