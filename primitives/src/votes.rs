//! Resident votes asked for by other pallets.
//!
//! Some decisions are not an officer's to take: a treasury spend that residents objected to, or
//! one above the community's cap, must pass a vote of the unit's residents. The pallet that needs
//! the decision asks for it through [`ResidentVoteRequester`] (which the consultation pallet
//! implements: it convenes the vote) and hears the result through [`ResidentVoteOutcome`] (which
//! the asking pallet implements). Neither pallet depends on the other.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

use crate::civic::UnitId;

/// The index of a community treasury spend.
pub type SpendIndex = u32;

/// What residents are asked to decide.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum VoteSubject {
	/// Whether the community treasury pays this spend.
	TreasurySpend(SpendIndex),
}

/// Convenes a vote of `unit`'s residents on a subject.
pub trait ResidentVoteRequester {
	/// Asks the residents of `unit` to decide `subject`. The result comes back later through the
	/// asking pallet's [`ResidentVoteOutcome`].
	fn request_vote(unit: UnitId, subject: VoteSubject) -> DispatchResult;
}

/// No vote is convened: the subject waits for governance to decide it.
impl ResidentVoteRequester for () {
	fn request_vote(_unit: UnitId, _subject: VoteSubject) -> DispatchResult {
		Ok(())
	}
}

/// Hears the result of a vote that was asked for.
pub trait ResidentVoteOutcome {
	/// The residents decided `subject`: `approved` or not.
	fn vote_concluded(subject: VoteSubject, approved: bool) -> DispatchResult;
}
