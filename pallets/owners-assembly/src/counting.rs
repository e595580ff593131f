//! How owners are counted: Civil Code art. 278 and the Supreme People's Court's interpretation of
//! how owners and areas are counted (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释,
//! arts. 8 and 9). Pure arithmetic on integers: no floating point, no rounding.
//!
//! ## The rules
//! - **Who counts.** Owners are counted by exclusive unit, one unit one owner, except that the
//!   units of one owner count as one, and the developer's unsold or undelivered units count
//!   together as one. Area is the registered exclusive floor area, here in square centimetres.
//!   (The pallet gives each unit one voting account; the units with the same voting account are
//!   one owner, so a developer holding its units under one account is one owner.)
//! - **Participation** (art. 278 para. 2): a decision needs owners holding at least two thirds of
//!   the area AND at least two thirds of the owners to take part. Abstaining is taking part.
//! - **Approval**: for raising the maintenance fund, rebuilding, and changing the use of common
//!   parts or using them for business, at least three quarters of the participating area AND of
//!   the participating owners ([`Threshold::Special`]); for everything else, more than half of
//!   both ([`Threshold::Ordinary`]).
//!
//! "At least two thirds" is `3 × part ≥ 2 × whole`; "at least three quarters" is
//! `4 × ayes ≥ 3 × participants`; "more than half" is `2 × ayes > participants`. All products are
//! taken in `u128`, where they cannot overflow.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Floor area in square centimetres (1 m² = 10,000 cm²): a 90.37 m² flat is `903_700`.
pub type Area = u64;

/// Owners and the area they hold: an electorate, the participants of a vote, or one side of it.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Count {
	/// Owners, each counted once however many units they hold.
	pub owners: u32,
	/// Their exclusive floor area, in square centimetres.
	pub area: Area,
}

impl Count {
	/// A count of `owners` owners holding `area`.
	pub const fn new(owners: u32, area: Area) -> Self {
		Self { owners, area }
	}

	/// This count with one more owner holding `area`.
	pub fn plus(self, area: Area) -> Self {
		Self { owners: self.owners.saturating_add(1), area: self.area.saturating_add(area) }
	}
}

/// The approval a matter needs, fixed by its category.
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
pub enum Threshold {
	/// More than half of the participating area and of the participating owners.
	#[codec(index = 0)]
	Ordinary,
	/// At least three quarters of the participating area and of the participating owners.
	#[codec(index = 1)]
	Special,
}

/// Whether `part` is at least `num / den` of `whole`, exactly.
fn at_least(part: u64, whole: u64, num: u128, den: u128) -> bool {
	u128::from(part) * den >= u128::from(whole) * num
}

/// Whether `part` is more than `num / den` of `whole`, exactly.
fn more_than(part: u64, whole: u64, num: u128, den: u128) -> bool {
	u128::from(part) * den > u128::from(whole) * num
}

/// Whether `participants` are enough of `electorate` for a decision: at least two thirds of its
/// owners and at least two thirds of its area. An empty electorate decides nothing.
pub fn participation_met(participants: Count, electorate: Count) -> bool {
	electorate.owners > 0 &&
		electorate.area > 0 &&
		at_least(participants.owners.into(), electorate.owners.into(), 2, 3) &&
		at_least(participants.area, electorate.area, 2, 3)
}

/// Whether `ayes` approve a matter that needs `threshold`, of `participants` (everyone who took
/// part in the vote, abstainers included). Nothing is approved without participants.
pub fn approved(ayes: Count, participants: Count, threshold: Threshold) -> bool {
	if participants.owners == 0 || participants.area == 0 {
		return false;
	}
	let (aye_owners, owners) = (u64::from(ayes.owners), u64::from(participants.owners));
	match threshold {
		Threshold::Ordinary => {
			more_than(aye_owners, owners, 1, 2) && more_than(ayes.area, participants.area, 1, 2)
		},
		Threshold::Special => {
			at_least(aye_owners, owners, 3, 4) && at_least(ayes.area, participants.area, 3, 4)
		},
	}
}

