//! Committee elections by secret ballot: the anonymous poll announced and opened, owners'
//! weights for enrolment, polling stations' counts, and the count at the close.

use super::*;
use frame_support::{assert_noop, assert_ok, BoundedVec};

/// Calls an election of two seats by secret ballot (two nominations to stand), open for 10
/// blocks after the notice: the vote and its anonymous poll.
fn call_secret(estate: EstateId) -> (VoteId, u32) {
	let vote = NextVoteId::<Test>::get();
	assert_ok!(call_election(PLUM_SECRETARY, estate, 2));
	(vote, SecretPolls::<Test>::get(vote).expect("a poll"))
}

/// `by` calls an election of `seats` seats by secret ballot on `estate`.
fn call_election(by: AccountId, estate: EstateId, seats: u8) -> sp_runtime::DispatchResult {
	OwnersAssembly::call_secret_election(
		RuntimeOrigin::signed(by),
		estate,
		b"committee".to_vec(),
		seats,
		100,
		2,
		10,
	)
}

fn nominate(vote: VoteId, by: AccountId, candidate: AccountId) {
	assert_ok!(OwnersAssembly::nominate(RuntimeOrigin::signed(by), vote, 0, candidate));
}

/// A and B stand (two nominations each), C does not (one).
fn candidates(vote: VoteId) {
	for (by, candidate) in [(B, A), (C, A), (A, B), (C, B), (A, C)] {
		nominate(vote, by, candidate);
	}
}

fn rows(r: &[(u32, u64)]) -> BoundedVec<Count, ConstU32<5>> {
	r.iter().map(|(o, a)| Count::new(*o, m2(*a))).collect::<Vec<_>>().try_into().unwrap()
}

fn voters(v: &[AccountId]) -> BoundedVec<AccountId, ConstU32<4>> {
	v.to_vec().try_into().unwrap()
}

fn record(
	by: AccountId,
	vote: VoteId,
	station: u32,
	r: &[(u32, u64)],
	v: &[AccountId],
) -> sp_runtime::DispatchResult {
	OwnersAssembly::record_station_count(RuntimeOrigin::signed(by), vote, station, rows(r), voters(v))
}

use frame_support::traits::ConstU32;

#[test]
fn a_secret_election_announces_an_anonymous_poll_and_opens_it_with_the_standing_candidates() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		assert_noop!(call_election(NOBODY, id, 2), Error::<Test>::NotASteward);
		assert_noop!(call_election(PLUM_SECRETARY, id, 0), Error::<Test>::BadElection);
		// The anonymous-ballot pallet refuses: no vote is called either.
		ROLLS_FULL.with(|f| f.set(true));
		assert_noop!(
			call_election(PLUM_SECRETARY, id, 2),
			sp_runtime::DispatchError::Other("too many polls")
		);
		ROLLS_FULL.with(|f| f.set(false));
		let (vote, poll) = call_secret(id);
		assert_eq!(last_event(), Event::SecretElectionCalled { vote, poll });
		let record = Votes::<Test>::get(vote).unwrap();
		let roll = fake_roll(poll);
		assert_eq!(
			(roll.community, roll.electorate, roll.opens, roll.closes, roll.marks),
			(PLUM, vote, record.opens, record.closes, 2)
		);
		assert_eq!(roll.opened, None);
		candidates(vote);
		open(vote);
		// Candidates A (0) and B (1) stand, C (2) does not; the blank is option 3.
		assert_eq!(fake_roll(poll).opened, Some((4, 0b1011, Some(3))));
		assert!(events().contains(&Event::SecretBallotsOpened { vote, poll, allowed: 0b1011 }));
		// By-name ballots are refused in a secret election.
		assert_noop!(
			OwnersAssembly::cast_ballot(
				RuntimeOrigin::signed(A),
				vote,
				vec![Choice::Candidates(vec![0])]
			),
			Error::<Test>::SecretBallot
		);
		assert_noop!(
			OwnersAssembly::record_paper_ballot(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				vote,
				A,
				vec![Choice::Candidates(vec![0])]
			),
			Error::<Test>::SecretBallot
		);
	});
}

