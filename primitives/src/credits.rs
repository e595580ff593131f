//! Volunteer credits as other pallets use them: the assistance pallet credits a volunteer for
//! confirmed help, and pays for help with the requester's credits (the time bank).
//!
//! Credits count minutes of service: 60 credits are an hour given, and an hour that can be asked
//! for.

use frame_support::weights::Weight;
use sp_runtime::DispatchResult;

/// Credits a number of minutes of service.
pub type Minutes = u32;

/// What the volunteer-credits pallet does for others.
pub trait ServiceCredits<AccountId> {
	/// Credits `volunteer` with `minutes` of service that `confirmer` (the person helped, their
	/// proxy or a grid worker) confirmed; `reference` names the service (a request id). Refused if
	/// the confirmer is the volunteer, or over the volunteer's daily cap.
	fn credit_service(
		volunteer: &AccountId,
		confirmer: &AccountId,
		minutes: Minutes,
		reference: u32,
	) -> DispatchResult;

	/// Moves `minutes` of `payer`'s credits to `volunteer` for help given (the time bank).
	fn pay_for_help(
		payer: &AccountId,
		volunteer: &AccountId,
		minutes: Minutes,
		reference: u32,
	) -> DispatchResult;

	/// The most either call costs.
	fn weight() -> Weight;
}
