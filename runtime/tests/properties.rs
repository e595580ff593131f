//! Random sequences of calls, from residents, officers and strangers, against the real runtime
//! (the development preset), in real blocks: whatever they do, the chain keeps its promises.
//! Steps cover registration, re-keys and revocations, referendum votes (also inside batches),
//! volunteer credits, topics and their votes, the community pot's donations and spends, and
//! assistance requests, with bad input mixed in: unknown ids, overlong titles, the largest
//! amounts and minutes. After every step:
//!
//! - the call's actual weight is at most the weight it declared (weights are upper bounds);
//! - every civic pallet's `try_state` holds (counts up the tree, pot ledgers, one ballot per
//!   resident, zero-sum credits, validator counts);
//! - each verified resident holds exactly one civic vote once it vested, and nobody else any;
//! - the open referendum counts one vote per voter, and only verified residents' votes;
//! - the native token's total issuance does not move (nothing here mints or burns: application
//!   deposits are held, pots and subsidies transfer).
//!
//! `NextBlock` ends the block as a node does (`on_idle`, `on_finalize`, the storage root) and
//! starts the next (every pallet's `on_initialize`, an Aura slot, the timestamp): the hooks'
//! weight must fit in a block.
//!
//! Calls go through `dispatch` with a signed origin, so the call filter applies; refusals are
//! expected and ignored, panics fail the test. `PROPTEST_CASES` sets the number of sequences
//! (CI: the default below; `scripts/fuzz.sh` runs more); each has up to `MAX_STEPS` steps.

mod common;

use codec::Encode;
use common::{new_ext, start_referendum};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect, Get, GetCallMetadata},
};
use gongzhi_primitives::votes::SpendCategory;
use gongzhi_runtime::{
	configs::{civic_votes::CIVIC_VOTE, RuntimeBlockWeights},
	AccountId, Assistance, Balances, CivicVotes, CommunityTreasury, Consultation, Executive,
	Header, PartyBranch, PublicAffairs, Runtime, RuntimeCall, RuntimeOrigin, System, ValidatorSet,
	VolunteerCredits, SLOT_DURATION, UNITS,
};
use pallet_democracy::{AccountVote, Conviction, Vote, Voting};
use proptest::prelude::*;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	traits::{Dispatchable, Header as _},
	Digest, DigestItem,
};
use std::cell::Cell;

const PLUM_GARDEN: u32 = 3;
const MAX_STEPS: usize = 40;

/// The accounts that act: the sample organisation's officers, residents, organisation and grid
/// worker, and nine accounts nobody registered yet.
fn actor(i: u8) -> AccountId {
	const KNOWN: [Sr25519Keyring; 9] =
		[Alice, Bob, Dave, Ferdie, CharlieStash, DaveStash, EveStash, FerdieStash, Eve];
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
	/// A resident raises a topic: a resolution, or a spend of `amount` from the pot.
	RaiseTopic {
		who: u8,
		overlong: bool,
		amount: Option<u128>,
	},
	Support {
		who: u8,
		topic: u8,
	},
	TopicVote {
		who: u8,
		topic: u8,
		aye: bool,
	},
	Donate {
		who: u8,
		amount: u128,
	},
	ProposeSpend {
		who: u8,
		to: u8,
		amount: u128,
	},
	ApproveSpend {
		who: u8,
		index: u8,
	},
	OpenRequest {
		who: u8,
		recipient: u8,
		subsidy: u128,
	},
	Accept {
		who: u8,
		request: u8,
	},
	Complete {
		who: u8,
		request: u8,
		minutes: u32,
	},
	Confirm {
		who: u8,
		request: u8,
	},
	/// A matter raised to Plum Garden (its text perhaps holding a phone number).
	RaiseMatter {
		who: u8,
		phone: bool,
	},
	AnswerMatter {
		who: u8,
		matter: u8,
	},
	RateAnswer {
		who: u8,
		matter: u8,
		satisfied: bool,
	},
	TakeUp {
		who: u8,
		matter: u8,
	},
	/// An officer takes a matter's text down (or proposes it).
	HideMatter {
		who: u8,
		matter: u8,
	},
	NextBlock,
}

/// An id among the first few, or one nobody made (`u8::MAX`).
fn id(i: u8) -> u32 {
	if i == u8::MAX {
		u32::MAX
	} else {
		i.into()
	}
}

