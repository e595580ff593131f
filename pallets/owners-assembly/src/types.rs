//! The records this pallet stores, and the inputs of its calls.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use gongzhi_primitives::civic::UnitId;
use scale_info::TypeInfo;

pub use crate::counting::{Area, Count, Threshold};

/// An estate (小区).
pub type EstateId = u32;
/// An exclusive unit (专有部分) of an estate, numbered within it.
pub type PropertyId = u32;
/// An assembly vote.
pub type VoteId = u32;
/// A matter's place in its vote, from 0.
pub type MatterIndex = u8;
/// A polling station of a secret election, numbered by the stewards.
pub type StationId = u32;
/// The anonymous poll of a secret election.
pub use gongzhi_primitives::votes::PollId;

/// An estate, its register's totals, its committee and company, and its money.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Estate<AccountId, Name, Accounts, Votes, Balance, BlockNumber> {
	/// The community it belongs to: its officers and housing officers keep the register.
	pub community: UnitId,
	/// Its name.
	pub name: Name,
	/// The total exclusive area of the estate as registered with the housing authority: the
	/// units' areas must add up to it before a vote is called.
	pub registered_area: Area,
	/// Units on the register.
	pub units: u32,
	/// Their total area.
	pub area: Area,
	/// Owners on the register, counted by voting account ([`crate::counting`]).
	pub owners: u32,
	/// Whether a second person confirmed the register since its last change.
	pub confirmed: bool,
	/// Who changed the register since it was last confirmed: none of them may confirm it.
	pub editors: Accounts,
	/// The owners' committee (业委会) in office: calls votes, records paper ballots, books
	/// public revenue. Empty until one is elected.
	pub committee: Accounts,
	/// When the committee's term ends.
	pub committee_until: Option<BlockNumber>,
	/// The property company (物业服务企业) the owners hired, if any.
	pub company: Option<AccountId>,
	/// The special maintenance fund (专项维修资金) held in the estate's pot.
	pub fund: Balance,
	/// Public revenue (公共收益) held in the estate's pot.
	pub revenue: Balance,
	/// Of the fund, what open votes would pay out if approved: not available to other votes.
	pub fund_committed: Balance,
	/// Of the revenue, what open votes would move to the fund if approved.
	pub revenue_committed: Balance,
	/// Public revenue the owners decided to share out, not yet claimed.
	pub distributing: Balance,
	/// The deposit owners pay into the fund per square metre, as the assembly set it.
	pub deposit_rate: Balance,
	/// Votes called and not yet closed.
	pub open_votes: Votes,
}

/// An exclusive unit on an estate's register.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Property<AccountId, Hash, Owners> {
	/// Its building's number in the estate. The room is kept in the off-chain register: a room
	/// number next to an account would publish where a person lives.
	pub building: u16,
	/// Its registered exclusive floor area, in square centimetres.
	pub area: Area,
	/// Keyed hash of the property certificate's number (不动产权证号), checked off chain.
	pub certificate: Hash,
	/// Its owners (co-owners share one vote).
	pub owners: Owners,
	/// The owner who casts its vote, named by the co-owners at the housing desk.
	pub voter: AccountId,
	/// Whether it is the developer's, unsold or not yet delivered.
	pub developer: bool,
}

/// What one voting account holds in an estate: it counts as one owner with this area.
#[derive(
	Copy,
	Clone,
	Default,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Holding {
	/// Units it votes for.
	pub units: u32,
	/// Their total area, in square centimetres.
	pub area: Area,
}

/// What a matter is about, by the Civil Code's list (art. 278); it fixes the approval needed.
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
)]
pub enum Category {
	/// Making or amending the assembly's rules of procedure (业主大会议事规则).
	#[codec(index = 0)]
	AssemblyRules,
	/// Making or amending the management statute (管理规约).
	#[codec(index = 1)]
	ManagementStatute,
	/// Electing or replacing the owners' committee.
	#[codec(index = 2)]
	CommitteeElection,
	/// Hiring or dismissing the property company.
	#[codec(index = 3)]
	PropertyCompany,
	/// Using the maintenance fund.
	#[codec(index = 4)]
	UseMaintenanceFund,
	/// Raising the maintenance fund (a deposit rate).
	#[codec(index = 5)]
	RaiseMaintenanceFund,
	/// Rebuilding or reconstructing buildings and their facilities.
	#[codec(index = 6)]
	Rebuild,
	/// Changing the use of common parts, or using them for business.
	#[codec(index = 7)]
	CommonParts,
	/// Using public revenue.
	#[codec(index = 8)]
	PublicRevenue,
	/// Any other major matter of the common parts and their management.
	#[codec(index = 9)]
	OtherMajor,
}