#[test]
fn owners_enrol_with_the_area_they_held_when_the_election_was_called() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let (vote, poll) = call_secret(id);
		// A sells a unit during the notice: A still votes with 300 m², the buyer not at all.
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			0,
			vec![BUYER],
			certificate(200)
		));
		assert_eq!(enrol_online(poll, A), Ok(m2(300)));
		assert_eq!(enrol_online(poll, BUYER), Err("not an elector"));
		assert_eq!(enrol_online(poll, DEVELOPER), Ok(m2(400)));
		assert_eq!(enrol_online(poll, NOBODY), Err("not an elector"));
		// An open vote that is not secret has no anonymous electorate.
		use gongzhi_primitives::votes::WeightedElectorate;
		assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_SECRETARY), id));
		let by_name = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		assert_eq!(<OwnersAssembly as WeightedElectorate<AccountId>>::weight_of(by_name, &C), None);
		close(vote);
		assert_eq!(<OwnersAssembly as WeightedElectorate<AccountId>>::weight_of(vote, &C), None);
	});
}

#[test]
fn the_count_joins_the_anonymous_ballots_and_the_countersigned_stations() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let (vote, poll) = call_secret(id);
		candidates(vote);
		assert_eq!(enrol_online(poll, A), Ok(m2(300)));
		assert_eq!(enrol_online(poll, C), Ok(m2(100)));
		open(vote);
		// Online, anonymously: A's ballot marked A and B, C's marked B.
		set_online_tally(poll, vec![(1, m2(300)), (2, m2(400)), (0, 0), (0, 0)], (2, m2(400)));
		// On paper at station 1: B marked A and B, D the blank, the developer B.
		let paper = [(1, 100), (2, 500), (0, 0), (1, 100)];
		assert_noop!(record(NOBODY, vote, 1, &paper, &[B, D, DEVELOPER]), Error::<Test>::NotASteward);
		assert_noop!(record(PLUM_SECRETARY, vote, 1, &paper, &[B, D, A]), Error::<Test>::EnrolledOnline);
		assert_noop!(record(PLUM_SECRETARY, vote, 1, &paper, &[B, D, NOBODY]), Error::<Test>::NotAnOwner);
		assert_noop!(record(PLUM_SECRETARY, vote, 1, &paper, &[B, D, B]), Error::<Test>::AlreadyVoted);
		// Counts that cannot be: a mark for C, who does not stand; fewer marks than voters;
		// more area than voted there; a row missing.
		for bad in [
			vec![(1, 100), (2, 500), (1, 100), (1, 100)],
			vec![(0, 0), (1, 400), (0, 0), (1, 100)],
			vec![(1, 100), (3, 700), (0, 0), (1, 100)],
			vec![(1, 100), (2, 500), (0, 0)],
		] {
			assert_noop!(
				record(PLUM_SECRETARY, vote, 1, &bad, &[B, D, DEVELOPER]),
				Error::<Test>::CountsDoNotAddUp
			);
		}
		assert_ok!(record(PLUM_SECRETARY, vote, 1, &paper, &[B, D, DEVELOPER]));
		assert_eq!(
			last_event(),
			Event::StationCountRecorded { vote, station: 1, by: PLUM_SECRETARY, voters: 3 }
		);
		assert_noop!(record(PLUM_SECRETARY, vote, 1, &paper, &[C]), Error::<Test>::StationRecorded);
		assert_noop!(record(PLUM_SECRETARY, vote, 2, &[(0, 0), (0, 0), (0, 0), (1, 100)], &[D]), Error::<Test>::AlreadyVoted);
		// Not counted until a second person countersigns it.
		assert_eq!(Votes::<Test>::get(vote).unwrap().turnout, Count::default());
		assert_eq!(OwnersAssembly::voter_status(vote, D).1, true);
		assert_noop!(
			OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(PLUM_SECRETARY), vote, 1),
			Error::<Test>::RecorderCannotCountersign
		);
		assert_noop!(
			OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(NOBODY), vote, 1),
			Error::<Test>::NotASteward
		);
		assert_noop!(
			OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(PLUM_COMMITTEE), vote, 9),
			Error::<Test>::UnknownStation
		);
		assert_ok!(OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(PLUM_COMMITTEE), vote, 1));
		assert_eq!(Votes::<Test>::get(vote).unwrap().turnout, Count::new(3, m2(600)));
		assert_noop!(
			OwnersAssembly::countersign_station_count(RuntimeOrigin::signed(PLUM_COMMITTEE), vote, 1),
			Error::<Test>::AlreadyCountersigned
		);
		close(vote);
		// Five owners and all 1,000 m² took part. A: 2 owners, 400 m² — not over half; B: 4
		// owners, 900 m² — elected; the second seat stays vacant.
		assert_eq!(
			Tallies::<Test>::get(vote, 0).into_inner(),
			vec![
				Count::new(2, m2(400)),
				Count::new(4, m2(900)),
				Count::default(),
				Count::new(1, m2(100))
			]
		);
		let record = Votes::<Test>::get(vote).unwrap();
		assert_eq!(record.turnout, Count::new(5, m2(1000)));
		let elected: AccountsOf<Test> = vec![B].try_into().unwrap();
		assert_eq!(outcomes(vote), vec![Outcome::Elected { elected, vacant: 1 }]);
		assert_eq!(estate(id).committee.into_inner(), vec![B]);
	});
}

