//! The civic pallets: Party-branch authorization, the community treasury, and which calls
//! verified residents make free.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
	PalletId,
};

use super::{accounts::ProxyType, governance::RootOrCouncilMajority};
use crate::{Balances, BlockNumber, PartyBranch, Runtime, RuntimeCall, DAYS};

parameter_types! {
	pub const QuotaPeriod: BlockNumber = DAYS;
	pub const TreasuryPalletId: PalletId = PalletId(*b"gz/cmtry");
	// Residents get three days to read a spend and object; supervisors two weeks to approve it.
	pub const NoticePeriod: BlockNumber = 3 * DAYS;
	pub const ApprovalPeriod: BlockNumber = 14 * DAYS;
	pub const BudgetPeriod: BlockNumber = 365 * DAYS;
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

impl pallet_community_treasury::Config for Runtime {
	type Currency = Balances;
	type Registry = PartyBranch;
	type GovernanceOrigin = RootOrCouncilMajority;
	// Until the consultation pallet convenes them, spends sent to a vote wait for governance.
	type VoteRequester = ();
	type PalletId = TreasuryPalletId;
	type MaxSupervisors = ConstU32<9>;
	type MinApprovals = ConstU32<2>;
	type MaxPurposeLength = ConstU32<256>;
	type MaxMemoLength = ConstU32<64>;
	type MaxOpenSpends = ConstU32<32>;
	type DefaultApprovalPeriod = ApprovalPeriod;
	type DefaultNoticePeriod = NoticePeriod;
	type BudgetPeriod = BudgetPeriod;
	type MaxDuePerBlock = ConstU32<16>;
	type MaxStatementPage = ConstU32<100>;
	type WeightInfo = pallet_community_treasury::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

/// How deep a proxy or batch call may nest civic calls and still be free.
const MAX_NESTING: u32 = 2;

/// The calls a verified resident makes without fees (within their daily quota): the civic
/// pallets' calls, appointing or dismissing a civic proxy, a civic call made through a proxy, and
/// batches of civic calls.
pub struct CivicCalls;

impl CivicCalls {
	/// Whether `call` belongs to a civic pallet and moves none of the caller's money (a
	/// donation does: it is neither free nor open to a civic proxy).
	pub fn is_civic_pallet_call(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::PartyBranch(..) => true,
			RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::donate { .. }) => false,
			RuntimeCall::CommunityTreasury(..) => true,
			_ => false,
		}
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
