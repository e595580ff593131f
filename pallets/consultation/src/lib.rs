//! # Consultation
//!
//! Residents raise public matters of their community or street; when enough neighbours support
//! one, the chain itself convenes a consultation meeting and a vote, one verified resident one
//! vote, whose process and result nobody can alter afterwards.
//!
//! ## Overview
//!
//! - **Topics.** A verified resident raises a topic in their community, or in their street for
//!   street-wide matters ([`Pallet::raise_topic`]): a bounded title, a bounded body or the hash of
//!   a document, a [`Category`], an [`Action`], and whether ballots are secret. Raising counts as
//!   the author's support. A resident has at most [`Config::MaxOpenTopicsPerResident`] topics
//!   open; raising is free (the civic fee rules and their quota cover it), so no resident needs
//!   tokens to take part. An officer of the unit puts a topic straight on the agenda: it is
//!   qualified at once.
//! - **Supports.** Verified residents of the unit support a topic once each
//!   ([`Pallet::support`]). When supports reach the unit's threshold ([`UnitRules`]: a number, or
//!   a share of its residents when the topic was raised; never more than its residents) the
//!   topic qualifies. A topic that does not qualify
//!   within the support period lapses. A resident has at most
//!   [`Config::MaxOpenTopicsPerResident`] topics open; one withdrawn while gathering supports
//!   counts until its support period ends.
//! - **Meetings.** A unit's qualified topics are convened into one meeting as soon as there are K
//!   of them ([`UnitRules::batch`]), or when the oldest has waited T blocks
//!   ([`Periods::wait`]). A meeting deliberates (residents and officers record one opinion each
//!   per topic, [`Pallet::give_opinion`]), then votes, then, if any topic has secret ballots,
//!   gives voters time to reveal them; then every topic is decided.
//! - **Voting.** The electorate of a meeting is the unit's verified residents when voting opens:
//!   someone registered (or moved in) later does not vote on it. Each casts one ballot per topic,
//!   aye, nay or abstain, changeable until voting closes ([`Pallet::vote`]). A polling officer
//!   records paper and in-person ballots for named residents ([`Pallet::record_offline_ballot`]),
//!   at most [`Config::MaxOfflineBallotsPerOfficer`] per officer and topic. A resident has one
//!   ballot whatever the channel, and their own takes precedence: voting online replaces a paper
//!   ballot recorded in their name, and says so ([`Event::OfflineBallotReplaced`]), so nobody
//!   can take a resident's vote by recording it first.
//! - **Secret ballots.** A topic raised with secret ballots takes commitments while voting is open
//!   ([`Pallet::commit_vote`]) and their reveals afterwards ([`Pallet::reveal_vote`]), so no
//!   running tally can sway voters. A ballot not revealed in time counts as an abstention: the
//!   voter took part (it counts for the quorum) and supports neither side. Paper ballots of a
//!   secret topic are sealed the same way: the polling officer records the commitment of the
//!   slip (its choice and a salt kept with it) while voting is open and reveals it with the
//!   others ([`Pallet::reveal_offline_ballot`]), never after seeing the revealed results.
//! - **Anonymous ballots.** A community's topic raised with [`Secrecy::Anonymous`] is voted on
//!   in a poll of pallet-anonymous-ballot ([`Config::AnonymousPolls`]) that opens when the
//!   meeting's voting opens and closes with it: residents vote with their ballot keys, which
//!   no ballot links to them, or on paper at a polling station, counted there. Nobody votes on
//!   it by name here ([`Error::AnonymousBallot`]). A poll that cannot open at once (a ring of
//!   the community being built) is tried again each block ([`PollsToOpen`]). The meeting's
//!   reveal phase gives stations' paper counts time to be countersigned; then the topic takes
//!   the poll's counts as its tally and is decided like any other.
//! - **Outcomes.** Each [`Category`] has a quorum (a share of the electorate casting any ballot)
//!   and a [`Majority`]: simple (more ayes than nays) or two thirds of ayes and nays. Too few
//!   ballots is [`Outcome::NoQuorum`]; as many ayes as nays under a simple majority is
//!   [`Outcome::Tied`]; neither approves. The result and the counts are recorded when the topic
//!   closes and never change (see [`vote_threshold`]).
//! - **Actions.** An approved topic's [`Action`] is carried out: a treasury spend is paid from
//!   the unit's pot ([`Config::Spends`]); a district topic's proposal goes to a referendum of the
//!   whole district ([`Config::Referenda`]: the council may still veto or cancel it, and every
//!   resident then votes on it); a resolution is followed up by the officers with
//!   progress reports and a closing report ([`Pallet::report_progress`]). A vote another pallet
//!   asked for ([`ResidentVoteRequester`], e.g. a spend residents objected to) is a topic qualified
//!   at once, whose result goes back to that pallet ([`Config::VoteOutcome`]). An action that
//!   fails (a pot full of open spends, a budget line cut) is kept in [`FailedActions`] and carried
//!   out by [`Pallet::retry_action`] once its cause is gone; the decision stands meanwhile.
//!
//! ## Terms
//!
//! - **unit**: a community or a street of the organisation tree; its residents are those of its
//!   communities.
//! - **officer**: an officer of the unit or of a unit above it (see
//!   [`gongzhi_primitives::civic`]).
//! - **polling officer**: an account holding [`Role::PollingOfficer`] at the unit or above.
//!
//! ## Bounded work per block
//!
//! Lapses, waits, the opening and the closing of voting and the end of reveals go through
//! first-in-first-out queues; every item of a queue waits the same chain-wide period
//! ([`Periods`]), so they come due in order and a block looks only at the queues' heads. At most
//! [`Config::MaxDuePerBlock`] items are handled per block, each touching at most
//! [`Config::MaxTopicsPerMeeting`] topics; the rest wait for the next block. The queues are served
//! fairly: the item due first goes first, whichever queue holds it (a meeting's next phase on a
//! tie), so a flood of lapsing topics cannot hold up meetings. A unit whose oldest qualified
//! topic was withdrawn waits for the next oldest's period, queued again.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::{
	civic::{Role, UnitId},
	votes::{TopicId, VoteSubject},
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod meetings;
pub mod migrations;
#[cfg(test)]
mod mock;
mod outcomes;
mod pruning;
#[cfg(test)]
mod tests;
mod texts;
pub mod topics;
pub mod types;
pub mod vote_threshold;
mod voting;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		civic::{Authority, CivicRegistry},
		text::{CivicText, PersonalData},
		votes::{AnonymousPolls, DistrictReferenda, PollId, ResidentSpends, ResidentVoteOutcome},
	};
	use sp_runtime::{traits::Zero, Permill};

	/// A title: civic text, bounded and guarded against personal data.
	pub type TitleOf<T> = CivicText<<T as Config>::MaxTitleLength>;
	/// A body text.
	pub type BodyTextOf<T> = CivicText<<T as Config>::MaxBodyLength>;
	/// An opinion, a progress report or an official answer.
	pub type OpinionOf<T> = CivicText<<T as Config>::MaxOpinionLength>;
	/// An official answer as stored.
	pub type AnswerOf<T> =
		OfficialAnswer<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, OpinionOf<T>>;
	/// A topic as stored.
	pub type TopicOf<T> =
		Topic<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, TitleOf<T>, BodyTextOf<T>>;
	/// A meeting's agenda.
	pub type AgendaOf<T> = BoundedVec<TopicId, <T as Config>::MaxTopicsPerMeeting>;
	/// A meeting as stored.
	pub type MeetingOf<T> = Meeting<BlockNumberFor<T>, AgendaOf<T>>;
	/// A ballot as stored.
	pub type BallotOf<T> = Ballot<<T as frame_system::Config>::AccountId>;
	/// A progress report as stored.
	pub type ProgressReportOf<T> =
		ProgressReport<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, OpinionOf<T>>;
	/// Who authorised an act.
	pub type AuthorityOf<T> = Authority<<T as frame_system::Config>::AccountId>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: units, officers, residents, roles.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Sets the chain-wide periods and the categories' rules, and any unit's rules: the
		/// council or `Root`.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Hears the result of votes other pallets asked for (the community treasury).
		type VoteOutcome: ResidentVoteOutcome;

		/// Pays the spends approved topics carry (the community treasury).
		type Spends: ResidentSpends<Self::AccountId>;

		/// Proposes the referenda approved district topics carry (Democracy).
		type Referenda: DistrictReferenda;

		/// Opens and counts the anonymous polls of topics raised with [`Secrecy::Anonymous`]
		/// (pallet-anonymous-ballot); `()` where the chain has none.
		type AnonymousPolls: AnonymousPolls<BlockNumberFor<Self>>;

		/// The longest title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// The longest body text, in bytes.
		#[pallet::constant]
		type MaxBodyLength: Get<u32>;

		/// The longest opinion or progress report, in bytes.
		#[pallet::constant]
		type MaxOpinionLength: Get<u32>;

		/// The most opinions a topic records.
		#[pallet::constant]
		type MaxOpinionsPerTopic: Get<u32>;

		/// The most paper ballots one polling officer records on one topic: a polling station's
		/// worth, so that no officer alone fills in the ballots of a whole unit.
		#[pallet::constant]
		type MaxOfflineBallotsPerOfficer: Get<u32>;

		/// The most progress reports an approved topic records.
		#[pallet::constant]
		type MaxProgressReports: Get<u32>;

		/// The most topics one meeting decides: the bound of every unit's K.
		#[pallet::constant]
		type MaxTopicsPerMeeting: Get<u32>;

		/// The most topics a resident has gathering supports, qualified or in a meeting at once.
		#[pallet::constant]
		type MaxOpenTopicsPerResident: Get<u32>;

		/// The smallest share of residents a unit may set as its support threshold.
		#[pallet::constant]
		type MinSupportShare: Get<Permill>;

		/// The largest share of residents a unit may set as its support threshold.
		#[pallet::constant]
		type MaxSupportShare: Get<Permill>;

		/// The rules of a unit whose officers set none.
		#[pallet::constant]
		type DefaultUnitRules: Get<UnitRules>;

		/// The periods where the chain spec sets none.
		#[pallet::constant]
		type DefaultPeriods: Get<Periods<BlockNumberFor<Self>>>;

		/// The most queued phase changes handled in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// How long an ended topic's supports, ballots and opinions are kept where the chain
		/// spec and governance set nothing, in blocks.
		#[pallet::constant]
		type DefaultRetention: Get<BlockNumberFor<Self>>;

		/// The shortest retention governance may set, in blocks: long enough to check a result
		/// and to take it to the level above.
		#[pallet::constant]
		type MinRetention: Get<BlockNumberFor<Self>>;

		/// The most records of each kind pruned in one step of `on_idle`.
		#[pallet::constant]
		type MaxPrunedPerStep: Get<u32>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds units, officers and residents for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;
	}

	#[pallet::type_value]
	pub fn DefaultPeriodsOf<T: Config>() -> Periods<BlockNumberFor<T>> {
		T::DefaultPeriods::get()
	}

	#[pallet::type_value]
	pub fn DefaultRetentionOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultRetention::get()
	}

	/// How long an ended topic's supports, ballots and opinions are kept, in blocks.
	#[pallet::storage]
	pub type Retention<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultRetentionOf<T>>;

	/// The chain-wide periods.
	#[pallet::storage]
	pub type ChainPeriods<T: Config> =
		StorageValue<_, Periods<BlockNumberFor<T>>, ValueQuery, DefaultPeriodsOf<T>>;

	/// Rules of the categories governance changed; the others have
	/// [`Category::default_rules`].
	#[pallet::storage]
	pub type CategoryRules<T> = StorageMap<_, Twox64Concat, Category, VoteRules>;

	/// Rules of the units whose officers set them; the others have
	/// [`Config::DefaultUnitRules`].
	#[pallet::storage]
	pub type UnitRulesOf<T> = StorageMap<_, Twox64Concat, UnitId, UnitRules>;

	/// The id the next topic gets.
	#[pallet::storage]
	pub type NextTopicId<T> = StorageValue<_, TopicId, ValueQuery>;

	/// Every topic, decided ones included: the record of what residents decided.
	#[pallet::storage]
	pub type Topics<T: Config> = StorageMap<_, Twox64Concat, TopicId, TopicOf<T>>;

	/// Who supported a topic.
	#[pallet::storage]
	pub type Supports<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TopicId, Blake2_128Concat, T::AccountId, ()>;

	/// How many topics each resident has open.
	#[pallet::storage]
	pub type OpenTopicsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Each unit's qualified topics waiting for a meeting, oldest first.
	#[pallet::storage]
	pub type Qualified<T: Config> = StorageMap<_, Twox64Concat, UnitId, AgendaOf<T>, ValueQuery>;

	/// The id the next meeting gets.
	#[pallet::storage]
	pub type NextMeetingId<T> = StorageValue<_, MeetingId, ValueQuery>;

	/// Every meeting.
	#[pallet::storage]
	pub type Meetings<T: Config> = StorageMap<_, Twox64Concat, MeetingId, MeetingOf<T>>;

	/// Each resident's ballot on a topic.
	#[pallet::storage]
	pub type Ballots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TopicId, Blake2_128Concat, T::AccountId, BallotOf<T>>;

	/// How many paper ballots each polling officer recorded on a topic.
	#[pallet::storage]
	pub type OfflineBallotCount<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TopicId, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The opinions given on a topic during deliberation, one per person.
	#[pallet::storage]
	pub type Opinions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TopicId, Blake2_128Concat, T::AccountId, OpinionOf<T>>;

	/// Decided topics whose action failed (a pot full of open spends, a budget line cut): they
	/// wait for [`Pallet::retry_action`], never silently lost.
	#[pallet::storage]
	pub type FailedActions<T: Config> = StorageMap<_, Twox64Concat, TopicId, ()>;

	/// Progress reports on approved topics, numbered from 0.
	#[pallet::storage]
	pub type ProgressReports<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TopicId, Twox64Concat, u32, ProgressReportOf<T>>;

	/// The official answer an officer gave to an ended topic (lapsed, withdrawn or decided): one
	/// per topic, kept for good like the result.
	#[pallet::storage]
	pub type Answers<T: Config> = StorageMap<_, Twox64Concat, TopicId, AnswerOf<T>>;

	/// The anonymous poll each anonymous topic is voted on in, from when voting opened. Kept
	/// with the topic's result for good (the poll's own records are pruned by its pallet).
	#[pallet::storage]
	pub type TopicPolls<T: Config> = StorageMap<_, Twox64Concat, TopicId, PollId>;

	/// Anonymous topics whose poll could not open when voting opened (a ring of the community
	/// was being built), tried again at the start of each block until voting closes.
	#[pallet::storage]
	pub type PollsToOpen<T: Config> =
		StorageValue<_, BoundedVec<TopicId, ConstU32<{ meetings::MAX_POLLS_TO_OPEN }>>, ValueQuery>;

	/// The queues' items: (queue, position) → (due block, topic, unit or meeting id).
	#[pallet::storage]
	pub type QueueItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		meetings::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, u32),
	>;

	/// Each queue's (head, tail): items at positions head..tail are waiting.
	#[pallet::storage]
	pub type QueueBounds<T> = StorageMap<_, Twox64Concat, meetings::Queue, (u32, u32), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The periods, if not the default.
		pub periods: Option<Periods<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(periods) = self.periods {
				assert!(Pallet::<T>::periods_valid(&periods), "periods must be at least a block");
				ChainPeriods::<T>::put(periods);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A topic was raised; it gathers supports (`qualified: false`) or, put on the agenda
		/// by an officer or asked for by another pallet, is qualified at once.
		TopicRaised {
			topic: TopicId,
			unit: UnitId,
			author: Option<T::AccountId>,
			category: Category,
			support_threshold: u32,
			qualified: bool,
		},
		/// A resident supported a topic.
		Supported { topic: TopicId, who: T::AccountId, supports: u32 },
		/// A topic has the supports it needs and waits for a meeting.
		TopicQualified { topic: TopicId, unit: UnitId },
		/// Its author withdrew a topic.
		TopicWithdrawn { topic: TopicId },
		/// A topic did not qualify in time.
		TopicLapsed { topic: TopicId, supports: u32 },
		/// An ended topic's supports, ballots and opinions were removed; its result stays.
		TopicPruned { topic: TopicId },
		/// Governance set how long ended topics' records are kept.
		RetentionSet { blocks: BlockNumberFor<T> },
		/// A meeting was convened; it deliberates until `voting_opens`.
		MeetingConvened {
			meeting: MeetingId,
			unit: UnitId,
			topics: AgendaOf<T>,
			voting_opens: BlockNumberFor<T>,
		},
		/// Someone gave (or replaced) their opinion on a topic.
		OpinionGiven { topic: TopicId, who: T::AccountId },
		/// A meeting's voting opened, for the electorate counted now.
		VotingOpened { meeting: MeetingId, electorate: u32, closes: BlockNumberFor<T> },
		/// A resident voted (or changed their vote) in the open.
		Voted { topic: TopicId, who: T::AccountId, choice: Choice },
		/// A resident committed (or recommitted) a secret ballot.
		VoteCommitted { topic: TopicId, who: T::AccountId },
		/// A resident revealed their secret ballot.
		VoteRevealed { topic: TopicId, who: T::AccountId, choice: Choice },
		/// A polling officer recorded a paper or in-person ballot: its choice, or `None` for a
		/// sealed ballot of a secret topic, revealed later.
		OfflineBallotRecorded {
			topic: TopicId,
			resident: T::AccountId,
			officer: T::AccountId,
			choice: Option<Choice>,
		},
		/// A polling officer revealed a sealed paper ballot.
		OfflineBallotRevealed { topic: TopicId, resident: T::AccountId, choice: Choice },
		/// The resident voted themselves: the paper ballot an officer recorded in their name no
		/// longer counts.
		OfflineBallotReplaced { topic: TopicId, resident: T::AccountId, officer: T::AccountId },
		/// A meeting's voting closed; secret ballots may be revealed (and anonymous polls'
		/// paper counts countersigned) until `reveal_until`.
		VotingClosed { meeting: MeetingId, reveal_until: Option<BlockNumberFor<T>> },
		/// An anonymous topic's poll opened: residents vote in it with their ballot keys
		/// (AnonymousBallot.cast) or on paper at a polling station until voting closes.
		AnonymousPollOpened { topic: TopicId, poll: PollId },
		/// An anonymous topic's poll could not open yet (`error` says why): it is tried again
		/// each block while voting is open.
		AnonymousPollDelayed { topic: TopicId, error: DispatchError },
		/// An anonymous topic's poll never opened before voting closed: the topic is decided
		/// with no ballots (no quorum).
		AnonymousPollMissed { topic: TopicId },
		/// A topic was decided. Final.
		TopicDecided { topic: TopicId, outcome: Outcome, tally: Tally, electorate: u32 },
		/// Every topic of a meeting is decided.
		MeetingClosed { meeting: MeetingId },
		/// An approved topic's spend was handed to the treasury, as spend `spend`.
		SpendOrdered { topic: TopicId, spend: u32 },
		/// An approved district topic's proposal was put forward for a referendum.
		ReferendumProposed { topic: TopicId, proposal_hash: [u8; 32] },
		/// The result of a vote another pallet asked for was passed back to it.
		ResultReported { topic: TopicId, subject: VoteSubject, approved: bool },
		/// An approved topic's action could not be carried out: it waits for
		/// [`Pallet::retry_action`].
		ActionFailed { topic: TopicId, error: DispatchError },
		/// An officer reported on carrying out an approved topic.
		ProgressReported { topic: TopicId, report: u32, by: T::AccountId, completed: bool },
		/// An officer gave the official answer to an ended topic.
		TopicAnswered { topic: TopicId, by: T::AccountId },
		/// A unit's rules were set.
		UnitRulesSet { unit: UnitId, rules: UnitRules, by: AuthorityOf<T> },
		/// Governance set a category's rules.
		CategoryRulesSet { category: Category, rules: VoteRules },
		/// Governance set the periods of what is queued from now on.
		PeriodsSet { periods: Periods<BlockNumberFor<T>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has this id.
		UnknownUnit,
		/// Topics are raised in communities and streets; district topics only propose referenda,
		/// and only district topics do.
		WrongLevel,
		/// Only verified residents of the unit (or its officers) may do this.
		NotAResidentOfUnit,
		/// Only officers of the unit may do this.
		NotAnOfficer,
		/// Only a polling officer of the unit may record offline ballots.
		NotAPollingOfficer,
		/// The title is empty or longer than allowed.
		BadTitle,
		/// The body is longer than allowed.
		BodyTooLong,
		/// The opinion or report is empty or longer than allowed.
		BadText,
		/// The resident has as many open topics as allowed.
		TooManyOpenTopics,
		/// A topic that asks for money must be in the `Funds` category.
		SpendNeedsFundsCategory,
		/// A topic cannot ask for nothing.
		ZeroAmount,
		/// No topic has this id.
		UnknownTopic,
		/// No more ids: a counter would wrap onto old records.
		NoMoreIds,
		/// This topic has no failed action to carry out again.
		NoFailedAction,
		/// The retention is below `MinRetention`.
		RetentionTooShort,
		/// The topic is not gathering supports.
		NotGathering,
		/// This resident supported the topic already.
		AlreadySupported,
		/// Only the topic's author may withdraw it.
		NotTheAuthor,
		/// The topic is on a meeting's agenda or decided: it can no longer be withdrawn.
		CannotWithdraw,
		/// The topic's meeting is not deliberating.
		NotDeliberating,
		/// The topic has as many opinions as allowed.
		TooManyOpinions,
		/// The topic's meeting is not voting.
		NotVoting,
		/// Secret ballots are committed and revealed, not cast in the open.
		SecretBallot,
		/// The topic's ballots are not secret.
		NotSecret,
		/// The resident registered after voting opened: not in this vote's electorate.
		NotInElectorate,
		/// The resident has a ballot from another channel; one ballot per resident.
		AlreadyVoted,
		/// The topic's meeting is not in its reveal phase.
		NotRevealing,
		/// This resident has no sealed ballot on the topic.
		NothingToReveal,
		/// The choice and salt do not match the commitment.
		CommitmentMismatch,
		/// This polling officer recorded as many paper ballots on the topic as allowed.
		TooManyOfflineBallots,
		/// A sealed ballot is revealed by whoever cast it: the voter, or for a paper ballot the
		/// polling officer who recorded it.
		NotTheRevealer,
		/// Progress is reported on approved topics only.
		NotApproved,
		/// The topic was reported carried out already.
		AlreadyCompleted,
		/// The topic has as many progress reports as allowed.
		TooManyReports,
		/// Rules outside the chain's bounds.
		InvalidRules,
		/// Every period must be at least one block.
		ZeroPeriod,
		/// The text looks like it holds personal data (an ID, mobile or bank card number): say
		/// it without the number. Nothing was stored.
		PersonalData(PersonalData),
		/// The topic has not ended yet: it is answered once it lapsed, was withdrawn or decided.
		NotEnded,
		/// The topic has its official answer already.
		AlreadyAnswered,
		/// This topic's ballots are anonymous: cast them with a ballot key (AnonymousBallot.cast);
		/// polling stations record paper counts on its poll (AnonymousBallot.record_paper_count).
		AnonymousBallot,
		/// Anonymous ballots are for community topics (a community's residents hold the keys);
		/// raise a street's matter with sealed ballots instead.
		AnonymousNeedsCommunity,
		/// This chain has no anonymous ballots: choose open or sealed ballots.
		NoAnonymousBallots,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::open_waiting_polls().saturating_add(Self::process_due(now))
		}

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxTopicsPerMeeting::get() > 0, "a meeting decides at least one topic");
			assert!(T::MaxDuePerBlock::get() > 0, "queues must move");
			assert!(T::MaxPrunedPerStep::get() > 0, "pruning must move");
			assert!(
				T::DefaultRetention::get() >= T::MinRetention::get(),
				"the default retention must be allowed"
			);
			assert!(
				Self::unit_rules_valid(&T::DefaultUnitRules::get()),
				"the default unit rules must be within the bounds"
			);
			assert!(Self::periods_valid(&T::DefaultPeriods::get()), "periods must be a block");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Raises a topic in `unit`: a verified resident of it (whose support it counts), or an
		/// officer of it, who puts it on the agenda at once. `secrecy` says how its ballots are
		/// cast: in the open, sealed (commit–reveal), or anonymously (community topics only).
		///
		/// Emits [`Event::TopicRaised`] (and [`Event::TopicQualified`] for an officer's topic).
		/// Errors include [`Error::AnonymousNeedsCommunity`] and [`Error::NoAnonymousBallots`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::raise_topic())]
		pub fn raise_topic(
			origin: OriginFor<T>,
			unit: UnitId,
			title: Vec<u8>,
			body: Body<Vec<u8>>,
			category: Category,
			action: Action<T::AccountId>,
			secrecy: Secrecy,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let title = TitleOf::<T>::new(title)
				.map_err(|p| p.into_error(Error::<T>::BadTitle, Error::PersonalData))?;
			ensure!(!title.is_empty(), Error::<T>::BadTitle);
			let body = match body {
				Body::Text(text) => Body::Text(
					BodyTextOf::<T>::new(text)
						.map_err(|p| p.into_error(Error::<T>::BodyTooLong, Error::PersonalData))?,
				),
				Body::Document(hash) => Body::Document(hash),
			};
			Self::do_raise_topic(who, unit, title, body, category, action, secrecy).map(|_| ())
		}

		/// A verified resident of the topic's unit supports it. The support that reaches the
		/// threshold qualifies it, and may convene a meeting.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::support())]
		pub fn support(origin: OriginFor<T>, topic: TopicId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_support(who, topic)
		}

		/// The author withdraws a topic not yet on a meeting's agenda.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_topic())]
		pub fn withdraw_topic(origin: OriginFor<T>, topic: TopicId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_topic(who, topic)
		}

		/// A verified resident or an officer of the unit gives their opinion on a topic while its
		/// meeting deliberates; a second opinion replaces the first.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::give_opinion())]
		pub fn give_opinion(origin: OriginFor<T>, topic: TopicId, text: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::bounded_text(text)?;
			Self::do_give_opinion(who, topic, text)
		}

		/// A resident of the electorate votes on a topic in the open, or changes their vote.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(origin: OriginFor<T>, topic: TopicId, choice: Choice) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, topic, choice)
		}

		/// A resident of the electorate commits a secret ballot: blake2-256 of the SCALE encoding
		/// of `(topic, voter, choice, salt)`, salt 32 random bytes. A new commitment replaces the
		/// old until voting closes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commit_vote())]
		pub fn commit_vote(
			origin: OriginFor<T>,
			topic: TopicId,
			commitment: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_vote(who, topic, commitment)
		}

		/// After voting closes, a resident reveals the choice and salt of their secret ballot.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reveal_vote())]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			topic: TopicId,
			choice: Choice,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_vote(who, topic, choice, salt)
		}

		/// A polling officer of the topic's unit records the paper or in-person ballot of
		/// `resident` while voting is open: `Open(choice)` on an open topic, `Sealed(commitment)`
		/// ([`Pallet::commitment_of`] with the resident's account) on a secret one. Refused if
		/// the resident has a ballot already; the resident's own later vote replaces it.
		///
		/// Emits [`Event::OfflineBallotRecorded`]. Errors: [`Error::NotVoting`],
		/// [`Error::NotAPollingOfficer`], [`Error::SecretBallot`], [`Error::NotSecret`],
		/// [`Error::NotAResidentOfUnit`], [`Error::NotInElectorate`], [`Error::AlreadyVoted`],
		/// [`Error::TooManyOfflineBallots`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::record_offline_ballot())]
		pub fn record_offline_ballot(
			origin: OriginFor<T>,
			topic: TopicId,
			resident: T::AccountId,
			ballot: BallotVote,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_offline_ballot(who, topic, resident, ballot)
		}

		/// After voting closes, the polling officer who recorded a sealed paper ballot reveals
		/// its choice and salt.
		///
		/// Emits [`Event::OfflineBallotRevealed`]. Errors: [`Error::NotRevealing`],
		/// [`Error::NothingToReveal`], [`Error::NotTheRevealer`], [`Error::CommitmentMismatch`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reveal_offline_ballot())]
		pub fn reveal_offline_ballot(
			origin: OriginFor<T>,
			topic: TopicId,
			resident: T::AccountId,
			choice: Choice,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_offline_ballot(who, topic, resident, choice, salt)
		}

		/// An officer of the unit reports progress on carrying out an approved topic;
		/// `completed` makes it the closing report.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::report_progress())]
		pub fn report_progress(
			origin: OriginFor<T>,
			topic: TopicId,
			text: Vec<u8>,
			completed: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::bounded_text(text)?;
			Self::do_report_progress(who, topic, text, completed)
		}

		/// Sets `unit`'s support threshold and K: an officer of the unit, or governance. Within
		/// the chain's bounds.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_unit_rules())]
		pub fn set_unit_rules(
			origin: OriginFor<T>,
			unit: UnitId,
			rules: UnitRules,
		) -> DispatchResult {
			let by = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => Authority::Governance,
				Err(origin) => {
					let who = ensure_signed(origin)?;
					ensure!(T::Registry::is_officer(&who, unit), Error::<T>::NotAnOfficer);
					Authority::Officer(who)
				},
			};
			match T::Registry::level_of(unit) {
				None => return Err(Error::<T>::UnknownUnit.into()),
				Some(gongzhi_primitives::civic::UnitLevel::Grid) => {
					return Err(Error::<T>::WrongLevel.into())
				},
				Some(_) => {},
			}
			ensure!(Self::unit_rules_valid(&rules), Error::<T>::InvalidRules);
			UnitRulesOf::<T>::insert(unit, rules);
			Self::deposit_event(Event::UnitRulesSet { unit, rules, by });
			Ok(())
		}

		/// Governance sets a category's quorum and majority, for topics decided from now on.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_category_rules())]
		pub fn set_category_rules(
			origin: OriginFor<T>,
			category: Category,
			rules: VoteRules,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			CategoryRules::<T>::insert(category, rules);
			Self::deposit_event(Event::CategoryRulesSet { category, rules });
			Ok(())
		}

		/// Carries out again the action of decided topic `topic` that failed (once the pot has
		/// room, the budget line allows it, ...). Anyone may ask; a failure changes nothing.
		///
		/// Emits the action's own event ([`Event::SpendOrdered`], [`Event::ReferendumProposed`] or
		/// [`Event::ResultReported`]). Errors: [`Error::NoFailedAction`], or the action's error.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::retry_action().saturating_add(Pallet::<T>::action_weight()))]
		pub fn retry_action(origin: OriginFor<T>, topic: TopicId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_retry_action(topic)
		}

		/// Governance sets how long the supports, ballots and opinions of topics ending from now
		/// on are kept, in blocks (at least [`Config::MinRetention`]).
		///
		/// Emits [`Event::RetentionSet`]. Errors: [`Error::RetentionTooShort`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_retention())]
		pub fn set_retention(origin: OriginFor<T>, blocks: BlockNumberFor<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinRetention::get(), Error::<T>::RetentionTooShort);
			Retention::<T>::put(blocks);
			Self::deposit_event(Event::RetentionSet { blocks });
			Ok(())
		}

		/// An officer of the topic's unit gives the official answer to an ended topic: why it
		/// lapsed or was withdrawn and what happens now, or what follows the decision. Every
		/// topic a resident raised thus gets an answer on chain, once.
		///
		/// Emits [`Event::TopicAnswered`]. Errors: [`Error::UnknownTopic`],
		/// [`Error::NotAnOfficer`], [`Error::NotEnded`], [`Error::AlreadyAnswered`],
		/// [`Error::BadText`], [`Error::PersonalData`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::answer_topic())]
		pub fn answer_topic(origin: OriginFor<T>, topic: TopicId, text: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::bounded_text(text)?;
			Self::do_answer_topic(who, topic, text)
		}

		/// Governance sets the periods of topics and meetings queued from now on.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_periods())]
		pub fn set_periods(
			origin: OriginFor<T>,
			periods: Periods<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::periods_valid(&periods), Error::<T>::ZeroPeriod);
			ChainPeriods::<T>::put(periods);
			Self::deposit_event(Event::PeriodsSet { periods });
			Ok(())
		}
	}

	/// Reads for wallets and the residents' portal, in the metadata and callable through the
	/// runtime's `RuntimeViewFunction` API: no custom RPC.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The topics of `unit`, newest first, from below topic `before` (or the newest). Looks
		/// at no more than [`topics::TOPICS_SCANNED`] topic ids and returns at most
		/// [`topics::TOPICS_PER_PAGE`] topics; the second value is where the next page starts
		/// (`None`: no older topics).
		pub fn topics_of(
			unit: UnitId,
			before: Option<TopicId>,
		) -> (Vec<(TopicId, TopicOf<T>)>, Option<TopicId>) {
			Self::topics_page(unit, before)
		}

		/// Meeting `meeting`: its unit, its agenda (the topics it decides, in order), its phase and
		/// when that phase ends, and whether its ballots are secret. `None` once pruned.
		pub fn agenda(meeting: MeetingId) -> Option<MeetingOf<T>> {
			Meetings::<T>::get(meeting)
		}

		/// `who`'s ballot on `topic`: an open choice, or sealed (committed, not yet revealed);
		/// `None` if they have not voted. Ballots are public records: this reads nothing more.
		pub fn ballot_of(topic: TopicId, who: T::AccountId) -> Option<BallotVote> {
			Ballots::<T>::get(topic, &who).map(|ballot| ballot.vote)
		}

		/// The anonymous poll topic `topic` is voted on in (pallet-anonymous-ballot's `poll`
		/// view gives its running tally); `None` before voting opens or for other topics.
		pub fn anonymous_poll(topic: TopicId) -> Option<PollId> {
			TopicPolls::<T>::get(topic)
		}

		/// Whether `who` supported `topic` while it gathered support.
		pub fn supported(topic: TopicId, who: T::AccountId) -> bool {
			Supports::<T>::contains_key(topic, &who)
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn periods_valid(p: &Periods<BlockNumberFor<T>>) -> bool {
			[p.support, p.wait, p.deliberation, p.voting, p.reveal].iter().all(|b| !b.is_zero())
		}

		pub(crate) fn unit_rules_valid(rules: &UnitRules) -> bool {
			let support_ok = match rules.support {
				SupportThreshold::Absolute(n) => n > 0,
				SupportThreshold::Share(share) => {
					share >= T::MinSupportShare::get() && share <= T::MaxSupportShare::get()
				},
			};
			support_ok && rules.batch > 0 && rules.batch <= T::MaxTopicsPerMeeting::get()
		}

		/// The rules of `unit`.
		pub fn unit_rules(unit: UnitId) -> UnitRules {
			UnitRulesOf::<T>::get(unit).unwrap_or_else(T::DefaultUnitRules::get)
		}

		/// The rules of `category`.
		pub fn category_rules(category: Category) -> VoteRules {
			CategoryRules::<T>::get(category).unwrap_or_else(|| category.default_rules())
		}

		fn bounded_text(text: Vec<u8>) -> Result<OpinionOf<T>, DispatchError> {
			let text = OpinionOf::<T>::new(text)
				.map_err(|p| p.into_error(Error::<T>::BadText, Error::PersonalData))?;
			ensure!(!text.is_empty(), Error::<T>::BadText);
			Ok(text)
		}
	}
}
