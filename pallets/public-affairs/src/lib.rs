//! # Public affairs
//!
//! Disclosure and answers: what the community's officers publish, what its residents say back,
//! and the matters (诉求) that officers must answer in time. And the take-down of any civic text
//! on the chain.
//!
//! ## Overview
//!
//! - **Notices.** An officer of a unit publishes a notice on the unit's board
//!   ([`Pallet::publish_notice`]): a [`NoticeCategory`] (residents' affairs, Party affairs,
//!   finances, housing, emergency), a title, a short text or the hash and address of a long
//!   document, an optional publicity period (公示期) and whether replies are open. Residents of
//!   the unit and the units below say they read it ([`Pallet::acknowledge`]: counted; named only
//!   if the resident chooses) and reply while replies are open ([`Pallet::reply`]). A board holds
//!   the unit's latest [`Config::MaxNoticesPerUnit`] notices; a new one retires the oldest, whose
//!   read receipts and replies are then pruned (its events and the chain's history keep it).
//! - **Matters.** A resident raises a matter to their community, street or district
//!   ([`Pallet::raise_matter`]), optionally about a notice, a topic, a spend or a request. An
//!   officer of that unit answers it ([`Pallet::answer_matter`]) within the answer period that
//!   governance sets ([`Pallet::set_answer_period`]); a matter still unanswered at its deadline
//!   goes up to the level above, with a new deadline, and counts as overdue for the unit that
//!   let it pass. The resident rates the answer ([`Pallet::rate_answer`]); not satisfied, they
//!   may take it up a level once ([`Pallet::take_up`]). Every unit's figures (raised, answered,
//!   in time, overdue, satisfied) are public ([`UnitStats`]). Closed matters are pruned after
//!   [`Config::Retention`]; the figures stay.
//! - **Take-down.** Every free text of the civic pallets is a
//!   [`CivicText`](gongzhi_primitives::text::CivicText), refused at entry when it looks like
//!   personal data, and named by a [`TextRef`]. Two officers of the text's unit, or one of the
//!   unit above, take a text down with a [`HideReason`] ([`Pallet::hide_text`]): the pallet that
//!   holds it ([`Config::Texts`]) replaces it with empty text, and this pallet keeps its hash,
//!   author, the reason and who took it down ([`Hidden`]). The author is told by event and may
//!   appeal once to the level above ([`Pallet::appeal`]), whose officer restores the text (given
//!   back with the same hash) or dismisses the appeal ([`Pallet::rule_on_appeal`]).
//!
//! ## Terms
//! - **board**: a unit's notices, newest first.
//! - **answer period**: how long officers have to answer a matter, in blocks.
//! - **rating period**: how long the resident has to rate an answer, and to take it up a level.
//!
//! ## Bounded work
//! Deadlines, rating periods and take-down proposals come due through first-in-first-out queues
//! ([`gongzhi_primitives::queue::DueQueues`]); a block handles at most [`Config::MaxDuePerBlock`]
//! of them, and pruning runs in `on_idle`, [`Config::MaxPrunedPerStep`] records a step.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::{
	civic::UnitId,
	text::{TextFacts, TextRef},
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod matters;
pub mod migrations;
#[cfg(test)]
mod mock;
mod moderation;
mod notices;
mod queue;
#[cfg(test)]
mod tests;
mod texts;
pub mod types;
pub mod weights;

