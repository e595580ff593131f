//! The civic pallets: Party-branch authorization, the community treasury, consultations,
//! volunteer credits, assistance requests, public affairs, owners' assemblies, and which calls
//! verified residents (and owners of homes) make free.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
	PalletId,
};
use pallet_consultation::{Periods, SupportThreshold, UnitRules};
use sp_runtime::Permill;

use super::{accounts::ProxyType, governance::RootOrCouncilMajority};
use crate::{
	Balance, Balances, BlockNumber, CommunityTreasury, Consultation, OwnersAssembly, PartyBranch,
	PublicAffairs,
	Runtime, RuntimeCall, RuntimeHoldReason, VolunteerCredits, DAYS, HOURS,
};

parameter_types! {
	pub const QuotaPeriod: BlockNumber = DAYS;
	pub const ApplicationDeposit: Balance = crate::currency::deposit(1, 128);
	pub const TreasuryPalletId: PalletId = PalletId(*b"gz/cmtry");
	// Residents get three days to read a spend and object; supervisors two weeks to approve it.
	pub const NoticePeriod: BlockNumber = 3 * DAYS;
	pub const ApprovalPeriod: BlockNumber = 14 * DAYS;
	pub const BudgetPeriod: BlockNumber = 365 * DAYS;
	// A topic gathers supports for a month; qualified topics meet within two weeks, three at a
	// time; a meeting deliberates a week, votes a week, and gives two days to reveal secret
	// ballots.
	pub const ConsultationPeriods: Periods<BlockNumber> = Periods {
		support: 30 * DAYS,
		wait: 14 * DAYS,
		deliberation: 7 * DAYS,
		voting: 7 * DAYS,
		reveal: 2 * DAYS,
	};
	// One resident in twenty supporting a topic puts it to a meeting.
	pub const DefaultUnitRules: UnitRules =
		UnitRules { support: SupportThreshold::Share(Permill::from_percent(5)), batch: 3 };
	pub const MinSupportShare: Permill = Permill::from_percent(1);
	pub const MaxSupportShare: Permill = Permill::from_percent(30);
	pub const BlocksPerDay: BlockNumber = DAYS;
	// An organiser's record can be disputed for a week.
	pub const CreditDisputeWindow: BlockNumber = 7 * DAYS;
	// A request waits a week for a volunteer; an urgent one two hours before grid workers and
	// officers are asked.
	pub const RequestOpenPeriod: BlockNumber = 7 * DAYS;
	pub const EscalationPeriod: BlockNumber = 2 * HOURS;
	// Officers answer a resident's matter within fifteen days (the common deadline for
	// citizens' letters and requests), never less than three; a resident has a week to rate the
	// answer or take it up. A take-down proposal waits two days for the second officer; closed
	// matters are kept half a year.
	pub const AnswerPeriod: BlockNumber = 15 * DAYS;
	pub const MinAnswerPeriod: BlockNumber = 3 * DAYS;
	pub const RatingPeriod: BlockNumber = 7 * DAYS;
	pub const TakeDownProposalPeriod: BlockNumber = 2 * DAYS;
	pub const MatterRetention: BlockNumber = 180 * DAYS;
	pub const OwnersPalletId: PalletId = PalletId(*b"gz/owner");
	// An owners' assembly is announced fifteen days ahead (the notice most estates' rules of
	// procedure require); development chains set a few blocks in genesis.
	pub const AssemblyNoticePeriod: BlockNumber = 15 * DAYS;
	// The committee chooses how long ballots stay open; a minute is the technical floor (the
	// period is in the public notice, and the law leaves it to the assembly's rules), two
	// months the ceiling.
	pub const MinAssemblyVotingPeriod: BlockNumber = 10;
	pub const MaxAssemblyVotingPeriod: BlockNumber = 60 * DAYS;
	// An assembly's ballots and count stay on chain three years (the limitation period for
	// civil claims), then only in the chain's history.
	pub const AssemblyRetention: BlockNumber = 3 * 365 * DAYS;
}