impl Category {
	/// The approval the Civil Code asks for matters of this category.
	pub fn threshold(self) -> Threshold {
		match self {
			Category::RaiseMaintenanceFund | Category::Rebuild | Category::CommonParts => {
				Threshold::Special
			},
			_ => Threshold::Ordinary,
		}
	}
}

/// What the chain does when a matter (or one of its alternatives) is approved.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Action<AccountId, Balance> {
	/// Nothing on chain: the decision is carried out off chain (a statute, a building's use).
	#[codec(index = 0)]
	Record,
	/// Pay `amount` from the maintenance fund to `to` (a contractor): only for
	/// [`Category::UseMaintenanceFund`].
	#[codec(index = 1)]
	PayFromFund { to: AccountId, amount: Balance },
	/// Hire this property company: only for [`Category::PropertyCompany`].
	#[codec(index = 2)]
	HireCompany(AccountId),
	/// Dismiss the property company: only for [`Category::PropertyCompany`].
	#[codec(index = 3)]
	DismissCompany,
	/// Set the fund's deposit per square metre: only for [`Category::RaiseMaintenanceFund`].
	#[codec(index = 4)]
	SetDepositRate(Balance),
	/// Move `amount` of public revenue into the maintenance fund: only for
	/// [`Category::PublicRevenue`].
	#[codec(index = 5)]
	RevenueToFund(Balance),
	/// Pay `amount` of public revenue out to the owners by floor area: each unit's voter claims
	/// its share ([`crate::Pallet::claim_revenue_share`]). Only for [`Category::PublicRevenue`].
	#[codec(index = 6)]
	RevenueToOwners(Balance),
}

impl<AccountId, Balance> Action<AccountId, Balance> {
	/// Whether this action may be taken by a matter of `category`. A maintenance-fund matter
	/// must pay someone; any other may only record.
	pub fn fits(&self, category: Category) -> bool {
		match self {
			Action::Record => category != Category::UseMaintenanceFund,
			Action::PayFromFund { .. } => category == Category::UseMaintenanceFund,
			Action::HireCompany(_) | Action::DismissCompany => {
				category == Category::PropertyCompany
			},
			Action::SetDepositRate(_) => category == Category::RaiseMaintenanceFund,
			Action::RevenueToFund(_) | Action::RevenueToOwners(_) => {
				category == Category::PublicRevenue
			},
		}
	}
}

/// One of the alternatives of a multiple-choice matter (which company, which site).
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Alternative<Label, AccountId, Balance> {
	/// What it is.
	pub label: Label,
	/// What happens if it is chosen.
	pub action: Action<AccountId, Balance>,
}

/// What owners answer on a matter.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Question<Alternatives, AccountId, Balance, BlockNumber> {
	/// Aye, nay or abstain on one proposal.
	#[codec(index = 0)]
	Motion(Action<AccountId, Balance>),
	/// One of several alternatives (or abstain). Each alternative is counted like a motion: it
	/// needs the category's approval of all participants; of those that reach it, the one with
	/// the most owners (then the most area) is chosen; a tie between them chooses none.
	#[codec(index = 1)]
	Choose(Alternatives),
	/// The owners' committee: `seats` members for `term` blocks, from candidates that at least
	/// `nominators` owners nominated. Each owner votes for up to `seats` candidates.
	#[codec(index = 2)]
	Election { seats: u8, term: BlockNumber, nominators: u8 },
}

/// A matter put to the owners.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Matter<Title, Question> {
	/// What is decided.
	pub title: Title,
	/// Its category: fixes the approval it needs.
	pub category: Category,
	/// What owners answer.
	pub question: Question,
}

/// Whether a vote is still running.
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
)]
pub enum VoteStatus {
	/// Called: in its notice period until `opens`, then open for ballots until `closes`.
	#[codec(index = 0)]
	Called,
	/// Counted; the results are in [`crate::Results`].
	#[codec(index = 1)]
	Closed,
}

/// An assembly vote: its notice (公示) and its running count.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Vote<AccountId, BlockNumber, Matters> {
	/// The estate whose owners vote.
	pub estate: EstateId,
	/// Who called it: a committee member, or an officer of the community.
	pub called_by: AccountId,
	/// When it was called: the register was fixed then.
	pub called: BlockNumber,
	/// When ballots open (the end of the notice period).
	pub opens: BlockNumber,
	/// When ballots close and the vote is counted.
	pub closes: BlockNumber,
	/// Who may vote: the estate's owners and area when the vote was called.
	pub electorate: Count,
	/// Who voted so far (participation, public as it grows).
	pub turnout: Count,
	/// The matters, each answered on every ballot.
	pub matters: Matters,
	/// Whether it is counted.
	pub status: VoteStatus,
}

