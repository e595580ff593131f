//! What the pallet stores: ballot keys, rings, polls, ballots and paper counts.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::UnitId;
use scale_info::TypeInfo;
use verifiable::GenerateVerifiable;

/// A poll's number, from 0.
pub type PollId = u32;
/// A ring's number within its community, from 0.
pub type RingIndex = u32;
/// A polling station's number within a poll, chosen by the polling officer.
pub type StationId = u32;
/// The pseudonym a ballot key has in one poll (the ring-VRF output): the same key gives the
/// same alias in one poll and unlinkable aliases in two.
pub type Alias = verifiable::Alias;

/// A resident's public ballot key (a Bandersnatch point on the chain).
pub type MemberOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::Member;
/// A ring's root: the commitment to its members that proofs are checked against.
pub type RootOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::Members;
/// A ring root while members are being added to it.
pub type IntermediateOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::Intermediate;
/// A proof of possession of a ballot key: the key's plain signature over
/// [`key_holder_message`] of the account registering it.
pub type PossessionOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::Signature;
/// A ring membership proof.
pub type ProofOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::Proof;
/// A piece of the setup's fixed data that ring building reads.
pub type ChunkOf<T> = <<T as Config>::Crypto as GenerateVerifiable>::StaticChunk;
/// A ring root as stored: decoded without re-checking its curve points.
pub type StoredRoot<T> = Trusted<RootOf<T>>;

/// A value the runtime computed itself and stores, decoded from storage without the checks that
/// untrusted input needs.
///
/// Ring roots and roots under construction are curve points (on BLS12-381). Decoding one from
/// untrusted bytes checks that each point is on the curve and in the right subgroup, which costs
/// about a millisecond of wasm per point: reading a ring took 5.3 ms and a poll 1.7 ms in the
/// benchmarks, almost all of it these checks. The pallet writes such values only from what
/// `start_members`, `push_members` and `finish_members` return, never from a transaction, so
/// the checks are skipped on the way back (`DecodeUnchecked`). The encoding, the metadata and so
/// the storage layout are exactly those of the value itself.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Trusted<V>(pub V);

impl<V: Encode> Encode for Trusted<V> {
	fn size_hint(&self) -> usize {
		self.0.size_hint()
	}
	fn encode_to<O: codec::Output + ?Sized>(&self, dest: &mut O) {
		self.0.encode_to(dest)
	}
}

impl<V: Encode> codec::EncodeLike<V> for Trusted<V> {}

impl<V: verifiable::DecodeUnchecked> Decode for Trusted<V> {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		V::decode_unchecked(input).map(Trusted)
	}
}

impl<V: MaxEncodedLen> MaxEncodedLen for Trusted<V> {
	fn max_encoded_len() -> usize {
		V::max_encoded_len()
	}
}

impl<V: TypeInfo + 'static> TypeInfo for Trusted<V> {
	type Identity = V::Identity;
	fn type_info() -> scale_info::Type {
		V::type_info()
	}
}

/// Where the setup's fixed data (the ring builder's points of the trusted setup) comes from.
/// Ring roots are only as honest as this data: the runtime serves the points compiled into the
/// `verifiable` crate, never anything a transaction could change.
pub trait StaticChunks<Chunk> {
	/// The points at `range`, or `Err` if the range is outside the setup.
	fn lookup(range: core::ops::Range<usize>) -> Result<alloc::vec::Vec<Chunk>, ()>;
}

/// Setups with no fixed data (the test verifier).
impl StaticChunks<()> for () {
	fn lookup(range: core::ops::Range<usize>) -> Result<alloc::vec::Vec<()>, ()> {
		Ok(alloc::vec![(); range.len()])
	}
}

/// A resident's ballot key.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct KeyRecord<Member> {
	/// The public key.
	pub key: Member,
	/// The community whose ring holds it.
	pub community: UnitId,
	/// The ring that holds it.
	pub ring: RingIndex,
}

