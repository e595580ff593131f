//! The electorate of referenda: one verified resident, one vote.
//!
//! `pallet-democracy` counts votes in the balance of its currency. Counting them in the native
//! token would give the wealthy more say and make residents buy tokens to vote, so Democracy
//! counts a separate currency, **civic votes** (`CivicVotes`, a second instance of
//! `pallet-balances`):
//!
//! - Registering as a verified resident grants exactly one civic vote ([`CIVIC_VOTE`]); revoking
//!   the registration burns it, and a rekey burns the old key's and grants the new key one
//!   ([`CivicVoteGrant`]). Before the burn, the old account's votes are taken out of every
//!   ongoing referendum's tally and Democracy's lock and vote record are removed: a resident's
//!   vote never outlives their registration, and a person re-registered or re-keyed during a
//!   referendum is counted once, with the vote of the key they hold now.
//! - Civic votes cannot move: the instance has no calls (`#[runtime::disable_call]`), and nothing
//!   else transfers them.
//! - A referendum vote must weigh exactly one civic vote at conviction `Locked1x`
//!   ([`CivicVoteRules`]): conviction would multiply it, and split votes would divide it.
//!   Delegating is refused; a resident who cannot vote themselves gives a relative or grid
//!   worker a `Civic` proxy, which votes in their name.
//! - Public proposals are off (their deposits would be in civic votes): referenda come from the
//!   council's external proposals (more than half), which it may fast-track (two thirds).
//!
//! Limits: the turnout of a referendum is measured against all civic votes, that is, all verified
//! residents at the time it is counted; referenda already decided keep the votes they were
//! decided with.

use frame_support::{
	defensive,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		ConstU128, ConstU32, Contains, Defensive, Get, LockableCurrency, StorageMapShim,
		VariantCountOf,
	},
	weights::Weight,
};
use gongzhi_primitives::civic::OnResidentChange;
use pallet_balances::WeightInfo as _;
use pallet_democracy::{AccountVote, Conviction, ReferendumInfo, Voting, WeightInfo as _};
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
	// Kept apart from the native balances. The instance still adds a provider reference to the
	// account while the vote is held, and Democracy's lock a consumer reference: removing a
	// resident therefore removes the lock before burning ([`CivicVoteGrant::removed`]).
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

/// Democracy's lock on the votes of an account that has voted (`pallet_democracy`'s own
/// identifier, which it does not export).
pub const DEMOCRACY_LOCK: frame_support::traits::LockIdentifier = *b"democrac";

/// Grants a civic vote to each new verified resident and takes it back, with every trace of it
/// in ongoing referenda, when they stop being one.
pub struct CivicVoteGrant;

impl CivicVoteGrant {
	/// Takes `who`'s votes out of the tallies of ongoing referenda and forgets their voting
	/// record and lock. Decided referenda keep their result; their locks go with the vote.
	fn withdraw_votes(who: &AccountId) {
		if let Voting::Direct { votes, .. } = pallet_democracy::VotingOf::<Runtime>::take(who) {
			for (index, vote) in votes {
				pallet_democracy::ReferendumInfoOf::<Runtime>::mutate(index, |info| {
					if let Some(ReferendumInfo::Ongoing(status)) = info {
						// The vote was added to this tally when cast: removing it cannot fail.
						let _ = status.tally.remove(vote).defensive();
					}
				});
			}
		}
		<CivicVotes as LockableCurrency<AccountId>>::remove_lock(DEMOCRACY_LOCK, who);
	}
}

impl OnResidentChange<AccountId> for CivicVoteGrant {
	fn vested(who: &AccountId) {
		if CivicVotes::balance(who).is_zero() {
			let _ = CivicVotes::mint_into(who, CIVIC_VOTE).defensive();
		}
	}

	fn vested_weight() -> Weight {
		<Runtime as pallet_balances::Config<CivicVotesInstance>>::WeightInfo::force_set_balance_creating()
	}

	fn removed(who: &AccountId) {
		Self::withdraw_votes(who);
		let held = CivicVotes::balance(who);
		if !held.is_zero() {
			// Nothing locks the vote any more, so all of it is burnt; anything less would leave
			// a vote behind, which must never happen.
			let burnt = CivicVotes::burn_from(
				who,
				held,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force,
			);
			if burnt != Ok(held) {
				defensive!("a removed resident's civic vote could not be burnt", burnt);
			}
		}
	}

	fn removed_weight() -> Weight {
		let max_votes = <Runtime as pallet_democracy::Config>::MaxVotes::get();
		// The voting record and lock as `unlock` handles them, one referendum read and written
		// per vote, and the burn.
		<Runtime as pallet_democracy::Config>::WeightInfo::unlock_remove(max_votes)
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(
				max_votes.into(),
				max_votes.into(),
			))
			.saturating_add(
				<Runtime as pallet_balances::Config<CivicVotesInstance>>::WeightInfo::burn_allow_death(),
			)
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
