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
	use frame_support::traits::Contains;
	use gongzhi_runtime::{
		configs::civic_votes::{CivicVoteRules, CivicVotesInstance, CIVIC_VOTE, DEMOCRACY_LOCK},
		AccountId, CivicVotes, PartyBranch,
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

			common::register_in_person(&EveStash.to_account_id(), H256::repeat_byte(7));
			assert_eq!(civic_votes(EveStash), 0, "the vote vests later");
			common::until_vested(&EveStash.to_account_id());
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

	/// The council puts `force_set_ferdie` to a fast-tracked referendum: referendum 0.
	fn start_referendum() {
		common::start_referendum(force_set_ferdie());
	}

	/// Referendum 0's (ayes, nays, turnout).
	fn tally() -> (u128, u128, u128) {
		let Some(pallet_democracy::ReferendumInfo::Ongoing(status)) =
			pallet_democracy::ReferendumInfoOf::<Runtime>::get(0)
		else {
			panic!("referendum 0 is ongoing");
		};
		(status.tally.ayes, status.tally.nays, status.tally.turnout)
	}

	fn vote(who: &AccountId, aye: bool) -> Result<(), DispatchError> {
		vote_call(aye, Conviction::Locked1x, CIVIC_VOTE)
			.dispatch_from(RuntimeOrigin::signed(who.clone()))
	}

	fn votes_of(who: &AccountId) -> u128 {
		<CivicVotes as frame_support::traits::fungible::Inspect<_>>::balance(who)
	}

	fn total_votes() -> u128 {
		<CivicVotes as frame_support::traits::fungible::Inspect<_>>::total_issuance()
	}

	fn has_democracy_lock(who: &AccountId) -> bool {
		pallet_balances::Locks::<Runtime, CivicVotesInstance>::get(who)
			.iter()
			.any(|lock| lock.id == DEMOCRACY_LOCK)
	}

	/// A new resident of Plum Garden (community 3) registered by its officers, whose civic vote
	/// has vested: an account that holds no tokens, as most residents' accounts.
	fn new_resident(seed: u8) -> (AccountId, H256) {
		let who = AccountId::from([seed; 32]);
		let commitment = H256::repeat_byte(seed);
		common::register_in_person(&who, commitment);
		common::until_vested(&who);
		assert_eq!(Balances::free_balance(&who), 0);
		(who, commitment)
	}

	#[test]
	fn the_council_puts_a_referendum_and_residents_vote_one_each() {
		common::new_ext("development").execute_with(|| {
			start_referendum();
			for (resident, aye) in [(Ferdie, true), (CharlieStash, true), (DaveStash, false)] {
				assert_ok!(vote(&resident.to_account_id(), aye));
			}
			// Alice holds a million tokens and no civic vote.
			assert_noop!(
				vote(&Alice.to_account_id(), true),
				pallet_democracy::Error::<Runtime>::InsufficientFunds
			);
			assert_eq!(tally(), (2, 1, 3));
			assert_eq!(pallet_democracy::ReferendumCount::<Runtime>::get(), 1);
		});
	}

	#[test]
	fn a_resident_without_tokens_votes_in_a_referendum_for_free_and_through_a_civic_proxy() {
		use frame_support::traits::InstanceFilter;
		use gongzhi_runtime::configs::{accounts::ProxyType, civic::CivicCalls};
		for call in [
			vote_call(true, Conviction::Locked1x, CIVIC_VOTE),
			RuntimeCall::Democracy(pallet_democracy::Call::remove_vote { index: 0 }),
			RuntimeCall::Democracy(pallet_democracy::Call::unlock {
				target: Ferdie.to_account_id().into(),
			}),
		] {
			assert!(CivicCalls::contains(&call), "free for residents: {call:?}");
			assert!(ProxyType::Civic.filter(&call), "open to a civic proxy: {call:?}");
		}
		common::new_ext("development").execute_with(|| {
			start_referendum();
			let (resident, _) = new_resident(48);
			let relative = Bob.to_account_id();
			assert_ok!(gongzhi_runtime::Proxy::add_proxy(
				RuntimeOrigin::signed(resident.clone()),
				relative.clone().into(),
				ProxyType::Civic,
				0
			));
			let through_proxy = |vote: RuntimeCall| {
				assert_ok!(gongzhi_runtime::Proxy::proxy(
					RuntimeOrigin::signed(relative.clone()),
					resident.clone().into(),
					Some(ProxyType::Civic),
					Box::new(vote)
				));
				System::events()
					.into_iter()
					.rev()
					.find_map(|record| match record.event {
						gongzhi_runtime::RuntimeEvent::Proxy(
							pallet_proxy::Event::ProxyExecuted { result },
						) => Some(result),
						_ => None,
					})
					.expect("the proxy call ran")
			};
			// The one-vote rules hold through the proxy: conviction would multiply the vote.
			assert_eq!(
				through_proxy(vote_call(true, Conviction::Locked6x, CIVIC_VOTE)),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
			assert_eq!(through_proxy(vote_call(true, Conviction::Locked1x, CIVIC_VOTE)), Ok(()));
			assert_eq!(tally(), (1, 0, 1));
			assert_eq!(Balances::free_balance(&resident), 0);
		});
	}

	#[test]
	fn a_revoked_resident_keeps_no_referendum_vote() {
		common::new_ext("development").execute_with(|| {
			start_referendum();
			let (resident, _) = new_resident(41);
			assert_ok!(vote(&resident, true));
			assert_ok!(vote(&DaveStash.to_account_id(), false));
			assert_eq!(tally(), (1, 1, 2));
			assert!(has_democracy_lock(&resident));
			assert_eq!(total_votes(), 4);

			assert_ok!(PartyBranch::revoke(
				signed(Dave),
				resident.clone(),
				pallet_party_branch::RevocationReason::MovedAway
			));
			// The vote is burnt, its lock and record gone, and it no longer counts.
			assert_eq!(votes_of(&resident), 0);
			assert_eq!(total_votes(), 3);
			assert!(!has_democracy_lock(&resident));
			assert!(pallet_democracy::VotingOf::<Runtime>::get(&resident).locked_balance() == 0);
			assert_eq!(tally(), (0, 1, 1));
			assert_noop!(
				vote(&resident, true),
				pallet_democracy::Error::<Runtime>::InsufficientFunds
			);
		});
	}

	#[test]
	fn a_resident_rekeyed_again_and_again_during_a_referendum_is_counted_once() {
		common::new_ext("development").execute_with(|| {
			start_referendum();
			let (first, commitment) = new_resident(42);
			assert_ok!(vote(&first, true));
			let mut old = first;
			for seed in [43u8, 44, 45] {
				let new = AccountId::from([seed; 32]);
				// A new phone's account, funded for the application deposit.
				let funds = 10 * gongzhi_runtime::UNITS;
				<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&new, funds);
				assert_ok!(PartyBranch::apply(RuntimeOrigin::signed(new.clone()), 3, commitment));
				assert_ok!(PartyBranch::approve_rekey(signed(Dave), new.clone()));
				// The old key consents (it may also refuse; unanswered, the re-key waits days).
				assert_ok!(PartyBranch::complete_rekey(
					RuntimeOrigin::signed(old.clone()),
					new.clone()
				));
				assert_eq!(votes_of(&old), 0);
				assert!(!has_democracy_lock(&old));
				assert_eq!(tally(), (0, 0, 0), "the old key's vote stopped counting");
				assert_ok!(vote(&new, true));
				assert_eq!(tally(), (1, 0, 1));
				old = new;
			}
			// One person, one vote in existence: the three sample residents and this one.
			assert_eq!(total_votes(), 4);
		});
	}

	#[test]
	fn re_registering_the_same_commitment_during_a_referendum_yields_one_vote() {
		common::new_ext("development").execute_with(|| {
			start_referendum();
			let (resident, commitment) = new_resident(46);
			assert_ok!(vote(&resident, true));
			assert_ok!(PartyBranch::revoke(
				signed(Dave),
				resident.clone(),
				pallet_party_branch::RevocationReason::MovedAway
			));
			let again = AccountId::from([47; 32]);
			common::register_in_person(&again, commitment);
			assert_noop!(vote(&again, true), pallet_democracy::Error::<Runtime>::InsufficientFunds);
			common::until_vested(&again);
			assert_ok!(vote(&again, true));
			assert_noop!(
				vote(&resident, true),
				pallet_democracy::Error::<Runtime>::InsufficientFunds
			);
			assert_eq!(tally(), (1, 0, 1));
			assert_eq!(total_votes(), 4);
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