impl pallet_party_branch::Config for Runtime {
	type GovernanceOrigin = RootOrCouncilMajority;
	type FeelessCalls = CivicCalls;
	// Owners of homes vote in their owners' assembly without tokens, resident or not.
	type OtherQuotaHolders = OwnersAssembly;
	type MaxNameLength = ConstU32<64>;
	type MaxCommitteeMembers = ConstU32<16>;
	type MaxRolesPerAccount = ConstU32<16>;
	type QuotaPeriod = QuotaPeriod;
	type MaxFreeCallsPerPeriod = ConstU32<200>;
	type MaxFreeCallBytes = ConstU32<2048>;
	// A verification desk's busy day; more needs a second officer (or the next day).
	type MaxRegistrationsPerOfficer = ConstU32<50>;
	// Up to a month: longer than any referendum's launch and voting periods together.
	type MaxVoteVestingDelay = ConstU32<{ 30 * DAYS }>;
	// A few registration days' worth; the rest vest in the next blocks.
	type MaxVestingsPerBlock = ConstU32<50>;
	// Three days for a resident whose phone was not lost to see a re-key and refuse it.
	type RekeyDelay = ConstU32<{ 3 * DAYS }>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// The storage an application takes (about 120 bytes), priced as every deposit of the chain.
	type ApplicationDeposit = ApplicationDeposit;
	type OnResidentChange = super::ballots::ResidentChanges;
	type WeightInfo = pallet_party_branch::weights::SubstrateWeight<Runtime>;
}

