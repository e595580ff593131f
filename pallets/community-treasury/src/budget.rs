//! Budget lines: the most a unit may commit per category per budget period.
//!
//! A spend is committed against its line when its approvals complete (so two spends cannot both
//! count on the same remaining budget), and given back if it then ends unpaid in the same period.
//! A category without a line has no limit, except `Assistance`: subsidies up to the unit's
//! per-request cap are paid without the supervisors' approvals, so a unit without an
//! `Assistance` line pays none.

use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::UnitId;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchResult,
};

use crate::{
	AuthorityOf, BalanceOf, BudgetLines, BudgetUsed, Category, Config, Error, Event, Pallet,
};

impl<T: Config> Pallet<T> {
	/// The budget period `now` falls in.
	pub(crate) fn budget_period() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		(now / T::BudgetPeriod::get()).unique_saturated_into()
	}

	/// What `unit` has committed in `category` in the current period.
	pub(crate) fn used(unit: UnitId, category: Category, period: u32) -> BalanceOf<T> {
		match BudgetUsed::<T>::get(unit, category) {
			Some((p, used)) if p == period => used,
			_ => Zero::zero(),
		}
	}

	/// Refuses `amount` if it is above what `unit`'s line for `category` has left.
	pub(crate) fn ensure_within_budget(
		unit: UnitId,
		category: Category,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if let Some(limit) = BudgetLines::<T>::get(unit, category) {
			let used = Self::used(unit, category, Self::budget_period());
			ensure!(used.saturating_add(amount) <= limit, Error::<T>::OverBudget);
		}
		Ok(())
	}

	/// Counts `amount` against the current period, after [`Self::ensure_within_budget`].
	/// Returns the period.
	pub(crate) fn commit_budget(unit: UnitId, category: Category, amount: BalanceOf<T>) -> u32 {
		let period = Self::budget_period();
		let used = Self::used(unit, category, period).saturating_add(amount);
		BudgetUsed::<T>::insert(unit, category, (period, used));
		period
	}

	/// Gives back a commitment of `amount` made in `period`; a past period's is gone anyway.
	pub(crate) fn release_budget(
		unit: UnitId,
		category: Category,
		amount: BalanceOf<T>,
		period: u32,
	) {
		if let Some((p, used)) = BudgetUsed::<T>::get(unit, category) {
			if p == period {
				BudgetUsed::<T>::insert(unit, category, (p, used.saturating_sub(amount)));
			}
		}
	}

	pub(crate) fn do_set_budget(
		by: AuthorityOf<T>,
		unit: UnitId,
		category: Category,
		limit: Option<BalanceOf<T>>,
	) {
		BudgetLines::<T>::set(unit, category, limit);
		Self::deposit_event(Event::BudgetSet { unit, category, limit, by });
	}
}
