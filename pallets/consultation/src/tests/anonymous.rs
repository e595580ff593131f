//! Anonymous topics: voted on in a poll of pallet-anonymous-ballot (here its test double,
//! [`RecordPolls`]) that opens with voting, and decided from the poll's counts.

use super::*;
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{OnRuntimeUpgrade, StorageVersion},
};

/// Plum's meeting 0 with an anonymous topic first and an open one second, voting open.
fn anonymous_meeting() -> (TopicId, TopicId) {
	let topics = plum_meeting(Secrecy::Anonymous);
	open_voting(0);
	topics
}

fn polls() -> Vec<OpenedPoll> {
	POLLS.with(|polls| polls.borrow().clone())
}

fn voting_until() -> u64 {
	1 + DELIBERATION + VOTING
}

#[test]
fn an_anonymous_topic_is_voted_on_in_a_poll_of_its_community_that_opens_with_voting() {
	new_test_ext().execute_with(|| {
		let (anonymous, open) = plum_meeting(Secrecy::Anonymous);
		assert!(polls().is_empty(), "no poll while the meeting deliberates");
		assert_eq!(Consultation::anonymous_poll(anonymous), None);
		open_voting(0);
		let opened = polls();
		assert_eq!(opened.len(), 1, "one poll, for the anonymous topic only");
		assert_eq!(opened[0].community, PLUM);
		assert_eq!(opened[0].options, 3, "aye, nay, abstain");
		assert_eq!(opened[0].closes, voting_until(), "it takes ballots while voting is open");
		assert_eq!(
			opened[0].question,
			sp_io::hashing::blake2_256(&(b"gongzhi/consultation/topic", anonymous).encode())
		);
		assert_eq!(TopicPolls::<Test>::get(anonymous), Some(0));
		assert_eq!(TopicPolls::<Test>::get(open), None);
		assert!(events().contains(&Event::AnonymousPollOpened { topic: anonymous, poll: 0 }));
	});
}

#[test]
fn the_poll_counts_decide_the_topic_once_paper_counts_had_time_to_be_countersigned() {
	new_test_ext().execute_with(|| {
		let (anonymous, open) = anonymous_meeting();
		cast_anonymously(0, 0, 5);
		cast_anonymously(0, 1, 2);
		cast_anonymously(0, 2, 1);
		vote(10, open, Choice::Nay);
		close_voting(0);
		// An anonymous topic gives its meeting the phase after voting, as sealed ballots do:
		// a station's paper count recorded before the close can still be countersigned.
		let until = voting_until() + REVEAL;
		assert_eq!(Meetings::<Test>::get(0).unwrap().phase, Phase::Revealing { until });
		assert_eq!(status(anonymous), TopicStatus::InMeeting(0));
		run_to_block(until);
		let counted = Tally { ayes: 5, nays: 2, abstentions: 1, sealed: 0 };
		assert_eq!(tally(anonymous), counted);
		assert_eq!(outcome(anonymous), Some(Outcome::Approved));
		assert!(events().contains(&Event::TopicDecided {
			topic: anonymous,
			outcome: Outcome::Approved,
			tally: counted,
			electorate: 10,
		}));
		// The open topic is decided by its own ballots, not the poll's.
		assert_eq!(tally(open), Tally { nays: 1, ..Default::default() });
		// No ballot of the anonymous topic names anyone here.
		assert_eq!(Ballots::<Test>::iter_prefix(anonymous).count(), 0);
	});
}

#[test]
fn nobody_votes_by_name_on_an_anonymous_topic_online_or_on_paper() {
	new_test_ext().execute_with(|| {
		let (anonymous, _) = anonymous_meeting();
		let refused = || Error::<Test>::AnonymousBallot;
		assert_noop!(Consultation::vote(RuntimeOrigin::signed(11), anonymous, Choice::Aye), refused());
		assert_noop!(
			Consultation::commit_vote(RuntimeOrigin::signed(11), anonymous, [1; 32]),
			refused()
		);
		for ballot in [BallotVote::Open(Choice::Aye), BallotVote::Sealed([1; 32])] {
			assert_noop!(
				Consultation::record_offline_ballot(
					RuntimeOrigin::signed(POLLING_OFFICER),
					anonymous,
					12,
					ballot
				),
				refused()
			);
		}
		assert_eq!(tally(anonymous), Tally::default());
	});
}

