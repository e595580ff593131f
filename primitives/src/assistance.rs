//! The community's assistance fund as the assistance pallet uses it: a unit's treasury pot pays
//! the subsidies of confirmed help, against the unit's `Assistance` budget line.

use frame_support::weights::Weight;
use sp_runtime::DispatchError;

use crate::{civic::UnitId, votes::SpendIndex};

/// A unit's assistance fund.
pub trait AssistanceFund<AccountId> {
	/// What `unit`'s pot holds now, in the smallest unit of the currency.
	fn available(unit: UnitId) -> u128;

	/// Pays `amount` from `unit`'s pot to `beneficiary` as the subsidy of assistance request
	/// `request`. Returns the treasury spend's index; if the pot cannot pay yet, the spend stays,
	/// failed and retryable.
	fn pay_subsidy(
		unit: UnitId,
		request: u32,
		beneficiary: &AccountId,
		amount: u128,
	) -> Result<SpendIndex, DispatchError>;

	/// The most [`Self::pay_subsidy`] costs.
	fn pay_subsidy_weight() -> Weight;
}
