//! # Owners' assembly (业主大会)
//!
//! The owners of an estate's homes decide together, counted as the Civil Code counts them
//! (art. 278): by exclusive unit and by floor area, with a double majority ([`counting`]).
//!
//! ## Overview
//!
//! - **Estates and their register.** An officer of a community registers an estate (小区) with
//!   its total exclusive area as the housing authority registered it
//!   ([`Pallet::register_estate`]). A housing officer ([`Role::HousingOfficer`]) of the community
//!   puts its exclusive units on the register after checking each property certificate off chain
//!   ([`Pallet::register_property`]): building, area, a keyed hash of the certificate number,
//!   the owners and the owner who votes for the unit. Sales ([`Pallet::transfer_property`]),
//!   the co-owners' choice of voter ([`Pallet::set_voter`]) and corrections of area
//!   ([`Pallet::amend_property`]) are recorded the same way. Owners need not live in the
//!   community. Every change must be **confirmed by a second person** — an officer of the
//!   community or another housing officer, not one who changed it ([`Pallet::confirm_register`])
//!   — before a vote is called, and the units' areas must add up to the registered total.
//! - **Votes.** The owners' committee, or before one is elected an officer of the community,
//!   calls a vote ([`Pallet::call_vote`]) on up to [`Config::MaxMatters`] matters, each with a
//!   [`Category`] that fixes the approval it needs and a [`Question`]: a motion, a choice among
//!   alternatives, or a committee election. The call is the public voting notice (公示): the
//!   electorate (owners and area) is fixed and published, ballots open after the notice period
//!   and close after the voting period the caller sets. Each owner casts one ballot, answering
//!   every matter ([`Pallet::cast_ballot`], or through a civic proxy), or votes on paper: a
//!   steward records the ballot ([`Pallet::record_paper_ballot`]) and a second person
//!   countersigns it ([`Pallet::countersign_paper_ballot`]). At the close the vote is counted in
//!   `on_initialize`: both participation tests, both approval tests, with the numbers
//!   ([`Results`], [`Tallies`]); what an approved matter does ([`Action`]) happens then.
//! - **Elections.** During the notice period owners nominate candidates
//!   ([`Pallet::nominate`]); a candidate stands with the election's number of nominations. A
//!   candidate needs the ordinary double majority of the participants; the seats go to those who
//!   reach it, most owners first (then most area); candidates tied for the last seat leave it
//!   vacant for a new vote. The elected become the estate's committee for the term.
//! - **Money.** The estate's pot ([`Pallet::pot_account`], derived from [`Config::PalletId`];
//!   nobody holds its key) has two ledgers: the maintenance fund (专项维修资金), into which owners
//!   pay deposits per unit ([`Pallet::deposit_fund`]; the assembly sets the rate per square
//!   metre), and public revenue (公共收益) from parking, advertising and rent, booked with its
//!   source by the company or the committee ([`Pallet::book_revenue`]). Money leaves the fund
//!   only by an approved maintenance-fund matter, paid when the vote is counted; revenue moves
//!   to the fund, or out to the owners by floor area (each unit's voter claims its share,
//!   [`Pallet::claim_revenue_share`]; what is not claimed within [`Config::Retention`] goes
//!   back), only by an approved public-revenue matter. No official moves it alone.
//!   The pot is the estate's own, not a community treasury pot: the community treasury moves
//!   money by M-of-N approval of supervisors, while the Civil Code gives the use of the
//!   maintenance fund and of public revenue to the owners' assembly. Here the owners' approved
//!   vote is the authorisation (a stronger check than any M of N, and one no committee can
//!   override); the committee books revenue and calls votes but approves nothing alone.
//! - **The property company** the owners hired publishes its proposals, fees and service reports
//!   ([`Pallet::publish_company_note`]) and books revenue; it cannot vote for the estate or move
//!   money out.
//!
//! ## The register when it changes
//! The electorate of a vote is the register on the block the vote was called. Changes after it
//! (a sale, a new voter, a corrected area) take effect for later votes only: before changing
//! what an account holds, the pallet keeps what it held for each vote then open ([`Frozen`]).
//! So a sale during a vote does not give the unit two votes: the seller votes for it with what
//! they held when the vote was called, the buyer from the next vote on.
//!
//! ## Ballots by name, or secret
//! An owners' assembly here votes by name, as the estates' own platforms do: a ballot is stored
//! with the owner's account and choices, so that every owner can check the count. A committee
//! election may instead be called by secret ballot ([`Pallet::call_secret_election`]): owners
//! vote online with anonymous ballots (pallet-anonymous-ballot, through
//! [`Config::AnonymousRolls`]) in rings of owners of the same area, or on paper at polling
//! stations counted by station; see [`secret`](crate::secret) for how it stays exact and
//! anonymous.
//!
//! ## Bounded work
//! A block counts at most [`Config::MaxClosingPerBlock`] votes; a vote holds at most
//! [`Config::MaxMatters`] matters and an election [`Config::MaxCandidates`] candidates. Closed
//! votes are pruned, ballots and all, [`Config::Retention`] after their close, in `on_idle`,
//! [`Config::MaxPrunedPerStep`] records a step; their events stay in the chain's history.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::civic::{Role, UnitId};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod close;
pub mod counting;
mod funds;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod register;
pub mod secret;
#[cfg(test)]
mod tests;
mod texts;
pub mod types;
mod voting;
pub mod weights;

/// The most units one page of [`Pallet::properties`] returns.
pub const PROPERTIES_PER_PAGE: u32 = 100;

