//! Take-down of the treasury's texts: the purpose of a spend still open and a donor's memo on a
//! statement ([`TextHost`]). The spend and the statement line stay, with every amount; only the
//! words go, and the public-affairs pallet keeps who wrote them, their hash and why they went.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{TextFacts, TextHost, TextRef};

use crate::{
	Beneficiary, Config, EntryReason, Ledger, LedgerEntryOf, Pallet, Purpose, SpendOf, Spends,
};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		match text {
			TextRef::SpendPurpose(index) => {
				let spend = Spends::<T>::get(index)?;
				let Purpose::Text(purpose) = &spend.purpose else { return None };
				TextFacts::of(spend.unit, spend.proposer.clone(), purpose)
			},
			TextRef::DonationMemo(unit, line) => {
				let entry = Ledger::<T>::get(unit, line)?;
				let (Beneficiary::Account(donor), EntryReason::Donation(memo)) =
					(&entry.counterparty, &entry.reason)
				else {
					return None;
				};
				TextFacts::of(*unit, donor.clone(), memo)
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
	/// Writes `new` as the text `text` names (empty to take it down, the original to restore
	/// it), if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		match text {
			TextRef::SpendPurpose(index) => {
				Spends::<T>::mutate(index, |s| match s.as_mut().map(|s| &mut s.purpose) {
					Some(Purpose::Text(purpose)) => purpose.replace_with(new),
					_ => false,
				})
			},
			TextRef::DonationMemo(unit, line) => {
				Ledger::<T>::mutate(unit, line, |e| match e.as_mut().map(|e| &mut e.reason) {
					Some(EntryReason::Donation(memo)) => memo.replace_with(new),
					_ => false,
				})
			},
			_ => false,
		}
	}
}