impl pallet_community_treasury::Config for Runtime {
	type Currency = Balances;
	type Registry = PartyBranch;
	type GovernanceOrigin = RootOrCouncilMajority;
	// Spends residents objected to, or above the cap, go to the unit's next consultation meeting.
	type VoteRequester = Consultation;
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

impl pallet_consultation::Config for Runtime {
	type Registry = PartyBranch;
	type GovernanceOrigin = RootOrCouncilMajority;
	type VoteOutcome = CommunityTreasury;
	type Spends = CommunityTreasury;
	type Referenda = super::governance::ReferendaFromConsultations;
	// Anonymous topics are voted on in polls of the community's ballot-key rings.
	type AnonymousPolls = crate::AnonymousBallot;
	type MaxTitleLength = ConstU32<128>;
	type MaxBodyLength = ConstU32<1024>;
	type MaxOpinionLength = ConstU32<512>;
	type MaxOpinionsPerTopic = ConstU32<1000>;
	// A polling station's day: a few hundred paper ballots per officer and topic.
	type MaxOfflineBallotsPerOfficer = ConstU32<300>;
	type MaxProgressReports = ConstU32<20>;
	type MaxTopicsPerMeeting = ConstU32<10>;
	type MaxOpenTopicsPerResident = ConstU32<3>;
	type MinSupportShare = MinSupportShare;
	type MaxSupportShare = MaxSupportShare;
	type DefaultUnitRules = DefaultUnitRules;
	type DefaultPeriods = ConsultationPeriods;
	type MaxDuePerBlock = ConstU32<8>;
	// Three months to check every ballot of a decided topic and take it to the level above;
	// never less than one. Results and tallies stay for good.
	type DefaultRetention = ConstU32<{ 90 * DAYS }>;
	type MinRetention = ConstU32<{ 30 * DAYS }>;
	// A hundred records of each kind a step: a street's topic (ten thousand ballots) over a
	// hundred steps, in blocks' spare weight.
	type MaxPrunedPerStep = ConstU32<100>;
	type WeightInfo = pallet_consultation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

impl pallet_volunteer_credits::Config for Runtime {
	type Registry = PartyBranch;
	type GovernanceOrigin = RootOrCouncilMajority;
	type MaxTitleLength = ConstU32<128>;
	type MaxOpenActivities = ConstU32<64>;
	// Eight hours of service a day at most.
	type DailyCap = ConstU32<480>;
	type BlocksPerDay = BlocksPerDay;
	type DisputeWindow = CreditDisputeWindow;
	type MaxHistory = ConstU32<50>;
	type MaxStarLevels = ConstU32<10>;
	// Sign-ups and records of closed activities kept three months (disputes are settled well
	// within that), never less than a month; credits and histories stay for good.
	type DefaultRetention = ConstU32<{ 90 * DAYS }>;
	type MinRetention = ConstU32<{ 30 * DAYS }>;
	type MaxPrunedPerStep = ConstU32<100>;
	type WeightInfo = pallet_volunteer_credits::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

impl pallet_assistance::Config for Runtime {
	type Registry = PartyBranch;
	type Credits = VolunteerCredits;
	type Fund = CommunityTreasury;
	type Delegates = super::accounts::ProxyDelegates;
	type MaxSkills = ConstU32<6>;
	type MaxAreas = ConstU32<8>;
	type MaxOpenPerCommunity = ConstU32<256>;
	type OpenPeriod = RequestOpenPeriod;
	type EscalationPeriod = EscalationPeriod;
	type MaxDuePerBlock = ConstU32<16>;
	type WeightInfo = pallet_assistance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

impl pallet_public_affairs::Config for Runtime {
	type Registry = PartyBranch;
	type GovernanceOrigin = RootOrCouncilMajority;
	// Every pallet holding civic text, so that take-downs reach all of it.
	type Texts = (PublicAffairs, Consultation, CommunityTreasury, VolunteerCredits, OwnersAssembly);
	type MaxTitleLength = ConstU32<128>;
	// A notice, a reply, a matter or an answer: a few paragraphs; longer documents by hash.
	type MaxTextLength = ConstU32<1024>;
	type MaxUriLength = ConstU32<256>;
	// A year and more of a community's notices at a few a week.
	type MaxNoticesPerUnit = ConstU32<256>;
	// Every household of a large community.
	type MaxRepliesPerNotice = ConstU32<5000>;
	// A street's backlog at its worst; more waits for room (or goes to the level above).
	type MaxOpenMattersPerUnit = ConstU32<512>;
	type MaxMattersPerResident = ConstU32<3>;
	type DefaultAnswerPeriod = AnswerPeriod;
	type MinAnswerPeriod = MinAnswerPeriod;
	type RatingPeriod = RatingPeriod;
	type ProposalPeriod = TakeDownProposalPeriod;
	type Retention = MatterRetention;
	type MaxDuePerBlock = ConstU32<16>;
	type MaxPrunedPerStep = ConstU32<100>;
	type WeightInfo = pallet_public_affairs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

impl pallet_owners_assembly::Config for Runtime {
	type Registry = PartyBranch;
	type Currency = Balances;
	type PalletId = OwnersPalletId;
	type MaxNameLength = ConstU32<64>;
	type MaxTitleLength = ConstU32<256>;
	type MaxTextLength = ConstU32<1024>;
	// The largest estates have a few thousand homes.
	type MaxUnitsPerEstate = ConstU32<20_000>;
	type MaxCoOwners = ConstU32<4>;
	// Owners' committees have five to eleven members, an odd number.
	type MaxCommittee = ConstU32<11>;
	type MaxMatters = ConstU32<8>;
	type MaxAlternatives = ConstU32<8>;
	type MaxCandidates = ConstU32<24>;
	type MaxTallyRows = ConstU32<25>;
	type MaxOpenVotes = ConstU32<4>;
	type MaxClosingPerBlock = ConstU32<8>;
	type MaxCompanyNotes = ConstU32<32>;
	type DefaultNoticePeriod = AssemblyNoticePeriod;
	type MinVotingPeriod = MinAssemblyVotingPeriod;
	type MaxVotingPeriod = MaxAssemblyVotingPeriod;
	type Retention = AssemblyRetention;
	type MaxPrunedPerStep = ConstU32<100>;
	// Committee elections by secret ballot vote online in anonymous polls.
	type AnonymousRolls = crate::AnonymousBallot;
	// A polling station serves a few hundred owners; larger ones record in several counts.
	type MaxStationVoters = ConstU32<200>;
	type WeightInfo = pallet_owners_assembly::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PartyBranch;
}

/// Whether `call` moves its caller's own money: a transfer, or a payment into a community or
/// estate pot.
/// The one list: such calls are never free ([`CivicCalls`]) and never open to a civic or
/// non-transfer proxy ([`super::accounts::ProxyType`]).
pub fn moves_callers_money(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Balances(..)
			| RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::donate { .. })
			| RuntimeCall::OwnersAssembly(
				pallet_owners_assembly::Call::deposit_fund { .. }
					| pallet_owners_assembly::Call::book_revenue { .. }
			)
	)
}

/// How deep a proxy or batch call may nest civic calls and still be free.
const MAX_NESTING: u32 = 2;

/// Whether `uxt`, `len` bytes long, is a civic call its signer makes for free now (the rule is
/// [`PartyBranch::free_calls_for`]'s). The fee queries wallets make (`TransactionPaymentApi`)
/// answer zero for it, so the portal, the Polkadot.js extension and Apps quote what the
/// transaction will really cost.
pub fn is_free(uxt: &crate::UncheckedExtrinsic, len: u32) -> bool {
	match &uxt.preamble {
		sp_runtime::generic::Preamble::Signed(sp_runtime::MultiAddress::Id(who), _, _) => {
			PartyBranch::free_calls_for(who, &uxt.function, len as usize).is_some()
		},
		_ => false,
	}
}

/// The calls a verified resident makes without fees (within their daily quota): the civic
/// pallets' calls, appointing or dismissing a civic proxy, a civic call made through a proxy, and
/// batches of civic calls.
pub struct CivicCalls;

impl CivicCalls {
	/// Whether `call` belongs to a civic pallet, or is a resident's referendum vote, and moves
	/// none of the caller's money ([`moves_callers_money`]: a donation is neither free nor open to
	/// a civic proxy).
	pub fn is_civic_pallet_call(call: &RuntimeCall) -> bool {
		if moves_callers_money(call) {
			return false;
		}
		match call {
			// Voting in a referendum is a resident's civic act like any other: free, and open to
			// their civic proxy. The call filter ([`super::civic_votes::CivicVoteRules`]) keeps
			// each vote at one civic vote on every path, proxies and batches included.
			RuntimeCall::Democracy(
				pallet_democracy::Call::vote { .. }
				| pallet_democracy::Call::remove_vote { .. }
				| pallet_democracy::Call::unlock { .. },
			) => true,
			RuntimeCall::PartyBranch(..) |
			RuntimeCall::CommunityTreasury(..) |
			RuntimeCall::Consultation(..) |
			// Credits are not money: redeeming and donating them are civic acts too.
			RuntimeCall::VolunteerCredits(..) |
			RuntimeCall::Assistance(..) |
			RuntimeCall::PublicAffairs(..) |
			RuntimeCall::OwnersAssembly(..) |
			// A ballot itself is no signed call (it names no account); registering a key is.
			RuntimeCall::AnonymousBallot(..) => true,
			_ => false,
		}
	}