fn step() -> impl Strategy<Value = Step> {
	let actor = 0u8..18;
	let minutes = prop_oneof![0u32..600, Just(u32::MAX)];
	let amount = prop_oneof![0u128..200 * UNITS, Just(u128::MAX)];
	let ids = prop_oneof![0u8..4, Just(u8::MAX)];
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
		(actor.clone(), actor.clone(), minutes.clone())
			.prop_map(|(who, to, minutes)| Step::DonateCredits { who, to, minutes }),
		(actor.clone(), any::<bool>(), prop::option::of(amount.clone()))
			.prop_map(|(who, overlong, amount)| Step::RaiseTopic { who, overlong, amount }),
		(actor.clone(), ids.clone()).prop_map(|(who, topic)| Step::Support { who, topic }),
		(actor.clone(), ids.clone(), any::<bool>()).prop_map(|(who, topic, aye)| Step::TopicVote {
			who,
			topic,
			aye
		}),
		(actor.clone(), amount.clone()).prop_map(|(who, amount)| Step::Donate { who, amount }),
		(actor.clone(), actor.clone(), amount.clone())
			.prop_map(|(who, to, amount)| Step::ProposeSpend { who, to, amount }),
		(actor.clone(), ids.clone()).prop_map(|(who, index)| Step::ApproveSpend { who, index }),
		(actor.clone(), actor.clone(), amount)
			.prop_map(|(who, recipient, subsidy)| Step::OpenRequest { who, recipient, subsidy }),
		(actor.clone(), ids.clone()).prop_map(|(who, request)| Step::Accept { who, request }),
		(actor.clone(), ids.clone(), minutes).prop_map(|(who, request, minutes)| Step::Complete {
			who,
			request,
			minutes
		}),
		(actor.clone(), ids.clone()).prop_map(|(who, request)| Step::Confirm { who, request }),
		(actor.clone(), any::<bool>()).prop_map(|(who, phone)| Step::RaiseMatter { who, phone }),
		(actor.clone(), ids.clone()).prop_map(|(who, matter)| Step::AnswerMatter { who, matter }),
		(actor.clone(), ids.clone(), any::<bool>())
			.prop_map(|(who, matter, satisfied)| { Step::RateAnswer { who, matter, satisfied } }),
		(actor.clone(), ids.clone()).prop_map(|(who, matter)| Step::TakeUp { who, matter }),
		(actor, ids).prop_map(|(who, matter)| Step::HideMatter { who, matter }),
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

/// Gives every actor enough for an application deposit and a donation (the steps dispatch
/// their calls directly, without fees).
fn fund_actors() {
	use frame_support::traits::fungible::{Inspect, Mutate};
	let funds = 1_000 * UNITS;
	for i in 0..18 {
		if gongzhi_runtime::Balances::balance(&actor(i)) < funds {
			gongzhi_runtime::Balances::set_balance(&actor(i), funds);
		}
	}
}

thread_local! {
	/// Calls dispatched in this thread, for the figures `scripts/fuzz.sh` prints.
	static DISPATCHED: Cell<u64> = const { Cell::new(0) };
}

/// Dispatches `call` from `who`; a refusal is part of the game, a weight beyond the declared
/// one is not.
fn send(who: u8, call: RuntimeCall) {
	let declared = call.get_dispatch_info().call_weight;
	let name = call.get_call_metadata();
	let post = match call.dispatch(RuntimeOrigin::signed(actor(who))) {
		Ok(post) => post,
		Err(refused) => refused.post_info,
	};
	let actual = post.actual_weight.unwrap_or(declared);
	assert!(
		actual.all_lte(declared),
		"{}.{} used {actual:?}, beyond the {declared:?} it declared",
		name.pallet_name,
		name.function_name
	);
	DISPATCHED.with(|n| n.set(n.get() + 1));
}

/// The first block after genesis, begun as a node begins it.
fn start_chain() {
	System::set_block_number(0);
	begin_block(1);
}

/// Begins block `number` as a node does: an Aura slot in the digest, every pallet's
/// `on_initialize` (whose weight must fit in a block), then the timestamp inherent.
fn begin_block(number: u32) {
	let slot = Slot::from(u64::from(number));
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	let header = Header::new(number, H256::zero(), H256::zero(), System::parent_hash(), digest);
	Executive::initialize_block(&header);
	let hooks = System::block_weight().total();
	let limit = RuntimeBlockWeights::get().max_block;
	assert!(hooks.all_lte(limit), "block {number}'s hooks weigh {hooks:?}, more than a block");
	let now = u64::from(number) * SLOT_DURATION;
	pallet_timestamp::Pallet::<Runtime>::set(RuntimeOrigin::none(), now)
		.expect("the timestamp of a new slot is accepted");
}

/// Ends the block as a node does (`on_idle`, `on_finalize`, the storage root) and begins the next.
fn next_block() {
	let header = Executive::finalize_block();
	begin_block(header.number + 1);
}

fn topic_body(overlong: bool) -> (Vec<u8>, pallet_consultation::Body<Vec<u8>>) {
	let limit: u32 = <Runtime as pallet_consultation::Config>::MaxTitleLength::get();
	let limit = limit as usize;
	let title = if overlong { vec![b'x'; limit + 1] } else { b"a bench by the pond".to_vec() };
	(title, pallet_consultation::Body::Text(b"for the elderly".to_vec()))
}

/// Runs `step`; refusals are part of the game.
fn run(step: &Step) {
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
		Step::RaiseTopic { who, overlong, amount } => {
			let (title, body) = topic_body(overlong);
			let action = match amount {
				None => pallet_consultation::Action::Resolution,
				Some(amount) => pallet_consultation::Action::TreasurySpend {
					beneficiary: actor(who),
					amount,
					category: SpendCategory::Facilities,
				},
			};
			send(
				who,
				RuntimeCall::Consultation(pallet_consultation::Call::raise_topic {
					unit: PLUM_GARDEN,
					title,
					body,
					category: pallet_consultation::Category::Facilities,
					action,
					secrecy: pallet_consultation::Secrecy::Open,
				}),
			)
		},
		Step::Support { who, topic } => send(
			who,
			RuntimeCall::Consultation(pallet_consultation::Call::support { topic: id(topic) }),
		),
		Step::TopicVote { who, topic, aye } => send(
			who,
			RuntimeCall::Consultation(pallet_consultation::Call::vote {
				topic: id(topic),
				choice: if aye {
					pallet_consultation::Choice::Aye
				} else {
					pallet_consultation::Choice::Nay
				},
			}),
		),
		Step::Donate { who, amount } => send(
			who,
			RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::donate {
				unit: PLUM_GARDEN,
				amount,
				memo: b"for the courtyard".to_vec(),
			}),
		),
		Step::ProposeSpend { who, to, amount } => send(
			who,
			RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::propose_spend {
				unit: PLUM_GARDEN,
				beneficiary: pallet_community_treasury::Beneficiary::Account(actor(to)),
				amount,
				category: SpendCategory::Facilities,
				purpose: pallet_community_treasury::Purpose::Text(
					b"new lights".to_vec().try_into().expect("short"),
				),
				consultation: None,
			}),
		),
		Step::ApproveSpend { who, index } => send(
			who,
			RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::approve_spend {
				index: id(index),
			}),
		),
		Step::OpenRequest { who, recipient, subsidy } => send(
			who,
			RuntimeCall::Assistance(pallet_assistance::Call::open_request {
				recipient: actor(recipient),
				category: pallet_assistance::HelpCategory::Shopping,
				urgency: pallet_assistance::Urgency::Normal,
				minutes: 60,
				details: [7; 32],
				credits: 0,
				subsidy,
			}),
		),
		Step::Accept { who, request } => send(
			who,
			RuntimeCall::Assistance(pallet_assistance::Call::accept {
				request: id(request).into(),
			}),
		),
		Step::Complete { who, request, minutes } => send(
			who,
			RuntimeCall::Assistance(pallet_assistance::Call::complete {
				request: id(request).into(),
				minutes,
			}),
		),
		Step::Confirm { who, request } => send(
			who,
			RuntimeCall::Assistance(pallet_assistance::Call::confirm {
				request: id(request).into(),
			}),
		),
		Step::RaiseMatter { who, phone } => send(
			who,
			RuntimeCall::PublicAffairs(pallet_public_affairs::Call::raise_matter {
				unit: PLUM_GARDEN,
				about: None,
				text: if phone { b"call 13812345678".to_vec() } else { b"the lift".to_vec() },
			}),
		),
		Step::AnswerMatter { who, matter } => send(
			who,
			RuntimeCall::PublicAffairs(pallet_public_affairs::Call::answer_matter {
				matter: id(matter),
				text: b"fixed".to_vec(),
			}),
		),
		Step::RateAnswer { who, matter, satisfied } => send(
			who,
			RuntimeCall::PublicAffairs(pallet_public_affairs::Call::rate_answer {
				matter: id(matter),
				satisfied,
			}),
		),
		Step::TakeUp { who, matter } => send(
			who,
			RuntimeCall::PublicAffairs(pallet_public_affairs::Call::take_up { matter: id(matter) }),
		),
		Step::HideMatter { who, matter } => send(
			who,
			RuntimeCall::PublicAffairs(pallet_public_affairs::Call::hide_text {
				text: pallet_public_affairs::TextRef::Matter(id(matter)),
				reason: pallet_public_affairs::HideReason::Abuse,
			}),
		),
		Step::NextBlock => next_block(),
	}
}

