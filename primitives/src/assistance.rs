//! The community's assistance fund as the assistance pallet uses it: a unit's treasury pot pays
//! the subsidies of confirmed help, against the unit's `Assistance` budget line.

use frame_support::weights::Weight;
use sp_runtime::DispatchError;

use crate::{civic::UnitId, votes::SpendIndex};

/// A unit's assistance fund.
pub trait AssistanceFund<AccountId> {
	/// What `unit`'s pot holds now, in the smallest unit of the currency.
	fn available(unit: UnitId) -> u128;

	/// Hands the subsidy `amount` of assistance request `request` to `unit`'s pot for
	/// `beneficiary`; returns the treasury spend's index. Up to the unit's per-request cap (set by
	/// the level above) it is paid at once (if the pot cannot pay yet, the spend stays, failed and
	/// retryable); above it, the spend awaits the unit's supervisors' approval and public notice.
	fn pay_subsidy(
		unit: UnitId,
		request: u32,
		beneficiary: &AccountId,
		amount: u128,
	) -> Result<SpendIndex, DispatchError>;

	/// The most [`Self::pay_subsidy`] costs.
	fn pay_subsidy_weight() -> Weight;
}