	/// How many civic calls `call` makes, or `None` if it is not wholly civic. A batch counts
	/// each call in it and a proxy call the call it carries, to [`MAX_NESTING`] levels.
	fn civic_count(call: &RuntimeCall, depth: u32) -> Option<u32> {
		if Self::is_civic_pallet_call(call) {
			return Some(1);
		}
		if depth >= MAX_NESTING {
			return None;
		}
		match call {
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				proxy_type: ProxyType::Civic,
				..
			})
			| RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
				proxy_type: ProxyType::Civic,
				..
			}) => Some(1),
			RuntimeCall::Proxy(pallet_proxy::Call::proxy { call, .. }) => {
				Self::civic_count(call, depth + 1)
			},
			RuntimeCall::Utility(pallet_utility::Call::batch { calls })
			| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			| RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }) => {
				if calls.is_empty() {
					return None;
				}
				calls.iter().try_fold(0u32, |total, c| {
					Self::civic_count(c, depth + 1).map(|n| total.saturating_add(n))
				})
			},
			_ => None,
		}
	}
}

/// Wholly civic calls: free for residents within their quota, which counts each call.
impl pallet_party_branch::FreeCalls<RuntimeCall> for CivicCalls {
	fn count(call: &RuntimeCall) -> Option<u32> {
		Self::civic_count(call, 0)
	}
}

impl Contains<RuntimeCall> for CivicCalls {
	fn contains(call: &RuntimeCall) -> bool {
		Self::civic_count(call, 0).is_some()
	}
}
