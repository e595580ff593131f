//! Text that goes on chain: bounded, guarded against personal data, and open to take-down.
//!
//! Every free-text field of the civic pallets (topic titles and bodies, opinions, progress
//! reports, spend purposes and memos, activity titles, notices, feedback, matters and answers) is
//! a [`CivicText`]. It can only be made by [`CivicText::new`], which refuses text longer than its
//! bound and text that looks like personal data ([`find_personal_data`]); a pallet turns the
//! refusal into its own named error ([`TextProblem`]). A stored text encodes exactly as the
//! `BoundedVec<u8, _>` it wraps and is described the same way in metadata, so wallets and the
//! portal read it unchanged.
//!
//! ## What the personal-data guard catches
//!
//! Runs of digits (ASCII or full-width ０–９), read together when groups are parted by one space
//! or hyphen ("138 1234 5678", "138-1234-5678"):
//! - **a resident ID number** (居民身份证号): 17 digits and a check digit (0–9 or X) that
//!   matches GB 11643's weighted sum, a region code starting 1–8 and a plausible birth date
//!   (years 1900–2099, month 01–12, day 01–31);
//! - **a mainland mobile number**: 11 digits, `1` then `3`–`9`, alone or after `86`/`+86`;
//! - **a bank card number**: 16 to 19 digits starting 3–6 (UnionPay 62, Visa 4, Mastercard 5,
//!   others 3) that pass the Luhn check.
//!
//! ## What it does not catch
//!
//! Numbers written in Chinese numerals or split by other characters, landline numbers, passport
//! and other document numbers, names, addresses, health details, photographs of any of them. The
//! guard stops the common mistake (a resident typing their phone number into an opinion); it is
//! not a filter against someone set on publishing data. For that there is take-down: two
//! officers of the text's unit, or one of the unit above, hide a text ([`TextRef`],
//! [`TextHost`]); the public-affairs pallet keeps the record.
//!
//! A run of digits that passes none of these (a year, an amount, a date, a phone extension) is
//! fine. A 16–19 digit number starting 3–6 that happens to pass Luhn (one in ten such numbers) is
//! refused as a bank card: such numbers have no place in civic text.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, EncodeLike, MaxEncodedLen};
use frame_support::{
	traits::Get, weights::Weight, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PalletError,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

use crate::civic::UnitId;

/// The kind of personal data a text was refused for.
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
	PalletError,
)]
pub enum PersonalData {
	/// An 18-digit resident ID number with a valid check digit.
	#[codec(index = 0)]
	IdNumber,
	/// A mainland mobile phone number.
	#[codec(index = 1)]
	MobileNumber,
	/// A bank card number passing the Luhn check.
	#[codec(index = 2)]
	BankCard,
}

/// Why a text cannot go on chain.
#[derive(Copy, Clone, Eq, PartialEq, Debug)]
pub enum TextProblem {
	/// Longer than the field allows.
	TooLong,
	/// It looks like it holds personal data.
	PersonalData(PersonalData),
}

impl TextProblem {
	/// This refusal as a pallet's own error: `too_long` (each field names its own), or the
	/// pallet's personal-data error for the kind found (`Error::PersonalData`, a variant holding
	/// a [`PersonalData`]):
	///
	/// ```ignore
	/// let memo = MemoOf::<T>::new(memo)
	/// 	.map_err(|problem| problem.into_error(Error::<T>::MemoTooLong, Error::PersonalData))?;
	/// ```
	pub fn into_error<E>(self, too_long: E, personal_data: impl FnOnce(PersonalData) -> E) -> E {
		match self {
			TextProblem::TooLong => too_long,
			TextProblem::PersonalData(kind) => personal_data(kind),
		}
	}
}

/// Free text of at most `S` bytes that passed the personal-data guard when it was made.
///
/// Decoding does not check again (stored text was checked when it was written); only
/// [`CivicText::new`] makes new text.
#[derive(Encode, Decode, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound)]
pub struct CivicText<S: Get<u32>>(BoundedVec<u8, S>);

