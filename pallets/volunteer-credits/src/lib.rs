//! # Volunteer credits
//!
//! Service to the community is recognised in credits: an hour given is sixty credits, which buy an
//! hour of help when one needs it (a time bank), a reward at a community service or merchant, or
//! are given to a neighbour in need. Lifetime service is a reputation that never decreases and
//! earns star levels.
//!
//! ## Overview
//!
//! - **Earning only for verified service.** Nobody issues credits to themselves. A volunteer
//!   organisation ([`Role::VolunteerOrganisation`]) publishes an activity in its unit
//!   ([`Pallet::publish_activity`]); volunteers ([`Role::Volunteer`]) sign up; the organiser
//!   records each volunteer's minutes ([`Pallet::record_service`]). Help given through the
//!   assistance pallet is credited when the person helped confirms it ([`ServiceCredits`]). The
//!   organiser or confirmer is never the volunteer.
//! - **Two figures per resident** ([`CreditAccount`]): the balance to spend and the lifetime
//!   minutes of service. **Star levels** come from lifetime hours: by default 100, 300, 600, 1000
//!   and 1500 hours for one to five stars; governance may change them
//!   ([`Pallet::set_star_thresholds`]).
//! - **Spending.** Credits pay for help (the assistance pallet, [`ServiceCredits::pay_for_help`]),
//!   are redeemed at a registered service or merchant ([`Role::ServiceProvider`],
//!   [`Pallet::redeem`]), which retires them, or are donated to a special-needs resident
//!   ([`Pallet::donate`]). There is no other transfer: credits cannot be sold or traded.
//! - **A ledger that balances.** Every movement names both sides ([`Counterparty`]) and is
//!   written to the history of each resident involved. Credits issued minus credits retired
//!   always equals the sum of all balances ([`TotalIssued`], [`TotalRetired`]; checked by
//!   `try_state`).
//! - **Honesty.** A volunteer is credited at most [`Config::DailyCap`] minutes per day, all
//!   sources together. A volunteer may dispute the minutes an organiser recorded within
//!   [`Config::DisputeWindow`] blocks, naming the minutes they claim ([`Pallet::dispute`]); an
//!   officer of the activity's unit who is not its organiser settles it
//!   ([`Pallet::settle_dispute`]) between the record and the claim. A settlement can only add
//!   what was missing, since lifetime service never decreases, and no more than the activity
//!   allows one volunteer (its `max_minutes`, set when published, at most the daily cap) nor
//!   beyond the volunteer's daily cap on the day it is credited. Every record names the
//!   organiser who made it.
//! - **Retention.** A closed activity's sign-ups and records are pruned in `on_idle` after the
//!   retention governance sets ([`Pallet::set_retention`]); credits, histories and the activity
//!   stay (see [`pruning`]).
//! - **Queries.** The runtime API `VolunteerCreditsApi` (crate `runtime-api/`) and the RPC methods
//!   `volunteerCredits_account`, `_history` and `_activities` (crate `rpc/`).
//!
//! ## Terms
//!
//! - **minute**: the unit of credits and of service.
//! - **day**: [`Config::BlocksPerDay`] blocks from genesis; the daily cap counts per day.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use gongzhi_primitives::{
	civic::{Role, UnitId},
	credits::{Minutes, ServiceCredits},
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod ledger;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pruning;
mod service;
#[cfg(test)]
mod tests;
mod texts;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use gongzhi_primitives::{
		civic::CivicRegistry,
		text::{CivicText, PersonalData},
	};

	/// An activity's title: civic text, bounded and guarded against personal data.
	pub type TitleOf<T> = CivicText<<T as Config>::MaxTitleLength>;
	/// An activity as stored.
	pub type ActivityOf<T> =
		Activity<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, TitleOf<T>>;
	/// A history line as stored.
	pub type HistoryEntryOf<T> =
		HistoryEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// Star thresholds in hours, ascending.
	pub type ThresholdsOf<T> = BoundedVec<u32, <T as Config>::MaxStarLevels>;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: units, officers, residents, roles.
		type Registry: CivicRegistry<Self::AccountId>;

		/// Sets the star thresholds: the council or `Root`.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest activity title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// The most activities a unit has open at once.
		#[pallet::constant]
		type MaxOpenActivities: Get<u32>;

		/// The most minutes a volunteer is credited per day, all sources together.
		#[pallet::constant]
		type DailyCap: Get<Minutes>;

		/// The blocks in a day.
		#[pallet::constant]
		type BlocksPerDay: Get<BlockNumberFor<Self>>;

		/// How long after a record the volunteer may dispute it, in blocks.
		#[pallet::constant]
		type DisputeWindow: Get<BlockNumberFor<Self>>;

		/// How many recent history lines each resident keeps.
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// The most star levels.
		#[pallet::constant]
		type MaxStarLevels: Get<u32>;

		/// How long a closed activity's sign-ups and records are kept where governance set
		/// nothing, in blocks.
		#[pallet::constant]
		type DefaultRetention: Get<BlockNumberFor<Self>>;

		/// The shortest retention governance may set, in blocks: at least the dispute window.
		#[pallet::constant]
		type MinRetention: Get<BlockNumberFor<Self>>;

		/// The most records pruned in one step of `on_idle`.
		#[pallet::constant]
		type MaxPrunedPerStep: Get<u32>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds units, officers, residents and roles for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: gongzhi_primitives::civic::CivicRegistryBenchmarkHelper<
			Self::AccountId,
		>;
	}

	#[pallet::type_value]
	pub fn DefaultThresholds<T: Config>() -> ThresholdsOf<T> {
		BoundedVec::truncate_from(alloc::vec![100, 300, 600, 1000, 1500])
	}

	/// Lifetime hours that reach each star level, ascending.
	#[pallet::storage]
	pub type StarThresholds<T: Config> =
		StorageValue<_, ThresholdsOf<T>, ValueQuery, DefaultThresholds<T>>;

	/// Each resident's balance, lifetime service and star level.
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditAccount, ValueQuery>;

	/// Minutes credited to each volunteer on their last day of service: (day, minutes).
	#[pallet::storage]
	pub type DailyService<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (u32, Minutes), ValueQuery>;

	/// Each resident's recent history, a ring of [`Config::MaxHistory`] lines.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u32, HistoryEntryOf<T>>;

	/// How many history lines each resident has had.
	#[pallet::storage]
	pub type HistoryCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Credits ever issued for service.
	#[pallet::storage]
	pub type TotalIssued<T> = StorageValue<_, u64, ValueQuery>;

	/// Credits ever retired by redemption.
	#[pallet::storage]
	pub type TotalRetired<T> = StorageValue<_, u64, ValueQuery>;

	/// The id the next activity gets.
	#[pallet::storage]
	pub type NextActivityId<T> = StorageValue<_, ActivityId, ValueQuery>;

	/// Every activity.
	#[pallet::storage]
	pub type Activities<T: Config> = StorageMap<_, Twox64Concat, ActivityId, ActivityOf<T>>;

	/// Each unit's open activities.
	#[pallet::storage]
	pub type OpenActivities<T: Config> = StorageMap<
		_,
		Twox64Concat,
		UnitId,
		BoundedVec<ActivityId, T::MaxOpenActivities>,
		ValueQuery,
	>;

	/// Who signed up for an activity, and what was recorded.
	#[pallet::storage]
	pub type Participations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ActivityId,
		Blake2_128Concat,
		T::AccountId,
		Participation<BlockNumberFor<T>>,
	>;

	#[pallet::type_value]
	pub fn DefaultRetentionOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultRetention::get()
	}

	/// How long a closed activity's sign-ups and records are kept, in blocks.
	#[pallet::storage]
	pub type Retention<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultRetentionOf<T>>;

	/// The pruning queue's items: (queue, position) → (block it is due, activity).
	#[pallet::storage]
	pub type PruneItems<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		pruning::Queue,
		Twox64Concat,
		u32,
		(BlockNumberFor<T>, ActivityId),
	>;

	/// The pruning queue's (head, tail): items at positions head..tail are waiting.
	#[pallet::storage]
	pub type PruneBounds<T> = StorageMap<_, Twox64Concat, pruning::Queue, (u32, u32), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The star thresholds in hours, if not the default.
		pub star_thresholds: Option<Vec<u32>>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(thresholds) = &self.star_thresholds {
				let thresholds = Pallet::<T>::valid_thresholds(thresholds.clone())
					.expect("genesis star thresholds must be valid");
				StarThresholds::<T>::put(thresholds);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An organisation published an activity.
		ActivityPublished {
			activity: ActivityId,
			unit: UnitId,
			organiser: T::AccountId,
			max_minutes: Minutes,
		},
		/// A volunteer signed up.
		SignedUp { activity: ActivityId, volunteer: T::AccountId },
		/// The organiser recorded a volunteer's service, crediting `minutes`.
		ServiceRecorded {
			activity: ActivityId,
			volunteer: T::AccountId,
			minutes: Minutes,
			organiser: T::AccountId,
		},
		/// Help confirmed through the assistance pallet was credited.
		HelpCredited {
			request: u32,
			volunteer: T::AccountId,
			minutes: Minutes,
			confirmer: T::AccountId,
		},
		/// Credits paid for help (the time bank).
		PaidForHelp { request: u32, payer: T::AccountId, volunteer: T::AccountId, minutes: Minutes },
		/// An activity was closed.
		ActivityClosed { activity: ActivityId, by: T::AccountId },
		/// A closed activity's sign-ups and records were removed; its credits stay.
		ActivityPruned { activity: ActivityId },
		/// Disputes of a pruned activity that nobody settled lapsed: the recorded minutes stand.
		DisputesLapsed { activity: ActivityId, disputes: u32 },
		/// Governance set how long closed activities' records are kept.
		RetentionSet { blocks: BlockNumberFor<T> },
		/// A volunteer disputed the minutes recorded, claiming `claimed`.
		Disputed {
			activity: ActivityId,
			volunteer: T::AccountId,
			recorded: Minutes,
			claimed: Minutes,
		},
		/// An officer settled a dispute; `added` minutes were credited.
		DisputeSettled {
			activity: ActivityId,
			volunteer: T::AccountId,
			minutes: Minutes,
			added: Minutes,
			by: T::AccountId,
		},
		/// A resident reached a star level.
		StarLevelReached { who: T::AccountId, stars: u8 },
		/// Credits were redeemed at a service or merchant and retired.
		Redeemed { who: T::AccountId, provider: T::AccountId, minutes: Minutes, reward: u32 },
		/// Credits were donated to a special-needs resident.
		Donated { from: T::AccountId, to: T::AccountId, minutes: Minutes },
		/// Governance set the star thresholds (hours).
		StarThresholdsSet { thresholds: ThresholdsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has this id.
		UnknownUnit,
		/// Only a volunteer organisation of the unit publishes activities there.
		NotAnOrganisation,
		/// The title is empty or longer than allowed.
		BadTitle,
		/// The unit has as many open activities as allowed.
		TooManyActivities,
		/// No activity has this id.
		UnknownActivity,
		/// The activity is closed.
		ActivityClosed,
		/// Only verified residents holding the volunteer role sign up.
		NotAVolunteer,
		/// This volunteer signed up already.
		AlreadySignedUp,
		/// The volunteer did not sign up for this activity.
		NotSignedUp,
		/// Only the activity's organiser records service or closes it.
		NotTheOrganiser,
		/// Nobody confirms their own service.
		SelfConfirmation,
		/// Service was recorded for this volunteer already.
		AlreadyRecorded,
		/// Zero minutes.
		ZeroMinutes,
		/// Over the volunteer's daily cap.
		OverDailyCap,
		/// Nothing recorded to dispute, or disputed already.
		NothingToDispute,
		/// The dispute window is over.
		DisputeWindowOver,
		/// Not disputed.
		NotDisputed,
		/// Only an officer of the activity's unit settles disputes.
		NotAnOfficer,
		/// Lifetime service never decreases: a settlement cannot take minutes away.
		CannotReduce,
		/// Not enough credits.
		InsufficientCredits,
		/// The provider is not a registered service or merchant of the resident's community.
		NotAProvider,
		/// Credits are only given to special-needs residents.
		NotSpecialNeeds,
		/// Credits are not given to oneself.
		SelfDonation,
		/// Thresholds must be one to the most levels, above zero and ascending.
		InvalidThresholds,
		/// An activity allows each volunteer between one minute and the daily cap.
		BadActivityLimit,
		/// More minutes than the activity allows one volunteer.
		OverActivityLimit,
		/// A dispute claims more minutes than were recorded.
		ClaimNotAboveRecord,
		/// A settlement credits at most what the volunteer claimed.
		OverClaim,
		/// The organiser whose record is disputed does not settle it: another officer of the
		/// unit does.
		OrganiserSettles,
		/// No more activity ids: the counter would wrap onto old activities.
		NoMoreIds,
		/// The retention is below `MinRetention`.
		RetentionTooShort,
		/// The title looks like it holds personal data (an ID, mobile or bank card number): say
		/// it without the number. Nothing was stored.
		PersonalData(PersonalData),
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxPrunedPerStep::get() > 0, "pruning must move");
			assert!(
				T::MinRetention::get() >= T::DisputeWindow::get(),
				"records are kept at least as long as they may be disputed"
			);
			assert!(
				T::DefaultRetention::get() >= T::MinRetention::get(),
				"the default retention must be allowed"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A volunteer organisation of `unit` publishes an activity there, crediting each
		/// volunteer at most `max_minutes` (one minute to [`Config::DailyCap`]).
		///
		/// Origin: signed by an account with [`Role::VolunteerOrganisation`] at `unit`.
		/// Emits [`Event::ActivityPublished`]. Errors: [`Error::BadTitle`], [`Error::PersonalData`],
		/// [`Error::BadActivityLimit`], [`Error::UnknownUnit`], [`Error::NotAnOrganisation`],
		/// [`Error::TooManyActivities`], [`Error::NoMoreIds`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::publish_activity())]
		pub fn publish_activity(
			origin: OriginFor<T>,
			unit: UnitId,
			title: Vec<u8>,
			max_minutes: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let title = TitleOf::<T>::new(title)
				.map_err(|p| p.into_error(Error::<T>::BadTitle, Error::PersonalData))?;
			ensure!(!title.is_empty(), Error::<T>::BadTitle);
			Self::do_publish_activity(who, unit, title, max_minutes)
		}

		/// A volunteer signs up for an open activity.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sign_up())]
		pub fn sign_up(origin: OriginFor<T>, activity: ActivityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_sign_up(who, activity)
		}

		/// The organiser records the minutes a signed-up volunteer served; they are credited.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::record_service())]
		pub fn record_service(
			origin: OriginFor<T>,
			activity: ActivityId,
			volunteer: T::AccountId,
			minutes: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_service(who, activity, volunteer, minutes)
		}

		/// The organiser, or an officer of the unit, closes an activity.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_activity())]
		pub fn close_activity(origin: OriginFor<T>, activity: ActivityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_activity(who, activity)
		}

		/// A volunteer disputes the minutes recorded for them, within the window, claiming
		/// `claimed` minutes (more than recorded, at most what the activity allows).
		///
		/// Origin: signed by the volunteer. Emits [`Event::Disputed`]. Errors:
		/// [`Error::NothingToDispute`], [`Error::DisputeWindowOver`],
		/// [`Error::ClaimNotAboveRecord`], [`Error::OverActivityLimit`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(
			origin: OriginFor<T>,
			activity: ActivityId,
			claimed: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, activity, claimed)
		}

		/// An officer of the activity's unit, not its organiser, settles a dispute at
		/// `minutes`: at least what was recorded, at most what the volunteer claimed. The
		/// difference is credited within the volunteer's daily cap.
		///
		/// Origin: signed by an officer of the activity's unit. Emits [`Event::DisputeSettled`].
		/// Errors: [`Error::NotAnOfficer`], [`Error::OrganiserSettles`],
		/// [`Error::SelfConfirmation`], [`Error::NotDisputed`], [`Error::CannotReduce`],
		/// [`Error::OverClaim`], [`Error::OverDailyCap`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::settle_dispute())]
		pub fn settle_dispute(
			origin: OriginFor<T>,
			activity: ActivityId,
			volunteer: T::AccountId,
			minutes: Minutes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_settle_dispute(who, activity, volunteer, minutes)
		}

		/// Redeems `minutes` at `provider`, a registered service or merchant of the caller's
		/// community, for its reward number `reward`. The credits are retired.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(
			origin: OriginFor<T>,
			provider: T::AccountId,
			minutes: Minutes,
			reward: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem(who, provider, minutes, reward)
		}

		/// Gives `minutes` of the caller's credits to a special-needs resident.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(origin: OriginFor<T>, to: T::AccountId, minutes: Minutes) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_donate(who, to, minutes)
		}

		/// Governance sets the lifetime hours of each star level. Levels already reached stay.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_star_thresholds())]
		pub fn set_star_thresholds(origin: OriginFor<T>, thresholds: Vec<u32>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let thresholds = ThresholdsOf::<T>::try_from(thresholds)
				.map_err(|_| Error::<T>::InvalidThresholds)?;
			let ascending = thresholds.windows(2).all(|w| w[0] < w[1]);
			ensure!(
				!thresholds.is_empty() && thresholds[0] > 0 && ascending,
				Error::<T>::InvalidThresholds
			);
			StarThresholds::<T>::put(&thresholds);
			Self::deposit_event(Event::StarThresholdsSet { thresholds });
			Ok(())
		}

		/// Governance sets how long the sign-ups and records of activities closing from now on
		/// are kept, in blocks (at least [`Config::MinRetention`]).
		///
		/// Emits [`Event::RetentionSet`]. Errors: [`Error::RetentionTooShort`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_retention())]
		pub fn set_retention(origin: OriginFor<T>, blocks: BlockNumberFor<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinRetention::get(), Error::<T>::RetentionTooShort);
			Retention::<T>::put(blocks);
			Self::deposit_event(Event::RetentionSet { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// `thresholds` if they are one to the most levels, above zero and ascending.
		pub(crate) fn valid_thresholds(thresholds: Vec<u32>) -> Result<ThresholdsOf<T>, Error<T>> {
			let thresholds = ThresholdsOf::<T>::try_from(thresholds)
				.map_err(|_| Error::<T>::InvalidThresholds)?;
			let ascending = thresholds.windows(2).all(|w| w[0] < w[1]);
			ensure!(
				!thresholds.is_empty() && thresholds[0] > 0 && ascending,
				Error::<T>::InvalidThresholds
			);
			Ok(thresholds)
		}
	}
}
