//! # Anonymous ballots
//!
//! Secret ballots that stay secret: one verified resident, one vote, and no way — for anyone,
//! the officers who registered the residents included — to tell who cast which ballot. A
//! ballot carries no account: it is a general transaction holding a ring-VRF membership proof
//! (Bandersnatch, from the `verifiable` crate) that the voter's ballot key is in the poll's
//! rings, and the key's *alias* for that poll. One key has one alias per poll, so it votes once;
//! its aliases in two polls cannot be linked to each other or to the key.
//!
//! ## Overview
//!
//! - **Ballot keys.** A verified resident registers a public ballot key once
//!   ([`Pallet::register_key`]; replace it with [`Pallet::replace_key`], withdraw it with
//!   [`Pallet::remove_key`]). Their secret key stays on their device (the node's
//!   `gongzhi-node ballot key` makes one). A key is accepted once on the whole chain.
//! - **Rings.** A community's keys are kept in rings of at most [`Config::MaxRingSize`] keys
//!   (255 on the chain: the ring size the setup's smallest domain takes, so proofs are quick to
//!   make); a community of 10,000 residents has 40 rings. A ring's *root* — the commitment
//!   proofs are checked against — is built in `on_idle`, at most
//!   [`Config::MaxKeysPerBuildStep`] keys a step, and each new key is added to it without
//!   starting over. A key that leaves (replaced, withdrawn, or its resident no longer verified —
//!   the registry tells this pallet, [`Pallet::resident_removed`]) makes its ring build its
//!   root again from empty.
//! - **Polls.** An officer or a polling officer of a community opens a poll
//!   ([`Pallet::open_poll`]): the hash of a question published off chain, 2 to
//!   [`Config::MaxOptions`] options, a voting period, and whether voters may change their
//!   ballot. The community's ring roots are fixed in the poll then: residents who register a
//!   key later, or whose keys are still being added, are outside it (so a poll cannot open while
//!   any of the community's rings is being built: [`Error::RingsBeingBuilt`]), and a key
//!   removed before the opening cannot vote in it. The roots it fixes are *in use* until it
//!   closes ([`RingUse`]): the first change to a ring whose current root is in use keeps that
//!   root's keys ([`FrozenRings`]), so the poll's voters still find the keys they prove against
//!   ([`Pallet::poll_ring_keys`]) however the ring changes meanwhile.
//! - **Ballots.** [`Pallet::cast`] takes the poll, the ring the key is in, the choice, the
//!   ballot's sequence number, the alias and the proof. It needs no signature and pays no fee:
//!   the call's `authorize` check (run by `frame_system::AuthorizeCall`) verifies the proof
//!   against the ring's fixed root in the transaction pool, with the poll as the context and
//!   (poll, choice, sequence) as the message. An invalid proof, a ballot for a closed poll or a
//!   second ballot of an alias where changes are not allowed never enters the pool. Where
//!   changes are allowed the alias's last ballot counts, and each must carry the next sequence
//!   number, so an old ballot replayed cannot undo a change.
//! - **Batched checks in a block.** A proof checked alone costs about 32 ms of a block's 2 s;
//!   checked together, a block's proofs cost a fraction of that each. So in a block the
//!   `authorize` check does everything but the proof, [`Pallet::cast`] puts the ballot in
//!   [`Pending`], and `on_finalize` checks all the block's proofs as one batch and counts the
//!   ballots that pass ([`Event::BallotCast`]); one that does not — which only a block author
//!   who skipped the pool's check could include — is left out of the tally
//!   ([`Event::BallotRefused`]). The block is charged the batch's cost through the ballots'
//!   weights: its fixed part by the first ballot of the block, its per-proof part by each.
//! - **Paper ballots.** Residents without a ballot key vote on paper at a polling station. A
//!   polling officer records the station's count per option and the residents who voted there
//!   ([`Pallet::record_paper_count`]); a different officer countersigns it
//!   ([`Pallet::countersign_paper_count`]) and only then does it enter the tally, or rejects it
//!   ([`Pallet::reject_paper_count`]). That a resident voted on paper is public (so they cannot
//!   vote twice), how they voted is not. A resident whose key was registered before the poll
//!   opened votes online only.
//!
//! ## What is public and what is not
//! Public: every key and who registered it, the rings, each poll's fixed roots, every ballot's
//! alias and choice and the running tally, who voted on paper. Not public: which key (so which
//! resident) an alias belongs to, and whether two aliases in two polls are one person's. The
//! tally is public as it accumulates — the choices travel in the clear in the transactions
//! anyway; where a poll allows changes a voter pressed to vote one way can vote again later,
//! which is the protection against coercion. `docs/anonymous-ballots.md` states the trust
//! assumptions (the setup, the network layer, the device).
//!
//! ## Terms
//! - **ballot key**: a Bandersnatch key pair; the public half is on chain.
//! - **ring**: up to 255 ballot keys of one community; its **root** commits to them.
//! - **alias**: the pseudonym a key has in one poll.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod paper;
mod polls;
mod rings;
mod rolls;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::anonymous-ballot";

