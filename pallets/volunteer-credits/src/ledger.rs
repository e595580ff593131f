//! The credit ledger: issuing for service (within the daily cap), moving between residents,
//! retiring at redemption; each movement written to the history of everyone it touches. And the
//! reads the runtime API serves.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use gongzhi_primitives::{
	civic::{CivicRegistry, Role, UnitId},
	credits::Minutes,
};
use sp_runtime::{
	traits::{SaturatedConversion, Zero},
	DispatchError, DispatchResult,
};

use crate::{
	Accounts, Activities, ActivityId, ActivityOf, Config, Counterparty, CreditAccount,
	DailyService, Error, Event, History, HistoryCount, HistoryEntry, HistoryEntryOf,
	OpenActivities, Pallet, StarThresholds, TotalIssued, TotalRetired,
};

impl<T: Config> Pallet<T> {
	fn today() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let per_day = T::BlocksPerDay::get().max(1u32.into());
		(now / per_day).saturated_into()
	}

	/// Fails unless `volunteer` may be credited `minutes` more today.
	pub(crate) fn ensure_within_cap(volunteer: &T::AccountId, minutes: Minutes) -> DispatchResult {
		ensure!(!minutes.is_zero(), Error::<T>::ZeroMinutes);
		let (day, used) = DailyService::<T>::get(volunteer);
		let used = if day == Self::today() { used } else { 0 };
		ensure!(used.saturating_add(minutes) <= T::DailyCap::get(), Error::<T>::OverDailyCap);
		Ok(())
	}

	/// Credits `volunteer` with `minutes` of service (checked against the cap by the caller's
	/// [`Self::ensure_within_cap`]), counting today's total, lifetime and stars.
	pub(crate) fn issue(
		volunteer: &T::AccountId,
		minutes: Minutes,
		source: Counterparty<T::AccountId>,
	) {
		let today = Self::today();
		DailyService::<T>::mutate(volunteer, |(day, used)| {
			if *day != today {
				*day = today;
				*used = 0;
			}
			*used = used.saturating_add(minutes);
		});
		TotalIssued::<T>::mutate(|total| *total = total.saturating_add(minutes.into()));
		let stars = Accounts::<T>::mutate(volunteer, |account| {
			account.balance = account.balance.saturating_add(minutes.into());
			account.lifetime = account.lifetime.saturating_add(minutes.into());
			let stars = Self::stars_for(account.lifetime);
			let reached = (stars > account.stars).then_some(stars);
			account.stars = account.stars.max(stars);
			reached
		});
		Self::write_history(volunteer, true, minutes, source);
		if let Some(stars) = stars {
			Self::deposit_event(Event::StarLevelReached { who: volunteer.clone(), stars });
		}
	}

	/// The star level of `lifetime` minutes of service.
	pub fn stars_for(lifetime: u64) -> u8 {
		let hours = lifetime / 60;
		StarThresholds::<T>::get().iter().filter(|t| u64::from(**t) <= hours).count() as u8
	}

	/// Takes `minutes` from `who`'s balance, or fails changing nothing.
	fn debit(who: &T::AccountId, minutes: Minutes) -> DispatchResult {
		ensure!(!minutes.is_zero(), Error::<T>::ZeroMinutes);
		Accounts::<T>::try_mutate(who, |account| {
			account.balance = account
				.balance
				.checked_sub(minutes.into())
				.ok_or(Error::<T>::InsufficientCredits)?;
			Ok::<_, DispatchError>(())
		})
	}

	/// Moves `minutes` from `from` to `to`, recording the movement on both sides.
	pub(crate) fn move_credits(
		from: &T::AccountId,
		to: &T::AccountId,
		minutes: Minutes,
		out: Counterparty<T::AccountId>,
		into: Counterparty<T::AccountId>,
	) -> DispatchResult {
		Self::debit(from, minutes)?;
		Accounts::<T>::mutate(to, |account| {
			account.balance = account.balance.saturating_add(minutes.into())
		});
		Self::write_history(from, false, minutes, out);
		Self::write_history(to, true, minutes, into);
		Ok(())
	}

	/// Retires `minutes` of `who`'s credits.
	pub(crate) fn retire(
		who: &T::AccountId,
		minutes: Minutes,
		sink: Counterparty<T::AccountId>,
	) -> DispatchResult {
		Self::debit(who, minutes)?;
		TotalRetired::<T>::mutate(|total| *total = total.saturating_add(minutes.into()));
		Self::write_history(who, false, minutes, sink);
		Ok(())
	}

	fn write_history(
		who: &T::AccountId,
		incoming: bool,
		minutes: Minutes,
		counterparty: Counterparty<T::AccountId>,
	) {
		let count = HistoryCount::<T>::get(who);
		let slot = count % T::MaxHistory::get().max(1);
		let block = frame_system::Pallet::<T>::block_number();
		History::<T>::insert(who, slot, HistoryEntry { block, incoming, minutes, counterparty });
		HistoryCount::<T>::insert(who, count.wrapping_add(1));
	}

	pub(crate) fn do_redeem(
		who: T::AccountId,
		provider: T::AccountId,
		minutes: Minutes,
		reward: u32,
	) -> DispatchResult {
		let community = T::Registry::community_of(&who).ok_or(Error::<T>::NotAProvider)?;
		ensure!(
			T::Registry::has_role(&provider, Role::ServiceProvider, community),
			Error::<T>::NotAProvider
		);
		Self::retire(
			&who,
			minutes,
			Counterparty::Redemption { provider: provider.clone(), reward },
		)?;
		Self::deposit_event(Event::Redeemed { who, provider, minutes, reward });
		Ok(())
	}

	pub(crate) fn do_donate(
		from: T::AccountId,
		to: T::AccountId,
		minutes: Minutes,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SelfDonation);
		let community = T::Registry::community_of(&to).ok_or(Error::<T>::NotSpecialNeeds)?;
		ensure!(
			T::Registry::has_role(&to, Role::SpecialNeeds, community),
			Error::<T>::NotSpecialNeeds
		);
		Self::move_credits(
			&from,
			&to,
			minutes,
			Counterparty::Donation { other: to.clone() },
			Counterparty::Donation { other: from.clone() },
		)?;
		Self::deposit_event(Event::Donated { from, to, minutes });
		Ok(())
	}

	/// Credits issued minus credits retired equals the sum of all balances.
	pub fn ledger_balances() -> Result<(), sp_runtime::TryRuntimeError> {
		let held: u64 = Accounts::<T>::iter_values().map(|a| a.balance).sum();
		let outstanding = TotalIssued::<T>::get().saturating_sub(TotalRetired::<T>::get());
		ensure!(held == outstanding, "credit balances differ from credits issued less retired");
		Ok(())
	}

	/// `who`'s balance, lifetime service and stars.
	pub fn account(who: &T::AccountId) -> CreditAccount {
		Accounts::<T>::get(who)
	}

	/// `who`'s last `limit` history lines (at most [`Config::MaxHistory`]), newest first.
	pub fn history(who: &T::AccountId, limit: u32) -> Vec<HistoryEntryOf<T>> {
		let count = HistoryCount::<T>::get(who);
		let kept = count.min(T::MaxHistory::get()).min(limit);
		(1..=kept)
			.filter_map(|back| History::<T>::get(who, (count - back) % T::MaxHistory::get().max(1)))
			.collect()
	}

	/// `unit`'s open activities, oldest first.
	pub fn activities(unit: UnitId) -> Vec<(ActivityId, ActivityOf<T>)> {
		OpenActivities::<T>::get(unit)
			.into_iter()
			.filter_map(|id| Activities::<T>::get(id).map(|a| (id, a)))
			.collect()
	}
}