#[test]
fn a_rejected_station_count_frees_its_owners_to_be_recorded_again() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let (vote, _) = call_secret(id);
		candidates(vote);
		open(vote);
		assert_ok!(record(PLUM_SECRETARY, vote, 1, &[(1, 100), (0, 0), (0, 0), (0, 0)], &[C]));
		assert_noop!(
			OwnersAssembly::reject_station_count(RuntimeOrigin::signed(PLUM_SECRETARY), vote, 1),
			Error::<Test>::RecorderCannotCountersign
		);
		assert_ok!(OwnersAssembly::reject_station_count(RuntimeOrigin::signed(PLUM_COMMITTEE), vote, 1));
		assert_eq!(
			last_event(),
			Event::StationCountRejected { vote, station: 1, by: PLUM_COMMITTEE }
		);
		assert!(StationCounts::<Test>::get(vote, 1).is_none());
		assert_eq!(Votes::<Test>::get(vote).unwrap().turnout, Count::default());
		assert_ok!(record(PLUM_SECRETARY, vote, 1, &[(0, 0), (1, 100), (0, 0), (0, 0)], &[C]));
		// A vote that is not secret takes no station counts.
		let by_name = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		open(by_name);
		assert_noop!(
			record(PLUM_SECRETARY, by_name, 1, &[(1, 100), (0, 0), (0, 0)], &[C]),
			Error::<Test>::NotSecret
		);
	});
}

#[test]
fn a_secret_election_is_pruned_with_its_station_counts_after_the_retention() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let (vote, _) = call_secret(id);
		candidates(vote);
		open(vote);
		assert_ok!(record(PLUM_SECRETARY, vote, 1, &[(1, 100), (0, 0), (0, 0), (0, 0)], &[C]));
		close(vote);
		let closes = Votes::<Test>::get(vote).unwrap().closes;
		run_to_block(closes + RETENTION + 2);
		assert!(Votes::<Test>::get(vote).is_none());
		assert!(SecretPolls::<Test>::get(vote).is_none());
		assert_eq!(StationCounts::<Test>::iter_prefix(vote).count(), 0);
		assert_eq!(PaperVoted::<Test>::iter_prefix(vote).count(), 0);
	});
}
