//! The result of a residents' vote on a spend, as the consultation pallet reports it.

use gongzhi_primitives::votes::{ResidentVoteOutcome, VoteSubject};
use sp_runtime::DispatchResult;

use crate::{Config, DecidedBy, Pallet};

impl<T: Config> ResidentVoteOutcome for Pallet<T> {
	fn vote_concluded(subject: VoteSubject, approved: bool) -> DispatchResult {
		match subject {
			VoteSubject::TreasurySpend(index) => {
				Self::conclude_vote(index, approved, DecidedBy::Residents)
			},
		}
	}
}
