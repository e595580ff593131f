//! Paper and in-person ballots recorded by polling officers.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn record(officer: AccountId, id: TopicId, resident: AccountId) -> sp_runtime::DispatchResult {
	Consultation::record_offline_ballot(
		RuntimeOrigin::signed(officer),
		id,
		resident,
		BallotVote::Open(Choice::Aye),
	)
}

fn record_sealed(
	officer: AccountId,
	id: TopicId,
	resident: AccountId,
	choice: Choice,
) -> sp_runtime::DispatchResult {
	let commitment = Consultation::commitment_of(id, &resident, choice, &[5; 32]);
	Consultation::record_offline_ballot(
		RuntimeOrigin::signed(officer),
		id,
		resident,
		BallotVote::Sealed(commitment),
	)
}

#[test]
fn a_polling_officer_records_a_ballot_attributed_to_them() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		assert_noop!(record(POLLING_OFFICER, first, 15), Error::<Test>::NotVoting);
		open_voting(0);
		assert_noop!(record(PLUM_SECRETARY, first, 15), Error::<Test>::NotAPollingOfficer);
		assert_noop!(record(11, first, 15), Error::<Test>::NotAPollingOfficer);
		assert_noop!(record(POLLING_OFFICER, first, 20), Error::<Test>::NotAResidentOfUnit);
		assert_ok!(record(POLLING_OFFICER, first, 15));
		assert_eq!(tally(first).ayes, 1);
		assert_eq!(
			Ballots::<Test>::get(first, 15).unwrap(),
			Ballot {
				vote: BallotVote::Open(Choice::Aye),
				channel: Channel::Offline { officer: POLLING_OFFICER }
			}
		);
		assert_eq!(
			last_event(),
			Event::OfflineBallotRecorded {
				topic: first,
				resident: 15,
				officer: POLLING_OFFICER,
				choice: Some(Choice::Aye)
			}
		);
	});
}

#[test]
fn one_ballot_per_resident_and_the_residents_own_vote_takes_precedence() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		open_voting(0);
		// Online first: the paper ballot is refused.
		vote(11, first, Choice::Nay);
		assert_noop!(record(POLLING_OFFICER, first, 11), Error::<Test>::AlreadyVoted);
		// Paper first, then the resident votes themselves: their vote replaces the paper one,
		// and an event tells them and everyone.
		assert_ok!(record(POLLING_OFFICER, first, 12));
		assert_noop!(record(POLLING_OFFICER, first, 12), Error::<Test>::AlreadyVoted);
		assert_eq!(tally(first), Tally { ayes: 1, nays: 1, ..Default::default() });
		assert_ok!(Consultation::vote(RuntimeOrigin::signed(12), first, Choice::Nay));
		assert!(events().contains(&Event::OfflineBallotReplaced {
			topic: first,
			resident: 12,
			officer: POLLING_OFFICER
		}));
		assert_eq!(tally(first), Tally { nays: 2, ..Default::default() });
		assert_eq!(Ballots::<Test>::get(first, 12).map(|b| b.channel), Some(Channel::Online));
		// Now the paper channel is closed to them.
		assert_noop!(record(POLLING_OFFICER, first, 12), Error::<Test>::AlreadyVoted);
	});
}

#[test]
fn one_polling_officer_records_a_bounded_number_of_ballots_per_topic() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		open_voting(0);
		// The mock allows three.
		for resident in [11, 12, 13] {
			assert_ok!(record(POLLING_OFFICER, first, resident));
		}
		assert_noop!(record(POLLING_OFFICER, first, 14), Error::<Test>::TooManyOfflineBallots);
		assert_eq!(tally(first).ayes, 3);
		// Replacing one by the resident's own vote does not free a place.
		vote(11, first, Choice::Nay);
		assert_noop!(record(POLLING_OFFICER, first, 14), Error::<Test>::TooManyOfflineBallots);
	});
}

#[test]
fn paper_ballots_of_a_secret_topic_are_sealed_while_voting_and_revealed_after() {
	new_test_ext().execute_with(|| {
		let (secret, _) = plum_meeting(Secrecy::Sealed);
		open_voting(0);
		// No open paper ballot on a secret topic, and none after the poll closes.
		assert_noop!(record(POLLING_OFFICER, secret, 15), Error::<Test>::SecretBallot);
		assert_ok!(record_sealed(POLLING_OFFICER, secret, 15, Choice::Aye));
		assert_ok!(record_sealed(POLLING_OFFICER, secret, 14, Choice::Nay));
		assert_eq!(tally(secret), Tally { sealed: 2, ..Default::default() });
		// Resident 14 commits online: their own sealed ballot replaces the paper one.
		let commitment = Consultation::commitment_of(secret, &14, Choice::Aye, &[1; 32]);
		assert_ok!(Consultation::commit_vote(RuntimeOrigin::signed(14), secret, commitment));
		assert!(events().contains(&Event::OfflineBallotReplaced {
			topic: secret,
			resident: 14,
			officer: POLLING_OFFICER
		}));
		assert_eq!(tally(secret), Tally { sealed: 2, ..Default::default() });
		close_voting(0);
		assert_noop!(
			record_sealed(POLLING_OFFICER, secret, 13, Choice::Aye),
			Error::<Test>::NotVoting
		);
		let reveal = |who, resident, choice, salt| {
			Consultation::reveal_offline_ballot(
				RuntimeOrigin::signed(who),
				secret,
				resident,
				choice,
				salt,
			)
		};
		assert_noop!(
			reveal(POLLING_OFFICER, 15, Choice::Nay, [5; 32]),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			reveal(PLUM_SECRETARY, 15, Choice::Aye, [5; 32]),
			Error::<Test>::NotTheRevealer
		);
		// 14's ballot is their own now: the officer cannot reveal it.
		assert_noop!(
			reveal(POLLING_OFFICER, 14, Choice::Nay, [5; 32]),
			Error::<Test>::NotTheRevealer
		);
		// Nor can resident 15 reveal the paper ballot recorded for them.
		assert_noop!(
			Consultation::reveal_vote(RuntimeOrigin::signed(15), secret, Choice::Aye, [5; 32]),
			Error::<Test>::NotTheRevealer
		);
		assert_ok!(reveal(POLLING_OFFICER, 15, Choice::Aye, [5; 32]));
		assert_eq!(
			last_event(),
			Event::OfflineBallotRevealed { topic: secret, resident: 15, choice: Choice::Aye }
		);
		assert_ok!(Consultation::reveal_vote(
			RuntimeOrigin::signed(14),
			secret,
			Choice::Aye,
			[1; 32]
		));
		assert_eq!(tally(secret), Tally { ayes: 2, ..Default::default() });
	});
}