impl<S: Get<u32>> CivicText<S> {
	/// `bytes` as civic text, unless it is too long or looks like personal data.
	pub fn new(bytes: Vec<u8>) -> Result<Self, TextProblem> {
		let bounded = BoundedVec::<u8, S>::try_from(bytes).map_err(|_| TextProblem::TooLong)?;
		if let Some(kind) = find_personal_data(&bounded) {
			return Err(TextProblem::PersonalData(kind));
		}
		Ok(Self(bounded))
	}

	/// Empty text: what a text taken down is replaced with.
	pub fn empty() -> Self {
		Self(BoundedVec::new())
	}

	/// The bytes.
	pub fn as_slice(&self) -> &[u8] {
		&self.0
	}

	/// The length in bytes.
	pub fn len(&self) -> usize {
		self.0.len()
	}

	/// Whether it is empty (as a text taken down is).
	pub fn is_empty(&self) -> bool {
		self.0.is_empty()
	}

	/// blake2-256 of the bytes: what a take-down keeps.
	pub fn hash(&self) -> [u8; 32] {
		text_hash(&self.0)
	}

	/// `bytes` back as the text they were, if they still pass (for restoring a text taken down).
	pub fn restored(bytes: &[u8]) -> Option<Self> {
		Self::new(bytes.to_vec()).ok()
	}

	/// Replaces this text with `bytes` (empty to take it down, the original to restore it), if
	/// they pass; whether it did. What a [`TextHost`] does to the field a [`TextRef`] names.
	pub fn replace_with(&mut self, bytes: &[u8]) -> bool {
		match Self::restored(bytes) {
			Some(text) => {
				*self = text;
				true
			},
			None => false,
		}
	}
}

impl<S: Get<u32>> Default for CivicText<S> {
	fn default() -> Self {
		Self::empty()
	}
}

impl<S: Get<u32>> core::ops::Deref for CivicText<S> {
	type Target = [u8];
	fn deref(&self) -> &[u8] {
		&self.0
	}
}

impl<S: Get<u32>> MaxEncodedLen for CivicText<S> {
	fn max_encoded_len() -> usize {
		BoundedVec::<u8, S>::max_encoded_len()
	}
}

impl<S: Get<u32>> DecodeWithMemTracking for CivicText<S> {}

// In JSON (the node's RPC methods), the bytes as a list of numbers, as the bounded bytes were.
impl<S: Get<u32>> serde::Serialize for CivicText<S> {
	fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
		serializer.collect_seq(self.0.iter())
	}
}
impl<S: Get<u32>> EncodeLike<BoundedVec<u8, S>> for CivicText<S> {}

// Described as the bounded bytes it encodes as, so that metadata and clients see no change.
impl<S: Get<u32> + 'static> TypeInfo for CivicText<S> {
	type Identity = BoundedVec<u8, S>;
	fn type_info() -> scale_info::Type {
		BoundedVec::<u8, S>::type_info()
	}
}

/// For tests and benchmarks: `bytes` as text, skipping the guard (never on a runtime path).
#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
impl<S: Get<u32>> CivicText<S> {
	/// Unchecked text of `len` bytes of `b'a'` (at most the bound).
	pub fn filler(len: u32) -> Self {
		let len = len.min(S::get()) as usize;
		Self(BoundedVec::truncate_from(alloc::vec![b'a'; len]))
	}
}

/// blake2-256 of a text's bytes: how a text taken down is still known.
pub fn text_hash(bytes: &[u8]) -> [u8; 32] {
	<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(bytes).0
}

/// For benchmarks: text of `len` bytes that passes the personal-data guard at its highest cost
/// (single digits parted by spaces: every digit starts a run of groups to read together).
#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
pub fn hardest_text(len: u32) -> Vec<u8> {
	(0..len).map(|i| if i % 2 == 0 { b'1' } else { b' ' }).collect()
}

/// A digit of the text and where the run it belongs to is parted from the previous one.
#[derive(Clone, Copy)]
enum Piece {
	Digit(u8),
	/// `X` or `x`: the check digit of an ID number.
	X,
	/// One space or hyphen between digits.
	Separator,
	/// Anything else.
	Other,
}