/// The most votes [`Pallet::recent_votes`] returns.
pub const RECENT_VOTES: u32 = 10;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::fungible, PalletId};
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		civic::CivicRegistry,
		text::{CivicText, PersonalData},
	};
	use sp_runtime::traits::Zero;

	/// An amount of the pots' currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// Accounts of a list bounded by [`Config::MaxCommittee`] (a committee, the register's
	/// editors).
	pub type AccountsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxCommittee>;
	/// An estate as stored.
	pub type EstateOf<T> = Estate<
		<T as frame_system::Config>::AccountId,
		CivicText<<T as Config>::MaxNameLength>,
		AccountsOf<T>,
		BoundedVec<VoteId, <T as Config>::MaxOpenVotes>,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;
	/// A unit's owners.
	pub type OwnersOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxCoOwners>;
	/// A unit as stored.
	pub type PropertyOf<T> =
		Property<<T as frame_system::Config>::AccountId, <T as frame_system::Config>::Hash, OwnersOf<T>>;
	/// An action as stored.
	pub type ActionOf<T> = Action<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A matter's title.
	pub type TitleOf<T> = CivicText<<T as Config>::MaxTitleLength>;
	/// An alternative as stored.
	pub type AlternativeOf<T> = Alternative<
		CivicText<<T as Config>::MaxNameLength>,
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
	>;
	/// A question as stored.
	pub type QuestionOf<T> = Question<
		BoundedVec<AlternativeOf<T>, <T as Config>::MaxAlternatives>,
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;
	/// A matter as stored.
	pub type MatterOf<T> = Matter<TitleOf<T>, QuestionOf<T>>;
	/// A matter as a caller gives it.
	pub type MatterInputOf<T> = Matter<
		Vec<u8>,
		Question<
			Vec<Alternative<Vec<u8>, <T as frame_system::Config>::AccountId, BalanceOf<T>>>,
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			BlockNumberFor<T>,
		>,
	>;
	/// A vote as stored.
	pub type VoteOf<T> = Vote<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BoundedVec<MatterOf<T>, <T as Config>::MaxMatters>,
	>;
	/// An answer as stored: candidates up to the most seats.
	pub type ChoiceOf<T> = Choice<BoundedVec<u8, <T as Config>::MaxCommittee>>;
	/// A ballot's answers as stored.
	pub type ChoicesOf<T> = BoundedVec<ChoiceOf<T>, <T as Config>::MaxMatters>;
	/// A ballot as stored.
	pub type BallotOf<T> = Ballot<<T as frame_system::Config>::AccountId, ChoicesOf<T>>;
	/// A paper ballot waiting for its countersignature.
	pub type PaperBallotOf<T> = PaperBallot<<T as frame_system::Config>::AccountId, ChoicesOf<T>>;
	/// An election's candidates.
	pub type CandidatesOf<T> = BoundedVec<
		Candidate<<T as frame_system::Config>::AccountId>,
		<T as Config>::MaxCandidates,
	>;
	/// A matter's outcome as stored.
	pub type OutcomeOf<T> = Outcome<AccountsOf<T>>;
	/// A matter's count: one row per answer ([`Pallet::tally_rows`]).
	pub type TallyOf<T> = BoundedVec<Count, <T as Config>::MaxTallyRows>;
	/// A company note's text.
	pub type TextOf<T> = CivicText<<T as Config>::MaxTextLength>;
	/// A distribution as stored.
	pub type DistributionOf<T> = Distribution<BalanceOf<T>, BlockNumberFor<T>>;
	/// A company note as stored.
	pub type CompanyNoteOf<T> =
		CompanyNote<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, TextOf<T>>;
	/// A polling station's count in a secret election as stored.
	pub type StationCountOf<T> = StationCount<
		<T as frame_system::Config>::AccountId,
		BoundedVec<Count, <T as Config>::MaxTallyRows>,
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxStationVoters>,
	>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: communities, their officers and housing officers.
		type Registry: CivicRegistry<Self::AccountId>;

		/// The currency of the estates' pots.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// Derives each estate's pot account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The longest estate name or alternative label, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The longest matter title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// The longest company note, in bytes.
		#[pallet::constant]
		type MaxTextLength: Get<u32>;

		/// The most units an estate registers.
		#[pallet::constant]
		type MaxUnitsPerEstate: Get<u32>;

		/// The most co-owners of one unit.
		#[pallet::constant]
		type MaxCoOwners: Get<u32>;

		/// The most members of an owners' committee (and seats of an election; and people who
		/// change a register between two confirmations).
		#[pallet::constant]
		type MaxCommittee: Get<u32>;

		/// The most matters of one vote.
		#[pallet::constant]
		type MaxMatters: Get<u32>;

		/// The most alternatives of a multiple-choice matter.
		#[pallet::constant]
		type MaxAlternatives: Get<u32>;

		/// The most candidates of an election.
		#[pallet::constant]
		type MaxCandidates: Get<u32>;

		/// The most rows of a matter's count: more than both `MaxAlternatives` and
		/// `MaxCandidates`, and at least 3.
		#[pallet::constant]
		type MaxTallyRows: Get<u32>;

		/// The most votes of an estate open at once.
		#[pallet::constant]
		type MaxOpenVotes: Get<u32>;

		/// The most votes counted in one block: a vote cannot be set to close on a block that
		/// has as many.
		#[pallet::constant]
		type MaxClosingPerBlock: Get<u32>;

		/// The notices the property company keeps published; a new one retires the oldest.
		#[pallet::constant]
		type MaxCompanyNotes: Get<u32>;

		/// The notice period until one is set in the chain spec, in blocks.
		#[pallet::constant]
		type DefaultNoticePeriod: Get<BlockNumberFor<Self>>;

		/// The shortest voting period, in blocks.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period, in blocks.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// How long a closed vote, its ballots and its count are kept, in blocks.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;

		/// The most records one pruning step removes.
		#[pallet::constant]
		type MaxPrunedPerStep: Get<u32>;

		/// Anonymous polls for committee elections by secret ballot (pallet-anonymous-ballot):
		/// owners enrol there during the notice and vote with anonymous ballots.
		type AnonymousRolls: gongzhi_primitives::votes::AnonymousRolls<
			Self::AccountId,
			BlockNumberFor<Self>,
		>;

		/// The most owners on one polling station's count in a secret election (a station
		/// records more counts if more voted there).
		#[pallet::constant]
		type MaxStationVoters: Get<u32>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds communities and officers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;
	}

	/// The id the next estate gets.
	#[pallet::storage]
	pub type NextEstateId<T> = StorageValue<_, EstateId, ValueQuery>;

	/// The estates.
	#[pallet::storage]
	pub type Estates<T: Config> = StorageMap<_, Twox64Concat, EstateId, EstateOf<T>>;

	/// The id each estate's next unit gets.
	#[pallet::storage]
	pub type NextPropertyId<T> = StorageMap<_, Twox64Concat, EstateId, PropertyId, ValueQuery>;

	/// The estates' registers of exclusive units.
	#[pallet::storage]
	pub type Properties<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EstateId, Twox64Concat, PropertyId, PropertyOf<T>>;

	/// What each voting account holds in an estate: one owner, this many units and this area.
	#[pallet::storage]
	pub type Holdings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EstateId, Blake2_128Concat, T::AccountId, Holding>;

	/// In how many estates an account holds units: owners have the civic free-call quota.
	#[pallet::storage]
	pub type EstatesOwned<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// What an account held when a vote was called, kept when it changed during the vote
	/// (`None`: it held nothing then). An account without an entry holds what it held.
	#[pallet::storage]
	pub type Frozen<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Blake2_128Concat, T::AccountId, Option<Holding>>;

	/// The owners' deposits into the maintenance fund, per unit.
	#[pallet::storage]
	pub type Deposits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EstateId, Twox64Concat, PropertyId, BalanceOf<T>, ValueQuery>;

	/// What the property company published, oldest first.
	#[pallet::storage]
	pub type CompanyNotes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		EstateId,
		BoundedVec<CompanyNoteOf<T>, T::MaxCompanyNotes>,
		ValueQuery,
	>;

	/// The id the next vote gets.
	#[pallet::storage]
	pub type NextVoteId<T> = StorageValue<_, VoteId, ValueQuery>;

	/// Votes not yet pruned.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageMap<_, Twox64Concat, VoteId, VoteOf<T>>;

	/// The votes to count at a block.
	#[pallet::storage]
	pub type Closing<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<VoteId, T::MaxClosingPerBlock>,
		ValueQuery,
	>;

	/// Ballots counted: one per owner and vote.
	#[pallet::storage]
	pub type Ballots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Blake2_128Concat, T::AccountId, BallotOf<T>>;

	/// Paper ballots recorded, waiting for a countersignature (not yet counted).
	#[pallet::storage]
	pub type PaperBallots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Blake2_128Concat, T::AccountId, PaperBallotOf<T>>;

	/// The running count of each matter of a vote: one row per answer.
	#[pallet::storage]
	pub type Tallies<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Twox64Concat, MatterIndex, TallyOf<T>, ValueQuery>;

	/// The candidates of an election matter.
	#[pallet::storage]
	pub type Candidates<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VoteId,
		Twox64Concat,
		MatterIndex,
		CandidatesOf<T>,
		ValueQuery,
	>;

	/// Who nominated whom: (matter, candidate, nominator), once each.
	#[pallet::storage]
	pub type Nominations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VoteId,
		Blake2_128Concat,
		(MatterIndex, T::AccountId, T::AccountId),
		(),
	>;

	/// The outcome of each matter of a closed vote.
	#[pallet::storage]
	pub type Results<T: Config> =
		StorageMap<_, Twox64Concat, VoteId, BoundedVec<OutcomeOf<T>, T::MaxMatters>>;

	/// The anonymous poll of each committee election by secret ballot.
	#[pallet::storage]
	pub type SecretPolls<T: Config> = StorageMap<_, Twox64Concat, VoteId, PollId>;

	/// The secret elections whose ballots open at a block: their polls' options are fixed then.
	#[pallet::storage]
	pub type Opening<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<VoteId, T::MaxClosingPerBlock>,
		ValueQuery,
	>;

	/// Polling stations' counts in secret elections.
	#[pallet::storage]
	pub type StationCounts<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Twox64Concat, StationId, StationCountOf<T>>;

	/// Who voted on paper in a secret election, and where: public, so they vote once.
	#[pallet::storage]
	pub type PaperVoted<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VoteId, Blake2_128Concat, T::AccountId, StationId>;

	/// The id the next distribution of revenue gets.
	#[pallet::storage]
	pub type NextDistributionId<T> = StorageValue<_, DistributionId, ValueQuery>;

	/// Distributions of public revenue whose claims have not ended.
	#[pallet::storage]
	pub type Distributions<T: Config> =
		StorageMap<_, Twox64Concat, DistributionId, DistributionOf<T>>;

	/// The units whose share of a distribution was claimed.
	#[pallet::storage]
	pub type Claimed<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DistributionId, Twox64Concat, PropertyId, ()>;

	/// The id each estate's next company note gets.
	#[pallet::storage]
	pub type NextNoteId<T> = StorageMap<_, Twox64Concat, EstateId, u32, ValueQuery>;

	/// The notice period set in the chain spec (until then, [`Config::DefaultNoticePeriod`]).
	#[pallet::storage]
	pub type NoticePeriod<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Closed votes and ended distributions to prune: (what, when).
	#[pallet::storage]
	pub type PruneQueue<T: Config> =
		StorageMap<_, Twox64Concat, u32, (Prunable, BlockNumberFor<T>)>;

	/// The prune queue's (head, tail): positions `head..tail` hold items, in due order.
	#[pallet::storage]
	pub type PruneBounds<T> = StorageValue<_, (u32, u32), ValueQuery>;

	/// A unit of a genesis estate: building, area (cm²), owners (the first votes), whether it is
	/// the developer's.
	#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
	pub struct GenesisProperty<AccountId> {
		pub building: u16,
		pub area: Area,
		pub owners: Vec<AccountId>,
		pub developer: bool,
	}

	/// An estate at genesis, its register complete and confirmed: its registered area is the
	/// sum of its units'.
	#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
	pub struct GenesisEstate<AccountId> {
		pub community: UnitId,
		pub name: alloc::string::String,
		pub units: Vec<GenesisProperty<AccountId>>,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The notice period, if not [`Config::DefaultNoticePeriod`]: development chains set a
		/// few blocks so that a whole vote can be watched in one sitting.
		pub notice_period: Option<BlockNumberFor<T>>,
		/// Sample estates (development chains): their certificates are hashes of a label.
		pub estates: Vec<GenesisEstate<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::traits::Hash;
			if let Some(blocks) = self.notice_period {
				assert!(!blocks.is_zero(), "a notice period is at least a block");
				NoticePeriod::<T>::put(blocks);
			}
			for genesis in &self.estates {
				assert!(
					T::Registry::level_of(genesis.community) ==
						Some(gongzhi_primitives::civic::UnitLevel::Community),
					"a genesis estate belongs to a community"
				);
				let id = NextEstateId::<T>::get();
				NextEstateId::<T>::put(id + 1);
				let name = CivicText::new(genesis.name.as_bytes().to_vec())
					.expect("a genesis estate's name is valid civic text");
				let area = genesis.units.iter().map(|u| u.area).sum();
				let mut estate = Pallet::<T>::new_estate(genesis.community, name, area);
				for (n, unit) in genesis.units.iter().enumerate() {
					assert!(unit.area > 0, "a genesis unit has an area");
					let owners = Pallet::<T>::owners_from(unit.owners.clone())
						.expect("a genesis unit's owners are valid");
					let property = Property {
						building: unit.building,
						area: unit.area,
						certificate: T::Hashing::hash_of(&(b"sample certificate", id, n as u32)),
						voter: owners[0].clone(),
						owners,
						developer: unit.developer,
					};
					Pallet::<T>::put_property(&mut estate, id, property)
						.expect("a genesis unit fits");
				}
				estate.confirmed = true;
				Estates::<T>::insert(id, estate);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An officer registered an estate.
		EstateRegistered {
			estate: EstateId,
			community: UnitId,
			registered_area: Area,
			by: T::AccountId,
		},
		/// A unit was put on an estate's register.
		PropertyRegistered {
			estate: EstateId,
			property: PropertyId,
			area: Area,
			voter: T::AccountId,
			by: T::AccountId,
		},
		/// A unit changed hands.
		PropertyTransferred {
			estate: EstateId,
			property: PropertyId,
			voter: T::AccountId,
			by: T::AccountId,
		},
		/// A unit's co-owners named another of them to vote.
		VoterSet { estate: EstateId, property: PropertyId, voter: T::AccountId, by: T::AccountId },
		/// A unit's area was corrected.
		PropertyAmended { estate: EstateId, property: PropertyId, area: Area, by: T::AccountId },
		/// A second person confirmed the register as it stands.
		RegisterConfirmed {
			estate: EstateId,
			units: u32,
			owners: u32,
			area: Area,
			by: T::AccountId,
		},
		/// A vote was called: the public notice of its matters, electorate and periods.
		VoteCalled {
			vote: VoteId,
			estate: EstateId,
			by: T::AccountId,
			electorate: Count,
			opens: BlockNumberFor<T>,
			closes: BlockNumberFor<T>,
		},
		/// A committee election by secret ballot was called: owners enrol in anonymous poll
		/// `poll` during the notice to vote online.
		SecretElectionCalled { vote: VoteId, poll: PollId },
		/// A secret election's ballots opened: its poll takes marks for the options in
		/// `allowed` (a bit per candidate standing, and the blank, last).
		SecretBallotsOpened { vote: VoteId, poll: PollId, allowed: u32 },
		/// A steward recorded a polling station's count of a secret election.
		StationCountRecorded { vote: VoteId, station: StationId, by: T::AccountId, voters: u32 },
		/// A second person countersigned it: it is counted.
		StationCountCountersigned { vote: VoteId, station: StationId, by: T::AccountId },
		/// A second person rejected it: its voters may be recorded again.
		StationCountRejected { vote: VoteId, station: StationId, by: T::AccountId },
		/// An owner nominated a candidate.
		Nominated {
			vote: VoteId,
			matter: MatterIndex,
			candidate: T::AccountId,
			by: T::AccountId,
			nominations: u32,
		},
		/// A ballot was counted (`paper`: recorded from a paper ballot and countersigned).
		BallotCast { vote: VoteId, owner: T::AccountId, paper: bool, turnout: Count },
		/// A paper ballot was recorded; a second person countersigns it.
		PaperBallotRecorded { vote: VoteId, owner: T::AccountId, by: T::AccountId },
		/// A vote was counted: every matter's outcome, with `participation` (both two-thirds
		/// tests met or not).
		VoteClosed {
			vote: VoteId,
			estate: EstateId,
			electorate: Count,
			turnout: Count,
			participation: bool,
			outcomes: Vec<OutcomeOf<T>>,
		},
		/// An approved matter paid from the maintenance fund.
		FundPaid { estate: EstateId, vote: VoteId, to: T::AccountId, amount: BalanceOf<T> },
		/// An approved matter's action could not be carried out (the pot could not pay).
		ActionFailed { estate: EstateId, vote: VoteId, matter: MatterIndex },
		/// The owners hired (`Some`) or dismissed (`None`) the property company.
		CompanyChanged { estate: EstateId, company: Option<T::AccountId> },
		/// The owners set the maintenance-fund deposit per square metre.
		DepositRateSet { estate: EstateId, rate: BalanceOf<T> },
		/// Public revenue moved into the maintenance fund.
		RevenueMovedToFund { estate: EstateId, amount: BalanceOf<T> },
		/// A new owners' committee took office.
		CommitteeElected { estate: EstateId, members: Vec<T::AccountId>, until: BlockNumberFor<T> },
		/// An owner paid a deposit into the maintenance fund for a unit.
		FundDeposited {
			estate: EstateId,
			property: PropertyId,
			from: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// Public revenue was booked into the estate's pot.
		RevenueBooked {
			estate: EstateId,
			source: RevenueSource,
			amount: BalanceOf<T>,
			by: T::AccountId,
		},
		/// The property company published a note.
		CompanyNotePublished { estate: EstateId, kind: NoteKind, by: T::AccountId },
		/// A closed vote was pruned after its retention.
		VotePruned { vote: VoteId },
		/// Public revenue is shared out to the owners by area: each unit's voter claims its
		/// share until `claims_end`.
		RevenueDistributed {
			estate: EstateId,
			distribution: DistributionId,
			amount: BalanceOf<T>,
			claims_end: BlockNumberFor<T>,
		},
		/// A unit's share of a distribution was paid to its voter.
		RevenueShareClaimed {
			distribution: DistributionId,
			property: PropertyId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A distribution's claims ended; what nobody claimed went back to public revenue.
		DistributionEnded { distribution: DistributionId, returned: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit of the organisation tree has this id, or it is not a community.
		UnknownCommunity,
		/// No estate has this id.
		UnknownEstate,
		/// The estate has no unit with this id.
		UnknownProperty,
		/// No vote has this id (or it was pruned).
		UnknownVote,
		/// Only an officer of the estate's community (or of a unit above it) may do this.
		NotAnOfficer,
		/// Only a housing officer (or an officer) of the estate's community keeps its register.
		NotAHousingOfficer,
		/// The name or title is empty or longer than allowed.
		BadText,
		/// The text looks like it holds personal data (an ID, mobile or bank card number): say
		/// it without the number. Nothing was stored.
		PersonalData(PersonalData),
		/// An area must be more than zero.
		ZeroArea,
		/// The units' areas would add up to more than the estate's registered total: check the
		/// certificate, or correct a unit's area.
		AreaAboveRegistered,
		/// The units' areas do not add up to the estate's registered total: the register is not
		/// complete, so no vote can be called.
		AreasDoNotAddUp,
		/// The estate has as many units as allowed.
		TooManyUnits,
		/// A unit needs one owner at least.
		NoOwners,
		/// A unit has more co-owners than allowed.
		TooManyCoOwners,
		/// An owner is listed twice.
		DuplicateOwner,
		/// The voter must be one of the unit's owners.
		VoterNotAnOwner,
		/// Nothing changed since the register was last confirmed.
		NothingToConfirm,
		/// The register is confirmed by a second person: not one who changed it since it was last
		/// confirmed.
		EditorCannotConfirm,
		/// The register changed since it was last confirmed: a second person confirms it before a
		/// vote is called.
		RegisterNotConfirmed,
		/// As many people changed the register as may between confirmations: confirm it first.
		TooManyEditors,
		/// Only the owners' committee, or an officer of the community while the estate has no
		/// committee in office, calls a vote or records paper ballots.
		NotASteward,
		/// A vote has one matter at least and at most `MaxMatters`.
		BadMatterCount,
		/// The matter's action does not fit its category (a maintenance-fund matter must pay a
		/// contractor; an election is a committee-election matter; each action has its
		/// category).
		WrongCategory,
		/// A multiple-choice matter has two alternatives at least and at most
		/// `MaxAlternatives`.
		BadAlternatives,
		/// An election fills one seat at least and at most `MaxCommittee`, for a term, with one
		/// nomination at least.
		BadElection,
		/// A payment or revenue move must be more than zero.
		ZeroAmount,
		/// The maintenance fund (or public revenue), less what open votes would already pay,
		/// does not hold this much.
		InsufficientFund,
		/// The voting period is shorter than `MinVotingPeriod` or longer than `MaxVotingPeriod`.
		BadVotingPeriod,
		/// As many votes close on that block as one block counts: choose a voting period one
		/// block longer.
		ClosingBlockFull,
		/// The estate has as many votes open as allowed: wait for one to close.
		TooManyOpenVotes,
		/// The vote is not in its notice period (nominations close when voting opens).
		NotInNotice,
		/// The vote is not open for ballots (before it opens, or after it closed).
		NotOpen,
		/// The matter does not exist or is not of the right kind.
		BadMatter,
		/// Only an owner on the register when the vote was called may do this.
		NotAnOwner,
		/// The candidate was not an owner when the vote was called.
		CandidateNotAnOwner,
		/// This owner nominated this candidate already.
		AlreadyNominated,
		/// The election has as many candidates as allowed.
		TooManyCandidates,
		/// The ballot must answer every matter of the vote, once.
		WrongChoiceCount,
		/// An answer does not fit its matter (aye/nay/abstain for a motion; an alternative of a
		/// multiple-choice matter; candidates of an election).
		ChoiceDoesNotFit,
		/// More candidates chosen than the election has seats.
		TooManyChoices,
		/// A candidate chosen twice, or not standing (fewer nominations than needed).
		BadCandidate,
		/// This owner voted already (online or on paper, themselves or a co-owner): one ballot
		/// per owner.
		AlreadyVoted,
		/// No paper ballot of this owner waits for a countersignature.
		NoPaperBallot,
		/// A paper ballot is countersigned by a second person, not the one who recorded it.
		RecorderCannotCountersign,
		/// Only the property company the owners hired publishes notes for the estate.
		NotTheCompany,
		/// Only the property company or a committee member books public revenue.
		NotARevenueBooker,
		/// No distribution has this id, or its claims ended.
		UnknownDistribution,
		/// The unit is not of the distribution's estate.
		NotOfTheEstate,
		/// Only the owner who votes for the unit claims its share.
		NotTheVoter,
		/// The unit's share was claimed already.
		AlreadyClaimed,
		/// No more ids: the counter would wrap onto old records.
		NoMoreIds,
		/// This election is by secret ballot: owners vote online with a ballot key they enrolled
		/// during the notice, or on paper at a polling station (counted by station).
		SecretBallot,
		/// Only a committee election by secret ballot takes station counts.
		NotSecret,
		/// This station's count is already recorded.
		StationRecorded,
		/// No count of this station is recorded.
		UnknownStation,
		/// The station's counts do not fit: a row per candidate and the blank, none for a
		/// candidate not standing, none above the owners and area that voted there, and as
		/// many marks as they could make.
		CountsDoNotAddUp,
		/// A listed owner enrolled to vote online in this election: they vote there.
		EnrolledOnline,
		/// The count was countersigned already.
		AlreadyCountersigned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::open_due(now).saturating_add(Self::close_due(now))
		}

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxClosingPerBlock::get() > 0, "votes must be counted");
			assert!(T::MaxPrunedPerStep::get() > 0, "pruning must make progress");
			assert!(T::MaxMatters::get() > 0 && T::MaxMatters::get() <= 255, "matters fit a u8");
			assert!(
				T::MaxTallyRows::get() > T::MaxAlternatives::get() &&
					T::MaxTallyRows::get() > T::MaxCandidates::get() &&
					T::MaxTallyRows::get() >= 3,
				"a count has a row per answer"
			);
			assert!(T::MaxCandidates::get() <= 255, "candidates fit a u8");
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get(), "voting periods exist");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// An officer of `community` registers an estate with its total exclusive area as the
		/// housing authority registered it, in square centimetres.
		///
		/// Emits [`Event::EstateRegistered`]. Errors: [`Error::UnknownCommunity`],
		/// [`Error::NotAnOfficer`], [`Error::BadText`], [`Error::PersonalData`],
		/// [`Error::ZeroArea`], [`Error::NoMoreIds`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_estate())]
		pub fn register_estate(
			origin: OriginFor<T>,
			community: UnitId,
			name: Vec<u8>,
			registered_area: Area,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let name = Self::text(name)?;
			Self::do_register_estate(who, community, name, registered_area)
		}

		/// A housing officer puts a unit on the estate's register: its building, area (cm²),
		/// the keyed hash of its certificate, its owners (the first votes for it) and whether it
		/// is the developer's. The register then waits for a second person's confirmation.
		///
		/// Emits [`Event::PropertyRegistered`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::NotAHousingOfficer`], [`Error::ZeroArea`], [`Error::AreaAboveRegistered`],
		/// [`Error::TooManyUnits`], [`Error::NoOwners`], [`Error::TooManyCoOwners`],
		/// [`Error::DuplicateOwner`], [`Error::TooManyEditors`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_property())]
		pub fn register_property(
			origin: OriginFor<T>,
			estate: EstateId,
			building: u16,
			area: Area,
			certificate: T::Hash,
			owners: Vec<T::AccountId>,
			developer: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_property(who, estate, building, area, certificate, owners, developer)
		}

		/// A housing officer records a unit's sale: its new owners (the first votes for it) and
		/// certificate. Votes already called keep counting the seller.
		///
		/// Emits [`Event::PropertyTransferred`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::UnknownProperty`], [`Error::NotAHousingOfficer`], [`Error::NoOwners`],
		/// [`Error::TooManyCoOwners`], [`Error::DuplicateOwner`], [`Error::TooManyEditors`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_property())]
		pub fn transfer_property(
			origin: OriginFor<T>,
			estate: EstateId,
			property: PropertyId,
			owners: Vec<T::AccountId>,
			certificate: T::Hash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_property(who, estate, property, owners, certificate)
		}

		/// A housing officer records which co-owner votes for a unit, as its co-owners asked at
		/// the desk.
		///
		/// Emits [`Event::VoterSet`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::UnknownProperty`], [`Error::NotAHousingOfficer`], [`Error::VoterNotAnOwner`],
		/// [`Error::TooManyEditors`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_voter())]
		pub fn set_voter(
			origin: OriginFor<T>,
			estate: EstateId,
			property: PropertyId,
			voter: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_voter(who, estate, property, voter)
		}

		/// A housing officer corrects a unit's registered area (cm²).
		///
		/// Emits [`Event::PropertyAmended`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::UnknownProperty`], [`Error::NotAHousingOfficer`], [`Error::ZeroArea`],
		/// [`Error::AreaAboveRegistered`], [`Error::TooManyEditors`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::amend_property())]
		pub fn amend_property(
			origin: OriginFor<T>,
			estate: EstateId,
			property: PropertyId,
			area: Area,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_amend_property(who, estate, property, area)
		}

		/// An officer or housing officer of the estate's community who did not change the
		/// register since it was last confirmed confirms it as it stands.
		///
		/// Emits [`Event::RegisterConfirmed`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::NotAHousingOfficer`], [`Error::NothingToConfirm`],
		/// [`Error::EditorCannotConfirm`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::confirm_register())]
		pub fn confirm_register(origin: OriginFor<T>, estate: EstateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_register(who, estate)
		}

		/// A member of the owners' committee (or, while none is in office, an officer of the
		/// community) calls a vote on `matters`, open for `voting_period` blocks after the
		/// notice period. The register must be confirmed and complete; it is fixed now.
		///
		/// Emits [`Event::VoteCalled`]. Errors: [`Error::UnknownEstate`], [`Error::NotASteward`],
		/// [`Error::RegisterNotConfirmed`], [`Error::AreasDoNotAddUp`],
		/// [`Error::BadMatterCount`], [`Error::WrongCategory`], [`Error::BadAlternatives`],
		/// [`Error::BadElection`], [`Error::ZeroAmount`], [`Error::InsufficientFund`],
		/// [`Error::BadText`], [`Error::PersonalData`], [`Error::BadVotingPeriod`],
		/// [`Error::ClosingBlockFull`], [`Error::TooManyOpenVotes`], [`Error::NoMoreIds`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::call_vote(matters.len() as u32))]
		pub fn call_vote(
			origin: OriginFor<T>,
			estate: EstateId,
			matters: Vec<MatterInputOf<T>>,
			voting_period: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let matters = Self::matters_from(matters)?;
			Self::do_call_vote(who, estate, matters, voting_period)
		}

		/// An owner nominates `candidate` (an owner too) for an election matter during the
		/// notice period.
		///
		/// Emits [`Event::Nominated`]. Errors: [`Error::UnknownVote`], [`Error::NotInNotice`],
		/// [`Error::BadMatter`], [`Error::NotAnOwner`], [`Error::CandidateNotAnOwner`],
		/// [`Error::AlreadyNominated`], [`Error::TooManyCandidates`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::nominate())]
		pub fn nominate(
			origin: OriginFor<T>,
			vote: VoteId,
			matter: MatterIndex,
			candidate: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_nominate(who, vote, matter, candidate)
		}

		/// An owner (the voter of their units when the vote was called) casts their ballot: an
		/// answer for every matter. Once only.
		///
		/// Emits [`Event::BallotCast`]. Errors: [`Error::UnknownVote`], [`Error::NotOpen`],
		/// [`Error::NotAnOwner`], [`Error::AlreadyVoted`], [`Error::WrongChoiceCount`],
		/// [`Error::ChoiceDoesNotFit`], [`Error::TooManyChoices`], [`Error::BadCandidate`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cast_ballot())]
		pub fn cast_ballot(
			origin: OriginFor<T>,
			vote: VoteId,
			choices: Vec<Choice<Vec<u8>>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let choices = Self::choices_from(choices)?;
			Self::do_cast_ballot(vote, who, choices, None)
		}

		/// A steward (committee member, or officer while no committee is in office) records an
		/// owner's paper ballot; it counts once a second person countersigns it.
		///
		/// Emits [`Event::PaperBallotRecorded`]. Errors: [`Error::UnknownVote`],
		/// [`Error::NotOpen`], [`Error::NotASteward`], [`Error::NotAnOwner`],
		/// [`Error::AlreadyVoted`], and those of a ballot's answers.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_paper_ballot())]
		pub fn record_paper_ballot(
			origin: OriginFor<T>,
			vote: VoteId,
			owner: T::AccountId,
			choices: Vec<Choice<Vec<u8>>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let choices = Self::choices_from(choices)?;
			Self::do_record_paper_ballot(who, vote, owner, choices)
		}

		/// A second steward, or an officer of the community, countersigns a paper ballot: it is
		/// counted.
		///
		/// Emits [`Event::BallotCast`]. Errors: [`Error::UnknownVote`], [`Error::NotOpen`],
		/// [`Error::NoPaperBallot`], [`Error::NotASteward`],
		/// [`Error::RecorderCannotCountersign`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::countersign_paper_ballot())]
		pub fn countersign_paper_ballot(
			origin: OriginFor<T>,
			vote: VoteId,
			owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_countersign(who, vote, owner)
		}

		/// Anyone (the owner, a relative) pays `amount` into the maintenance fund for a unit.
		///
		/// Emits [`Event::FundDeposited`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::UnknownProperty`], [`Error::ZeroAmount`], and the currency's if the payer
		/// cannot pay.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::deposit_fund())]
		pub fn deposit_fund(
			origin: OriginFor<T>,
			estate: EstateId,
			property: PropertyId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit_fund(who, estate, property, amount)
		}

		/// The property company or a committee member pays public revenue into the estate's
		/// pot, with its source.
		///
		/// Emits [`Event::RevenueBooked`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::NotARevenueBooker`], [`Error::ZeroAmount`], and the currency's.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::book_revenue())]
		pub fn book_revenue(
			origin: OriginFor<T>,
			estate: EstateId,
			source: RevenueSource,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_book_revenue(who, estate, source, amount)
		}

		/// The property company publishes a proposal, its fees or its service report; the
		/// estate keeps the latest `MaxCompanyNotes`.
		///
		/// Emits [`Event::CompanyNotePublished`]. Errors: [`Error::UnknownEstate`],
		/// [`Error::NotTheCompany`], [`Error::BadText`], [`Error::PersonalData`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::publish_company_note())]
		pub fn publish_company_note(
			origin: OriginFor<T>,
			estate: EstateId,
			kind: NoteKind,
			text: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::text(text)?;
			Self::do_publish_company_note(who, estate, kind, text)
		}

		/// The owner who votes for a unit claims its share of a distribution of public revenue:
		/// the amount times the unit's area over the estate's area when it was decided.
		///
		/// Emits [`Event::RevenueShareClaimed`]. Errors: [`Error::UnknownDistribution`],
		/// [`Error::UnknownProperty`], [`Error::NotOfTheEstate`], [`Error::NotTheVoter`],
		/// [`Error::AlreadyClaimed`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::claim_revenue_share())]
		pub fn claim_revenue_share(
			origin: OriginFor<T>,
			distribution: DistributionId,
			property: PropertyId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_share(who, distribution, property)
		}

		/// A steward calls an election of the owners' committee by secret ballot: as
		/// [`Pallet::call_vote`] with one election matter, and an anonymous poll announced for
		/// it. During the notice owners nominate candidates and, to vote online, enrol in the
		/// poll (pallet-anonymous-ballot's `enrol`); the others vote on paper at a polling
		/// station.
		///
		/// Emits [`Event::VoteCalled`] and [`Event::SecretElectionCalled`]. Errors: those of
		/// [`Pallet::call_vote`], and the anonymous-ballot pallet's when it cannot announce the
		/// poll (`TooManyPolls`).
		#[pallet::call_index(15)]
		#[pallet::weight(
			T::WeightInfo::call_vote(1)
				.saturating_add(<T::AnonymousRolls as gongzhi_primitives::votes::AnonymousRolls<
					T::AccountId,
					BlockNumberFor<T>,
				>>::announce_weight())
				.saturating_add(T::DbWeight::get().reads_writes(1, 2))
		)]
		pub fn call_secret_election(
			origin: OriginFor<T>,
			estate: EstateId,
			title: Vec<u8>,
			seats: u8,
			term: BlockNumberFor<T>,
			nominators: u8,
			voting_period: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_call_secret_election(who, estate, title, seats, term, nominators, voting_period)
		}

		/// A steward records a polling station's count of a secret election while it is open:
		/// owners and area per candidate and the blank (`rows`), and the owners who voted
		/// there. It is counted once a second person countersigns it.
		///
		/// Emits [`Event::StationCountRecorded`]. Errors: [`Error::UnknownVote`],
		/// [`Error::NotOpen`], [`Error::NotSecret`], [`Error::NotASteward`],
		/// [`Error::StationRecorded`], [`Error::NotAnOwner`], [`Error::EnrolledOnline`],
		/// [`Error::AlreadyVoted`], [`Error::CountsDoNotAddUp`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::record_station_count(voters.len() as u32))]
		pub fn record_station_count(
			origin: OriginFor<T>,
			vote: VoteId,
			station: StationId,
			rows: BoundedVec<Count, T::MaxTallyRows>,
			voters: BoundedVec<T::AccountId, T::MaxStationVoters>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_station_count(who, vote, station, rows, voters)
		}

		/// A second person — a steward or an officer of the community, not the recorder —
		/// countersigns a station's count while the vote is open: it is counted.
		///
		/// Emits [`Event::StationCountCountersigned`]. Errors: [`Error::UnknownVote`],
		/// [`Error::NotOpen`], [`Error::UnknownStation`],
		/// [`Error::RecorderCannotCountersign`], [`Error::AlreadyCountersigned`],
		/// [`Error::NotASteward`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::countersign_station_count())]
		pub fn countersign_station_count(
			origin: OriginFor<T>,
			vote: VoteId,
			station: StationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_countersign_station(who, vote, station)
		}

		/// A second person rejects a station's count not yet countersigned: its owners may be
		/// recorded again, correctly.
		///
		/// Emits [`Event::StationCountRejected`]. Errors: as
		/// [`Pallet::countersign_station_count`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::reject_station_count(T::MaxStationVoters::get()))]
		pub fn reject_station_count(
			origin: OriginFor<T>,
			vote: VoteId,
			station: StationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_station(who, vote, station)
		}
	}

	/// Reads for wallets and the residents' portal, in the metadata and callable through the
	/// runtime's `RuntimeViewFunction` API.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// An estate: its register's totals, committee, company and money.
		pub fn estate(estate: EstateId) -> Option<EstateOf<T>> {
			Estates::<T>::get(estate)
		}

		/// The estate's units from `first` on, at most [`PROPERTIES_PER_PAGE`].
		pub fn properties(estate: EstateId, first: PropertyId) -> Vec<(PropertyId, PropertyOf<T>)> {
			let next = NextPropertyId::<T>::get(estate);
			(first..next.min(first.saturating_add(PROPERTIES_PER_PAGE)))
				.filter_map(|id| Properties::<T>::get(estate, id).map(|p| (id, p)))
				.collect()
		}

		/// What `who` votes for in the estate: units and area.
		pub fn holding(estate: EstateId, who: T::AccountId) -> Option<Holding> {
			Holdings::<T>::get(estate, who)
		}

		/// The estates where `who` votes, with what they hold in each (the portal's start).
		pub fn estates_of(who: T::AccountId) -> Vec<(EstateId, Holding)> {
			if EstatesOwned::<T>::get(&who) == 0 {
				return Vec::new();
			}
			Estates::<T>::iter_keys()
				.filter_map(|estate| Holdings::<T>::get(estate, &who).map(|h| (estate, h)))
				.collect()
		}

		/// The estates of `community`, for its officers.
		pub fn estates_in(community: UnitId) -> Vec<EstateId> {
			Estates::<T>::iter()
				.filter(|(_, estate)| estate.community == community)
				.map(|(id, _)| id)
				.collect()
		}

		/// The estate's votes not yet pruned, open and closed, newest first, at most
		/// [`RECENT_VOTES`].
		pub fn recent_votes(estate: EstateId) -> Vec<VoteId> {
			let mut ids: Vec<VoteId> = Votes::<T>::iter()
				.filter(|(_, vote)| vote.estate == estate)
				.map(|(id, _)| id)
				.collect();
			ids.sort_unstable_by(|a, b| b.cmp(a));
			ids.truncate(RECENT_VOTES as usize);
			ids
		}

		/// The estate's votes not yet closed, with their running participation.
		pub fn open_votes(estate: EstateId) -> Vec<(VoteId, VoteOf<T>)> {
			Estates::<T>::get(estate)
				.map(|e| e.open_votes)
				.unwrap_or_default()
				.iter()
				.filter_map(|id| Votes::<T>::get(id).map(|v| (*id, v)))
				.collect()
		}

		/// A vote, its candidates per election matter, and, once it is closed, the outcome and
		/// count of each matter.
		#[allow(clippy::type_complexity)]
		pub fn vote(
			vote: VoteId,
		) -> Option<(VoteOf<T>, Vec<CandidatesOf<T>>, Option<Vec<(OutcomeOf<T>, TallyOf<T>)>>)>
		{
			let record = Votes::<T>::get(vote)?;
			let matters = record.matters.len() as MatterIndex;
			let candidates = (0..matters).map(|m| Candidates::<T>::get(vote, m)).collect();
			let results = Results::<T>::get(vote).map(|outcomes| {
				outcomes
					.into_iter()
					.enumerate()
					.map(|(m, o)| (o, Tallies::<T>::get(vote, m as MatterIndex)))
					.collect()
			});
			Some((record, candidates, results))
		}

		/// The anonymous poll of a secret election, and where `who` stands in it: whether they
		/// voted on paper (the station).
		pub fn secret_election(vote: VoteId, who: T::AccountId) -> Option<(PollId, Option<StationId>)> {
			SecretPolls::<T>::get(vote).map(|poll| (poll, PaperVoted::<T>::get(vote, who)))
		}

		/// Whether `who` may vote in `vote` and with what, and whether they voted.
		pub fn voter_status(vote: VoteId, who: T::AccountId) -> (Option<Holding>, bool) {
			let Some(record) = Votes::<T>::get(vote) else { return (None, false) };
			let voted = Ballots::<T>::contains_key(vote, &who) ||
				PaperBallots::<T>::contains_key(vote, &who) ||
				PaperVoted::<T>::contains_key(vote, &who);
			(Self::holding_at_call(vote, record.estate, &who), voted)
		}

		/// For a unit: the deposit due by the assembly's rate and its area, and what was paid.
		pub fn deposit_due(estate: EstateId, property: PropertyId) -> (BalanceOf<T>, BalanceOf<T>) {
			(Self::deposit_owed(estate, property), Deposits::<T>::get(estate, property))
		}

		/// A distribution of public revenue whose claims have not ended, and whether `property`
		/// claimed its share.
		pub fn distribution(
			distribution: DistributionId,
			property: PropertyId,
		) -> Option<(DistributionOf<T>, bool)> {
			Distributions::<T>::get(distribution)
				.map(|d| (d, Claimed::<T>::contains_key(distribution, property)))
		}

		/// The property company's latest notes, oldest first.
		pub fn company_notes(estate: EstateId) -> Vec<CompanyNoteOf<T>> {
			CompanyNotes::<T>::get(estate).into_inner()
		}
	}

	impl<T: Config> Pallet<T> {
		/// `bytes` as civic text: not empty, within its bound, no personal data.
		pub(crate) fn text<S: Get<u32>>(bytes: Vec<u8>) -> Result<CivicText<S>, Error<T>> {
			if bytes.is_empty() {
				return Err(Error::BadText);
			}
			CivicText::new(bytes).map_err(|p| p.into_error(Error::BadText, Error::PersonalData))
		}

		/// The notice period now.
		pub fn notice_period() -> BlockNumberFor<T> {
			NoticePeriod::<T>::get().unwrap_or_else(T::DefaultNoticePeriod::get)
		}
	}
}