#[test]
fn anonymous_ballots_are_for_community_topics_on_chains_that_have_them() {
	new_test_ext().execute_with(|| {
		let raise = |unit| {
			Consultation::raise_topic(
				RuntimeOrigin::signed(STREET_SECRETARY),
				unit,
				b"t".to_vec(),
				Body::Document([0; 32]),
				Category::PublicAffairs,
				Action::Resolution,
				Secrecy::Anonymous,
			)
		};
		// A street's residents are in several communities' rings: no single electorate.
		assert_noop!(raise(STREET), Error::<Test>::AnonymousNeedsCommunity);
		POLLS_AVAILABLE.with(|available| available.set(false));
		assert_noop!(raise(PLUM), Error::<Test>::NoAnonymousBallots);
		POLLS_AVAILABLE.with(|available| available.set(true));
		assert_ok!(raise(PLUM));
	});
}

#[test]
fn a_poll_that_cannot_open_yet_is_tried_again_each_block_and_closes_with_voting() {
	new_test_ext().execute_with(|| {
		POLLS_REFUSED.with(|refused| refused.set(2));
		let (anonymous, _) = plum_meeting(Secrecy::Anonymous);
		open_voting(0);
		let opened_at = System::block_number();
		assert!(polls().is_empty());
		assert_eq!(PollsToOpen::<Test>::get().into_inner(), vec![anonymous]);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::AnonymousPollDelayed { topic, .. } if *topic == anonymous
		)));
		// Refused once more in the next block, opened in the one after.
		run_to_block(opened_at + 1);
		assert!(polls().is_empty());
		run_to_block(opened_at + 2);
		assert_eq!(polls().len(), 1);
		assert_eq!(polls()[0].closes, voting_until(), "the close does not move");
		assert_eq!(TopicPolls::<Test>::get(anonymous), Some(0));
		assert!(PollsToOpen::<Test>::get().is_empty());
	});
}

#[test]
fn a_poll_that_never_opens_leaves_its_topic_without_quorum_and_says_so() {
	new_test_ext().execute_with(|| {
		POLLS_REFUSED.with(|refused| refused.set(u32::MAX));
		let (anonymous, _) = anonymous_meeting();
		close_voting(0);
		run_to_block(voting_until() + REVEAL);
		assert_eq!(outcome(anonymous), Some(Outcome::NoQuorum));
		assert_eq!(tally(anonymous), Tally::default());
		assert!(events().contains(&Event::AnonymousPollMissed { topic: anonymous }));
		assert!(PollsToOpen::<Test>::get().is_empty());
		assert!(polls().is_empty());
	});
}

#[test]
fn topics_stored_with_a_secret_flag_read_as_sealed_or_open_after_the_upgrade() {
	new_test_ext().execute_with(|| {
		let sealed = raise_with(10, PLUM, Category::PublicAffairs, Action::Resolution, Secrecy::Sealed);
		let open = raise_by(11, PLUM);
		// Store both as version 0 did: the same fields, with `secret` a flag.
		for (id, secret) in [(sealed, true), (open, false)] {
			let topic = Topics::<Test>::get(id).unwrap();
			let old = migrations::v1::v0::Topic {
				unit: topic.unit,
				author: topic.author,
				title: topic.title,
				body: topic.body,
				category: topic.category,
				action: topic.action,
				secret,
				supports: topic.supports,
				support_threshold: topic.support_threshold,
				status: topic.status,
				raised_at: topic.raised_at,
				tally: topic.tally,
				electorate: topic.electorate,
				opinions: topic.opinions,
				reports: topic.reports,
				completed: topic.completed,
			};
			frame_support::storage::unhashed::put(&Topics::<Test>::hashed_key_for(id), &old);
		}
		StorageVersion::new(0).put::<Consultation>();
		migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Topics::<Test>::get(sealed).unwrap().secrecy, Secrecy::Sealed);
		assert_eq!(Topics::<Test>::get(open).unwrap().secrecy, Secrecy::Open);
		assert_eq!(StorageVersion::get::<Consultation>(), 1);
		// Run again, it does nothing: the version says it ran (a second translation would
		// read the anonymous-era byte 1 as a flag and still give Sealed, so check an Open one
		// made Anonymous meanwhile stays so).
		Topics::<Test>::mutate(open, |t| t.as_mut().unwrap().secrecy = Secrecy::Anonymous);
		migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Topics::<Test>::get(open).unwrap().secrecy, Secrecy::Anonymous);
	});
}