/// The record of a ballot key.
pub type KeyRecordOf<T> = KeyRecord<MemberOf<T>>;

/// When an account has had a ballot key: from `since` (its first, kept when the key is
/// replaced) until `until` (when it was withdrawn or its resident removed; `None` while it
/// has one). A poll opened in that span has the key in its roots, so its paper ballot is
/// refused.
///
/// The bounds are exact because a poll cannot open while a ring of its community is behind its
/// keys: a key registered in the block a poll opens was registered after the opening (not in
/// its roots), and a key removed in that block was removed after it (in its roots).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct KeySpan<BlockNumber> {
	/// When the account first registered a key.
	pub since: BlockNumber,
	/// When its key was last withdrawn, if it has none now.
	pub until: Option<BlockNumber>,
}

impl<BlockNumber: PartialOrd + Copy> KeySpan<BlockNumber> {
	/// Whether the account had a key when a poll opened at `opened`.
	pub fn covers(&self, opened: BlockNumber) -> bool {
		self.since < opened && self.until.map_or(true, |until| opened <= until)
	}
}

/// A ring: up to [`Config::MaxRingSize`] ballot keys of one community, and its root.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Ring<T: Config> {
	/// The keys, in the order they were added to the root.
	pub members: BoundedVec<MemberOf<T>, T::MaxRingSize>,
	/// How many of `members` the root under construction holds.
	pub built: u32,
	/// Whether a key left the ring: the root is built again from empty.
	pub rebuild: bool,
	/// The root under construction.
	pub building: Trusted<IntermediateOf<T>>,
	/// The last finished root, which polls opening now fix; `None` before the first.
	pub root: Option<StoredRoot<T>>,
	/// How many roots have been finished.
	pub revision: u32,
}

impl<T: Config> Ring<T> {
	/// A ring with no keys, its root not yet begun.
	pub fn empty() -> Self {
		Ring {
			members: Default::default(),
			built: 0,
			rebuild: false,
			building: Trusted(T::Crypto::start_members(T::RingConfig::get())),
			root: None,
			revision: 0,
		}
	}

	/// Whether the last finished root holds exactly the ring's members.
	pub fn is_current(&self) -> bool {
		!self.rebuild && self.built as usize == self.members.len() && self.root.is_some()
	}
}

/// The keys an earlier root of a ring holds, kept while polls that fixed that root are open.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct FrozenRing<T: Config> {
	/// The root.
	pub root: StoredRoot<T>,
	/// The keys it holds, in the order they were added to it.
	pub members: BoundedVec<MemberOf<T>, T::MaxRingSize>,
}

/// A secret poll: one question with numbered options, answered by anonymous ballots against
/// the community's ring roots as they were when it opened.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Poll<T: Config> {
	/// The community whose residents vote.
	pub community: UnitId,
	/// The officer who opened it.
	pub opener: T::AccountId,
	/// The blake2-256 hash of the question and its options, published off chain (a notice).
	pub question: [u8; 32],
	/// The block it opened at: the electorate's keys and residency are fixed there.
	pub opened: BlockNumberFor<T>,
	/// The first block at which ballots are refused.
	pub closes: BlockNumberFor<T>,
	/// Whether a voter may replace their ballot until the close (their last one counts).
	pub changes_allowed: bool,
	/// The community's ring roots when the poll opened, by ring index.
	pub rings: BoundedVec<StoredRoot<T>, T::MaxRingsPerCommunity>,
	/// How many keys those roots hold: the online electorate.
	pub keys: u32,
	/// Ballots per option, online and countersigned paper counts together.
	pub tally: BoundedVec<u32, T::MaxOptions>,
	/// Voters online (aliases that cast a ballot).
	pub online: u32,
	/// Voters on paper (in countersigned counts).
	pub paper: u32,
}

