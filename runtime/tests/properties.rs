//! Random sequences of civic calls, from residents, officers and strangers, against the real
//! runtime (the development preset): whatever they do, the chain keeps its promises. After every
//! step:
//!
//! - every civic pallet's `try_state` holds (counts up the tree, pot ledgers, one ballot per
//!   resident, zero-sum credits, validator counts);
//! - each verified resident holds exactly one civic vote and nobody else holds any;
//! - the open referendum counts one vote per voter, and only verified residents' votes.
//!
//! Calls go through `dispatch` with a signed origin, so the call filter applies; refusals are
//! expected and ignored, panics fail the test. `PROPTEST_CASES` sets the number of sequences
//! (CI: the default below); each has up to `MAX_STEPS` steps.

mod common;

use common::{new_ext, start_referendum};
use frame_support::traits::{fungible::Inspect, OnInitialize};
use gongzhi_runtime::{
	configs::civic_votes::CIVIC_VOTE, AccountId, Assistance, CivicVotes, CommunityTreasury,
	Consultation, PartyBranch, Runtime, RuntimeCall, RuntimeOrigin, System, ValidatorSet,
	VolunteerCredits,
};
use pallet_democracy::{AccountVote, Conviction, Vote, Voting};
use proptest::prelude::*;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::traits::Dispatchable;

const PLUM_GARDEN: u32 = 3;
const MAX_STEPS: usize = 40;

/// The accounts that act: the sample organisation's officers, residents and organisation, and
/// ten accounts nobody registered yet.
fn actor(i: u8) -> AccountId {
	const KNOWN: [Sr25519Keyring; 8] =
		[Alice, Bob, Dave, Ferdie, CharlieStash, DaveStash, EveStash, FerdieStash];
	match KNOWN.get(i as usize) {
		Some(known) => known.to_account_id(),
		None => AccountId::from([100 + i; 32]),
	}
}

/// One step of a sequence: who does what (indices pick actors and activities).
#[derive(Debug, Clone)]
enum Step {
	/// `officer` records `who`'s application in person, `second` approves it.
	Register {
		officer: u8,
		second: u8,
		who: u8,
	},
	Revoke {
		officer: u8,
		who: u8,
	},
	ApplyAndRekey {
		officer: u8,
		old: u8,
		new: u8,
	},
	Vote {
		who: u8,
		aye: bool,
	},
	/// A vote that the one-vote rules refuse, sent inside a batch.
	HeavyVoteInBatch {
		who: u8,
	},
	Publish {
		who: u8,
		max_minutes: u32,
	},
	SignUp {
		who: u8,
		activity: u8,
	},
	Record {
		who: u8,
		activity: u8,
		volunteer: u8,
		minutes: u32,
	},
	Dispute {
		who: u8,
		activity: u8,
		claimed: u32,
	},
	Settle {
		who: u8,
		activity: u8,
		volunteer: u8,
		minutes: u32,
	},
	DonateCredits {
		who: u8,
		to: u8,
		minutes: u32,
	},
	NextBlock,
}

fn step() -> impl Strategy<Value = Step> {
	let actor = 0u8..18;
	let minutes = prop_oneof![0u32..600, Just(u32::MAX)];
	prop_oneof![
		(actor.clone(), actor.clone(), actor.clone())
			.prop_map(|(officer, second, who)| Step::Register { officer, second, who }),
		(actor.clone(), actor.clone()).prop_map(|(officer, who)| Step::Revoke { officer, who }),
		(actor.clone(), actor.clone(), actor.clone())
			.prop_map(|(officer, old, new)| Step::ApplyAndRekey { officer, old, new }),
		(actor.clone(), any::<bool>()).prop_map(|(who, aye)| Step::Vote { who, aye }),
		actor.clone().prop_map(|who| Step::HeavyVoteInBatch { who }),
		(actor.clone(), minutes.clone())
			.prop_map(|(who, max_minutes)| Step::Publish { who, max_minutes }),
		(actor.clone(), 0u8..4).prop_map(|(who, activity)| Step::SignUp { who, activity }),
		(actor.clone(), 0u8..4, actor.clone(), minutes.clone()).prop_map(
			|(who, activity, volunteer, minutes)| Step::Record {
				who,
				activity,
				volunteer,
				minutes
			}
		),
		(actor.clone(), 0u8..4, minutes.clone())
			.prop_map(|(who, activity, claimed)| Step::Dispute { who, activity, claimed }),
		(actor.clone(), 0u8..4, actor.clone(), minutes.clone()).prop_map(
			|(who, activity, volunteer, minutes)| Step::Settle {
				who,
				activity,
				volunteer,
				minutes
			}
		),
		(actor.clone(), actor.clone(), minutes)
			.prop_map(|(who, to, minutes)| Step::DonateCredits { who, to, minutes }),
		Just(Step::NextBlock),
	]
}

