//! The civic pallets: Party-branch authorization, and which calls verified residents make free.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
};

use super::{accounts::ProxyType, governance::RootOrCouncilMajority};
use crate::{BlockNumber, Runtime, RuntimeCall, DAYS};

parameter_types! {
	pub const QuotaPeriod: BlockNumber = DAYS;
}

impl pallet_party_branch::Config for Runtime {
	type GovernanceOrigin = RootOrCouncilMajority;
	type FeelessCalls = CivicCalls;
	type MaxNameLength = ConstU32<64>;
	type MaxCommitteeMembers = ConstU32<16>;
	type MaxRolesPerAccount = ConstU32<16>;
	type QuotaPeriod = QuotaPeriod;
	type MaxFreeCallsPerPeriod = ConstU32<200>;
	type MaxFreeCallBytes = ConstU32<2048>;
	type WeightInfo = pallet_party_branch::weights::SubstrateWeight<Runtime>;
}

/// How deep a proxy or batch call may nest civic calls and still be free.
const MAX_NESTING: u32 = 2;

/// The calls a verified resident makes without fees (within their daily quota): the civic
/// pallets' calls, appointing or dismissing a civic proxy, a civic call made through a proxy, and
/// batches of civic calls.
pub struct CivicCalls;

impl CivicCalls {
	/// Whether `call` belongs to a civic pallet.
	pub fn is_civic_pallet_call(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::PartyBranch(..))
	}

	fn is_civic(call: &RuntimeCall, depth: u32) -> bool {
		if Self::is_civic_pallet_call(call) {
			return true;
		}
		if depth >= MAX_NESTING {
			return false;
		}
		match call {
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				proxy_type: ProxyType::Civic,
				..
			})
			| RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
				proxy_type: ProxyType::Civic,
				..
			}) => true,
			RuntimeCall::Proxy(pallet_proxy::Call::proxy { call, .. }) => {
				Self::is_civic(call, depth + 1)
			},
			RuntimeCall::Utility(pallet_utility::Call::batch { calls })
			| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			| RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }) => {
				!calls.is_empty() && calls.iter().all(|c| Self::is_civic(c, depth + 1))
			},
			_ => false,
		}
	}
}

impl Contains<RuntimeCall> for CivicCalls {
	fn contains(call: &RuntimeCall) -> bool {
		Self::is_civic(call, 0)
	}
}