fn pieces(text: &[u8]) -> Vec<Piece> {
	let mut out = Vec::with_capacity(text.len());
	match core::str::from_utf8(text) {
		Ok(s) => {
			for c in s.chars() {
				out.push(match c {
					'0'..='9' => Piece::Digit(c as u8 - b'0'),
					'０'..='９' => Piece::Digit((c as u32 - '０' as u32) as u8),
					'X' | 'x' | 'Ｘ' | 'ｘ' => Piece::X,
					' ' | '-' | '\u{3000}' => Piece::Separator,
					_ => Piece::Other,
				})
			}
		},
		// Not UTF-8: read it as bytes, ASCII digits only.
		Err(_) => {
			for b in text {
				out.push(match b {
					b'0'..=b'9' => Piece::Digit(b - b'0'),
					b'X' | b'x' => Piece::X,
					b' ' | b'-' => Piece::Separator,
					_ => Piece::Other,
				})
			}
		},
	}
	out
}

/// A run of digits: its digits and whether an `X` ends it.
struct Group {
	digits: Vec<u8>,
	ends_with_x: bool,
}

fn close_group(group: &mut Vec<u8>, chain: &mut Vec<Group>, ends_with_x: bool) {
	if !group.is_empty() {
		chain.push(Group { digits: core::mem::take(group), ends_with_x });
	}
}

/// The text's digit groups, split into chains of groups parted by single separators.
fn chains(text: &[u8]) -> Vec<Vec<Group>> {
	let mut chains: Vec<Vec<Group>> = Vec::new();
	let mut chain: Vec<Group> = Vec::new();
	let mut group: Vec<u8> = Vec::new();
	let mut separators = 0u32;
	for piece in pieces(text) {
		match piece {
			Piece::Digit(d) => {
				if separators > 1 {
					close_group(&mut group, &mut chain, false);
					if !chain.is_empty() {
						chains.push(core::mem::take(&mut chain));
					}
				}
				separators = 0;
				group.push(d);
			},
			Piece::X if !group.is_empty() && separators == 0 => {
				close_group(&mut group, &mut chain, true);
				// Nothing continues a number after its check digit.
				chains.push(core::mem::take(&mut chain));
				separators = 2;
			},
			Piece::Separator => {
				if separators == 0 {
					close_group(&mut group, &mut chain, false);
				}
				separators += 1;
			},
			Piece::X | Piece::Other => {
				close_group(&mut group, &mut chain, false);
				if !chain.is_empty() {
					chains.push(core::mem::take(&mut chain));
				}
				separators = 2;
			},
		}
	}
	close_group(&mut group, &mut chain, false);
	if !chain.is_empty() {
		chains.push(chain);
	}
	chains
}

/// The first kind of personal data `text` seems to hold, if any (see the module docs).
pub fn find_personal_data(text: &[u8]) -> Option<PersonalData> {
	for chain in chains(text) {
		// Each digit group alone, then each run of consecutive groups read as one number (at
		// most 19 digits: longer is none of the kinds).
		for start in 0..chain.len() {
			let mut digits: Vec<u8> = Vec::new();
			for group in &chain[start..] {
				digits.extend_from_slice(&group.digits);
				if digits.len() > 19 {
					break;
				}
				if let Some(kind) = classify(&digits, group.ends_with_x) {
					return Some(kind);
				}
			}
		}
		// A number glued into a longer run of digits is read as the run: "20261201" before a
		// phone number with no space is one long number, not caught.
	}
	None
}

fn classify(digits: &[u8], ends_with_x: bool) -> Option<PersonalData> {
	if ends_with_x {
		return (digits.len() == 17 && is_id_number(digits, 10)).then_some(PersonalData::IdNumber);
	}
	match digits.len() {
		11 if is_mobile(digits) => Some(PersonalData::MobileNumber),
		13 if digits[..2] == [8, 6] && is_mobile(&digits[2..]) => Some(PersonalData::MobileNumber),
		18 if is_id_number(&digits[..17], digits[17]) => Some(PersonalData::IdNumber),
		16..=19 if (3..=6).contains(&digits[0]) && luhn(digits) => Some(PersonalData::BankCard),
		_ => None,
	}
}

fn is_mobile(digits: &[u8]) -> bool {
	digits.len() == 11 && digits[0] == 1 && (3..=9).contains(&digits[1])
}

