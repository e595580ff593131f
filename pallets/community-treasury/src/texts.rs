//! Take-down of the treasury's texts: the purpose of a spend still open and a donor's memo on a
//! statement ([`TextHost`]). The spend and the statement line stay, with every amount; only the
//! words go, and the public-affairs pallet keeps who wrote them, their hash and why they went.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{text_hash, CivicText, TextFacts, TextHost, TextRef};

use crate::{
	Beneficiary, Config, EntryReason, Ledger, LedgerEntryOf, Pallet, Purpose, SpendOf, Spends,
};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		let facts = |unit, author, text: &[u8]| {
			(!text.is_empty()).then(|| TextFacts { unit, author, hash: text_hash(text) })
		};
		match text {
			TextRef::SpendPurpose(index) => {
				let spend = Spends::<T>::get(index)?;
				let Purpose::Text(purpose) = &spend.purpose else { return None };
				facts(spend.unit, spend.proposer.clone(), purpose)
			},
			TextRef::DonationMemo(unit, line) => {
				let entry = Ledger::<T>::get(unit, line)?;
				let (Beneficiary::Account(donor), EntryReason::Donation(memo)) =
					(&entry.counterparty, &entry.reason)
				else {
					return None;
				};
				facts(*unit, donor.clone(), memo)
			},
			_ => None,
		}
	}

	fn take_down(text: &TextRef<T::AccountId>) -> bool {
		Self::replace_text(text, &[])
	}

	fn restore(text: &TextRef<T::AccountId>, original: &[u8]) -> bool {
		Self::replace_text(text, original)
	}

	fn weight() -> Weight {
		let proof = SpendOf::<T>::max_encoded_len().max(LedgerEntryOf::<T>::max_encoded_len());
		T::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, proof as u64))
	}
}

impl<T: Config> Pallet<T> {
	/// Writes `new` as the text `text` names, if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		// Empty to take down; a restored original passed the guard when first written (a bound
		// lowered since leaves it down).
		match text {
			TextRef::SpendPurpose(index) => {
				Spends::<T>::mutate(index, |spend| match (spend, CivicText::restored(new)) {
					(Some(spend), Some(new)) if matches!(spend.purpose, Purpose::Text(_)) => {
						spend.purpose = Purpose::Text(new);
						true
					},
					_ => false,
				})
			},
			TextRef::DonationMemo(unit, line) => {
				Ledger::<T>::mutate(unit, line, |entry| match (entry, CivicText::restored(new)) {
					(Some(entry), Some(new))
						if matches!(entry.reason, EntryReason::Donation(_)) =>
					{
						entry.reason = EntryReason::Donation(new);
						true
					},
					_ => false,
				})
			},
			_ => false,
		}
	}
}
