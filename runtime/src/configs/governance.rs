//! Governance: the council, referenda, and the only ways to reach `Root`.
//!
//! There is no sudo key. `Root` is reached in two ways only:
//! - a council motion `CouncilRoot::dispatch_as_root(call)` passed by at least three quarters of
//!   the council ([`CouncilSupermajority`]);
//! - a Democracy referendum, enacted by the scheduler as `Root`.
//!
//! The council proposes referenda externally (more than half for a simple-majority referendum, all
//! members for a negative-turnout-bias one), fast-tracks with two thirds, cancels with two thirds,
//! and any member may veto an external proposal once. Residents vote in referenda with their
//! civic vote, one each ([`super::civic_votes`]); there are no public proposals.

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstBool, ConstU32, EitherOfDiverse, EqualPrivilegeOnly,
		LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureRoot};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	currency::deposit, AccountId, Balance, Balances, BlockNumber, CivicVotes, OriginCaller,
	Preimage, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler,
	DAYS, HOURS, UNITS,
};

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// More than half of the council.
pub type CouncilMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>;
/// At least two thirds of the council.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;
/// At least three quarters of the council: what acting as `Root` requires.
pub type CouncilSupermajority =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 4>;
/// The whole council.
pub type CouncilUnanimous =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 1, 1>;
/// `Root` or more than half of the council: administrative settings.
pub type RootOrCouncilMajority = EitherOfDiverse<EnsureRoot<AccountId>, CouncilMajority>;
/// `Root` (a referendum or a council-root motion) or a council supermajority.
pub type RootOrCouncilSupermajority = EitherOfDiverse<EnsureRoot<AccountId>, CouncilSupermajority>;

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<64>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Membership changes by referendum or a council-root motion, never by one member.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_council_root::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = CouncilSupermajority;
	type WeightInfo = pallet_council_root::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const LaunchPeriod: BlockNumber = 7 * DAYS;
	pub const VotingPeriod: BlockNumber = 7 * DAYS;
	pub const FastTrackVotingPeriod: BlockNumber = 3 * HOURS;
	pub const EnactmentPeriod: BlockNumber = DAYS;
	pub const CooloffPeriod: BlockNumber = 7 * DAYS;
	pub const MinimumDeposit: Balance = 100 * UNITS;
}

impl pallet_democracy::Config for Runtime {
	type WeightInfo = pallet_democracy::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	// Votes are counted in civic votes, one per verified resident.
	type Currency = CivicVotes;
	type EnactmentPeriod = EnactmentPeriod;
	type LaunchPeriod = LaunchPeriod;
	type VotingPeriod = VotingPeriod;
	type VoteLockingPeriod = EnactmentPeriod;
	type MinimumDeposit = MinimumDeposit;
	type InstantAllowed = ConstBool<true>;
	type FastTrackVotingPeriod = FastTrackVotingPeriod;
	type CooloffPeriod = CooloffPeriod;
	type MaxVotes = ConstU32<100>;
	type MaxProposals = ConstU32<100>;
	type MaxDeposits = ConstU32<100>;
	type MaxBlacklisted = ConstU32<100>;
	type ExternalOrigin = CouncilMajority;
	// `Root` too: the runtime proposes the referenda residents approved in district
	// consultations (see [`ReferendaFromConsultations`]).
	type ExternalMajorityOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilMajority>;
	type ExternalDefaultOrigin = CouncilUnanimous;
	// Public proposals would take deposits in civic votes: referenda come from the council.
	type SubmitOrigin = EnsureNever<AccountId>;
	type FastTrackOrigin = CouncilTwoThirds;
	type InstantOrigin = CouncilUnanimous;
	type CancellationOrigin = CouncilTwoThirds;
	type BlacklistOrigin = EnsureRoot<AccountId>;
	type CancelProposalOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilUnanimous>;
	type VetoOrigin = pallet_collective::EnsureMember<AccountId, CouncilCollective>;
	type PalletsOrigin = OriginCaller;
	type Slash = ();
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// Puts the proposal of an approved district consultation topic forward as the next external
/// proposal, majority carries, as more than half of the council could. The council may still veto
/// it, and the district's residents decide it in the referendum. One external proposal waits at a
/// time: while one does, the topic's action fails (and its event says so).
pub struct ReferendaFromConsultations;

impl gongzhi_primitives::votes::DistrictReferenda for ReferendaFromConsultations {
	fn propose_referendum(hash: [u8; 32], len: u32) -> sp_runtime::DispatchResult {
		use sp_runtime::DispatchError;
		// `external_propose_majority` replaces whatever waits: never displace a proposal.
		if pallet_democracy::NextExternal::<Runtime>::exists() {
			return Err(DispatchError::Other("an external proposal is already waiting"));
		}
		// A proposal the council vetoed stays out until its cool-off ends.
		let now = frame_system::Pallet::<Runtime>::block_number();
		if pallet_democracy::Blacklist::<Runtime>::get(sp_core::H256::from(hash))
			.is_some_and(|(until, _)| now < until)
		{
			return Err(pallet_democracy::Error::<Runtime>::ProposalBlacklisted.into());
		}
		let proposal = frame_support::traits::Bounded::Lookup { hash: hash.into(), len };
		crate::Democracy::external_propose_majority(RuntimeOrigin::root(), proposal)
	}

	fn propose_referendum_weight() -> Weight {
		<<Runtime as pallet_democracy::Config>::WeightInfo as pallet_democracy::WeightInfo>::external_propose_majority()
	}
}
