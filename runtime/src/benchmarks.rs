//! The pallets whose benchmarks the node's `benchmark pallet` command can run.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_collective, Council]
	[pallet_council_root, CouncilRoot]
	[pallet_democracy, Democracy]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_proxy, Proxy]
	[pallet_utility, Utility]
	[pallet_party_branch, PartyBranch]
	[pallet_community_treasury, CommunityTreasury]
	[pallet_consultation, Consultation]
	[pallet_volunteer_credits, VolunteerCredits]
	[pallet_assistance, Assistance]
	[pallet_public_affairs, PublicAffairs]
	[pallet_owners_assembly, OwnersAssembly]
	[pallet_validator_set, ValidatorSet]
);