/// The most notices one page of [`Pallet::notices`] returns.
pub const NOTICES_PER_PAGE: u32 = 20;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		civic::CivicRegistry,
		text::{CivicText, PersonalData, TextHost},
	};
	use sp_runtime::traits::Zero;

	/// A notice's title.
	pub type TitleOf<T> = CivicText<<T as Config>::MaxTitleLength>;
	/// A notice's text, a reply, a matter or an answer.
	pub type TextOf<T> = CivicText<<T as Config>::MaxTextLength>;
	/// A document's address.
	pub type UriOf<T> = CivicText<<T as Config>::MaxUriLength>;
	/// A notice's body as stored.
	pub type NoticeBodyOf<T> = NoticeBody<TextOf<T>, UriOf<T>>;
	/// A notice as stored.
	pub type NoticeOf<T> = Notice<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		TitleOf<T>,
		NoticeBodyOf<T>,
	>;
	/// A reply as stored.
	pub type ReplyOf<T> = Reply<BlockNumberFor<T>, TextOf<T>>;
	/// An answer as stored.
	pub type AnswerOf<T> =
		MatterAnswer<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, TextOf<T>>;
	/// A matter as stored.
	pub type MatterOf<T> = Matter<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		TextOf<T>,
		BoundedVec<AnswerOf<T>, ConstU32<2>>,
	>;
	/// The record of a text taken down.
	pub type HiddenTextOf<T> = HiddenText<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BoundedVec<<T as frame_system::Config>::AccountId, ConstU32<2>>,
	>;
	/// A take-down proposal as stored.
	pub type HideProposalOf<T> =
		HideProposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A text reference as used here.
	pub type TextRefOf<T> = TextRef<<T as frame_system::Config>::AccountId>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: units, officers, residents.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Sets the answer period: the council or a referendum.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every pallet that holds civic text, this one included: the runtime lists them as a
		/// tuple, and take-downs find and replace a text through it.
		type Texts: TextHost<Self::AccountId>;

		/// The longest notice title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// The longest notice text, reply, matter or answer, in bytes. Longer documents are
		/// published off chain and given by hash and address.
		#[pallet::constant]
		type MaxTextLength: Get<u32>;

		/// The longest document address, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// The notices a unit's board holds; a new one retires the oldest.
		#[pallet::constant]
		type MaxNoticesPerUnit: Get<u32>;

		/// The most replies a notice takes.
		#[pallet::constant]
		type MaxRepliesPerNotice: Get<u32>;

		/// The most matters waiting for an answer from one unit.
		#[pallet::constant]
		type MaxOpenMattersPerUnit: Get<u32>;

		/// The most matters one resident has not yet closed.
		#[pallet::constant]
		type MaxMattersPerResident: Get<u32>;

		/// The answer period until governance sets one, in blocks.
		#[pallet::constant]
		type DefaultAnswerPeriod: Get<BlockNumberFor<Self>>;

		/// The shortest answer period governance may set, in blocks.
		#[pallet::constant]
		type MinAnswerPeriod: Get<BlockNumberFor<Self>>;

		/// How long a resident has to rate an answer and to take the matter up, in blocks.
		#[pallet::constant]
		type RatingPeriod: Get<BlockNumberFor<Self>>;

		/// How long a take-down proposal waits for a second officer, in blocks.
		#[pallet::constant]
		type ProposalPeriod: Get<BlockNumberFor<Self>>;

		/// How long a closed matter is kept before it is pruned, in blocks.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;

		/// The most deadlines, rating ends and proposal ends handled in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// The most records one pruning step removes.
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

	/// The id the next notice gets.
	#[pallet::storage]
	pub type NextNoticeId<T> = StorageValue<_, NoticeId, ValueQuery>;

	/// Notices on a board.
	#[pallet::storage]
	pub type Notices<T: Config> = StorageMap<_, Twox64Concat, NoticeId, NoticeOf<T>>;

	/// Each unit's board: its notices, oldest first.
	#[pallet::storage]
	pub type Boards<T: Config> =
		StorageMap<_, Twox64Concat, UnitId, BoundedVec<NoticeId, T::MaxNoticesPerUnit>, ValueQuery>;

	/// Who said they read a notice, and whether they chose to be named (`true`). Only to count
	/// each resident once: no query lists them.
	#[pallet::storage]
	pub type Acknowledgements<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NoticeId, Blake2_128Concat, T::AccountId, bool>;

	/// Residents' replies to a notice, one each (a second replaces the first).
	#[pallet::storage]
	pub type Replies<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NoticeId, Blake2_128Concat, T::AccountId, ReplyOf<T>>;

	/// The id the next matter gets.
	#[pallet::storage]
	pub type NextMatterId<T> = StorageValue<_, MatterId, ValueQuery>;

	/// Matters not yet pruned.
	#[pallet::storage]
	pub type Matters<T: Config> = StorageMap<_, Twox64Concat, MatterId, MatterOf<T>>;

	/// Each unit's matters waiting for its officers' answer, oldest first.
	#[pallet::storage]
	pub type OpenMatters<T: Config> = StorageMap<
		_,
		Twox64Concat,
		UnitId,
		BoundedVec<MatterId, T::MaxOpenMattersPerUnit>,
		ValueQuery,
	>;

	/// Each resident's matters not yet closed, oldest first: what the portal shows them.
	#[pallet::storage]
	pub type MattersOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<MatterId, T::MaxMattersPerResident>,
		ValueQuery,
	>;

	/// Each unit's figures.
	#[pallet::storage]
	pub type Stats<T: Config> = StorageMap<_, Twox64Concat, UnitId, UnitStats, ValueQuery>;

	/// The answer period set by governance (until then, [`Config::DefaultAnswerPeriod`]).
	#[pallet::storage]
	pub type AnswerPeriod<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Texts taken down: what stays of them. Kept for good, as the record of who took down
	/// what and why (removed only when a text is restored on appeal).
	#[pallet::storage]
	pub type Hidden<T: Config> = StorageMap<_, Blake2_128Concat, TextRefOf<T>, HiddenTextOf<T>>;

	/// Take-down proposals waiting for a second officer.
	#[pallet::storage]
	pub type HideProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, TextRefOf<T>, HideProposalOf<T>>;

	/// The queues' items: (queue, position) → (due block, item).
	#[pallet::storage]
	pub type QueueItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		queue::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, queue::Due<T::AccountId>),
	>;

	/// Each queue's (head, tail).
	#[pallet::storage]
	pub type QueueBounds<T> = StorageMap<_, Twox64Concat, queue::Queue, (u32, u32), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The answer period, if not [`Config::DefaultAnswerPeriod`]. Development chains set a
		/// few blocks (below [`Config::MinAnswerPeriod`], which binds governance only) so that a
		/// matter's whole course can be watched in one sitting.
		pub answer_period: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(blocks) = self.answer_period {
				assert!(!blocks.is_zero(), "an answer period is at least a block");
				AnswerPeriod::<T>::put(blocks);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An officer published a notice.
		NoticePublished {
			notice: NoticeId,
			unit: UnitId,
			category: NoticeCategory,
			publisher: T::AccountId,
			publicity_ends: Option<BlockNumberFor<T>>,
		},
		/// A full board retired its oldest notice; its receipts and replies are pruned.
		NoticeRetired { notice: NoticeId, unit: UnitId },
		/// A resident said they read a notice (`who` only if they chose to be named).
		NoticeAcknowledged { notice: NoticeId, who: Option<T::AccountId>, count: u32 },
		/// A resident replied to a notice.
		Replied { notice: NoticeId, who: T::AccountId },
		/// An officer closed a notice's replies.
		RepliesClosed { notice: NoticeId, by: T::AccountId },
		/// A resident raised a matter; the unit's officers answer by `deadline`.
		MatterRaised {
			matter: MatterId,
			unit: UnitId,
			raiser: T::AccountId,
			about: Option<Subject>,
			deadline: BlockNumberFor<T>,
		},
		/// An officer answered a matter.
		MatterAnswered { matter: MatterId, unit: UnitId, by: T::AccountId, in_time: bool },
		/// A matter went up a level: overdue at `from` (`by_resident: false`), or taken up by
		/// its resident after an answer.
		MatterMovedUp {
			matter: MatterId,
			from: UnitId,
			to: UnitId,
			by_resident: bool,
			deadline: BlockNumberFor<T>,
		},
		/// A district's matter passed its deadline unanswered: it stays open there, overdue.
		MatterOverdue { matter: MatterId, unit: UnitId },
		/// The resident rated an answer.
		AnswerRated { matter: MatterId, unit: UnitId, satisfied: bool },
		/// A matter closed (`satisfied`: the rating of its last answer, if rated).
		MatterClosed { matter: MatterId, satisfied: Option<bool> },
		/// A closed matter was pruned after its retention.
		MatterPruned { matter: MatterId },
		/// Governance set the answer period.
		AnswerPeriodSet { blocks: BlockNumberFor<T> },
		/// An officer proposed taking a text down; a second officer of the unit confirms it.
		TakeDownProposed { text: TextRefOf<T>, by: T::AccountId, reason: HideReason },
		/// A take-down proposal lapsed without a second officer.
		TakeDownLapsed { text: TextRefOf<T> },
		/// A text was taken down. Its author is told here and may appeal once.
		TextHidden { text: TextRefOf<T>, author: T::AccountId, reason: HideReason },
		/// The author appealed a take-down to the level above.
		Appealed { text: TextRefOf<T>, author: T::AccountId },
		/// The level above restored a text on appeal.
		TextRestored { text: TextRefOf<T>, by: T::AccountId },
		/// The level above kept a take-down.
		AppealDismissed { text: TextRefOf<T>, by: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has this id.
		UnknownUnit,
		/// No notice has this id (or it was retired from its board).
		UnknownNotice,
		/// No matter has this id (or it was pruned).
		UnknownMatter,
		/// Only an officer of the unit (or of a unit above it) may do this.
		NotAnOfficer,
		/// Only a verified resident of the unit (or of a unit below it) may do this.
		NotAResident,
		/// The title is empty or longer than allowed.
		BadTitle,
		/// The text is empty or longer than allowed: publish a long document by hash and
		/// address.
		BadText,
		/// The document address is empty or longer than allowed.
		BadUri,
		/// The text looks like it holds personal data (an ID, mobile or bank card number): say
		/// it without the number. Nothing was stored.
		PersonalData(PersonalData),
		/// A publicity period must be at least one block.
		ZeroPeriod,
		/// The notice's replies are closed (its publicity period is over, or an officer closed
		/// them).
		RepliesClosed,
		/// The notice has as many replies as it takes.
		TooManyReplies,
		/// This resident said already that they read the notice.
		AlreadyAcknowledged,
		/// The unit has as many matters waiting for an answer as it takes: try again later, or
		/// raise it with the level above.
		TooManyOpenMatters,
		/// The resident has as many matters open as allowed: rate or wait for the answers.
		TooManyMatters,
		/// The matter is not waiting for an answer.
		NotOpen,
		/// Only the resident who raised the matter may do this.
		NotTheRaiser,
		/// The matter has no answer waiting for a rating.
		NotAnswered,
		/// Only a matter whose answer the resident rated unsatisfactory is taken up.
		NotUnsatisfied,
		/// The resident took this matter up a level already: once only.
		AlreadyTakenUp,
		/// The matter is at the district: there is no level above.
		NoLevelAbove,
		/// The answer period is below [`Config::MinAnswerPeriod`].
		PeriodTooShort,
		/// No text has this reference, or it is empty.
		UnknownText,
		/// The text is taken down already.
		AlreadyHidden,
		/// This officer proposed the take-down already: a second officer confirms it.
		AlreadyProposed,
		/// The text is not taken down.
		NotHidden,
		/// Only the author of the text appeals its take-down.
		NotTheAuthor,
		/// The author appealed already: once only.
		AlreadyAppealed,
		/// No appeal is waiting.
		NoAppeal,
		/// Only an officer of the level above the text's unit rules on an appeal.
		NotAnOfficerAbove,
		/// The text given back does not have the hash of the text taken down.
		HashMismatch,
		/// The pallet holding the text could not take it down or put it back.
		TextNotReplaced,
		/// No more ids: the counter would wrap onto old records.
		NoMoreIds,
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

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxNoticesPerUnit::get() > 0, "a board holds at least one notice");
			assert!(T::MaxDuePerBlock::get() > 0, "due items must be handled");
			assert!(T::MaxPrunedPerStep::get() > 0, "pruning must make progress");
			assert!(
				T::DefaultAnswerPeriod::get() >= T::MinAnswerPeriod::get(),
				"the default answer period is a valid one"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// An officer of `unit` publishes a notice on its board, with a publicity period of
		/// `publicity` blocks if given (replies close at its end) and replies open or not. A full
		/// board retires its oldest notice.
		///
		/// Emits [`Event::NoticePublished`] (and [`Event::NoticeRetired`]). Errors:
		/// [`Error::UnknownUnit`], [`Error::NotAnOfficer`], [`Error::BadTitle`],
		/// [`Error::BadText`], [`Error::BadUri`], [`Error::PersonalData`],
		/// [`Error::ZeroPeriod`], [`Error::NoMoreIds`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::publish_notice())]
		pub fn publish_notice(
			origin: OriginFor<T>,
			unit: UnitId,
			category: NoticeCategory,
			title: Vec<u8>,
			body: NoticeBody<Vec<u8>, Vec<u8>>,
			publicity: Option<BlockNumberFor<T>>,
			replies_open: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let title = Self::text(title, Error::BadTitle)?;
			let body = match body {
				NoticeBody::Text(text) => NoticeBody::Text(Self::text(text, Error::BadText)?),
				NoticeBody::Document { hash, uri } => {
					NoticeBody::Document { hash, uri: Self::text(uri, Error::BadUri)? }
				},
			};
			Self::do_publish_notice(who, unit, category, title, body, publicity, replies_open)
		}

		/// A resident of the notice's unit (or a unit below) says they read it, named in the
		/// event if `named`.
		///
		/// Emits [`Event::NoticeAcknowledged`]. Errors: [`Error::UnknownNotice`],
		/// [`Error::NotAResident`], [`Error::AlreadyAcknowledged`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::acknowledge())]
		pub fn acknowledge(origin: OriginFor<T>, notice: NoticeId, named: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_acknowledge(who, notice, named)
		}

		/// A resident of the notice's unit replies while replies are open; a second reply
		/// replaces the first.
		///
		/// Emits [`Event::Replied`]. Errors: [`Error::UnknownNotice`], [`Error::NotAResident`],
		/// [`Error::RepliesClosed`], [`Error::TooManyReplies`], [`Error::BadText`],
		/// [`Error::PersonalData`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reply())]
		pub fn reply(origin: OriginFor<T>, notice: NoticeId, text: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::text(text, Error::BadText)?;
			Self::do_reply(who, notice, text)
		}

		/// An officer of the notice's unit closes its replies.
		///
		/// Emits [`Event::RepliesClosed`]. Errors: [`Error::UnknownNotice`],
		/// [`Error::NotAnOfficer`], [`Error::RepliesClosed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_replies())]
		pub fn close_replies(origin: OriginFor<T>, notice: NoticeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_replies(who, notice)
		}

		/// A verified resident raises a matter to `unit`: their community, or its street or
		/// district. Its officers answer within the answer period.
		///
		/// Emits [`Event::MatterRaised`]. Errors: [`Error::UnknownUnit`],
		/// [`Error::NotAResident`], [`Error::UnknownNotice`] (about a notice),
		/// [`Error::TooManyMatters`], [`Error::TooManyOpenMatters`], [`Error::BadText`],
		/// [`Error::PersonalData`], [`Error::NoMoreIds`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::raise_matter())]
		pub fn raise_matter(
			origin: OriginFor<T>,
			unit: UnitId,
			about: Option<Subject>,
			text: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::text(text, Error::BadText)?;
			Self::do_raise_matter(who, unit, about, text)
		}

		/// An officer of the matter's unit (or above) answers it.
		///
		/// Emits [`Event::MatterAnswered`]. Errors: [`Error::UnknownMatter`],
		/// [`Error::NotAnOfficer`], [`Error::NotOpen`], [`Error::BadText`],
		/// [`Error::PersonalData`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::answer_matter())]
		pub fn answer_matter(
			origin: OriginFor<T>,
			matter: MatterId,
			text: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let text = Self::text(text, Error::BadText)?;
			Self::do_answer_matter(who, matter, text)
		}

		/// The resident who raised the matter rates its answer. Satisfied, the matter closes;
		/// not, they may take it up a level until the rating period ends.
		///
		/// Emits [`Event::AnswerRated`] (and [`Event::MatterClosed`]). Errors:
		/// [`Error::UnknownMatter`], [`Error::NotTheRaiser`], [`Error::NotAnswered`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::rate_answer())]
		pub fn rate_answer(
			origin: OriginFor<T>,
			matter: MatterId,
			satisfied: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rate_answer(who, matter, satisfied)
		}

		/// The resident who raised the matter, not satisfied with its answer, takes it up to the
		/// level above, once.
		///
		/// Emits [`Event::MatterMovedUp`]. Errors: [`Error::UnknownMatter`],
		/// [`Error::NotTheRaiser`], [`Error::NotUnsatisfied`], [`Error::AlreadyTakenUp`],
		/// [`Error::NoLevelAbove`], [`Error::TooManyOpenMatters`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::take_up())]
		pub fn take_up(origin: OriginFor<T>, matter: MatterId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take_up(who, matter)
		}

		/// Governance sets the answer period of matters raised or moved up from now on.
		///
		/// Emits [`Event::AnswerPeriodSet`]. Errors: [`Error::PeriodTooShort`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_answer_period())]
		pub fn set_answer_period(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinAnswerPeriod::get(), Error::<T>::PeriodTooShort);
			AnswerPeriod::<T>::put(blocks);
			Self::deposit_event(Event::AnswerPeriodSet { blocks });
			Ok(())
		}

		/// An officer takes a text down for `reason`. An officer of the unit above the text's
		/// unit does it alone; an officer of the text's unit proposes it, and a second officer of
		/// the unit confirms it within the proposal period.
		///
		/// Emits [`Event::TakeDownProposed`] or [`Event::TextHidden`]. Errors:
		/// [`Error::UnknownText`], [`Error::AlreadyHidden`], [`Error::NotAnOfficer`],
		/// [`Error::AlreadyProposed`], [`Error::TextNotReplaced`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::hide_text().saturating_add(T::Texts::weight().saturating_mul(2)))]
		pub fn hide_text(
			origin: OriginFor<T>,
			text: TextRefOf<T>,
			reason: HideReason,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_hide_text(who, text, reason)
		}

		/// The author of a text taken down appeals to the level above, once.
		///
		/// Emits [`Event::Appealed`]. Errors: [`Error::NotHidden`], [`Error::NotTheAuthor`],
		/// [`Error::AlreadyAppealed`], [`Error::NoLevelAbove`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(origin: OriginFor<T>, text: TextRefOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal(who, text)
		}

		/// An officer of the level above rules on an appeal: `original` (the text as it was,
		/// checked against its hash) restores it; `None` keeps the take-down.
		///
		/// Emits [`Event::TextRestored`] or [`Event::AppealDismissed`]. Errors:
		/// [`Error::NotHidden`], [`Error::NoAppeal`], [`Error::NotAnOfficerAbove`],
		/// [`Error::HashMismatch`], [`Error::TextNotReplaced`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::rule_on_appeal().saturating_add(T::Texts::weight()))]
		pub fn rule_on_appeal(
			origin: OriginFor<T>,
			text: TextRefOf<T>,
			original: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rule_on_appeal(who, text, original)
		}
	}

	/// Reads for wallets and the residents' portal, in the metadata and callable through the
	/// runtime's `RuntimeViewFunction` API: no custom RPC.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// `unit`'s notices, newest first, page `page` (from 0) of [`NOTICES_PER_PAGE`].
		pub fn notices(unit: UnitId, page: u32) -> Vec<(NoticeId, NoticeOf<T>)> {
			Self::board_page(unit, page)
		}

		/// `unit`'s matters waiting for an answer, oldest first, with their deadlines.
		pub fn open_matters(unit: UnitId) -> Vec<(MatterId, BlockNumberFor<T>)> {
			Self::open_matters_of(unit)
		}

		/// `unit`'s figures: matters raised, come up, answered (in time), overdue, satisfied.
		pub fn stats(unit: UnitId) -> UnitStats {
			Stats::<T>::get(unit)
		}

		/// `who`'s matters not yet closed, oldest first, with their records.
		pub fn matters_of(who: T::AccountId) -> Vec<(MatterId, MatterOf<T>)> {
			MattersOf::<T>::get(who)
				.iter()
				.filter_map(|id| Matters::<T>::get(id).map(|matter| (*id, matter)))
				.collect()
		}

		/// `unit`'s matters waiting for an answer, with their records (for its officers).
		pub fn matters_waiting(unit: UnitId) -> Vec<(MatterId, MatterOf<T>)> {
			OpenMatters::<T>::get(unit)
				.iter()
				.filter_map(|id| Matters::<T>::get(id).map(|matter| (*id, matter)))
				.collect()
		}

		/// What stays of a text taken down, if it is.
		pub fn hidden(text: TextRefOf<T>) -> Option<HiddenTextOf<T>> {
			Hidden::<T>::get(text)
		}
	}

	impl<T: Config> Pallet<T> {
		/// `bytes` as civic text of a field whose refusal for length or emptiness is `bad`.
		pub(crate) fn text<S: Get<u32>>(
			bytes: Vec<u8>,
			bad: Error<T>,
		) -> Result<CivicText<S>, Error<T>> {
			if bytes.is_empty() {
				return Err(bad);
			}
			CivicText::new(bytes).map_err(|p| p.into_error(bad, Error::PersonalData))
		}

		/// The answer period now.
		pub fn answer_period() -> BlockNumberFor<T> {
			AnswerPeriod::<T>::get().unwrap_or_else(T::DefaultAnswerPeriod::get)
		}
	}
}