/// Whether a matter passes: participation met and approval reached.
pub fn passes(ayes: Count, participants: Count, electorate: Count, threshold: Threshold) -> bool {
	participation_met(participants, electorate) && approved(ayes, participants, threshold)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// square metres as square centimetres
	const fn m2(m: u64) -> Area {
		m * 10_000
	}

	#[test]
	fn exactly_two_thirds_of_owners_and_area_is_enough_participation() {
		let estate = Count::new(9, m2(900));
		assert!(participation_met(Count::new(6, m2(600)), estate));
		// one square centimetre short of two thirds of the area
		assert!(!participation_met(Count::new(6, m2(600) - 1), estate));
		// area enough, one owner short
		assert!(!participation_met(Count::new(5, m2(900)), estate));
	}

	#[test]
	fn two_thirds_of_an_area_that_does_not_divide_by_three_is_rounded_up() {
		// 2/3 of 1,000 cm² is 666.67: 666 is short, 667 is enough
		let estate = Count::new(3, 1_000);
		assert!(!participation_met(Count::new(2, 666), estate));
		assert!(participation_met(Count::new(2, 667), estate));
	}

	#[test]
	fn exactly_three_quarters_approves_a_special_matter_and_one_less_does_not() {
		let participants = Count::new(8, m2(800));
		assert!(approved(Count::new(6, m2(600)), participants, Threshold::Special));
		assert!(!approved(Count::new(6, m2(600) - 1), participants, Threshold::Special));
		assert!(!approved(Count::new(5, m2(800)), participants, Threshold::Special));
	}

	#[test]
	fn exactly_half_does_not_approve_an_ordinary_matter() {
		let participants = Count::new(8, m2(800));
		assert!(!approved(Count::new(4, m2(500)), participants, Threshold::Ordinary));
		assert!(!approved(Count::new(5, m2(400)), participants, Threshold::Ordinary));
		assert!(approved(Count::new(5, m2(400) + 1), participants, Threshold::Ordinary));
	}

	#[test]
	fn abstainers_take_part_and_so_raise_the_bar_for_approval() {
		// 10 owners of 100 m² each; 7 take part (participation met): 4 aye, 1 nay, 2 abstain
		let estate = Count::new(10, m2(1000));
		let participants = Count::new(7, m2(700));
		let ayes = Count::new(4, m2(400));
		assert!(passes(ayes, participants, estate, Threshold::Ordinary));
		// 3 aye, 1 nay, 3 abstain: 3 of 7 is not more than half
		assert!(!passes(Count::new(3, m2(300)), participants, estate, Threshold::Ordinary));
	}

	#[test]
	fn one_owner_of_three_units_counts_once_with_all_their_area() {
		// units: A 3 × 100 m², B 100 m², C 100 m², the developer's 5 unsold units of 100 m²
		// owners: A, B, C and the developer = 4; area 1,000 m²
		let estate = Count::new(4, m2(1000));
		// A and the developer take part: 2 of 4 owners (short), 800 m² of 1,000 (enough)
		let a_and_developer = Count::new(0, 0).plus(m2(300)).plus(m2(500));
		assert_eq!(a_and_developer, Count::new(2, m2(800)));
		assert!(!participation_met(a_and_developer, estate));
		// with B too: 3 of 4 owners and 900 m²: enough
		let with_b = a_and_developer.plus(m2(100));
		assert!(participation_met(with_b, estate));
		// the developer alone holds more than half of the area but is one owner of three
		assert!(!approved(Count::new(1, m2(500)), with_b, Threshold::Ordinary));
		// A and B together are two owners of three, but only 400 m² of 900
		assert!(!approved(Count::new(2, m2(400)), with_b, Threshold::Ordinary));
	}

	#[test]
	fn nothing_is_decided_without_owners_or_participants() {
		assert!(!participation_met(Count::default(), Count::default()));
		assert!(!approved(Count::default(), Count::default(), Threshold::Ordinary));
		assert!(!approved(Count::default(), Count::default(), Threshold::Special));
	}

	#[test]
	fn the_largest_estates_do_not_overflow() {
		let estate = Count::new(u32::MAX, u64::MAX);
		assert!(participation_met(estate, estate));
		assert!(approved(estate, estate, Threshold::Special));
		assert!(!approved(Count::new(u32::MAX / 2, u64::MAX / 2), estate, Threshold::Ordinary));
	}
}
