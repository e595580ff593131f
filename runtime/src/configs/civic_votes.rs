//! The electorate of referenda: one verified resident, one vote.
//!
//! `pallet-democracy` counts votes in the balance of its currency. Counting them in the native
//! token would give the wealthy more say and make residents buy tokens to vote, so Democracy
//! counts a separate currency, **civic votes** (`CivicVotes`, a second instance of
//! `pallet-balances`):
//!
//! - Registering as a verified resident grants exactly one civic vote ([`CIVIC_VOTE`]); revoking
//!   the registration burns it, and a rekey moves it to the new account ([`CivicVoteGrant`]).
//! - Civic votes cannot move: the instance has no calls (`#[runtime::disable_call]`), and nothing
//!   else transfers them.
//! - A referendum vote must weigh exactly one civic vote at conviction `Locked1x`
//!   ([`CivicVoteRules`]): conviction would multiply it, and split votes would divide it.
//!   Delegating is refused; a resident who cannot vote themselves gives a relative or grid
//!   worker a `Civic` proxy, which votes in their name.
//! - Public proposals are off (their deposits would be in civic votes): referenda come from the
//!   council's external proposals (more than half), which it may fast-track (two thirds).
//!
//! Limits: a vote cast before a resident's registration is revoked stays counted in that
//! referendum (the tally is not revisited); a resident whose key is replaced (rekey) while a
//! referendum is open could vote again with the new key, so officers should not approve a rekey
//! for an account that voted in an open referendum without checking; the turnout of a referendum
//! is measured against all civic votes, that is, all verified residents.

use frame_support::traits::{
	fungible::{Inspect, Mutate},
	tokens::{Fortitude, Precision, Preservation},
	ConstU128, ConstU32, Contains, Defensive, StorageMapShim, VariantCountOf,
};
use gongzhi_primitives::civic::OnResidentChange;
use pallet_democracy::{AccountVote, Conviction};
use sp_runtime::traits::Zero;

use crate::{
	AccountId, Balance, CivicVotes, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason,
};

/// The civic-vote instance of `pallet-balances`.
pub type CivicVotesInstance = pallet_balances::Instance2;

/// What each verified resident holds: one vote.
pub const CIVIC_VOTE: Balance = 1;

impl pallet_balances::Config<CivicVotesInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<CIVIC_VOTE>;
	// Kept apart from the native accounts: holding a vote neither creates nor keeps an account.
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Runtime, CivicVotesInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	// Democracy's vote lock is the only one.
	type MaxLocks = ConstU32<4>;
	type MaxReserves = ConstU32<4>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Grants a civic vote to each new verified resident and burns it when they stop being one.
pub struct CivicVoteGrant;

impl OnResidentChange<AccountId> for CivicVoteGrant {
	fn registered(who: &AccountId) {
		if CivicVotes::balance(who).is_zero() {
			let _ = CivicVotes::mint_into(who, CIVIC_VOTE).defensive();
		}
	}

	fn removed(who: &AccountId) {
		let held = CivicVotes::balance(who);
		if !held.is_zero() {
			// `Force`: a vote locked in a referendum is burnt all the same.
			let _ = CivicVotes::burn_from(
				who,
				held,
				Preservation::Expendable,
				Precision::BestEffort,
				Fortitude::Force,
			)
			.defensive();
		}
	}
}

/// The call filter: referendum votes weigh one civic vote at `Locked1x`; no delegation.
pub struct CivicVoteRules;

impl Contains<RuntimeCall> for CivicVoteRules {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Democracy(pallet_democracy::Call::vote { vote, .. }) => matches!(
				vote,
				AccountVote::Standard { vote, balance }
					if vote.conviction == Conviction::Locked1x && *balance == CIVIC_VOTE
			),
			RuntimeCall::Democracy(pallet_democracy::Call::delegate { .. }) => false,
			_ => true,
		}
	}
}
