//! The outcome of a topic's vote from its tally, its electorate and its category's rules.

use crate::{Majority, Outcome, Tally, VoteRules};

/// Decides a topic. The quorum counts every ballot cast, abstentions and unrevealed secret
/// ballots included, against the electorate counted when voting opened; the majority counts
/// ayes and nays only.
pub fn outcome(tally: &Tally, electorate: u32, rules: &VoteRules) -> Outcome {
	let turnout = tally.turnout();
	if turnout == 0 || turnout < rules.quorum.mul_ceil(electorate) {
		return Outcome::NoQuorum;
	}
	let (ayes, nays) = (u64::from(tally.ayes), u64::from(tally.nays));
	match rules.majority {
		Majority::Simple if ayes > nays => Outcome::Approved,
		Majority::Simple if ayes == nays => Outcome::Tied,
		Majority::Simple => Outcome::Rejected,
		Majority::TwoThirds if ayes > 0 && ayes * 3 >= (ayes + nays) * 2 => Outcome::Approved,
		Majority::TwoThirds => Outcome::Rejected,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::Permill;

	fn tally(ayes: u32, nays: u32, abstentions: u32, sealed: u32) -> Tally {
		Tally { ayes, nays, abstentions, sealed }
	}

	const SIMPLE_20: VoteRules =
		VoteRules { quorum: Permill::from_percent(20), majority: Majority::Simple };
	const TWO_THIRDS_50: VoteRules =
		VoteRules { quorum: Permill::from_percent(50), majority: Majority::TwoThirds };

	#[test]
	fn quorum_counts_every_ballot_and_rounds_up() {
		// 20% of 11 is 2.2: three ballots are needed.
		assert_eq!(outcome(&tally(2, 0, 0, 0), 11, &SIMPLE_20), Outcome::NoQuorum);
		assert_eq!(outcome(&tally(1, 0, 1, 1), 11, &SIMPLE_20), Outcome::Approved);
		assert_eq!(outcome(&tally(0, 0, 0, 0), 0, &SIMPLE_20), Outcome::NoQuorum);
	}

	#[test]
	fn simple_majority_ties_do_not_approve() {
		assert_eq!(outcome(&tally(3, 3, 4, 0), 10, &SIMPLE_20), Outcome::Tied);
		assert_eq!(outcome(&tally(3, 4, 0, 0), 10, &SIMPLE_20), Outcome::Rejected);
		assert_eq!(outcome(&tally(4, 3, 0, 0), 10, &SIMPLE_20), Outcome::Approved);
		// Abstentions and unrevealed ballots are not ayes.
		assert_eq!(outcome(&tally(0, 0, 5, 5), 10, &SIMPLE_20), Outcome::Tied);
	}

	#[test]
	fn two_thirds_is_reached_at_exactly_two_thirds() {
		assert_eq!(outcome(&tally(4, 2, 0, 0), 10, &TWO_THIRDS_50), Outcome::Approved);
		assert_eq!(outcome(&tally(3, 2, 0, 0), 10, &TWO_THIRDS_50), Outcome::Rejected);
		assert_eq!(outcome(&tally(0, 0, 5, 0), 10, &TWO_THIRDS_50), Outcome::Rejected);
		assert_eq!(outcome(&tally(4, 0, 0, 0), 10, &TWO_THIRDS_50), Outcome::NoQuorum);
	}
}
