//! Open ballots: the window, one ballot per resident, the electorate, and the outcomes.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn register(who: AccountId) {
	assert_ok!(PartyBranch::register(
		RuntimeOrigin::root(),
		who,
		PLUM,
		sp_core::H256::repeat_byte(who as u8)
	));
}

#[test]
fn votes_are_refused_outside_the_voting_window() {
	new_test_ext().execute_with(|| {
		let gathering = raise_by(10, PLUM);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(11), gathering, Choice::Aye),
			Error::<Test>::NotVoting
		);
		let (first, _) = plum_meeting(Secrecy::Open);
		// Deliberating.
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(11), first, Choice::Aye),
			Error::<Test>::NotVoting
		);
		open_voting(0);
		vote(11, first, Choice::Aye);
		close_voting(0);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(12), first, Choice::Aye),
			Error::<Test>::NotVoting
		);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(12), 99, Choice::Aye),
			Error::<Test>::UnknownTopic
		);
	});
}

#[test]
fn one_resident_one_vote_changeable_until_close() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		open_voting(0);
		vote(11, first, Choice::Aye);
		vote(12, first, Choice::Aye);
		assert_eq!(tally(first), Tally { ayes: 2, ..Default::default() });
		// A change moves the ballot; it does not add one.
		vote(11, first, Choice::Nay);
		assert_eq!(tally(first), Tally { ayes: 1, nays: 1, ..Default::default() });
		assert_eq!(last_event(), Event::Voted { topic: first, who: 11, choice: Choice::Nay });
		// Each topic of the meeting has its own ballot.
		vote(11, second, Choice::Abstain);
		assert_eq!(tally(second), Tally { abstentions: 1, ..Default::default() });
		assert_eq!(tally(first).turnout(), 2);
	});
}

#[test]
fn only_the_units_residents_registered_before_voting_opened_vote() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		// Registered during deliberation: in the electorate.
		register(30);
		open_voting(0);
		// Registered after voting opened: not.
		register(31);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(31), first, Choice::Aye),
			Error::<Test>::NotInElectorate
		);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(20), first, Choice::Aye),
			Error::<Test>::NotAResidentOfUnit
		);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(NOBODY), first, Choice::Aye),
			Error::<Test>::NotAResidentOfUnit
		);
		vote(30, first, Choice::Aye);
		// The electorate was counted when voting opened: 11, the late resident not included.
		assert_eq!(Topics::<Test>::get(first).unwrap().electorate, 11);
	});
}

#[test]
fn results_are_final_at_close_with_their_counts() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		open_voting(0);
		// First: 3 ayes, 1 nay of 10, quorum 20%: approved.
		for who in [10, 11, 12] {
			vote(who, first, Choice::Aye);
		}
		vote(13, first, Choice::Nay);
		// Second: one ballot of 10: no quorum.
		vote(14, second, Choice::Aye);
		close_voting(0);
		let closed_at = 1 + DELIBERATION + VOTING;
		assert_eq!(
			status(first),
			TopicStatus::Closed { outcome: Outcome::Approved, at: closed_at }
		);
		assert_eq!(outcome(second), Some(Outcome::NoQuorum));
		let events = events();
		assert!(events.contains(&Event::VotingClosed { meeting: 0, reveal_until: None }));
		assert!(events.contains(&Event::TopicDecided {
			topic: first,
			outcome: Outcome::Approved,
			tally: Tally { ayes: 3, nays: 1, ..Default::default() },
			electorate: 10,
		}));
		assert_eq!(last_event(), Event::MeetingClosed { meeting: 0 });
		assert_eq!(Meetings::<Test>::get(0).unwrap().phase, Phase::Closed);
		assert_eq!(OpenTopicsOf::<Test>::get(10), 0);
		// Nothing changes it afterwards.
		run_to_block(closed_at + 50);
		assert_eq!(
			status(first),
			TopicStatus::Closed { outcome: Outcome::Approved, at: closed_at }
		);
		assert_eq!(tally(first), Tally { ayes: 3, nays: 1, ..Default::default() });
	});
}

#[test]
fn a_tie_does_not_approve_and_two_thirds_needs_two_thirds() {
	new_test_ext().execute_with(|| {
		let tied = raise_by(10, PLUM);
		qualify_in_plum(tied);
		let works = raise_with(13, PLUM, Category::Facilities, Action::Resolution, Secrecy::Open);
		qualify_in_plum(works);
		open_voting(0);
		for who in [10, 11] {
			vote(who, tied, Choice::Aye);
		}
		for who in [12, 13] {
			vote(who, tied, Choice::Nay);
		}
		// Facilities: quorum 50%, two thirds. 3 ayes, 2 nays of 10: 60%, not two thirds.
		for who in [10, 11, 12] {
			vote(who, works, Choice::Aye);
		}
		for who in [13, 14] {
			vote(who, works, Choice::Nay);
		}
		close_voting(0);
		assert_eq!(outcome(tied), Some(Outcome::Tied));
		assert_eq!(outcome(works), Some(Outcome::Rejected));
	});
}

#[test]
fn a_meetings_agenda_and_a_residents_ballot_are_read_through_view_functions() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		let agenda = Consultation::agenda(0).expect("meeting 0 convened");
		assert_eq!(agenda.unit, PLUM);
		assert_eq!(agenda.topics.to_vec(), vec![first, second]);
		assert!(matches!(agenda.phase, Phase::Deliberation { .. }));
		assert_eq!(Consultation::agenda(1), None, "no second meeting");
		assert!(Consultation::supported(first, 11));
		assert!(!Consultation::supported(first, 20), "20 never supported it");

		open_voting(0);
		assert_eq!(Consultation::ballot_of(first, 11), None);
		vote(11, first, Choice::Nay);
		assert_eq!(Consultation::ballot_of(first, 11), Some(BallotVote::Open(Choice::Nay)));
		assert_eq!(Consultation::ballot_of(second, 11), None, "a ballot is per topic");
		assert!(matches!(Consultation::agenda(0).unwrap().phase, Phase::Voting { .. }));
	});
}