/// GB 11643-1999: the check digit of the first 17 digits, 10 standing for `X`.
fn is_id_number(first17: &[u8], check: u8) -> bool {
	const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const CHECKS: [u8; 11] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];
	if first17.len() != 17 || !(1..=8).contains(&first17[0]) {
		return false;
	}
	let number = |range: core::ops::Range<usize>| {
		first17[range].iter().fold(0u32, |n, d| n * 10 + *d as u32)
	};
	let (year, month, day) = (number(6..10), number(10..12), number(12..14));
	if !(1900..=2099).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
		return false;
	}
	let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| *d as u32 * w).sum();
	CHECKS[(sum % 11) as usize] == check
}

fn luhn(digits: &[u8]) -> bool {
	let sum: u32 = digits
		.iter()
		.rev()
		.enumerate()
		.map(|(i, d)| {
			let d = *d as u32;
			if i % 2 == 1 {
				let doubled = d * 2;
				if doubled > 9 {
					doubled - 9
				} else {
					doubled
				}
			} else {
				d
			}
		})
		.sum();
	sum % 10 == 0
}

/// A free text held by a civic pallet, named so that officers can take it down.
#[derive(
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum TextRef<AccountId> {
	/// A consultation topic's title.
	#[codec(index = 0)]
	TopicTitle(u32),
	/// A consultation topic's body (when it is text, not a document hash).
	#[codec(index = 1)]
	TopicBody(u32),
	/// A resident's opinion on a topic.
	#[codec(index = 2)]
	Opinion(u32, AccountId),
	/// The n-th progress report of an approved topic.
	#[codec(index = 3)]
	ProgressReport(u32, u32),
	/// The official answer to a topic.
	#[codec(index = 4)]
	TopicAnswer(u32),
	/// A spend's stated purpose.
	#[codec(index = 5)]
	SpendPurpose(u32),
	/// A volunteer activity's title.
	#[codec(index = 6)]
	ActivityTitle(u32),
	/// A notice's title.
	#[codec(index = 7)]
	NoticeTitle(u32),
	/// A notice's body (when it is text).
	#[codec(index = 8)]
	NoticeBody(u32),
	/// A resident's reply to a notice.
	#[codec(index = 9)]
	NoticeReply(u32, AccountId),
	/// A matter (诉求) a resident raised.
	#[codec(index = 10)]
	Matter(u32),
	/// The n-th answer to a matter.
	#[codec(index = 11)]
	MatterAnswer(u32, u32),
	/// A donor's memo on a unit's statement: (unit, line).
	#[codec(index = 12)]
	DonationMemo(UnitId, u32),
	/// The title of a matter of an owners' assembly vote: (vote, matter).
	#[codec(index = 13)]
	AssemblyMatter(u32, u32),
	/// The label of an alternative of an owners' assembly matter: (vote, matter, alternative).
	#[codec(index = 14)]
	AssemblyAlternative(u32, u32, u32),
	/// A property company's note on an estate: (estate, note).
	#[codec(index = 15)]
	CompanyNote(u32, u32),
}

/// Who wrote a text, where, and its hash: what a take-down keeps of it.
#[derive(Clone, Eq, PartialEq, Encode, Decode, Debug, MaxEncodedLen, TypeInfo)]
pub struct TextFacts<AccountId> {
	/// The unit the text belongs to: its officers (two of them) or the officers above (one)
	/// may take it down.
	pub unit: UnitId,
	/// Who wrote it.
	pub author: AccountId,
	/// blake2-256 of the text.
	pub hash: [u8; 32],
}

impl<AccountId> TextFacts<AccountId> {
	/// The facts of `text`, written by `author` in `unit`; `None` if it is empty (taken down
	/// already, or never written).
	pub fn of(unit: UnitId, author: AccountId, text: &[u8]) -> Option<Self> {
		(!text.is_empty()).then(|| Self { unit, author, hash: text_hash(text) })
	}
}

