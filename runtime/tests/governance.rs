//! Governance origins: `Root` is reached only through a council supermajority or a referendum.

mod common;

use common::{executed_result, pass_motion, signed};

use frame_support::{assert_noop, assert_ok};
use gongzhi_runtime::{Balances, Preimage, Runtime, RuntimeCall, RuntimeOrigin, System, UNITS};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::DispatchError;

const NEW_BALANCE: u128 = 42 * UNITS;

/// A Root-only call with a visible effect: Ferdie's balance set to [`NEW_BALANCE`].
fn force_set_ferdie() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
		who: Ferdie.to_account_id().into(),
		new_free: NEW_BALANCE,
	})
}

fn as_root(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root { call: Box::new(call) })
}

#[test]
fn a_root_call_from_a_plain_account_fails_and_changes_nothing() {
	common::new_ext("development").execute_with(|| {
		let before = Balances::free_balance(Ferdie.to_account_id());

		let call = force_set_ferdie();
		assert_noop!(call.dispatch_from(signed(Alice)), DispatchError::BadOrigin);
		// A council member alone cannot use the council's door to Root either.
		assert_noop!(
			as_root(force_set_ferdie()).dispatch_from(signed(Alice)),
			DispatchError::BadOrigin
		);

		assert_eq!(Balances::free_balance(Ferdie.to_account_id()), before);
	});
}

#[test]
fn three_of_four_council_members_act_as_root() {
	common::new_ext("development").execute_with(|| {
		let hash = pass_motion(as_root(force_set_ferdie()), 3, &[Alice, Bob, Charlie]);

		assert_eq!(executed_result(hash), Some(Ok(())));
		assert_eq!(Balances::free_balance(Ferdie.to_account_id()), NEW_BALANCE);
		System::assert_has_event(
			pallet_council_root::Event::DispatchedAsRoot { result: Ok(()) }.into(),
		);
	});
}

