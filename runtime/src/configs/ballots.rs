//! Anonymous ballots: the ring-VRF they use, the rings' sizes, and how they hear that a
//! resident was removed.
//!
//! The ring-VRF is the `verifiable` crate's Bandersnatch one over the Zcash BLS12-381 setup
//! (its "powers of tau" ceremony). Rings use the setup's smallest domain, 2^11, which takes 255
//! keys: a proof over a full ring is made in well under a second on a phone-class CPU
//! (docs/performance.md), and a community of 10,000 residents has 40 rings. The ring builder's
//! points of the setup are compiled into the runtime with the crate (its `builder-params`),
//! so nothing a transaction sends can change what a root commits to.

use frame_support::{parameter_types, traits::ConstU32};
use gongzhi_primitives::civic::OnResidentChange;
use verifiable::ring::{
	bandersnatch::{BandersnatchSha512Ell2, BandersnatchVrfVerifiable},
	ark_vrf::ring::SrsLookup,
	ring_verifier_builder_params, RingDomainSize, StaticChunk,
};

use crate::{AccountId, BlockNumber, PartyBranch, Runtime, DAYS, MINUTES};

/// The ring-VRF of the chain.
pub type BallotCrypto = BandersnatchVrfVerifiable;

parameter_types! {
	/// The setup's domain rings are built in: 2^11, up to 255 keys (the provers' domain, set in
	/// `gongzhi-ballot-prover` so that they and the chain agree).
	pub const BallotRingDomain: RingDomainSize = pallet_anonymous_ballot::RING_DOMAIN;
	pub const MinBallotVotingPeriod: BlockNumber = 10 * MINUTES;
	pub const MaxBallotVotingPeriod: BlockNumber = 60 * DAYS;
	// Ballots and paper records stay three years after the close, as other votes' records do.
	pub const BallotRetention: BlockNumber = 3 * 365 * DAYS;
}

/// The ring builder's points of the setup, from the `verifiable` crate.
pub struct SetupPoints;

impl pallet_anonymous_ballot::StaticChunks<StaticChunk<BandersnatchSha512Ell2>> for SetupPoints {
	fn lookup(
		range: core::ops::Range<usize>,
	) -> Result<alloc::vec::Vec<StaticChunk<BandersnatchSha512Ell2>>, ()> {
		let params = ring_verifier_builder_params::<BandersnatchSha512Ell2>(BallotRingDomain::get());
		(&params).lookup(range).map(|points| points.into_iter().map(StaticChunk).collect()).ok_or(())
	}
}

impl pallet_anonymous_ballot::Config for Runtime {
	type Registry = PartyBranch;
	// Owners of an estate when a committee election by secret ballot was called, by area.
	type Electorate = crate::OwnersAssembly;
	type Crypto = BallotCrypto;
	type RingConfig = BallotRingDomain;
	type Chunks = SetupPoints;
	type MaxRingSize = ConstU32<255>;
	type MaxRingsPerCommunity = ConstU32<40>;
	// A whole ring in one step: adding a key to a root is cheap beside checking one proof.
	type MaxKeysPerBuildStep = ConstU32<255>;
	type MaxRingsWaiting = ConstU32<256>;
	// An owners' committee election: up to 24 candidates and a blank; a voter's marks are a
	// bit each, so 32 at most.
	type MaxOptions = ConstU32<32>;
	type MinVotingPeriod = MinBallotVotingPeriod;
	type MaxVotingPeriod = MaxBallotVotingPeriod;
	type MaxPolls = ConstU32<256>;
	type Retention = BallotRetention;
	type MaxPrunedPerStep = ConstU32<100>;
	// A polling station serves a few hundred residents; larger ones record in several counts.
	type MaxPaperVoters = ConstU32<200>;
	// Above the roughly 120 ballots a block's weight admits with batched checks, so the weight
	// is the limit; 256 ballots' proofs are about 200 KB, for one block only.
	// 16 roots of one ring fixed by open polls at once (a kept root is up to 8 KB); a community
	// rarely has more than a few secret polls open.
	type MaxRootsInUse = ConstU32<16>;
	// In an owners' secret election a ballot counts its ring's area: a ring of fewer than three
	// owners of one area would let one of them, or anyone who knows they voted, tell who voted
	// how. Their owners vote on paper.
	type MinRollRing = ConstU32<3>;
	type MaxBallotsPerBlock = ConstU32<256>;
	type WeightInfo = pallet_anonymous_ballot::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type RegistryHelper = PartyBranch;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_ballot::Fixture;
}

/// What happens to a removed resident beyond the registry: their civic vote is withdrawn, and
/// their ballot key leaves its ring.
pub struct ResidentChanges;

impl OnResidentChange<AccountId> for ResidentChanges {
	fn vested(who: &AccountId) {
		super::civic_votes::CivicVoteGrant::vested(who)
	}
	fn vested_weight() -> frame_support::weights::Weight {
		super::civic_votes::CivicVoteGrant::vested_weight()
	}
	fn removed(who: &AccountId) {
		super::civic_votes::CivicVoteGrant::removed(who);
		pallet_anonymous_ballot::Pallet::<Runtime>::resident_removed(who);
	}
	fn removed_weight() -> frame_support::weights::Weight {
		use pallet_anonymous_ballot::WeightInfo;
		super::civic_votes::CivicVoteGrant::removed_weight().saturating_add(
			pallet_anonymous_ballot::weights::SubstrateWeight::<Runtime>::remove_key(),
		)
	}
}