/// A pallet that holds civic text: finds a text by its [`TextRef`], takes it down and restores
/// it. Composable as a tuple: the runtime lists every pallet that holds text, and each answers for
/// the references that are its own (`None`/`false` for the others).
pub trait TextHost<AccountId> {
	/// The text's facts, if this pallet holds it and it is not empty (taken down already).
	fn locate(text: &TextRef<AccountId>) -> Option<TextFacts<AccountId>>;
	/// Replaces the text with empty text, keeping the record it belongs to. Whether it did.
	fn take_down(text: &TextRef<AccountId>) -> bool;
	/// Puts `original` back as the text (its hash checked by the caller). Whether it did.
	fn restore(text: &TextRef<AccountId>, original: &[u8]) -> bool;
	/// The most one of these calls costs.
	fn weight() -> Weight;
}

impl<AccountId> TextHost<AccountId> for () {
	fn locate(_: &TextRef<AccountId>) -> Option<TextFacts<AccountId>> {
		None
	}
	fn take_down(_: &TextRef<AccountId>) -> bool {
		false
	}
	fn restore(_: &TextRef<AccountId>, _: &[u8]) -> bool {
		false
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

macro_rules! impl_text_host_for_tuples {
	($($host:ident),+) => {
		impl<AccountId, $($host: TextHost<AccountId>),+> TextHost<AccountId> for ($($host,)+) {
			fn locate(text: &TextRef<AccountId>) -> Option<TextFacts<AccountId>> {
				None$(.or_else(|| $host::locate(text)))+
			}
			fn take_down(text: &TextRef<AccountId>) -> bool {
				false $(|| $host::take_down(text))+
			}
			fn restore(text: &TextRef<AccountId>, original: &[u8]) -> bool {
				false $(|| $host::restore(text, original))+
			}
			fn weight() -> Weight {
				// One host answers; charge the dearest.
				let mut most = Weight::zero();
				$(most = most.max($host::weight());)+
				most
			}
		}
	};
}

impl_text_host_for_tuples!(A);
impl_text_host_for_tuples!(A, B);
impl_text_host_for_tuples!(A, B, C);
impl_text_host_for_tuples!(A, B, C, D);
impl_text_host_for_tuples!(A, B, C, D, E);
impl_text_host_for_tuples!(A, B, C, D, E, F);

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ConstU32;
	use sp_runtime::traits::Hash;

	type Text = CivicText<ConstU32<64>>;

	fn found(s: &str) -> Option<PersonalData> {
		find_personal_data(s.as_bytes())
	}

	// 11010519491231002X is the standard's worked example; 110105194912310021 has its check
	// digit changed.
	#[test]
	fn a_resident_id_number_is_refused_with_or_without_its_x() {
		assert_eq!(found("我的身份证11010519491231002X"), Some(PersonalData::IdNumber));
		assert_eq!(found("11010519491231002x 请核实"), Some(PersonalData::IdNumber));
		assert_eq!(found("身份证：110105 19491231 002X"), Some(PersonalData::IdNumber));
		let valid = id_with_check("44052419800101001");
		assert_eq!(found(&valid), Some(PersonalData::IdNumber));
	}

	/// The 18-digit number with the right check digit for `first17`.
	fn id_with_check(first17: &str) -> alloc::string::String {
		let digits: Vec<u8> = first17.bytes().map(|b| b - b'0').collect();
		let check = (0..=10u8).find(|c| is_id_number(&digits, *c)).unwrap();
		let mut s = alloc::string::String::from(first17);
		if check == 10 {
			s.push('X');
		} else {
			s.push((b'0' + check) as char);
		}
		s
	}

	#[test]
	fn an_id_like_number_with_a_wrong_check_digit_or_date_passes() {
		assert_eq!(found("110105194912310021"), None);
		// Month 13: no birth date, whatever the check digit.
		let digits: Vec<u8> = "11010519491331002".bytes().map(|b| b - b'0').collect();
		assert!((0..=10u8).all(|c| !is_id_number(&digits, c)));
	}

	#[test]
	fn a_mobile_number_is_refused_however_it_is_written() {
		for s in [
			"电话13812345678",
			"138 1234 5678",
			"138-1234-5678",
			"+86 138 1234 5678",
			"8613812345678",
			"请打１３８１２３４５６７８",
			"2026-12-01 138 1234 5678 联系",
		] {
			assert_eq!(found(s), Some(PersonalData::MobileNumber), "{s}");
		}
	}

	#[test]
	fn a_bank_card_number_passing_luhn_is_refused() {
		// 6222 0212 3456 7897: a UnionPay-like number with a valid Luhn digit.
		let mut digits: Vec<u8> = "622202123456789".bytes().map(|b| b - b'0').collect();
		let check = (0..=9u8)
			.find(|c| {
				let mut all = digits.clone();
				all.push(*c);
				luhn(&all)
			})
			.unwrap();
		digits.push(check);
		let card: alloc::string::String = digits.iter().map(|d| (b'0' + d) as char).collect();
		assert_eq!(found(&card), Some(PersonalData::BankCard));
		let spaced =
			alloc::format!("卡号 {} {} {} {}", &card[..4], &card[4..8], &card[8..12], &card[12..]);
		assert_eq!(found(&spaced), Some(PersonalData::BankCard));
		// The same with a wrong last digit is not a card number.
		let mut wrong = card.clone();
		wrong.pop();
		wrong.push((b'0' + (check + 1) % 10) as char);
		assert_eq!(found(&wrong), None);
	}

	#[test]
	fn ordinary_numbers_pass() {
		for s in [
			"2026年12月1日 下午3点，3号楼2单元，预算12000元",
			"1381234567",                // ten digits
			"138123456789",              // twelve digits
			"12345678901",               // 1 then 2: no mobile prefix
			"电梯维修 2026-12-01 10:30", // a date and a time
			"房间 101, 202, 303",
			"", // nothing at all
		] {
			assert_eq!(found(s), None, "{s}");
		}
	}

	#[test]
	fn text_over_its_bound_or_with_personal_data_is_not_made() {
		assert_eq!(Text::new(alloc::vec![b'a'; 65]), Err(TextProblem::TooLong));
		assert_eq!(
			Text::new(b"call 13812345678".to_vec()),
			Err(TextProblem::PersonalData(PersonalData::MobileNumber))
		);
		let text = Text::new("3号楼电梯坏了".as_bytes().to_vec()).unwrap();
		assert_eq!(text.as_slice(), "3号楼电梯坏了".as_bytes());
		assert_eq!(
			text.hash(),
			sp_runtime::traits::BlakeTwo256::hash("3号楼电梯坏了".as_bytes()).0
		);
	}

	#[test]
	fn civic_text_encodes_and_is_described_as_bounded_bytes() {
		let text = Text::new(b"hello".to_vec()).unwrap();
		let bounded: BoundedVec<u8, ConstU32<64>> = b"hello".to_vec().try_into().unwrap();
		assert_eq!(text.encode(), bounded.encode());
		assert_eq!(Text::decode(&mut &bounded.encode()[..]).unwrap(), text);
		assert_eq!(Text::type_info(), BoundedVec::<u8, ConstU32<64>>::type_info());
		assert_eq!(Text::max_encoded_len(), BoundedVec::<u8, ConstU32<64>>::max_encoded_len());
	}

	#[test]
	fn a_text_is_blanked_and_restored_in_place_but_never_to_personal_data() {
		let mut text = Text::new(b"fair point".to_vec()).unwrap();
		let facts = TextFacts::of(3, 7u64, &text).unwrap();
		assert!(text.replace_with(&[]));
		assert!(text.is_empty());
		assert_eq!(TextFacts::of(3, 7u64, &text), None, "nothing left to take down");
		assert!(!text.replace_with(b"13812345678"));
		assert!(text.is_empty());
		assert!(text.replace_with(b"fair point"));
		assert_eq!(text.hash(), facts.hash);
	}

	#[test]
	fn the_benchmarks_hardest_text_passes_the_guard() {
		assert_eq!(find_personal_data(&hardest_text(1024)), None);
		assert!(Text::new(hardest_text(64)).is_ok());
	}

	#[test]
	fn civic_text_is_the_same_list_of_numbers_in_json() {
		let text = Text::new(b"hi".to_vec()).unwrap();
		assert_eq!(serde_json::to_string(&text).unwrap(), "[104,105]");
	}

	#[test]
	fn non_utf8_text_is_read_as_bytes() {
		let mut bytes = alloc::vec![0xff, 0xfe];
		bytes.extend_from_slice(b"13812345678");
		assert_eq!(find_personal_data(&bytes), Some(PersonalData::MobileNumber));
	}
}