#[test]
fn half_of_the_council_cannot_act_as_root() {
	common::new_ext("development").execute_with(|| {
		let before = Balances::free_balance(Ferdie.to_account_id());

		let hash = pass_motion(as_root(force_set_ferdie()), 2, &[Alice, Bob]);

		assert_eq!(executed_result(hash), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(Balances::free_balance(Ferdie.to_account_id()), before);
	});
}

#[test]
fn the_council_proposes_referenda_and_a_resident_cannot() {
	common::new_ext("development").execute_with(|| {
		let proposal =
			<Preimage as frame_support::traits::StorePreimage>::bound(force_set_ferdie()).unwrap();
		let external = RuntimeCall::Democracy(pallet_democracy::Call::external_propose_majority {
			proposal: proposal.clone(),
		});

		assert_noop!(external.clone().dispatch_from(signed(Eve)), DispatchError::BadOrigin);

		let hash = pass_motion(external, 3, &[Alice, Bob, Charlie]);
		assert_eq!(executed_result(hash), Some(Ok(())));
		assert!(pallet_democracy::NextExternal::<Runtime>::get().is_some());
	});
}

/// Dispatches a call with an origin, as a transaction would after its checks.
trait DispatchFrom {
	fn dispatch_from(self, origin: RuntimeOrigin) -> Result<(), DispatchError>;
}

impl DispatchFrom for RuntimeCall {
	fn dispatch_from(self, origin: RuntimeOrigin) -> Result<(), DispatchError> {
		use sp_runtime::traits::Dispatchable;
		self.dispatch(origin).map(|_| ()).map_err(|e| e.error)
	}
}

mod referenda {
	//! Referenda: one verified resident, one civic vote.

	use super::*;
	use frame_support::traits::{Contains, Get};
	use gongzhi_runtime::{
		configs::civic_votes::{CivicVoteRules, CIVIC_VOTE},
		CivicVotes, PartyBranch,
	};
	use pallet_democracy::{AccountVote, Conviction, Vote};

	fn civic_votes(who: Sr25519Keyring) -> u128 {
		<CivicVotes as frame_support::traits::fungible::Inspect<_>>::balance(&who.to_account_id())
	}

	fn vote_call(aye: bool, conviction: Conviction, balance: u128) -> RuntimeCall {
		RuntimeCall::Democracy(pallet_democracy::Call::vote {
			ref_index: 0,
			vote: AccountVote::Standard { vote: Vote { aye, conviction }, balance },
		})
	}

	#[test]
	fn each_verified_resident_holds_one_civic_vote_and_loses_it_when_revoked() {
		common::new_ext("development").execute_with(|| {
			// The sample organisation's three residents; officers and others hold none.
			for resident in [Ferdie, CharlieStash, DaveStash] {
				assert_eq!(civic_votes(resident), CIVIC_VOTE);
			}
			assert_eq!(civic_votes(Alice), 0);
			assert_eq!(civic_votes(Dave), 0);
			let total = <CivicVotes as frame_support::traits::fungible::Inspect<_>>::total_issuance;
			assert_eq!(total(), 3);

			assert_ok!(PartyBranch::register(
				signed(Dave),
				EveStash.to_account_id(),
				3,
				H256::repeat_byte(7)
			));
			assert_eq!(civic_votes(EveStash), CIVIC_VOTE);
			assert_ok!(PartyBranch::revoke(
				signed(Dave),
				Ferdie.to_account_id(),
				pallet_party_branch::RevocationReason::MovedAway
			));
			assert_eq!(civic_votes(Ferdie), 0);
			assert_eq!(total(), 3);
		});
	}

	#[test]
	fn a_referendum_vote_weighs_one_civic_vote_without_conviction_or_delegation() {
		assert!(CivicVoteRules::contains(&vote_call(true, Conviction::Locked1x, CIVIC_VOTE)));
		assert!(CivicVoteRules::contains(&vote_call(false, Conviction::Locked1x, CIVIC_VOTE)));
		for refused in [
			vote_call(true, Conviction::Locked6x, CIVIC_VOTE),
			vote_call(true, Conviction::None, CIVIC_VOTE),
			vote_call(true, Conviction::Locked1x, 2 * CIVIC_VOTE),
			RuntimeCall::Democracy(pallet_democracy::Call::vote {
				ref_index: 0,
				vote: AccountVote::Split { aye: 1, nay: 0 },
			}),
			RuntimeCall::Democracy(pallet_democracy::Call::delegate {
				to: Ferdie.to_account_id().into(),
				conviction: Conviction::Locked1x,
				balance: CIVIC_VOTE,
			}),
		] {
			assert!(!CivicVoteRules::contains(&refused), "{refused:?}");
		}
		common::new_ext("development").execute_with(|| {
			// Through a batch, the filter applies all the same.
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![vote_call(true, Conviction::Locked6x, CIVIC_VOTE)],
			});
			assert_noop!(
				batch.dispatch_from(signed(Ferdie)),
				frame_system::Error::<Runtime>::CallFiltered
			);
		});
	}

	#[test]
	fn the_council_puts_a_referendum_and_residents_vote_one_each() {
		common::new_ext("development").execute_with(|| {
			let proposal =
				<Preimage as frame_support::traits::StorePreimage>::bound(force_set_ferdie())
					.unwrap();
			let hash = proposal.hash();
			let external =
				RuntimeCall::Democracy(pallet_democracy::Call::external_propose_majority {
					proposal,
				});
			assert_eq!(
				executed_result(pass_motion(external, 3, &[Alice, Bob, Charlie])),
				Some(Ok(()))
			);
			// Fast-tracked by two thirds of the council: three of four.
			let fast_track =
				RuntimeCall::Democracy(
					pallet_democracy::Call::fast_track {
						proposal_hash: hash,
						voting_period:
							<gongzhi_runtime::configs::governance::FastTrackVotingPeriod as Get<
								u32,
							>>::get(),
						delay: 1,
					},
				);
			assert_eq!(
				executed_result(pass_motion(fast_track, 3, &[Alice, Bob, Charlie])),
				Some(Ok(()))
			);

			for (resident, aye) in [(Ferdie, true), (CharlieStash, true), (DaveStash, false)] {
				assert_ok!(vote_call(aye, Conviction::Locked1x, CIVIC_VOTE)
					.dispatch_from(signed(resident)));
			}
			// Alice holds a million tokens and no civic vote.
			assert_noop!(
				vote_call(true, Conviction::Locked1x, CIVIC_VOTE).dispatch_from(signed(Alice)),
				pallet_democracy::Error::<Runtime>::InsufficientFunds
			);
			let Some(pallet_democracy::ReferendumInfo::Ongoing(status)) =
				pallet_democracy::ReferendumInfoOf::<Runtime>::get(0)
			else {
				panic!("referendum 0 is ongoing");
			};
			assert_eq!((status.tally.ayes, status.tally.nays, status.tally.turnout), (2, 1, 3));
			assert_eq!(pallet_democracy::ReferendumCount::<Runtime>::get(), 1);
		});
	}

	#[test]
	fn an_approved_district_topic_becomes_the_next_external_proposal() {
		use gongzhi_primitives::votes::DistrictReferenda;
		use gongzhi_runtime::configs::governance::ReferendaFromConsultations;
		common::new_ext("development").execute_with(|| {
			let proposal =
				<Preimage as frame_support::traits::StorePreimage>::bound(force_set_ferdie())
					.unwrap();
			let (hash, len) = (proposal.hash(), proposal.len().unwrap_or_default());
			assert_ok!(ReferendaFromConsultations::propose_referendum(hash.into(), len));
			let (next, threshold) = pallet_democracy::NextExternal::<Runtime>::get().unwrap();
			assert_eq!(next.hash(), hash);
			assert_eq!(threshold, pallet_democracy::VoteThreshold::SimpleMajority);
			// One waits at a time.
			assert!(ReferendaFromConsultations::propose_referendum([1; 32], 10).is_err());
		});
	}
}