impl<T: Config> Poll<T> {
	/// Whether ballots are taken at `now`.
	pub fn is_open(&self, now: BlockNumberFor<T>) -> bool {
		now < self.closes
	}
	/// The number of options.
	pub fn options(&self) -> u32 {
		self.tally.len() as u32
	}
}

/// A poll of an electorate another pallet keeps (an owners' assembly's vote): who votes online
/// enrols before ballots open ([`crate::Pallet::enrol`]) and is put in a ring of voters of the
/// same weight, so each ballot counts its voter and its ring's weight. Stored beside its
/// [`Poll`], whose rings stay empty until the roll's rings are built and ballots open.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Roll<T: Config> {
	/// The asking pallet's electorate (its vote), asked for each enrolling voter's weight.
	pub electorate: gongzhi_primitives::votes::ElectorateId,
	/// Enrolment ends and ballots open at this block.
	pub opens: BlockNumberFor<T>,
	/// How many options one voter marks at most, each once (an election's seats).
	pub marks: u8,
	/// The rings by index: the weight each of its voters has, and how many keys it holds.
	pub rings: BoundedVec<(u64, u32), T::MaxRingsPerCommunity>,
	/// Voters enrolled.
	pub enrolled: u32,
	/// Whether the asking pallet has fixed the options (ballots open once the rings are built).
	pub opened: bool,
	/// The options that may be marked, a bit per option.
	pub allowed: u32,
	/// The option that is marked alone if at all (a blank ballot).
	pub blank: Option<u8>,
	/// Weight per option of the voters who marked it.
	pub tally: BoundedVec<u64, T::MaxOptions>,
	/// Weight of the voters who cast a ballot.
	pub turnout: u64,
}

impl<T: Config> Roll<T> {
	/// Whether option `choice` may be marked.
	pub fn allows(&self, choice: u8) -> bool {
		self.opened && choice < 32 && self.allowed & (1u32 << choice) != 0
	}
}

/// An alias's ballot in a poll.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Ballot {
	/// The option chosen, from 0.
	pub choice: u8,
	/// 0 for the first ballot, one more for each replacement. A ballot must carry the next
	/// number, so an old ballot transaction replayed later cannot undo a change.
	pub sequence: u32,
}

/// A ballot taken into the block being built, counted at the block's end once every ballot of
/// the block has passed one batched proof check.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct PendingBallot<T: Config> {
	/// The poll.
	pub poll: PollId,
	/// The ring of the poll the proof is made against.
	pub ring: RingIndex,
	/// The option chosen.
	pub choice: u8,
	/// The alias's ballot number.
	pub sequence: u32,
	/// The alias the proof must give.
	pub alias: Alias,
	/// The ring-VRF proof.
	pub proof: ProofOf<T>,
}

/// A polling station's paper count, waiting for a second officer.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct PaperCount<T: Config> {
	/// The polling officer who recorded it.
	pub recorder: T::AccountId,
	/// Ballots per option.
	pub counts: BoundedVec<u32, T::MaxOptions>,
	/// The residents who voted on paper there: public, so they cannot also vote online.
	pub voters: BoundedVec<T::AccountId, T::MaxPaperVoters>,
	/// Whether a second officer countersigned it (then it is in the tally).
	pub countersigned: Option<T::AccountId>,
}

/// The options a poll may have, as a call argument.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub struct PollTerms<BlockNumber> {
	/// The blake2-256 hash of the question and its options.
	pub question: [u8; 32],
	/// How many options (2 to [`Config::MaxOptions`]).
	pub options: u8,
	/// How long ballots are taken, in blocks.
	pub voting_period: BlockNumber,
	/// Whether a voter may replace their ballot until the close.
	pub changes_allowed: bool,
}

/// What a ballot proves, shared with the provers (the node's `ballot` command, the portal):
/// the alias's context for a poll, what its proof signs, and the rings' setup domain.
pub use gongzhi_ballot_prover::{ballot_context, ballot_message, key_holder_message, RING_DOMAIN};