/// What the runtime gives the benchmarks: a ballot made offline for a ring of known keys.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<Member, Proof, Possession> {
	/// Ballot keys for a ring, the first of which cast [`Self::ballot`].
	fn keys(count: u32) -> alloc::vec::Vec<Member>;
	/// The proof of possession of key `index` of [`Self::keys`] for `account` (encoded).
	fn possession(index: u32, account: &[u8]) -> Possession;
	/// A ballot for choice 0, sequence 0 of poll 0 by the first of [`Self::keys`]: its alias
	/// and proof.
	fn ballot() -> (Alias, Proof);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::civic::{CivicRegistry, UnitId};
	use verifiable::GenerateVerifiable;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: units, officers, residents.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Electorates other pallets keep (an owners' assembly's vote): who may enrol in their
		/// polls, and with what weight.
		type Electorate: gongzhi_primitives::votes::WeightedElectorate<Self::AccountId>;

		/// The ring-VRF: Bandersnatch on the chain, the crate's test verifier in unit tests.
		type Crypto: GenerateVerifiable<
			Member: DecodeWithMemTracking,
			Proof: DecodeWithMemTracking,
			Signature: DecodeWithMemTracking,
			Members: verifiable::DecodeUnchecked,
			Intermediate: verifiable::DecodeUnchecked,
		>;

		/// The setup's domain the rings use (the chain: the smallest, 2^11, for 255 keys).
		type RingConfig: Get<<Self::Crypto as GenerateVerifiable>::Config>;

		/// The setup's fixed data that building a root reads.
		type Chunks: StaticChunks<ChunkOf<Self>>;

		/// The most keys in one ring: what the setup's domain takes (255 for 2^11).
		#[pallet::constant]
		type MaxRingSize: Get<u32>;

		/// The most rings one community has (40 rings of 255: 10,200 keys), and one poll of an
		/// electorate kept elsewhere (one per weight, more for a weight with over 255 voters).
		#[pallet::constant]
		type MaxRingsPerCommunity: Get<u32>;

		/// The most keys one `on_idle` step adds to a root.
		#[pallet::constant]
		type MaxKeysPerBuildStep: Get<u32>;

		/// The most rings waiting to be built at once; a key that would make one more waits.
		#[pallet::constant]
		type MaxRingsWaiting: Get<u32>;

		/// The most options a poll has (at most 32: a voter's marks are kept as a bit each).
		#[pallet::constant]
		type MaxOptions: Get<u32>;

		/// The shortest and longest voting periods, in blocks.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The most polls kept at once (open, or closed and not yet pruned).
		#[pallet::constant]
		type MaxPolls: Get<u32>;

		/// How long a closed poll's ballots and paper records are kept, in blocks.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;

		/// The most records one pruning step removes.
		#[pallet::constant]
		type MaxPrunedPerStep: Get<u32>;

		/// The most residents on one polling station's paper count.
		#[pallet::constant]
		type MaxPaperVoters: Get<u32>;

		/// The most different roots of one ring that open polls may have fixed at once. While
		/// an open poll's root of a ring is in use, a change to the ring keeps the keys that
		/// root holds ([`FrozenRings`], up to 8 KB each) so its voters can still prove; the
		/// chain: 16 (a community rarely has more than a few secret polls open; one more waits
		/// for one to close, [`Error::RingInUse`]).
		#[pallet::constant]
		type MaxRootsInUse: Get<u32>;

		/// The fewest keys a ring of a poll of an electorate kept elsewhere must hold for its
		/// ballots to be taken. A ballot there counts its ring's weight (an owner's area), so a
		/// voter nearly alone with their weight would be known by it; the voters of a smaller
		/// ring vote on paper instead. The chain: 3.
		#[pallet::constant]
		type MinRollRing: Get<u32>;

		/// The most ballots one block takes (their proofs are checked together at its end).
		/// Above what the block's weight admits, so that weight, not this, is the limit.
		#[pallet::constant]
		type MaxBallotsPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds units, officers and residents for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type RegistryHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;

		/// A ballot made offline for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<MemberOf<Self>, ProofOf<Self>, PossessionOf<Self>>;
	}

	/// Each resident's ballot key.
	#[pallet::storage]
	pub type Keys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, KeyRecordOf<T>, OptionQuery>;

	/// When each account has had a ballot key (for the paper-ballot rule).
	#[pallet::storage]
	pub type KeyHistory<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, KeySpan<BlockNumberFor<T>>, OptionQuery>;

	/// Who registered each ballot key: a key is accepted once.
	#[pallet::storage]
	pub type KeyOwners<T: Config> =
		StorageMap<_, Blake2_128Concat, MemberOf<T>, T::AccountId, OptionQuery>;

	/// The rings of each community.
	#[pallet::storage]
	pub type Rings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, UnitId, Twox64Concat, RingIndex, Ring<T>, OptionQuery>;

	/// How many rings each community has.
	#[pallet::storage]
	pub type RingCount<T: Config> = StorageMap<_, Twox64Concat, UnitId, u32, ValueQuery>;

	/// The roots of a ring that open polls fixed: each root's revision and the last close among
	/// the polls that fixed it. A change to the ring while its current root is in use keeps
	/// that root's keys in [`FrozenRings`]; both are forgotten once the polls have closed.
	#[pallet::storage]
	pub type RingUse<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		UnitId,
		Twox64Concat,
		RingIndex,
		BoundedVec<(u32, BlockNumberFor<T>), T::MaxRootsInUse>,
		ValueQuery,
	>;

	/// The keys of a ring's earlier root, by revision, kept while polls that fixed it are open:
	/// what a voter in those polls proves against after the ring has changed (view function
	/// [`Pallet::poll_ring_keys`]).
	#[pallet::storage]
	pub type FrozenRings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, UnitId>,
			NMapKey<Twox64Concat, RingIndex>,
			NMapKey<Twox64Concat, u32>,
		),
		FrozenRing<T>,
		OptionQuery,
	>;

	/// Rings whose root is behind their keys, first come first built.
	#[pallet::storage]
	pub type Waiting<T: Config> =
		StorageValue<_, BoundedVec<(UnitId, RingIndex), T::MaxRingsWaiting>, ValueQuery>;

	/// The next poll's number.
	#[pallet::storage]
	pub type NextPoll<T: Config> = StorageValue<_, PollId, ValueQuery>;

	/// The polls.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, Poll<T>, OptionQuery>;

	/// Each alias's ballot in each poll.
	#[pallet::storage]
	pub type Ballots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, Alias, Ballot, OptionQuery>;

	/// Paper counts by polling station.
	#[pallet::storage]
	pub type PaperCounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollId,
		Twox64Concat,
		StationId,
		PaperCount<T>,
		OptionQuery,
	>;

	/// Who voted on paper in each poll, and at which station.
	#[pallet::storage]
	pub type PaperVoters<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollId,
		Blake2_128Concat,
		T::AccountId,
		StationId,
		OptionQuery,
	>;

	/// Polls by the block from which they may be pruned, soonest first.
	#[pallet::storage]
	pub type Expiry<T: Config> =
		StorageValue<_, BoundedVec<(BlockNumberFor<T>, PollId), T::MaxPolls>, ValueQuery>;

	/// The ballots of the block being built, in order, waiting for the batched proof check in
	/// `on_finalize`, which empties it: never in the state between blocks. Unbounded only in
	/// type: at most [`Config::MaxBallotsPerBlock`] ballots, each with a proof of the crypto's
	/// fixed size (787 bytes on the chain).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Pending<T: Config> = StorageValue<_, alloc::vec::Vec<PendingBallot<T>>, ValueQuery>;

	/// The latest ballot number of each alias among [`Pending`], so that the next ballot of the
	/// same alias in the same block is checked against it. Emptied with [`Pending`].
	#[pallet::storage]
	pub type PendingSequence<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, Alias, u32, OptionQuery>;

	/// Polls of electorates other pallets keep: their enrolment, ring weights and weighted tally.
	#[pallet::storage]
	pub type Rolls<T: Config> = StorageMap<_, Twox64Concat, PollId, Roll<T>, OptionQuery>;

	/// The rings of each such poll, built from its enrolled voters' keys.
	#[pallet::storage]
	pub type RollRings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, RingIndex, Ring<T>, OptionQuery>;

	/// Who enrolled in each such poll, and the ring their key is in: public, so that they do
	/// not also vote on paper.
	#[pallet::storage]
	pub type Enrolled<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollId,
		Blake2_128Concat,
		T::AccountId,
		RingIndex,
		OptionQuery,
	>;

	/// The keys enrolled in each such poll: a key is enrolled once per poll.
	#[pallet::storage]
	pub type RollKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, MemberOf<T>, (), OptionQuery>;

	/// The options each alias marked in such a poll, a bit per option.
	#[pallet::storage]
	pub type Marks<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, Alias, u32, OptionQuery>;

	/// Rings of such polls whose root is behind their keys, first come first built.
	#[pallet::storage]
	pub type RollWaiting<T: Config> =
		StorageValue<_, BoundedVec<(PollId, RingIndex), T::MaxRingsWaiting>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A resident registered a ballot key; it waits to be added to its ring's root.
		KeyRegistered { who: T::AccountId, community: UnitId, ring: RingIndex },
		/// A resident replaced their ballot key.
		KeyReplaced { who: T::AccountId, community: UnitId, ring: RingIndex },
		/// A ballot key left its ring (withdrawn, or its resident no longer verified).
		KeyRemoved { who: T::AccountId, community: UnitId, ring: RingIndex },
		/// A ring's root was finished: polls opening from now fix it.
		RingBuilt { community: UnitId, ring: RingIndex, revision: u32, keys: u32 },
		/// A poll opened.
		PollOpened {
			poll: PollId,
			community: UnitId,
			question: [u8; 32],
			options: u8,
			closes: BlockNumberFor<T>,
			keys: u32,
		},
		/// An anonymous ballot was counted (`sequence` above 0: it replaced the alias's last
		/// one).
		BallotCast { poll: PollId, alias: Alias, choice: u8, sequence: u32 },
		/// A ballot in the block failed the batched proof check (or came after one of its
		/// alias's that did) and was not counted. Only an author who skipped the pool's check
		/// includes one.
		BallotRefused { poll: PollId, alias: Alias, sequence: u32 },
		/// A polling officer recorded a station's paper count.
		PaperCountRecorded { poll: PollId, station: StationId, by: T::AccountId, voters: u32 },
		/// A second officer countersigned it: it is in the tally.
		PaperCountCountersigned { poll: PollId, station: StationId, by: T::AccountId },
		/// A second officer rejected it: its voters may be recorded again.
		PaperCountRejected { poll: PollId, station: StationId, by: T::AccountId },
		/// Another pallet announced a poll of its electorate: voters enrol until `opens`.
		PollAnnounced {
			poll: PollId,
			community: UnitId,
			electorate: gongzhi_primitives::votes::ElectorateId,
			question: [u8; 32],
			opens: BlockNumberFor<T>,
			closes: BlockNumberFor<T>,
			marks: u8,
		},
		/// A voter enrolled in an announced poll with a ballot key; `weight` is what their
		/// ballot will count besides them.
		Enrolled { poll: PollId, who: T::AccountId, ring: RingIndex, weight: u64 },
		/// A ring of an announced poll was built.
		RollRingBuilt { poll: PollId, ring: RingIndex, keys: u32 },
		/// An announced poll's options were fixed: `allowed` may be marked.
		RollOpened { poll: PollId, options: u8, allowed: u32 },
		/// An announced poll's rings are built and fixed: ballots are taken from the `keys` in
		/// rings large enough to keep a ballot secret (the others' holders vote on paper).
		BallotsOpen { poll: PollId, rings: u32, keys: u32 },
		/// A closed poll's ballots and paper records were pruned (its tally is in its events'
		/// history and in the poll's last state before pruning).
		PollPruned { poll: PollId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only a verified resident registers a ballot key.
		NotAResident,
		/// This account already has a ballot key: replace it instead.
		HasKey,
		/// This account has no ballot key.
		NoKey,
		/// The key is not a valid Bandersnatch public key.
		InvalidKey,
		/// The key is already registered (by this or another account).
		KeyTaken,
		/// The community's rings are full: governance must raise the limit.
		RingsFull,
		/// Too many rings are waiting to be built: try again in a few blocks.
		BuildQueueFull,
		/// Only an officer or a polling officer of the community opens polls and records paper
		/// counts.
		NotAPollingOfficer,
		/// Polls are opened for a community.
		NotACommunity,
		/// A poll has 2 to `MaxOptions` options.
		BadOptions,
		/// The voting period is outside the allowed range.
		BadVotingPeriod,
		/// A ring of the community is being built: try again in a block or two.
		RingsBeingBuilt,
		/// The community has no ballot keys yet.
		NoKeys,
		/// Polls open in the community have fixed as many different roots of one of its rings
		/// as the chain keeps: open this poll when one of them closes.
		RingInUse,
		/// Too many polls are kept: wait until old ones are pruned.
		TooManyPolls,
		/// No such poll.
		UnknownPoll,
		/// The poll is closed.
		PollClosed,
		/// No such option.
		BadChoice,
		/// No such ring in this poll.
		UnknownRing,
		/// The ballot's sequence number is not the next one for its alias.
		WrongSequence,
		/// This alias has voted and the poll does not allow changes.
		AlreadyVoted,
		/// The proof does not check against the ring's root.
		BadProof,
		/// This station's count is already recorded.
		StationRecorded,
		/// No such paper count.
		UnknownStation,
		/// The counts must give one number per option and add up to the voters listed.
		CountsDoNotAddUp,
		/// A listed voter is not a resident of the community since the poll opened.
		NotInElectorate,
		/// A listed voter has a ballot key since before the poll opened: they vote online.
		VotesOnline,
		/// A listed voter has already voted on paper in this poll (or is listed twice).
		AlreadyVotedOnPaper,
		/// The count was countersigned already.
		AlreadyCountersigned,
		/// A second officer, not the one who recorded it, countersigns or rejects a count.
		SameOfficer,
		/// The poll's number space is used up.
		NoMoreIds,
		/// The block holds as many ballots as it takes: the ballot waits for the next block.
		TooManyBallotsInBlock,
		/// The key's proof of possession does not hold: it must be made with the key's own
		/// secret for the account that registers it (the portal or `gongzhi-node ballot key`
		/// makes both on the resident's device).
		NotKeyHolder,
		/// Enrolment in this poll has ended (ballots are open): vote on paper.
		EnrolmentClosed,
		/// Only a member of the poll's electorate (an owner on the register when the vote was
		/// called) enrols in it.
		NotAnElector,
		/// This account has enrolled in this poll already.
		AlreadyEnrolled,
		/// Ballots of this poll are not taken yet: its options or rings are not fixed.
		NotYetOpen,
		/// This alias has marked this option already.
		AlreadyMarked,
		/// A blank ballot marks nothing else, and nothing is marked after it.
		BlankAlone,
		/// This poll's paper ballots are recorded by the pallet that called it (the owners'
		/// assembly's stewards), not here.
		PaperElsewhere,
		/// The poll is not a poll of an electorate kept elsewhere, or its options are fixed.
		NotARoll,
		/// Fewer owners enrolled with your area than a ring needs to keep a ballot secret: your
		/// ballot would show who you are. Vote on paper at a polling station instead.
		RingTooSmall,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let mut meter = frame_support::weights::WeightMeter::with_limit(remaining);
			Self::build_rings(&mut meter);
			Self::prune(now, &mut meter);
			meter.consumed()
		}

		/// Checks the block's ballots' proofs as one batch and counts those that pass. Its
		/// weight is charged through the ballots' own (see [`Pallet::cast`]).
		fn on_finalize(_now: BlockNumberFor<T>) {
			Self::count_pending();
		}

		fn integrity_test() {
			assert!(T::MaxRingSize::get() > 0, "a ring holds at least one key");
			assert!(T::MaxRingsPerCommunity::get() > 0, "a community has at least one ring");
			assert!(T::MaxKeysPerBuildStep::get() > 0, "ring building must make progress");
			assert!(T::MaxPrunedPerStep::get() > 0, "pruning must make progress");
			assert!(T::MaxOptions::get() >= 2 && T::MaxOptions::get() <= 32, "2..=32 options");
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get(), "a valid range");
			assert!(T::MaxBallotsPerBlock::get() > 0, "a block takes ballots");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A verified resident registers their public ballot key; it joins the first ring of
		/// their community with room, and the ring's root is brought up to date in `on_idle`.
		/// `possession` is the key's signature over [`key_holder_message`] of the caller's
		/// account: only the key's holder can register it, and only for themselves.
		///
		/// Emits [`Event::KeyRegistered`]. Errors: [`Error::NotAResident`], [`Error::HasKey`],
		/// [`Error::InvalidKey`], [`Error::NotKeyHolder`], [`Error::KeyTaken`],
		/// [`Error::RingsFull`], [`Error::BuildQueueFull`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_key())]
		pub fn register_key(
			origin: OriginFor<T>,
			key: MemberOf<T>,
			possession: PossessionOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_key(who, key, &possession)
		}

		/// A resident replaces their ballot key (a new device, or the old secret lost or
		/// exposed). The old key leaves its ring, whose root is built again. `possession` as
		/// for [`Pallet::register_key`], made with the new key.
		///
		/// Emits [`Event::KeyReplaced`]. Errors: [`Error::NoKey`], [`Error::NotAResident`],
		/// [`Error::InvalidKey`], [`Error::NotKeyHolder`], [`Error::KeyTaken`],
		/// [`Error::RingsFull`], [`Error::BuildQueueFull`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::replace_key())]
		pub fn replace_key(
			origin: OriginFor<T>,
			key: MemberOf<T>,
			possession: PossessionOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_replace_key(who, key, &possession)
		}

		/// A resident withdraws their ballot key (they will vote on paper in polls opened from
		/// now). Its ring's root is built again.
		///
		/// Emits [`Event::KeyRemoved`]. Errors: [`Error::NoKey`], [`Error::BuildQueueFull`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_key())]
		pub fn remove_key(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_key(&who)
		}

		/// An officer or a polling officer of `community` opens a poll on the question whose
		/// hash `terms` gives, fixing the community's ring roots as they are now.
		///
		/// Emits [`Event::PollOpened`]. Errors: [`Error::NotACommunity`],
		/// [`Error::NotAPollingOfficer`], [`Error::BadOptions`], [`Error::BadVotingPeriod`],
		/// [`Error::RingsBeingBuilt`], [`Error::NoKeys`], [`Error::TooManyPolls`],
		/// [`Error::RingInUse`], [`Error::NoMoreIds`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::open_poll(T::MaxRingsPerCommunity::get()))]
		pub fn open_poll(
			origin: OriginFor<T>,
			community: UnitId,
			terms: PollTerms<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let rings = Self::do_open_poll(who, community, terms)?;
			Ok(Some(T::WeightInfo::open_poll(rings)).into())
		}

		/// An anonymous ballot: no signature, no fee. `authorize` checks that the poll is open,
		/// the choice and ring exist and the ballot is the alias's next one; in the pool it also
		/// checks `proof` against ring `ring` of `poll` (the poll as the context, giving
		/// `alias`). In a block the call puts the ballot in [`Pending`]; `on_finalize` checks
		/// the block's proofs together and counts each ballot that passes, replacing the
		/// alias's last ballot if there was one.
		///
		/// Origin: `Authorized` (a general transaction authorised by this check). Emits
		/// [`Event::BallotCast`] (or [`Event::BallotRefused`]) at the block's end. Refused in
		/// the pool with the errors of [`Pallet::check_ballot`] and [`Error::BadProof`] as
		/// custom invalid-transaction codes (their index in [`Error`]); in a full block with
		/// [`Error::TooManyBallotsInBlock`] (it waits for the next).
		///
		/// Weight: the ballot's share of the block's batched check. The first ballot of a
		/// block declares and pays the batch's fixed part too; the others are refunded it.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::ballot_weight(true))]
		#[pallet::authorize(|source, poll, ring, choice, sequence, alias, proof| {
			Pallet::<T>::authorize_ballot(source, *poll, *ring, *choice, *sequence, alias, proof)
		})]
		#[pallet::weight_of_authorize(T::WeightInfo::admit_ballot())]
		pub fn cast(
			origin: OriginFor<T>,
			poll: PollId,
			ring: RingIndex,
			choice: u8,
			sequence: u32,
			alias: Alias,
			proof: ProofOf<T>,
		) -> DispatchResultWithPostInfo {
			frame_system::ensure_authorized(origin)?;
			let first = Self::do_cast(PendingBallot { poll, ring, choice, sequence, alias, proof })?;
			Ok(Some(Self::ballot_weight(first)).into())
		}

		/// A polling officer (or an officer) of the poll's community records a polling
		/// station's paper count while the poll is open: ballots per option and the residents
		/// who voted there. It enters the tally when a second officer countersigns it.
		///
		/// Emits [`Event::PaperCountRecorded`]. Errors: [`Error::UnknownPoll`],
		/// [`Error::PollClosed`], [`Error::NotAPollingOfficer`], [`Error::StationRecorded`],
		/// [`Error::CountsDoNotAddUp`], [`Error::NotInElectorate`], [`Error::VotesOnline`],
		/// [`Error::AlreadyVotedOnPaper`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record_paper_count(voters.len() as u32))]
		pub fn record_paper_count(
			origin: OriginFor<T>,
			poll: PollId,
			station: StationId,
			counts: BoundedVec<u32, T::MaxOptions>,
			voters: BoundedVec<T::AccountId, T::MaxPaperVoters>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_paper_count(who, poll, station, counts, voters)
		}

		/// A second polling officer or officer of the community countersigns a station's
		/// count; it enters the tally. Allowed until the poll's retention ends, so a station
		/// recorded just before the close can still be counted.
		///
		/// Emits [`Event::PaperCountCountersigned`]. Errors: [`Error::UnknownPoll`],
		/// [`Error::UnknownStation`], [`Error::NotAPollingOfficer`], [`Error::SameOfficer`],
		/// [`Error::AlreadyCountersigned`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::countersign_paper_count())]
		pub fn countersign_paper_count(
			origin: OriginFor<T>,
			poll: PollId,
			station: StationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_countersign(who, poll, station)
		}

		/// A second polling officer or officer rejects a station's count that is not yet
		/// countersigned; its voters are free to be recorded again (correctly).
		///
		/// Emits [`Event::PaperCountRejected`]. Errors: as
		/// [`Pallet::countersign_paper_count`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject_paper_count(T::MaxPaperVoters::get()))]
		pub fn reject_paper_count(
			origin: OriginFor<T>,
			poll: PollId,
			station: StationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject(who, poll, station)
		}

		/// A member of an announced poll's electorate enrols to vote online with a ballot key
		/// (a fresh one, or the one they registered as a resident), until ballots open. They
		/// join a ring of voters of the same weight; that they enrolled is public, how they
		/// vote is not. `possession` as for [`Pallet::register_key`].
		///
		/// Emits [`Event::Enrolled`]. Errors: [`Error::UnknownPoll`], [`Error::NotARoll`],
		/// [`Error::EnrolmentClosed`], [`Error::NotAnElector`], [`Error::AlreadyEnrolled`],
		/// [`Error::InvalidKey`], [`Error::NotKeyHolder`], [`Error::KeyTaken`],
		/// [`Error::RingsFull`], [`Error::BuildQueueFull`].
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::enrol_weight())]
		pub fn enrol(
			origin: OriginFor<T>,
			poll: PollId,
			key: MemberOf<T>,
			possession: PossessionOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_enrol(who, poll, key, &possession)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// `who`'s ballot key: the key, its community and ring.
		pub fn key_of(who: T::AccountId) -> Option<KeyRecordOf<T>> {
			Keys::<T>::get(who)
		}

		/// The keys of ring `ring` of `community`, in ring order (what a prover needs), and
		/// whether its root holds exactly them.
		pub fn ring_keys(community: UnitId, ring: RingIndex) -> Option<(Vec<MemberOf<T>>, bool)> {
			Rings::<T>::get(community, ring).map(|r| {
				let current = r.is_current();
				(r.members.into_inner(), current)
			})
		}

		/// The keys a ballot in `poll` proves against for ring `ring`, in ring order: those its
		/// fixed root holds, whether the ring has changed since (the chain keeps them while the
		/// poll is open) or not. `None` for an unknown poll or ring, or once the keys are no
		/// longer kept (the poll has closed).
		pub fn poll_ring_keys(poll: PollId, ring: RingIndex) -> Option<Vec<MemberOf<T>>> {
			Self::keys_of_poll_ring(poll, ring)
		}

		/// How many rings `community` has, and how many of them are being built.
		pub fn rings_of(community: UnitId) -> (u32, u32) {
			let count = RingCount::<T>::get(community);
			let waiting =
				Waiting::<T>::get().iter().filter(|(unit, _)| *unit == community).count() as u32;
			(count, waiting)
		}

		/// A poll: its community, question, period, fixed roots, tally and turnout.
		pub fn poll(poll: PollId) -> Option<Poll<T>> {
			Polls::<T>::get(poll)
		}

		/// An alias's ballot in a poll.
		pub fn ballot(poll: PollId, alias: Alias) -> Option<Ballot> {
			Ballots::<T>::get(poll, alias)
		}

		/// An announced poll's enrolment, ring weights and weighted tally.
		pub fn roll(poll: PollId) -> Option<Roll<T>> {
			Rolls::<T>::get(poll)
		}

		/// The ring `who` enrolled in for `poll`, if they did.
		pub fn enrolment(poll: PollId, who: T::AccountId) -> Option<RingIndex> {
			Enrolled::<T>::get(poll, who)
		}

		/// A polling station's paper count.
		pub fn paper_count(poll: PollId, station: StationId) -> Option<PaperCount<T>> {
			PaperCounts::<T>::get(poll, station)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The setup's domain, as the crate takes it.
		pub(crate) fn ring_config() -> <T::Crypto as GenerateVerifiable>::Config {
			T::RingConfig::get()
		}
	}
}

