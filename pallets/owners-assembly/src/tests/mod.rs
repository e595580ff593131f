//! The owners' assembly's behaviour, by topic. Every test ends with both pallets' `try_state`.

use crate::{mock::*, *};

mod elections;
mod funds;
mod register;
mod secret;
mod voting;

/// The outcomes of a closed vote.
fn outcomes(vote: VoteId) -> Vec<OutcomeOf<Test>> {
	Results::<Test>::get(vote).expect("the vote is counted").into_inner()
}

/// The estate as stored.
fn estate(id: EstateId) -> EstateOf<Test> {
	Estates::<Test>::get(id).expect("the estate exists")
}
