//! Owners' committee elections: nominations, seats, the ordinary majority, ties.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn election() -> MatterInputOf<Test> {
	Matter {
		title: b"committee".to_vec(),
		category: Category::CommitteeElection,
		question: Question::Election { seats: 2, term: 100, nominators: 2 },
	}
}

fn nominate(vote: VoteId, by: AccountId, candidate: AccountId) {
	assert_ok!(OwnersAssembly::nominate(RuntimeOrigin::signed(by), vote, 0, candidate));
}

#[test]
fn three_candidates_for_two_seats_and_the_elected_committee_takes_over() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![election()]);
		// candidates in order of first nomination: A (0), B (1), D (2), C (3, one nomination)
		nominate(vote, B, A);
		nominate(vote, C, A);
		nominate(vote, A, B);
		nominate(vote, C, B);
		nominate(vote, A, D);
		nominate(vote, B, D);
		nominate(vote, A, C);
		assert_eq!(last_event(), Event::Nominated { vote, matter: 0, candidate: C, by: A, nominations: 1 });
		assert_noop!(
			OwnersAssembly::nominate(RuntimeOrigin::signed(A), vote, 0, C),
			Error::<Test>::AlreadyNominated
		);
		assert_noop!(
			OwnersAssembly::nominate(RuntimeOrigin::signed(A), vote, 0, RESIDENT),
			Error::<Test>::CandidateNotAnOwner
		);
		assert_noop!(
			OwnersAssembly::nominate(RuntimeOrigin::signed(NOBODY), vote, 0, A),
			Error::<Test>::NotAnOwner
		);
		assert_noop!(
			OwnersAssembly::nominate(RuntimeOrigin::signed(A), vote, 1, C),
			Error::<Test>::BadMatter
		);
		open(vote);
		assert_noop!(
			OwnersAssembly::nominate(RuntimeOrigin::signed(D), vote, 0, C),
			Error::<Test>::NotInNotice
		);
		let refused = |choices: Vec<u8>, error: Error<Test>| {
			assert_noop!(
				OwnersAssembly::cast_ballot(
					RuntimeOrigin::signed(A),
					vote,
					vec![Choice::Candidates(choices)]
				),
				error
			);
		};
		// C has one nomination of the two needed: not standing
		refused(vec![3], Error::BadCandidate);
		refused(vec![0, 0], Error::BadCandidate);
		refused(vec![9], Error::BadCandidate);
		refused(vec![0, 1, 2], Error::TooManyChoices);
		let candidates = |list: Vec<u8>| vec![Choice::Candidates(list)];
		ballot(vote, A, candidates(vec![1, 2]));
		ballot(vote, B, candidates(vec![0, 2]));
		ballot(vote, C, candidates(vec![0, 1]));
		ballot(vote, D, candidates(vec![0]));
		ballot(vote, DEVELOPER, candidates(vec![0, 2]));
		close(vote);
		// A: 4 owners, 700 m²; D: 3 owners, 800 m²; B: 2 owners, 400 m² (short of half)
		let closes = 1 + NOTICE + 10;
		assert_eq!(
			outcomes(vote),
			vec![Outcome::Elected { elected: vec![A, D].try_into().unwrap(), vacant: 0 }]
		);
		assert!(events().contains(&Event::CommitteeElected {
			estate: id,
			members: vec![A, D],
			until: closes + 100
		}));
		assert_eq!(estate(id).committee.to_vec(), vec![A, D]);
		// the committee now calls votes and records paper ballots; the officer no longer does
		assert_noop!(
			OwnersAssembly::call_vote(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				vec![motion(Category::OtherMajor, Action::Record)],
				10
			),
			Error::<Test>::NotASteward
		);
		let next = crate::NextVoteId::<Test>::get();
		assert_ok!(OwnersAssembly::call_vote(
			RuntimeOrigin::signed(A),
			id,
			vec![motion(Category::OtherMajor, Action::Record)],
			10
		));
		open(next);
		assert_noop!(
			OwnersAssembly::record_paper_ballot(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				next,
				C,
				vec![Choice::Aye]
			),
			Error::<Test>::NotASteward
		);
		assert_ok!(OwnersAssembly::record_paper_ballot(RuntimeOrigin::signed(A), next, C, vec![Choice::Aye]));
		// a second committee member, or an officer of the community, countersigns
		assert_ok!(OwnersAssembly::countersign_paper_ballot(RuntimeOrigin::signed(PLUM_SECRETARY), next, C));
		// after its term, the committee is out of office: the community's officers act again
		run_to_block(closes + 100);
		assert!(OwnersAssembly::committee_in_office(&estate(id)).is_none());
		assert_ok!(OwnersAssembly::call_vote(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			id,
			vec![motion(Category::OtherMajor, Action::Record)],
			10
		));
	});
}

#[test]
fn candidates_tied_for_the_last_seat_leave_it_vacant() {
	new_test_ext().execute_with(|| {
		let (top, tied) = (Count::new(4, m2(700)), Count::new(3, m2(600)));
		// two seats: one clear winner, two tied for the second seat
		assert_eq!(OwnersAssembly::ranked(vec![(0, tied), (1, top), (2, tied)], 2), (vec![1], 1));
		// the same area and owners but a third seat: all three are elected
		assert_eq!(
			OwnersAssembly::ranked(vec![(0, tied), (1, top), (2, tied)], 3),
			(vec![1, 0, 2], 0)
		);
		// owners first, then area
		let more_area = Count::new(3, m2(650));
		assert_eq!(OwnersAssembly::ranked(vec![(0, tied), (1, more_area)], 1), (vec![1], 0));
		// fewer passing than seats
		assert_eq!(OwnersAssembly::ranked(vec![(0, top)], 2), (vec![0], 1));
	});
}

#[test]
fn an_election_nobody_passes_keeps_the_seats_vacant_and_elects_no_committee() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![election()]);
		nominate(vote, B, A);
		nominate(vote, C, A);
		open(vote);
		// everyone takes part; only A and C vote for A: 2 owners of 5
		ballot(vote, A, vec![Choice::Candidates(vec![0])]);
		ballot(vote, C, vec![Choice::Candidates(vec![0])]);
		for who in [B, D, DEVELOPER] {
			ballot(vote, who, vec![Choice::Candidates(vec![])]);
		}
		close(vote);
		assert_eq!(
			outcomes(vote),
			vec![Outcome::Elected { elected: Default::default(), vacant: 2 }]
		);
		assert!(estate(id).committee.is_empty());
	});
}
