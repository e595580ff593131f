//! # Assistance
//!
//! Help for the residents who most need the community and can least use an app: elderly people
//! living alone, disabled people ([`Role::SpecialNeeds`]). Every request, visit and subsidy is on
//! chain and accountable; the details of a person's health and home are not.
//!
//! ## Overview
//!
//! - **Requests.** A special-needs resident (or their proxy), or a grid worker of their community
//!   on their behalf, opens a request ([`Pallet::open_request`]): a [`HelpCategory`], an
//!   [`Urgency`], the minutes it should take, the hash of the details kept off chain, and
//!   optionally credits offered (the time bank) and a subsidy asked of the community's assistance
//!   fund (its treasury pot, [`Config::Fund`]). A subsidy above what the fund holds is refused.
//! - **Matching.** Volunteers declare the kinds of help they give and the units they serve
//!   ([`Pallet::declare_service`]). Open requests (the need list) are read by community and
//!   category through the runtime API and RPC, so that a wallet shows each volunteer what they can
//!   help with; a volunteer accepts only what their declaration covers.
//! - **Lifecycle.** open → accepted by one volunteer ([`Pallet::accept`]) → done
//!   ([`Pallet::complete`]) → confirmed by the recipient, their proxy or a grid worker
//!   ([`Pallet::confirm`]): the volunteer is credited the minutes ([`Config::Credits`]), receives
//!   any credits offered, and any subsidy is paid to them (for what they bought). The opener
//!   cancels before acceptance; the volunteer, a grid worker or an officer releases an accepted
//!   request back to the need list; an unaccepted request expires; a disputed claim is settled by
//!   an officer ([`Pallet::settle`]). Nobody confirms their own help.
//! - **Escalation.** An urgent request nobody accepts within [`Config::EscalationPeriod`] is
//!   escalated: an event, and it is listed for the community's grid workers and officers
//!   ([`Escalated`]).
//! - **Material aid.** An aid distributor ([`Role::AidDistributor`]) records a delivery of a batch
//!   item to a household ([`Pallet::record_delivery`]); the household or a grid worker
//!   countersigns it. Each delivery records how many of the same batch item the household had
//!   before, so a second one is visible to all.
//!
//! ## Privacy
//!
//! Addresses, health and what exactly is needed never go on chain: the request holds the
//! blake2-256 hash of a details document that the requester (or the grid worker) keeps off chain,
//! encrypted to whom they choose: the accepting volunteer, the grid worker. Anyone given the
//! document can check it against the hash; nobody else learns anything from the chain but the
//! category, the urgency and the community.
//!
//! ## Bounded work per block
//!
//! Expiries and escalations go through first-in-first-out queues (every request waits the same
//! periods); a block handles at most [`Config::MaxDuePerBlock`] items.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::{
	civic::{Role, UnitId},
	credits::Minutes,
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod aid;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod lifecycle;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queue;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		assistance::AssistanceFund,
		civic::{ActsFor, CivicRegistry},
		credits::ServiceCredits,
	};

	/// A request as stored.
	pub type RequestOf<T> = Request<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A volunteer's declaration as stored.
	pub type ServiceOfferOf<T> = ServiceOffer<
		BoundedVec<HelpCategory, <T as Config>::MaxSkills>,
		BoundedVec<UnitId, <T as Config>::MaxAreas>,
	>;
	/// A list of a community's requests.
	pub type RequestListOf<T> = BoundedVec<RequestId, <T as Config>::MaxOpenPerCommunity>;
	/// A delivery as stored.
	pub type DeliveryOf<T> = Delivery<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: units, officers, residents, roles.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Credits volunteers for confirmed help and moves offered credits (volunteer credits).
		type Credits: ServiceCredits<Self::AccountId>;

		/// The community's assistance fund (the community treasury).
		type Fund: AssistanceFund<Self::AccountId>;

		/// Who acts for whom (proxies): a volunteer who acts for the recipient would confirm
		/// their own help through the recipient's account, so is refused.
		type Delegates: gongzhi_primitives::civic::ActsFor<Self::AccountId>;

		/// The most kinds of help a volunteer declares.
		#[pallet::constant]
		type MaxSkills: Get<u32>;

		/// The most units a volunteer serves.
		#[pallet::constant]
		type MaxAreas: Get<u32>;

		/// The most requests a community has open at once.
		#[pallet::constant]
		type MaxOpenPerCommunity: Get<u32>;

		/// How long a request waits for a volunteer before it expires, in blocks.
		#[pallet::constant]
		type OpenPeriod: Get<BlockNumberFor<Self>>;

		/// How long an urgent request waits for a volunteer before it is escalated, in blocks.
		#[pallet::constant]
		type EscalationPeriod: Get<BlockNumberFor<Self>>;

		/// The most expiries and escalations handled in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds units, officers, residents and roles for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;
	}

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Requests not yet ended (confirmed, settled, cancelled, expired requests are removed; their
	/// events keep the record).
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, RequestOf<T>>;

	/// Each community's requests not yet ended, oldest first.
	#[pallet::storage]
	pub type CommunityRequests<T: Config> =
		StorageMap<_, Twox64Concat, UnitId, RequestListOf<T>, ValueQuery>;

	/// Each community's urgent requests that nobody accepted in time.
	#[pallet::storage]
	pub type Escalated<T: Config> =
		StorageMap<_, Twox64Concat, UnitId, RequestListOf<T>, ValueQuery>;

	/// The subsidies each community's requests not yet ended ask for, together: a new request's
	/// subsidy must fit in the fund beside them.
	#[pallet::storage]
	pub type OpenSubsidies<T: Config> = StorageMap<_, Twox64Concat, UnitId, u128, ValueQuery>;

	/// What each volunteer offers.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ServiceOfferOf<T>>;

	/// Deliveries of material aid: (batch item, household, n) → the n-th delivery.
	#[pallet::storage]
	pub type Deliveries<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, u32>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u32>,
		),
		DeliveryOf<T>,
	>;

	/// How many deliveries of a batch item each household had.
	#[pallet::storage]
	pub type DeliveryCount<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u32, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The queues' items: (queue, position) → (due block, request).
	#[pallet::storage]
	pub type QueueItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		queue::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, RequestId),
	>;

	/// Each queue's (head, tail).
	#[pallet::storage]
	pub type QueueBounds<T> = StorageMap<_, Twox64Concat, queue::Queue, (u32, u32), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A volunteer declared (or changed) what help they give and where.
		ServiceDeclared { volunteer: T::AccountId },
		/// A request was opened.
		RequestOpened {
			request: RequestId,
			recipient: T::AccountId,
			opened_by: T::AccountId,
			community: UnitId,
			category: HelpCategory,
			urgency: Urgency,
		},
		/// A volunteer accepted a request.
		Accepted { request: RequestId, volunteer: T::AccountId },
		/// An accepted request went back to the need list.
		Released { request: RequestId, volunteer: T::AccountId, by: T::AccountId },
		/// The volunteer says the help is done.
		Completed { request: RequestId, volunteer: T::AccountId, minutes: Minutes },
		/// The help was confirmed; the volunteer credited, paid any credits offered and subsidy.
		Confirmed {
			request: RequestId,
			volunteer: T::AccountId,
			minutes: Minutes,
			confirmed_by: T::AccountId,
		},
		/// The subsidy was handed to the treasury, as spend `spend`.
		SubsidyPaid { request: RequestId, spend: u32, amount: u128 },
		/// Part of a confirmation could not be carried out (credits offered, the subsidy).
		PaymentFailed { request: RequestId, error: DispatchError },
		/// The recipient's side disputes the volunteer's claim.
		Disputed { request: RequestId, by: T::AccountId },
		/// An officer settled a disputed request at `minutes` (0: nothing was owed).
		Settled { request: RequestId, minutes: Minutes, by: T::AccountId },
		/// A request was cancelled before anyone accepted it.
		Cancelled { request: RequestId, by: T::AccountId },
		/// Nobody accepted a request in time.
		Expired { request: RequestId },
		/// Nobody accepted an urgent request in time: grid workers and officers are asked.
		Escalated { request: RequestId, community: UnitId },
		/// A distributor recorded a delivery; `previous` deliveries of the item came before.
		DeliveryRecorded {
			batch: u32,
			household: T::AccountId,
			delivery: u32,
			quantity: u32,
			distributor: T::AccountId,
			previous: u32,
		},
		/// The household or a grid worker countersigned a delivery.
		DeliveryCountersigned {
			batch: u32,
			household: T::AccountId,
			delivery: u32,
			by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Help is requested for special-needs residents.
		NotEligible,
		/// Only the recipient (or their proxy) or a grid worker of their community does this.
		NotOnBehalf,
		/// Only verified residents holding the volunteer role give help.
		NotAVolunteer,
		/// Too many kinds of help or units.
		TooMany,
		/// The volunteer's declaration does not cover this request's kind or community.
		NoMatchingSkill,
		/// Zero minutes.
		ZeroMinutes,
		/// The subsidy is more than the community's assistance fund holds.
		SubsidyBeyondFund,
		/// The community has as many open requests as allowed.
		TooManyRequests,
		/// No request has this id.
		UnknownRequest,
		/// The request is not open.
		NotOpen,
		/// The request is not accepted.
		NotAccepted,
		/// The request is not done.
		NotDone,
		/// Only the accepting volunteer does this.
		NotTheVolunteer,
		/// Nobody confirms their own help, or helps themselves.
		SelfConfirmation,
		/// The request is not disputed.
		NotDisputed,
		/// Only an officer of the community does this.
		NotAnOfficer,
		/// Only an aid distributor of the household's community records deliveries.
		NotADistributor,
		/// No such delivery.
		UnknownDelivery,
		/// The delivery is countersigned already.
		AlreadyCountersigned,
		/// Only the recipient (or their proxy) offers their own credits: someone opening a
		/// request for them leaves the offer at zero.
		CreditsNeedRecipient,
		/// Whoever opened the request does not take it as its volunteer.
		OpenerVolunteers,
		/// The volunteer acts for the recipient (a proxy): another volunteer takes the request,
		/// or a grid worker confirms it.
		VolunteerActsForRecipient,
		/// More minutes than the request asked for.
		OverRequested,
		/// No more request ids: the counter would wrap onto old requests.
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
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A volunteer declares the kinds of help they give and the units they serve.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::declare_service())]
		pub fn declare_service(
			origin: OriginFor<T>,
			skills: Vec<HelpCategory>,
			areas: Vec<UnitId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare_service(who, skills, areas)
		}

		/// Opens a request for `recipient`: by the recipient (or their proxy), or a grid worker
		/// of their community. Only the recipient (or their proxy) offers their own `credits`.
		///
		/// Emits [`Event::RequestOpened`]. Errors: [`Error::NotEligible`],
		/// [`Error::NotOnBehalf`], [`Error::CreditsNeedRecipient`], [`Error::ZeroMinutes`],
		/// [`Error::SubsidyBeyondFund`], [`Error::TooManyRequests`], [`Error::NoMoreIds`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::open_request())]
		pub fn open_request(
			origin: OriginFor<T>,
			recipient: T::AccountId,
			category: HelpCategory,
			urgency: Urgency,
			minutes: Minutes,
			details: [u8; 32],
			credits: Minutes,
			subsidy: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_request(
				who, recipient, category, urgency, minutes, details, credits, subsidy,
			)
		}

		/// The opener, the recipient or a grid worker cancels a request nobody accepted yet.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_request())]
		pub fn cancel_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_request(who, request)
		}

		/// A volunteer whose declaration covers the request takes it; not the recipient, not
		/// whoever opened it, not one who acts for the recipient.
		///
		/// Emits [`Event::Accepted`]. Errors: [`Error::NotOpen`], [`Error::NotAVolunteer`],
		/// [`Error::SelfConfirmation`], [`Error::OpenerVolunteers`],
		/// [`Error::VolunteerActsForRecipient`], [`Error::NoMatchingSkill`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept().saturating_add(T::Delegates::acts_for_weight()))]
		pub fn accept(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, request)
		}

		/// The volunteer gives an accepted request up, or a grid worker or officer takes it back
		/// from a volunteer who did not come: it returns to the need list.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::release())]
		pub fn release(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release(who, request)
		}

		/// The volunteer says the help is done, taking `minutes` (at most what was asked for).
		///
		/// Emits [`Event::Completed`]. Errors: [`Error::NotAccepted`],
		/// [`Error::NotTheVolunteer`], [`Error::ZeroMinutes`], [`Error::OverRequested`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::complete())]
		pub fn complete(
			origin: OriginFor<T>,
			request: RequestId,
			minutes: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_complete(who, request, minutes)
		}

		/// The recipient (or their proxy) or a grid worker confirms the help: the volunteer is
		/// credited, and paid the credits offered and the subsidy. A volunteer who acts for the
		/// recipient cannot confirm in their name: a grid worker confirms then.
		///
		/// Emits [`Event::Confirmed`] (and [`Event::SubsidyPaid`] or [`Event::PaymentFailed`]).
		/// Errors: [`Error::NotDone`], [`Error::SelfConfirmation`], [`Error::NotOnBehalf`],
		/// [`Error::VolunteerActsForRecipient`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::confirm()
			.saturating_add(T::Delegates::acts_for_weight())
			.saturating_add(T::Credits::weight())
			.saturating_add(T::Fund::pay_subsidy_weight()))]
		pub fn confirm(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm(who, request)
		}

		/// The recipient (or their proxy) or a grid worker disputes the volunteer's claim.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, request)
		}

		/// An officer of the community settles a disputed request at `minutes`, at most what was
		/// asked for (0: nothing was owed, and neither credits nor subsidy are paid).
		///
		/// Emits [`Event::Settled`]. Errors: [`Error::NotDisputed`], [`Error::NotAnOfficer`],
		/// [`Error::SelfConfirmation`], [`Error::OverRequested`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::confirm()
			.saturating_add(T::Credits::weight())
			.saturating_add(T::Fund::pay_subsidy_weight()))]
		pub fn settle(
			origin: OriginFor<T>,
			request: RequestId,
			minutes: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_settle(who, request, minutes)
		}

		/// An aid distributor records `quantity` of batch item `batch` delivered to `household`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_delivery())]
		pub fn record_delivery(
			origin: OriginFor<T>,
			batch: u32,
			household: T::AccountId,
			quantity: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_delivery(who, batch, household, quantity)
		}

		/// The household or a grid worker of its community countersigns a delivery.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::countersign_delivery())]
		pub fn countersign_delivery(
			origin: OriginFor<T>,
			batch: u32,
			household: T::AccountId,
			delivery: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_countersign_delivery(who, batch, household, delivery)
		}
	}
}
