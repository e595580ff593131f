//! Paper and in-person ballots recorded by polling officers.

use super::*;
use frame_support::{assert_noop, assert_ok};

fn record(officer: AccountId, id: TopicId, resident: AccountId) -> sp_runtime::DispatchResult {
	Consultation::record_offline_ballot(RuntimeOrigin::signed(officer), id, resident, Choice::Aye)
}

#[test]
fn a_polling_officer_records_a_ballot_attributed_to_them() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(false);
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
				choice: Choice::Aye
			}
		);
	});
}

#[test]
fn one_ballot_per_resident_whatever_the_channel() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(false);
		open_voting(0);
		// Online first: the paper ballot is refused.
		vote(11, first, Choice::Nay);
		assert_noop!(record(POLLING_OFFICER, first, 11), Error::<Test>::AlreadyVoted);
		// Paper first: the online vote is refused, and so is a second paper ballot.
		assert_ok!(record(POLLING_OFFICER, first, 12));
		assert_noop!(
			Consultation::vote(RuntimeOrigin::signed(12), first, Choice::Nay),
			Error::<Test>::AlreadyVoted
		);
		assert_noop!(record(POLLING_OFFICER, first, 12), Error::<Test>::AlreadyVoted);
		assert_eq!(tally(first), Tally { ayes: 1, nays: 1, ..Default::default() });
	});
}

#[test]
fn paper_ballots_of_a_secret_topic_are_recorded_after_voting_closes() {
	new_test_ext().execute_with(|| {
		let (secret, _) = plum_meeting(true);
		open_voting(0);
		assert_noop!(record(POLLING_OFFICER, secret, 15), Error::<Test>::OfflineBallotTooEarly);
		let commitment = Consultation::commitment_of(secret, &11, Choice::Nay, &[1; 32]);
		assert_ok!(Consultation::commit_vote(RuntimeOrigin::signed(11), secret, commitment));
		close_voting(0);
		assert_ok!(record(POLLING_OFFICER, secret, 15));
		// A resident who committed online has their ballot already.
		assert_noop!(record(POLLING_OFFICER, secret, 11), Error::<Test>::AlreadyVoted);
		assert_eq!(tally(secret), Tally { ayes: 1, sealed: 1, ..Default::default() });
	});
}