/// The promises, checked after every step; `issuance` is the native token's at the start.
fn promises_hold(issuance: u128) -> Result<(), String> {
	if Balances::total_issuance() != issuance {
		return Err(format!("total issuance moved: {issuance} → {}", Balances::total_issuance()));
	}
	let err = |e: sp_runtime::DispatchError| format!("{e:?}");
	PartyBranch::do_try_state().map_err(err)?;
	CommunityTreasury::do_try_state().map_err(err)?;
	Consultation::do_try_state().map_err(err)?;
	VolunteerCredits::do_try_state().map_err(err)?;
	Assistance::do_try_state().map_err(err)?;
	PublicAffairs::do_try_state().map_err(err)?;
	ValidatorSet::do_try_state().map_err(err)?;
	// No text on chain holds personal data: matters with a phone number were refused.
	for matter in pallet_public_affairs::Matters::<Runtime>::iter_values() {
		if gongzhi_primitives::text::find_personal_data(&matter.text).is_some() {
			return Err("a matter holds personal data".into());
		}
	}

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
		start_chain();
		start_referendum(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		fund_actors();
		let issuance = Balances::total_issuance();
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
		// Ferdie (3) raises a topic and supports it; a title one byte too long is refused.
		let topics = || pallet_consultation::Topics::<Runtime>::iter().count();
		run(&Step::RaiseTopic { who: 3, overlong: true, amount: None });
		assert_eq!(topics(), 0);
		run(&Step::RaiseTopic { who: 3, overlong: false, amount: None });
		assert_eq!(topics(), 1);
		// Alice (0) donates to the pot; Eve (8), the grid worker, opens a request for Ferdie (3).
		let pot = || CommunityTreasury::pot_account(PLUM_GARDEN);
		let before_pot = Balances::balance(&pot());
		run(&Step::Donate { who: 0, amount: 50 * UNITS });
		assert_eq!(Balances::balance(&pot()), before_pot + 50 * UNITS);
		run(&Step::OpenRequest { who: 8, recipient: 3, subsidy: 0 });
		assert_eq!(pallet_assistance::Requests::<Runtime>::iter().count(), 1);
		run(&Step::NextBlock);
		promises_hold(issuance).expect("the promises hold");
	});
}