/// An owner's answer on one matter.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Choice<Candidates> {
	/// For a motion.
	#[codec(index = 0)]
	Aye,
	/// Against a motion.
	#[codec(index = 1)]
	Nay,
	/// Takes part without choosing: counts for participation, not approval.
	#[codec(index = 2)]
	Abstain,
	/// The alternative with this index (from 0) of a multiple-choice matter.
	#[codec(index = 3)]
	Alternative(u8),
	/// The candidates with these indices (from 0) of an election, at most its seats, each once.
	#[codec(index = 4)]
	Candidates(Candidates),
}

/// A ballot counted.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Ballot<AccountId, Choices> {
	/// An answer per matter.
	pub choices: Choices,
	/// What the owner held when the vote was called: the weight of the ballot.
	pub holding: Holding,
	/// For a paper ballot, who recorded it and who countersigned it.
	pub paper: Option<(AccountId, AccountId)>,
}

/// A paper ballot recorded and waiting for a second person's countersignature.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct PaperBallot<AccountId, Choices> {
	/// An answer per matter, as on the paper.
	pub choices: Choices,
	/// Who recorded it.
	pub recorded_by: AccountId,
}

/// A candidate for the owners' committee.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Candidate<AccountId> {
	/// The owner standing.
	pub who: AccountId,
	/// How many owners nominated them.
	pub nominations: u32,
}

/// How a matter came out.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Outcome<Elected> {
	/// Fewer than two thirds of the owners or of the area took part: nothing decided.
	#[codec(index = 0)]
	NoQuorum,
	/// A motion reached its approval.
	#[codec(index = 1)]
	Passed,
	/// A motion did not.
	#[codec(index = 2)]
	Rejected,
	/// This alternative was chosen.
	#[codec(index = 3)]
	Chosen(u8),
	/// No alternative reached the approval, or two that did tied.
	#[codec(index = 4)]
	NoneChosen,
	/// These candidates were elected, best first; `vacant` seats stayed empty (too few passed,
	/// or candidates tied for the last seat).
	#[codec(index = 5)]
	Elected { elected: Elected, vacant: u8 },
}

/// Where public revenue came from.
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
)]
pub enum RevenueSource {
	/// Parking on common ground.
	#[codec(index = 0)]
	Parking,
	/// Advertising on common parts (lifts, walls).
	#[codec(index = 1)]
	Advertising,
	/// Rent of common parts (a clubhouse, a shop).
	#[codec(index = 2)]
	Rent,
	/// Anything else, said in the memo.
	#[codec(index = 3)]
	Other,
}

/// What the property company publishes.
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
)]
pub enum NoteKind {
	/// A matter it proposes the committee put to the owners.
	#[codec(index = 0)]
	Proposal,
	/// Its fees and what they cover.
	#[codec(index = 1)]
	FeeReport,
	/// Its service report.
	#[codec(index = 2)]
	ServiceReport,
}

/// A share-out of public revenue to the owners by floor area.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct Distribution<Balance, BlockNumber> {
	/// The estate whose owners share it.
	pub estate: EstateId,
	/// What is shared out.
	pub amount: Balance,
	/// The estate's area when the owners decided it: each unit's share is its area over this.
	pub area: Area,
	/// What was claimed so far.
	pub paid: Balance,
	/// Until when shares can be claimed; what is left then goes back to public revenue.
	pub ends: BlockNumber,
}

/// A distribution of public revenue.
pub type DistributionId = u32;

/// What the prune queue holds.
#[derive(Copy, Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub enum Prunable {
	/// A closed vote, its ballots and its count.
	#[codec(index = 0)]
	Vote(VoteId),
	/// A distribution whose claims ended: what is left goes back to revenue.
	#[codec(index = 1)]
	Distribution(DistributionId),
}

/// Something the property company published.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct CompanyNote<AccountId, BlockNumber, Text> {
	/// Its number, the estate's notes counted from 0.
	pub id: u32,
	/// What it is.
	pub kind: NoteKind,
	/// The company.
	pub by: AccountId,
	/// When.
	pub at: BlockNumber,
	/// Its text.
	pub text: Text,
}

/// A polling station's count in a secret election, recorded by a steward: owners and area per
/// candidate (and the blank), and the owners who voted there.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct StationCount<AccountId, Rows, Voters> {
	/// Owners and area per candidate, the blank last.
	pub rows: Rows,
	/// The owners who voted there: public, so they vote once.
	pub voters: Voters,
	/// Their number and area: the station's participation.
	pub participants: Count,
	/// The steward who recorded it.
	pub recorded_by: AccountId,
	/// Whether a second person countersigned it (then it is counted).
	pub countersigned: bool,
}