fn vote_call(aye: bool, conviction: Conviction) -> RuntimeCall {
	RuntimeCall::Democracy(pallet_democracy::Call::vote {
		ref_index: 0,
		vote: AccountVote::Standard { vote: Vote { aye, conviction }, balance: CIVIC_VOTE },
	})
}

fn credits(call: pallet_volunteer_credits::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::VolunteerCredits(call)
}

/// Gives every actor enough for an application deposit (and nothing else needs tokens: the
/// steps dispatch their calls directly, without fees).
fn fund_actors() {
	use frame_support::traits::fungible::{Inspect, Mutate};
	let funds = 10 * gongzhi_runtime::UNITS;
	for i in 0..18 {
		if gongzhi_runtime::Balances::balance(&actor(i)) < funds {
			gongzhi_runtime::Balances::set_balance(&actor(i), funds);
		}
	}
}

/// Runs `step`; refusals are part of the game.
fn run(step: &Step) {
	let send = |who: u8, call: RuntimeCall| {
		let _ = call.dispatch(RuntimeOrigin::signed(actor(who)));
	};
	match *step {
		Step::Register { officer, second, who } => {
			send(
				officer,
				RuntimeCall::PartyBranch(pallet_party_branch::Call::register {
					who: actor(who),
					community: PLUM_GARDEN,
					commitment: H256::repeat_byte(who),
				}),
			);
			send(
				second,
				RuntimeCall::PartyBranch(pallet_party_branch::Call::approve {
					applicant: actor(who),
				}),
			);
		},
		Step::Revoke { officer, who } => send(
			officer,
			RuntimeCall::PartyBranch(pallet_party_branch::Call::revoke {
				resident: actor(who),
				reason: pallet_party_branch::RevocationReason::MovedAway,
			}),
		),
		Step::ApplyAndRekey { officer, old, new } => {
			let Some(record) = pallet_party_branch::Residents::<Runtime>::get(actor(old)) else {
				return;
			};
			send(
				new,
				RuntimeCall::PartyBranch(pallet_party_branch::Call::apply {
					community: record.community,
					commitment: record.commitment,
				}),
			);
			send(
				officer,
				RuntimeCall::PartyBranch(pallet_party_branch::Call::approve_rekey {
					new_account: actor(new),
				}),
			);
			// The old key consents (refusing, or waiting days, are the pallet tests' business).
			send(
				old,
				RuntimeCall::PartyBranch(pallet_party_branch::Call::complete_rekey {
					new_account: actor(new),
				}),
			);
		},
		Step::Vote { who, aye } => send(who, vote_call(aye, Conviction::Locked1x)),
		Step::HeavyVoteInBatch { who } => send(
			who,
			RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![vote_call(true, Conviction::Locked6x)],
			}),
		),
		Step::Publish { who, max_minutes } => send(
			who,
			credits(pallet_volunteer_credits::Call::publish_activity {
				unit: PLUM_GARDEN,
				title: b"sweep the courtyard".to_vec(),
				max_minutes,
			}),
		),
		Step::SignUp { who, activity } => send(
			who,
			credits(pallet_volunteer_credits::Call::sign_up { activity: activity.into() }),
		),
		Step::Record { who, activity, volunteer, minutes } => send(
			who,
			credits(pallet_volunteer_credits::Call::record_service {
				activity: activity.into(),
				volunteer: actor(volunteer),
				minutes,
			}),
		),
		Step::Dispute { who, activity, claimed } => send(
			who,
			credits(pallet_volunteer_credits::Call::dispute { activity: activity.into(), claimed }),
		),
		Step::Settle { who, activity, volunteer, minutes } => send(
			who,
			credits(pallet_volunteer_credits::Call::settle_dispute {
				activity: activity.into(),
				volunteer: actor(volunteer),
				minutes,
			}),
		),
		Step::DonateCredits { who, to, minutes } => {
			send(who, credits(pallet_volunteer_credits::Call::donate { to: actor(to), minutes }))
		},
		Step::NextBlock => {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			<(PartyBranch, CommunityTreasury, Consultation, VolunteerCredits, Assistance) as OnInitialize<
				u32,
			>>::on_initialize(next);
		},
	}
}

