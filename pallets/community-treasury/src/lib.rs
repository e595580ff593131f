//! # Community treasury
//!
//! Each unit of the organisation tree (district, street, community) has a pot of public money
//! that no single person can move, whose every movement anyone can read.
//!
//! ## Overview
//!
//! - **Pots.** A unit's pot is an account derived from [`Config::PalletId`] and the unit id
//!   ([`Pallet::pot_account`]); nobody holds its key. Anyone may [`donate`](Pallet::donate) to it
//!   with a short memo.
//! - **Supervision.** Each unit names N spend supervisors and the M approvals a spend needs
//!   ([`UnitSettings`]): its officers, owners' committee members, treasury supervisors or verified
//!   residents of the unit. They are first set from above ([`Pallet::configure`]: governance, or an
//!   officer of a unit above); afterwards the supervisors change them by M-of-N approval
//!   ([`Pallet::propose_settings`], [`Pallet::approve_settings`]), or the level above does.
//!   M is never below [`Config::MinApprovals`]: no one person moves public money.
//! - **Spends.** An officer of the unit proposes a spend (beneficiary, amount, [`Category`],
//!   purpose, optional consultation topic). The proposer's approval counts once if they are a
//!   supervisor. With M approvals the spend enters a **public notice** period
//!   ([`NoticePeriod`]) in which verified residents of the unit may object; at its end the
//!   spend is paid automatically. A majority of supervisors rejecting it ends it; so does the
//!   proposer or an officer cancelling it, or the [`ApprovalPeriod`] passing without
//!   enough approvals.
//! - **Residents' vote.** A spend goes to a vote of the unit's residents when objections reach the
//!   unit's threshold (a share of its residents, fixed when the notice starts), and always when
//!   its amount is above the unit's `vote_cap`. The vote is convened through
//!   [`Config::VoteRequester`] (the consultation pallet), whose result comes back through
//!   [`ResidentVoteOutcome`]; where no vote can be convened, governance decides
//!   ([`Pallet::decide_by_governance`]).
//! - **Decided by residents.** A consultation topic that asks for money and passes its vote is
//!   paid through [`ResidentSpends`](gongzhi_primitives::votes::ResidentSpends): the vote stands
//!   in for the supervisors' approvals and the notice, the budget line still applies, and the
//!   spend records the topic.
//! - **Budget lines.** The level above (or governance) may cap what a unit spends per category per
//!   [`Config::BudgetPeriod`] ([`Pallet::set_budget`]). A spend counts against its line when it is
//!   approved, and is given back if it then does not happen.
//! - **Periods.** The approval and notice periods are chain-wide, set in the chain spec and by
//!   governance ([`Pallet::set_periods`]); a district's chain gives residents days to object, a
//!   development chain a few blocks.
//! - **Allocations.** A unit funds a child unit by a spend whose beneficiary is
//!   [`Beneficiary::Unit`]: the same supervision and notice as any spend.
//!
//! ## Failure and retries
//!
//! A payout is one transfer: it happens whole or not at all. If the pot cannot pay when the notice
//! ends, the spend stays, [`SpendStatus::Failed`], until someone retries it
//! ([`Pallet::retry_spend`]) after the pot is topped up, or it is cancelled.
//!
//! ## Audit trail
//!
//! Every step emits an event naming who took it. Each pot has a ledger of its donations and
//! payouts in block order, read page by page and by block range through the runtime API
//! ([`Pallet::statement`]), along with a unit's open spends ([`Pallet::open_spends`]).
//!
//! ## Bounded work per block
//!
//! Notice ends and approval deadlines go into first-in-first-out queues (every spend waits the
//! same period, so they come due in the order they were queued). Each block handles at most
//! [`Config::MaxDuePerBlock`] due items in `on_initialize`, whatever the number of open spends;
//! what is left waits for the next block. Objection records of ended spends are removed in
//! `on_idle`, with the block's spare weight.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::{
	civic::{Authority, UnitId},
	votes::{SpendIndex, VoteSubject},
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod budget;
mod invariants;
mod ledger;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queue;
mod spends;
mod supervision;
#[cfg(test)]
mod tests;
mod texts;
pub mod types;
mod vote;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{self, Mutate},
			tokens::Preservation,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		civic::CivicRegistry,
		text::{CivicText, PersonalData},
		votes::ResidentVoteRequester,
	};
	use sp_runtime::traits::Zero;

	/// An amount of the pots' currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// A list of supervisors, bounded.
	pub type SupervisorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxSupervisors>;
	/// A unit's settings as stored.
	pub type UnitSettingsOf<T> = UnitSettings<SupervisorsOf<T>, BalanceOf<T>>;
	/// A purpose text: civic text, bounded and guarded against personal data.
	pub type PurposeTextOf<T> = CivicText<<T as Config>::MaxPurposeLength>;
	/// A spend's purpose as stored.
	pub type PurposeOf<T> = Purpose<PurposeTextOf<T>>;
	/// A donation memo: civic text.
	pub type MemoOf<T> = CivicText<<T as Config>::MaxMemoLength>;
	/// A spend as stored.
	pub type SpendOf<T> = Spend<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		SupervisorsOf<T>,
		PurposeTextOf<T>,
	>;
	/// A statement line as stored.
	pub type LedgerEntryOf<T> = LedgerEntry<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		MemoOf<T>,
	>;
	/// Who authorised an act.
	pub type AuthorityOf<T> = Authority<<T as frame_system::Config>::AccountId>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency the pots hold.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// Who is who: units, officers, residents, roles.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Configures any unit, sets any budget line and decides spends no vote can decide: the
		/// council or `Root`.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Convenes residents' votes on spends (the consultation pallet).
		type VoteRequester: ResidentVoteRequester;

		/// The id the pot accounts are derived from.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most supervisors (N) a unit has.
		#[pallet::constant]
		type MaxSupervisors: Get<u32>;

		/// The fewest approvals (M) a unit may require.
		#[pallet::constant]
		type MinApprovals: Get<u32>;

		/// The longest purpose text, in bytes.
		#[pallet::constant]
		type MaxPurposeLength: Get<u32>;

		/// The longest donation memo, in bytes.
		#[pallet::constant]
		type MaxMemoLength: Get<u32>;

		/// The most spends a unit has open at once.
		#[pallet::constant]
		type MaxOpenSpends: Get<u32>;

		/// The approval period where the chain spec sets none, in blocks.
		#[pallet::constant]
		type DefaultApprovalPeriod: Get<BlockNumberFor<Self>>;

		/// The notice period where the chain spec sets none, in blocks.
		#[pallet::constant]
		type DefaultNoticePeriod: Get<BlockNumberFor<Self>>;

		/// The period budget lines apply to, in blocks.
		#[pallet::constant]
		type BudgetPeriod: Get<BlockNumberFor<Self>>;

		/// The most due notices and deadlines handled in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// The most statement lines returned at once.
		#[pallet::constant]
		type MaxStatementPage: Get<u32>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds units, officers and residents for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;
	}

	#[pallet::type_value]
	pub fn DefaultApprovalPeriodOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultApprovalPeriod::get()
	}

	#[pallet::type_value]
	pub fn DefaultNoticePeriodOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultNoticePeriod::get()
	}

	/// How long a spend may wait for its approvals before it expires, in blocks.
	#[pallet::storage]
	pub type ApprovalPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultApprovalPeriodOf<T>>;

	/// How long residents may object to an approved spend, in blocks.
	#[pallet::storage]
	pub type NoticePeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultNoticePeriodOf<T>>;

	/// How each unit's pot is supervised. A unit without settings cannot spend.
	#[pallet::storage]
	pub type Settings<T: Config> = StorageMap<_, Twox64Concat, UnitId, UnitSettingsOf<T>>;

	/// A change of a unit's settings being approved by its supervisors.
	#[pallet::storage]
	pub type PendingChanges<T: Config> =
		StorageMap<_, Twox64Concat, UnitId, PendingSettings<UnitSettingsOf<T>, SupervisorsOf<T>>>;

	/// Budget lines: the most a unit spends in a category per budget period.
	#[pallet::storage]
	pub type BudgetLines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, UnitId, Twox64Concat, Category, BalanceOf<T>>;

	/// The most one assistance subsidy of a unit is paid without its supervisors' approval (none
	/// set: every subsidy waits for their approval). Set by the level above with
	/// [`Pallet::set_subsidy_cap`].
	#[pallet::storage]
	pub type SubsidyCaps<T: Config> = StorageMap<_, Twox64Concat, UnitId, BalanceOf<T>>;

	/// What a unit has committed in a category: (budget period, amount).
	#[pallet::storage]
	pub type BudgetUsed<T: Config> =
		StorageDoubleMap<_, Twox64Concat, UnitId, Twox64Concat, Category, (u32, BalanceOf<T>)>;

	/// The index the next spend gets.
	#[pallet::storage]
	pub type NextSpendIndex<T> = StorageValue<_, SpendIndex, ValueQuery>;

	/// Spends not yet ended.
	#[pallet::storage]
	pub type Spends<T: Config> = StorageMap<_, Twox64Concat, SpendIndex, SpendOf<T>>;

	/// Each unit's open spends.
	#[pallet::storage]
	pub type OpenSpends<T: Config> =
		StorageMap<_, Twox64Concat, UnitId, BoundedVec<SpendIndex, T::MaxOpenSpends>, ValueQuery>;

	/// The residents who objected to a spend.
	#[pallet::storage]
	pub type Objections<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SpendIndex, Blake2_128Concat, T::AccountId, ()>;

	/// Each unit's statement lines, numbered from 0 in block order.
	#[pallet::storage]
	pub type Ledger<T: Config> =
		StorageDoubleMap<_, Twox64Concat, UnitId, Twox64Concat, u32, LedgerEntryOf<T>>;

	/// How many statement lines each unit has.
	#[pallet::storage]
	pub type LedgerLength<T> = StorageMap<_, Twox64Concat, UnitId, u32, ValueQuery>;

	/// The queues' items: (queue, position) → (due block, spend).
	#[pallet::storage]
	pub type QueueItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		queue::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, SpendIndex),
	>;

	/// Each queue's (head, tail): items at positions head..tail are waiting.
	#[pallet::storage]
	pub type QueueBounds<T> = StorageMap<_, Twox64Concat, queue::Queue, (u32, u32), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The approval period, if not the default.
		pub approval_period: Option<BlockNumberFor<T>>,
		/// The notice period, if not the default.
		pub notice_period: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for period in [self.approval_period, self.notice_period].into_iter().flatten() {
				assert!(!period.is_zero(), "treasury periods must be at least one block");
			}
			if let Some(period) = self.approval_period {
				ApprovalPeriod::<T>::put(period);
			}
			if let Some(period) = self.notice_period {
				NoticePeriod::<T>::put(period);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Money was given to a unit's pot.
		Donated { unit: UnitId, donor: T::AccountId, amount: BalanceOf<T>, entry: u32 },
		/// A unit's supervision was set from above.
		Configured { unit: UnitId, settings: UnitSettingsOf<T>, by: AuthorityOf<T> },
		/// A supervisor proposed new settings for their unit (replacing any pending change).
		SettingsChangeProposed { unit: UnitId, settings: UnitSettingsOf<T>, by: T::AccountId },
		/// A supervisor approved the pending change.
		SettingsChangeApproved { unit: UnitId, by: T::AccountId, approvals: u32 },
		/// The pending change had its approvals and now applies.
		SettingsChanged { unit: UnitId, settings: UnitSettingsOf<T> },
		/// Governance set the approval and notice periods of spends proposed from now on.
		PeriodsSet { approval: BlockNumberFor<T>, notice: BlockNumberFor<T> },
		/// A budget line was set (`None`: removed).
		BudgetSet {
			unit: UnitId,
			category: Category,
			limit: Option<BalanceOf<T>>,
			by: AuthorityOf<T>,
		},
		/// The per-request subsidy cap of a unit was set (`None`: removed, every subsidy needs
		/// the supervisors' approval).
		SubsidyCapSet { unit: UnitId, cap: Option<BalanceOf<T>>, by: AuthorityOf<T> },
		/// An officer proposed a spend.
		SpendProposed {
			index: SpendIndex,
			unit: UnitId,
			proposer: T::AccountId,
			beneficiary: Beneficiary<T::AccountId>,
			amount: BalanceOf<T>,
			category: Category,
		},
		/// A supervisor approved a spend.
		SpendApproved { index: SpendIndex, by: T::AccountId, approvals: u32 },
		/// A supervisor rejected a spend.
		SpendRejectedBy { index: SpendIndex, by: T::AccountId, rejections: u32 },
		/// A spend has its approvals: residents may object until `ends_at`.
		NoticeStarted { index: SpendIndex, ends_at: BlockNumberFor<T>, objection_threshold: u32 },
		/// A resident objected to a spend.
		Objected { index: SpendIndex, by: T::AccountId, objections: u32, threshold: u32 },
		/// A spend waits for a vote of the unit's residents.
		VoteRequested { index: SpendIndex, unit: UnitId, reason: VoteReason },
		/// The residents (or governance) decided a spend.
		VoteConcluded { index: SpendIndex, approved: bool, by: DecidedBy },
		/// A spend was paid.
		SpendPaid {
			index: SpendIndex,
			unit: UnitId,
			beneficiary: Beneficiary<T::AccountId>,
			amount: BalanceOf<T>,
		},
		/// A spend could not be paid; nothing moved. It can be retried or cancelled.
		SpendFailed { index: SpendIndex, error: DispatchError },
		/// A spend ended without being paid.
		SpendEnded { index: SpendIndex, unit: UnitId, reason: EndReason<T::AccountId> },
	}

	/// Why a spend goes to the residents.
	#[derive(
		Copy,
		Clone,
		Eq,
		PartialEq,
		Encode,
		Decode,
		DecodeWithMemTracking,
		Debug,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub enum VoteReason {
		/// Enough residents objected during the notice period.
		Objections,
		/// The amount is above the unit's vote cap.
		AboveCap,
	}

	/// Who decided a spend put to a vote.
	#[derive(
		Copy,
		Clone,
		Eq,
		PartialEq,
		Encode,
		Decode,
		DecodeWithMemTracking,
		Debug,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub enum DecidedBy {
		/// The unit's residents, by a vote.
		Residents,
		/// Governance, where no vote could decide.
		Governance,
	}

	/// Why a spend ended unpaid.
	#[derive(
		Clone, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, Debug, MaxEncodedLen, TypeInfo,
	)]
	pub enum EndReason<AccountId> {
		/// Cancelled by the account named.
		Cancelled(AccountId),
		/// A majority of the supervisors rejected it.
		Rejected,
		/// Not approved within the approval period.
		Expired,
		/// The residents' vote (or governance) turned it down.
		VotedDown,
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has this id.
		UnknownUnit,
		/// The amount is zero.
		ZeroAmount,
		/// The amount a consultation decided does not fit this chain's balance type.
		AmountTooLarge,
		/// The memo is longer than allowed.
		MemoTooLong,
		/// Only governance or an officer of a unit above this one may do this.
		NotAnOfficerAbove,
		/// Only an officer of this unit (or above) may do this.
		NotAnOfficer,
		/// The unit has no supervisors yet: it must be configured from above first.
		NotConfigured,
		/// An account appears twice among the supervisors.
		DuplicateSupervisor,
		/// A supervisor must be an officer, an owners' committee member, a treasury supervisor
		/// or a verified resident of the unit.
		NotEligibleSupervisor,
		/// The residents' oversight of a pot (objection share, vote cap) is set from the level
		/// above or by governance, never by the pot's own supervisors.
		OversightFromAbove,
		/// A grid has no pot of its own: its community's pot, overseen by the community's
		/// residents, serves it.
		GridHasNoPot,
		/// A unit without an `Assistance` budget line pays no subsidies: the level above sets one
		/// first.
		NoAssistanceLine,
		/// The residents decide this spend in their vote; governance does not overrule it.
		ResidentsDecide,
		/// Nobody approves a spend to themselves: another supervisor must.
		OwnSpend,
		/// The approvals required must be at least the minimum and at most the supervisors.
		InvalidThreshold,
		/// Only a supervisor of the spend's unit may do this.
		NotASupervisor,
		/// No settings change is pending for this unit.
		NoPendingChange,
		/// This supervisor already approved.
		AlreadyApproved,
		/// This supervisor already rejected.
		AlreadyRejected,
		/// No open spend has this index.
		UnknownSpend,
		/// The beneficiary unit is not a child of the paying unit.
		NotAChildUnit,
		/// The unit has as many open spends as allowed.
		TooManyOpenSpends,
		/// No more spend indices: the counter would wrap onto old spends.
		NoMoreIds,
		/// The spend is above what its budget line has left this period.
		OverBudget,
		/// The spend is no longer waiting for approvals.
		NotAwaitingApproval,
		/// Residents may object only during the notice period.
		NotInNotice,
		/// Only a verified resident of the spend's unit may object.
		NotAResidentOfUnit,
		/// This resident already objected.
		AlreadyObjected,
		/// Only the proposer or an officer of the unit may cancel a spend.
		NotAllowedToCancel,
		/// Only a spend whose payout failed can be retried.
		NotFailed,
		/// The spend is not waiting for a vote.
		NotAwaitingVote,
		/// Periods must be at least one block.
		ZeroPeriod,
		/// The pot does not hold enough to pay the spend (keeping nothing half-paid).
		InsufficientPot,
		/// The purpose text is longer than allowed: publish a document and give its hash.
		PurposeTooLong,
		/// The text looks like it holds personal data (an ID, mobile or bank card number): say
		/// it without the number. Nothing was stored.
		PersonalData(PersonalData),
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_due(now)
		}

		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_ended_objections(remaining)
		}

		fn integrity_test() {
			assert!(T::MinApprovals::get() >= 1, "a spend needs at least one approval");
			assert!(
				T::MinApprovals::get() <= T::MaxSupervisors::get(),
				"the minimum approvals must be reachable"
			);
			assert!(T::MaxDuePerBlock::get() >= 1, "due items must be handled");
			assert!(!T::BudgetPeriod::get().is_zero(), "budget periods cannot be empty");
			assert!(!T::DefaultApprovalPeriod::get().is_zero(), "approval periods cannot be empty");
			assert!(!T::DefaultNoticePeriod::get().is_zero(), "notice periods cannot be empty");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Gives `amount` to `unit`'s pot, with a memo that goes on its statement.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(
			origin: OriginFor<T>,
			unit: UnitId,
			#[pallet::compact] amount: BalanceOf<T>,
			memo: Vec<u8>,
		) -> DispatchResult {
			let donor = ensure_signed(origin)?;
			ensure!(T::Registry::level_of(unit).is_some(), Error::<T>::UnknownUnit);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let memo = MemoOf::<T>::new(memo)
				.map_err(|p| p.into_error(Error::<T>::MemoTooLong, Error::PersonalData))?;
			T::Currency::transfer(
				&donor,
				&Self::pot_account(unit),
				amount,
				Preservation::Preserve,
			)?;
			let entry = Self::record(
				unit,
				Direction::In,
				Beneficiary::Account(donor.clone()),
				amount,
				EntryReason::Donation(memo),
			);
			Self::deposit_event(Event::Donated { unit, donor, amount, entry });
			Ok(())
		}

		/// Sets `unit`'s supervisors, required approvals, objection share and vote cap, replacing
		/// any pending change. Governance, or an officer of a unit above `unit`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::configure(T::MaxSupervisors::get()))]
		pub fn configure(
			origin: OriginFor<T>,
			unit: UnitId,
			settings: UnitSettingsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_above(origin, unit)?;
			Self::do_configure(by, unit, settings)
		}

		/// A supervisor of `unit` proposes new settings, replacing any pending change; their
		/// approval counts. The change applies once M current supervisors approve it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::propose_settings(T::MaxSupervisors::get()))]
		pub fn propose_settings(
			origin: OriginFor<T>,
			unit: UnitId,
			settings: UnitSettingsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_settings(who, unit, settings)
		}

		/// A supervisor of `unit` approves its pending settings change.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_settings(T::MaxSupervisors::get()))]
		pub fn approve_settings(origin: OriginFor<T>, unit: UnitId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_settings(who, unit)
		}

		/// Sets (or with `None` removes) `unit`'s budget line for `category`. Governance, or an
		/// officer of a unit above `unit`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_budget())]
		pub fn set_budget(
			origin: OriginFor<T>,
			unit: UnitId,
			category: Category,
			limit: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let by = Self::ensure_above(origin, unit)?;
			Self::do_set_budget(by, unit, category, limit);
			Ok(())
		}

		/// Sets (or with `None` removes) the most one assistance subsidy of `unit` is paid
		/// without its supervisors' approval. Governance, or an officer of a unit above `unit`.
		///
		/// A subsidy above the cap (every subsidy, if none is set) becomes a spend awaiting the
		/// supervisors' approval and then the public notice, like any other.
		///
		/// Emits [`Event::SubsidyCapSet`]. Errors: [`Error::UnknownUnit`],
		/// [`Error::NotAnOfficerAbove`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_subsidy_cap())]
		pub fn set_subsidy_cap(
			origin: OriginFor<T>,
			unit: UnitId,
			cap: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let by = Self::ensure_above(origin, unit)?;
			SubsidyCaps::<T>::set(unit, cap);
			Self::deposit_event(Event::SubsidyCapSet { unit, cap, by });
			Ok(())
		}

		/// An officer of `unit` proposes paying `amount` from its pot to `beneficiary`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_spend()
			.saturating_add(T::VoteRequester::request_vote_weight())
			.saturating_add(Pallet::<T>::split_spend_check_weight()))]
		pub fn propose_spend(
			origin: OriginFor<T>,
			unit: UnitId,
			beneficiary: Beneficiary<T::AccountId>,
			#[pallet::compact] amount: BalanceOf<T>,
			category: Category,
			purpose: Purpose<Vec<u8>>,
			consultation: Option<u32>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let purpose = match purpose {
				Purpose::Text(text) => {
					Purpose::Text(PurposeTextOf::<T>::new(text).map_err(|p| {
						p.into_error(Error::<T>::PurposeTooLong, Error::PersonalData)
					})?)
				},
				Purpose::Document(hash) => Purpose::Document(hash),
			};
			Self::do_propose_spend(who, unit, beneficiary, amount, category, purpose, consultation)
		}

		/// A supervisor of the spend's unit approves it. The approval that completes M starts the
		/// notice period (or, above the vote cap, the residents' vote).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::approve_spend()
			.saturating_add(T::VoteRequester::request_vote_weight())
			.saturating_add(Pallet::<T>::split_spend_check_weight()))]
		pub fn approve_spend(origin: OriginFor<T>, index: SpendIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_spend(who, index)
		}

		/// A supervisor of the spend's unit rejects it. A majority of supervisors rejecting ends
		/// it.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject_spend())]
		pub fn reject_spend(origin: OriginFor<T>, index: SpendIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_spend(who, index)
		}

		/// A verified resident of the spend's unit objects to it during its notice period.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::object().saturating_add(T::VoteRequester::request_vote_weight()))]
		pub fn object(origin: OriginFor<T>, index: SpendIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_object(who, index)
		}

		/// The proposer, or an officer of the unit, cancels a spend not yet paid.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_spend())]
		pub fn cancel_spend(origin: OriginFor<T>, index: SpendIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_spend(who, index)
		}

		/// Anyone retries paying a spend whose payout failed. Fails, changing nothing, if the pot
		/// still cannot pay.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::retry_spend())]
		pub fn retry_spend(origin: OriginFor<T>, index: SpendIndex) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_retry_spend(index)
		}

		/// Governance decides a spend waiting for a vote, where no residents' vote can decide it
		/// (a chain whose vote requester convenes none). Refused where residents vote: their
		/// vote is never overruled.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::decide_by_governance())]
		pub fn decide_by_governance(
			origin: OriginFor<T>,
			index: SpendIndex,
			approved: bool,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!T::VoteRequester::convenes_votes(), Error::<T>::ResidentsDecide);
			Self::conclude_vote(index, approved, DecidedBy::Governance)
		}

		/// Governance sets the approval and notice periods, in blocks, for spends proposed (and
		/// approved) from now on. Shortening them lets later spends come due only after the ones
		/// already queued.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_periods())]
		pub fn set_periods(
			origin: OriginFor<T>,
			approval: BlockNumberFor<T>,
			notice: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!approval.is_zero() && !notice.is_zero(), Error::<T>::ZeroPeriod);
			ApprovalPeriod::<T>::put(approval);
			NoticePeriod::<T>::put(notice);
			Self::deposit_event(Event::PeriodsSet { approval, notice });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Reading the unit's other open spends to count split spends together towards the vote cap
	/// (not in the benchmarks' fixture).
	pub fn split_spend_check_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		T::DbWeight::get().reads(T::MaxOpenSpends::get().into())
	}

	/// The account holding `unit`'s pot. Derived, so no key for it exists.
	pub fn pot_account(unit: UnitId) -> T::AccountId {
		use frame_support::traits::Get;
		use sp_runtime::traits::AccountIdConversion;
		T::PalletId::get().into_sub_account_truncating(unit)
	}

	/// `unit`'s pot and its balance, if the unit exists.
	pub fn pot(unit: UnitId) -> Option<PotInfo<T::AccountId, BalanceOf<T>>> {
		use frame_support::traits::fungible::Inspect;
		use gongzhi_primitives::civic::CivicRegistry;
		T::Registry::level_of(unit)?;
		let account = Self::pot_account(unit);
		Some(PotInfo { balance: T::Currency::balance(&account), account })
	}
}