/// A ballot made offline by `gongzhi-node ballot prove` for the benchmarks, which run in the
/// runtime where no prover is: ring of the first eight [`benchmark_ballot::Fixture::keys`],
/// poll 0, choice 0, sequence 0, by key 0. The runtime's tests check that it verifies.
pub mod benchmark_ballot {
	use alloc::vec::Vec;
	#[cfg(feature = "runtime-benchmarks")]
	use {super::BallotCrypto, verifiable::GenerateVerifiable};

	/// The ring's size the fixture was made for.
	pub const RING: u32 = 8;

	/// The secret of benchmark key `index` (made from public entropy: these keys are
	/// nobody's).
	pub fn entropy(index: u32) -> [u8; 32] {
		let mut entropy = [0u8; 32];
		entropy[..8].copy_from_slice(b"gz-bench");
		entropy[8..12].copy_from_slice(&index.to_le_bytes());
		entropy
	}

	/// The fixture.
	pub struct Fixture;

	#[cfg(feature = "runtime-benchmarks")]
	impl
		pallet_anonymous_ballot::BenchmarkHelper<
			[u8; 32],
			<BallotCrypto as GenerateVerifiable>::Proof,
			<BallotCrypto as GenerateVerifiable>::Signature,
		> for Fixture
	{
		fn keys(count: u32) -> Vec<[u8; 32]> {
			(0..count)
				.map(|i| BallotCrypto::member_from_secret(&BallotCrypto::new_secret(entropy(i))))
				.collect()
		}
		fn possession(
			index: u32,
			account: &[u8],
		) -> <BallotCrypto as GenerateVerifiable>::Signature {
			let message = pallet_anonymous_ballot::key_holder_message(account);
			BallotCrypto::sign(&BallotCrypto::new_secret(entropy(index)), &message)
				.unwrap_or([0; 64])
		}
		fn ballot() -> (pallet_anonymous_ballot::Alias, <BallotCrypto as GenerateVerifiable>::Proof) {
			let (alias, proof) = FIXTURE;
			let alias = decode_hex(alias).try_into().unwrap_or_default();
			let proof = decode_hex(proof).try_into().unwrap_or_default();
			(alias, proof)
		}
	}

	/// The alias and proof, hex.
	pub const FIXTURE: (&str, &str) = (
		"04112e3a25b1b5f778f1d9387453e11c41e41ee40d68fbc68db57f3cb61b8324",
		"\
		ffa6ea1abdf8801a205f4fbc5552b2fe017096f2e42ced8c45eafd0d2f56c35123bc866c407402de516266f89e6dd131\
		d2908f68851d9494afdfab309ca973acddc0f44bb76f36c4a10bef6c001872db457ebfd4c5d2beb2c8cb4b7642dec955\
		3137873f05e2c8665b263b0007645a3333101fd9bc00a3f5ac29b19062448008d1de7ebc28d5d547c9fb42bb54f89df4\
		72ed6c6b4efec2c254f62131119141008950e4b5992c014d718e6e3c87a436497fda679884036fd8562c8a5324b13c59\
		471b920123f83f51bec46ec0f5525ad495d74248e4d777778ca7452baa2a489e513eaeee48b15047ca841d7c60e5c3aa\
		2d2a62b5a0cab25d093226cc3a7ce3cfb165a16af211ff75edac699823df42a4c72125bc1362d32646592b3909112553\
		1f69c55afb324b1c2a9b20fc7bdc5f108ca7c3613b2e834d5753c6690830b8ef9bbfd2a84a72b4dcca011d7dece7267a\
		2f95ab5352f4b4253ce84a17b1ac00490dd80034c9a8d862e93bddf561670a4acdcd14cecd7f961e8f78ce2b69f8996f\
		9eea789aeafb8447814b5a211eddc01782caa7d403dff80a57b57b5558231657d4abf87b41a9a3fa7478333bcbb8a906\
		5bd558094e2105f3a982c0df379ac270ff19f335c42734f1041338efad8496566f00b122a1bccccb5dabcf08a5598f11\
		a1688c259ebbae5c88c8c8c6155d8b8fd3a24a1bed3d0a7def4f624b12f98d09e858a61d713ea3f5fcf34f0fb9f598f9\
		4e0c8f1101852e9c7eb68b97199e276c2b4209ce377dceb27e7070d1dd5e08f03fd9374c63b004047def3674c7bb5237\
		b1df18e7f3c5a144fa0004a3bfae35121a7451d28b5e44916ef56d7dacb9520ec3becfaea3e11345093c57921c3bd090\
		f57e23f27342a28d12aa0afce676820b39f833bbdce5aa4a766e5b8642754b3cb805d86dba869e05759d68d2f957d6f0\
		78d5c1d32a53023c163ebf0fdd94d58d221fea769fadef309ce96ae34f356fe9b031edf0dd98a12ed267fb55f9df7203\
		18a196a9f2b0a2017f850e50bd34ccab871715a0a60f83a05b74879d8428134101c8a6514d813e11f4dddeb5508c4115\
		84ad7acfffe64023c0117d9c2f2d52f834\
		",
	);

	/// Hex digits to bytes (the fixture is written by hand from the prover's output).
	pub fn decode_hex(hex: &str) -> Vec<u8> {
		let digits: Vec<u8> = hex.bytes().filter_map(|b| (b as char).to_digit(16).map(|d| d as u8)).collect();
		digits.chunks(2).map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0)).collect()
	}
}