/// Random sequences (`cases()` of them): every promise holds after every step. Prints the
/// figures of the run: sequences, calls dispatched, blocks, seconds.
#[test]
fn random_calls_never_break_a_promise() {
	use proptest::test_runner::{Config, TestRunner};
	let mut runner =
		TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
	let started = std::time::Instant::now();
	let (calls, blocks) = (Cell::new(0u64), Cell::new(0u64));
	let result = runner.run(&prop::collection::vec(step(), 1..MAX_STEPS), |steps| {
		new_ext("development").execute_with(|| {
			start_chain();
			start_referendum(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
			fund_actors();
			let issuance = Balances::total_issuance();
			promises_hold(issuance).map_err(TestCaseError::fail)?;
			let dispatched = DISPATCHED.with(|n| n.get());
			for (n, step) in steps.iter().enumerate() {
				run(step);
				promises_hold(issuance)
					.map_err(|e| TestCaseError::fail(format!("after step {n} {step:?}: {e}")))?;
			}
			calls.set(calls.get() + DISPATCHED.with(|n| n.get()) - dispatched);
			blocks.set(
				blocks.get() + steps.iter().filter(|s| matches!(s, Step::NextBlock)).count() as u64,
			);
			Ok(())
		})
	});
	if let Err(failure) = result {
		panic!("{failure}");
	}
	println!(
		"{{\"fuzz\":{{\"sequences\":{},\"calls\":{},\"blocks\":{},\"seconds\":{:.1}}}}}",
		cases(),
		calls.get(),
		blocks.get(),
		started.elapsed().as_secs_f64()
	);
}