/// The promises, checked after every step.
fn promises_hold() -> Result<(), String> {
	let err = |e: sp_runtime::DispatchError| format!("{e:?}");
	PartyBranch::do_try_state().map_err(err)?;
	CommunityTreasury::do_try_state().map_err(err)?;
	Consultation::do_try_state().map_err(err)?;
	VolunteerCredits::do_try_state().map_err(err)?;
	Assistance::do_try_state().map_err(err)?;
	ValidatorSet::do_try_state().map_err(err)?;

	// One civic vote per verified resident whose vote has vested, none for anyone else.
	let now = System::block_number();
	let residents: Vec<AccountId> =
		pallet_party_branch::Residents::<Runtime>::iter_keys().collect();
	let mut vested = 0u128;
	for (who, record) in pallet_party_branch::Residents::<Runtime>::iter() {
		let expected = if record.votes_from <= now { CIVIC_VOTE } else { 0 };
		if CivicVotes::balance(&who) != expected {
			return Err(format!("resident {who} holds {} civic votes", CivicVotes::balance(&who)));
		}
		vested += expected;
	}
	if CivicVotes::total_issuance() != vested {
		return Err("civic votes exist beyond the vested residents' own".into());
	}

	// The referendum counts one vote per voter, each a resident's.
	let voters: Vec<AccountId> = pallet_democracy::VotingOf::<Runtime>::iter()
		.filter(|(_, voting)| match voting {
			Voting::Direct { votes, .. } => votes.iter().any(|(index, _)| *index == 0),
			Voting::Delegating { .. } => false,
		})
		.map(|(who, _)| who)
		.collect();
	for voter in &voters {
		if !residents.contains(voter) {
			return Err(format!("{voter} voted and is no resident"));
		}
	}
	if let Some(pallet_democracy::ReferendumInfo::Ongoing(status)) =
		pallet_democracy::ReferendumInfoOf::<Runtime>::get(0)
	{
		if status.tally.turnout != voters.len() as u128 {
			return Err(format!("turnout {} but {} voters", status.tally.turnout, voters.len()));
		}
	}
	Ok(())
}

/// Sequences to run: `PROPTEST_CASES`, or 256 (what CI runs: about a second).
fn cases() -> u32 {
	std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// The steps act as they say when the right people take them: the random sequences explore
/// around a path that works, not only refusals.
#[test]
fn the_steps_do_what_they_say_when_the_right_people_take_them() {
	new_ext("development").execute_with(|| {
		start_referendum(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		let residents = || pallet_party_branch::Residents::<Runtime>::iter().count();
		let before = residents();
		// Dave (2), Plum Garden's secretary, records a new account (12); Bob (1), of the street
		// above, approves. Its vote counts once it has vested.
		run(&Step::Register { officer: 2, second: 1, who: 12 });
		assert_eq!(residents(), before + 1);
		for _ in 0..gongzhi_runtime::genesis_config_presets::DEV_VOTE_VESTING_DELAY {
			run(&Step::NextBlock);
		}
		run(&Step::Vote { who: 12, aye: true });
		run(&Step::HeavyVoteInBatch { who: 3 });
		let Some(pallet_democracy::ReferendumInfo::Ongoing(status)) =
			pallet_democracy::ReferendumInfoOf::<Runtime>::get(0)
		else {
			panic!("referendum 0 is ongoing")
		};
		assert_eq!((status.tally.ayes, status.tally.turnout), (1, 1));
		// Eve//stash (6) publishes, Charlie//stash (4) serves, disputes, Bob (1) settles.
		run(&Step::Publish { who: 6, max_minutes: 120 });
		run(&Step::SignUp { who: 4, activity: 0 });
		run(&Step::Record { who: 6, activity: 0, volunteer: 4, minutes: 30 });
		run(&Step::Dispute { who: 4, activity: 0, claimed: 90 });
		run(&Step::Settle { who: 1, activity: 0, volunteer: 4, minutes: 90 });
		let account = pallet_volunteer_credits::Accounts::<Runtime>::get(actor(4));
		assert_eq!(account.lifetime, 90);
		// Dave revokes the new resident: their vote goes with them.
		run(&Step::Revoke { officer: 2, who: 12 });
		assert_eq!(residents(), before);
		promises_hold().expect("the promises hold");
	});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(cases()))]

	#[test]
	fn random_civic_calls_never_break_a_promise(steps in prop::collection::vec(step(), 1..MAX_STEPS)) {
		new_ext("development").execute_with(|| {
			start_referendum(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
			fund_actors();
			promises_hold().map_err(TestCaseError::fail)?;
			for (n, step) in steps.iter().enumerate() {
				run(step);
				promises_hold().map_err(|e| TestCaseError::fail(format!("after step {n} {step:?}: {e}")))?;
			}
			Ok::<(), TestCaseError>(())
		})?;
	}
}
