//! Secret ballots: commit while voting is open, reveal after it closes.

use super::*;
use frame_support::{assert_noop, assert_ok};

const SALT: [u8; 32] = [42; 32];

fn commit(who: AccountId, id: TopicId, choice: Choice) {
	let commitment = Consultation::commitment_of(id, &who, choice, &SALT);
	assert_ok!(Consultation::commit_vote(RuntimeOrigin::signed(who), id, commitment));
}

fn reveal(who: AccountId, id: TopicId, choice: Choice) -> sp_runtime::DispatchResult {
	Consultation::reveal_vote(RuntimeOrigin::signed(who), id, choice, SALT)
}

#[test]
fn secret_ballots_hide_the_choice_until_the_reveal() {
	new_test_ext().execute_with(|| {
		let (secret, open) = plum_meeting(Secrecy::Sealed);
		open_voting(0);
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(11), secret, Choice::Aye),
			Error::<Test>::SecretBallot
		);
		assert_noop!(
			Consultation::commit_vote(RuntimeOrigin::signed(11), open, [0; 32]),
			Error::<Test>::NotSecret
		);
		commit(11, secret, Choice::Nay);
		// A new commitment replaces the old one.
		commit(11, secret, Choice::Aye);
		commit(12, secret, Choice::Aye);
		commit(13, secret, Choice::Nay);
		assert_eq!(tally(secret), Tally { sealed: 3, ..Default::default() });
		assert_eq!(last_event(), Event::VoteCommitted { topic: secret, who: 13 });
		// No reveal while voting is open.
		assert_noop!(reveal(11, secret, Choice::Aye), Error::<Test>::NotRevealing);
		vote(10, open, Choice::Aye);

		close_voting(0);
		let until = 1 + DELIBERATION + VOTING + REVEAL;
		assert_eq!(Meetings::<Test>::get(0).unwrap().phase, Phase::Revealing { until });
		assert!(events().contains(&Event::VotingClosed { meeting: 0, reveal_until: Some(until) }));
		// The open topic waits for the meeting's reveal too.
		assert_eq!(status(open), TopicStatus::InMeeting(0));
		assert_noop!(
			Consultation::commit_vote(RuntimeOrigin::signed(14), secret, [0; 32]),
			Error::<Test>::NotVoting
		);
		assert_noop!(reveal(12, secret, Choice::Nay), Error::<Test>::CommitmentMismatch);
		assert_noop!(
			Consultation::reveal_vote(RuntimeOrigin::signed(12), secret, Choice::Aye, [1; 32]),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(reveal(14, secret, Choice::Aye), Error::<Test>::NothingToReveal);
		assert_ok!(reveal(11, secret, Choice::Aye));
		assert_ok!(reveal(12, secret, Choice::Aye));
		assert_noop!(reveal(12, secret, Choice::Aye), Error::<Test>::NothingToReveal);
		assert_eq!(tally(secret), Tally { ayes: 2, sealed: 1, ..Default::default() });
		assert_eq!(
			last_event(),
			Event::VoteRevealed { topic: secret, who: 12, choice: Choice::Aye }
		);

		run_to_block(until);
		// 13 did not reveal: an abstention that counts for the quorum (3 of 10 ≥ 20%).
		assert_eq!(outcome(secret), Some(Outcome::Approved));
		assert!(events().contains(&Event::TopicDecided {
			topic: secret,
			outcome: Outcome::Approved,
			tally: Tally { ayes: 2, sealed: 1, ..Default::default() },
			electorate: 10,
		}));
		assert_noop!(reveal(13, secret, Choice::Nay), Error::<Test>::NotRevealing);
	});
}

#[test]
fn the_commitment_binds_topic_voter_choice_and_salt() {
	new_test_ext().execute_with(|| {
		let base = Consultation::commitment_of(0, &11, Choice::Aye, &SALT);
		assert_ne!(base, Consultation::commitment_of(1, &11, Choice::Aye, &SALT));
		assert_ne!(base, Consultation::commitment_of(0, &12, Choice::Aye, &SALT));
		assert_ne!(base, Consultation::commitment_of(0, &11, Choice::Nay, &SALT));
		assert_ne!(base, Consultation::commitment_of(0, &11, Choice::Aye, &[0; 32]));
	});
}