/// The registry tells the pallet when someone stops being a verified resident: their ballot key
/// leaves its ring. The runtime wires it into the registry's `OnResidentChange`.
impl<T: Config> Pallet<T> {
	/// `who` is no longer a verified resident: their key, if any, leaves its ring.
	pub fn resident_removed(who: &T::AccountId) {
		if Keys::<T>::contains_key(who) {
			if let Err(error) = Self::do_remove_key(who) {
				// Only a full build queue gets here (sized far above what blocks fill): the
				// key has left `Keys` and its ring's members, and the ring is marked for
				// rebuilding, so no poll of the community opens (`RingsBeingBuilt`) until the
				// ring is queued again by its next change.
				log::warn!(target: LOG_TARGET, "removing a ballot key: {error:?}");
			}
		}
	}
}

use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::UnitId;
use sp_runtime::DispatchError;

/// The account recorded as the opener of polls other pallets open (a consultation topic's vote):
/// no officer opened them, the rules did.
pub const SYSTEM_OPENER: frame_support::PalletId = frame_support::PalletId(*b"gz/ballt");

/// Polls other pallets open: a consultation topic voted on anonymously. The asking pallet has
/// decided who votes and when (its own rules, governed there), so the opener is
/// [`SYSTEM_OPENER`] and the voting-period bounds of [`Pallet::open_poll`] do not apply; the
/// rings' rules do (`RingsBeingBuilt`, `NoKeys`), and the poll is kept and pruned like any.
impl<T: Config> gongzhi_primitives::votes::AnonymousPolls<BlockNumberFor<T>> for Pallet<T> {
	fn available() -> bool {
		true
	}

	fn open_poll(
		community: UnitId,
		question: [u8; 32],
		options: u8,
		closes: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		use gongzhi_primitives::civic::{CivicRegistry, UnitLevel};
		use sp_runtime::traits::AccountIdConversion;
		ensure!(
			T::Registry::level_of(community) == Some(UnitLevel::Community),
			Error::<T>::NotACommunity
		);
		ensure!(options >= 2 && u32::from(options) <= T::MaxOptions::get(), Error::<T>::BadOptions);
		ensure!(closes > frame_system::Pallet::<T>::block_number(), Error::<T>::BadVotingPeriod);
		let opener = SYSTEM_OPENER.into_account_truncating();
		Self::open(opener, community, question, options, closes, true).map(|(poll, _)| poll)
	}

	fn tally(poll: PollId) -> Option<alloc::vec::Vec<u32>> {
		Polls::<T>::get(poll).map(|poll| poll.tally.into_inner())
	}

	fn open_poll_weight() -> Weight {
		T::WeightInfo::open_poll(T::MaxRingsPerCommunity::get())
	}

	fn tally_weight() -> Weight {
		// One read of the poll: about what counting a ballot reads.
		T::DbWeight::get().reads(1).saturating_add(T::WeightInfo::count_ballot())
	}
}
