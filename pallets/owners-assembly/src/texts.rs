//! Take-down of the owners' assembly's texts ([`TextHost`]): a matter's title and an
//! alternative's label while the vote is kept, and the property company's notes. The vote, its
//! ballots and its count stay; only the words go, and the public-affairs pallet keeps who wrote
//! them (the caller of the vote, the company), their hash and why they went. The texts belong to
//! the estate's community: its officers take them down.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{TextFacts, TextHost, TextRef};

use crate::{CompanyNoteOf, CompanyNotes, Config, Estates, Pallet, Question, VoteOf, Votes};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		match text {
			TextRef::AssemblyMatter(vote, matter) => {
				let v = Votes::<T>::get(vote)?;
				let m = v.matters.get(*matter as usize)?;
				let community = Estates::<T>::get(v.estate)?.community;
				TextFacts::of(community, v.called_by.clone(), &m.title)
			},
			TextRef::AssemblyAlternative(vote, matter, alternative) => {
				let v = Votes::<T>::get(vote)?;
				let Question::Choose(alternatives) = &v.matters.get(*matter as usize)?.question
				else {
					return None;
				};
				let label = &alternatives.get(*alternative as usize)?.label;
				let community = Estates::<T>::get(v.estate)?.community;
				TextFacts::of(community, v.called_by.clone(), label)
			},
			TextRef::CompanyNote(estate, id) => {
				let community = Estates::<T>::get(estate)?.community;
				let notes = CompanyNotes::<T>::get(estate);
				let note = notes.iter().find(|n| n.id == *id)?;
				TextFacts::of(community, note.by.clone(), &note.text)
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
		let proof = VoteOf::<T>::max_encoded_len()
			.max(CompanyNoteOf::<T>::max_encoded_len() * T::MaxCompanyNotes::get() as usize);
		T::DbWeight::get().reads_writes(2, 1).saturating_add(Weight::from_parts(0, proof as u64))
	}
}

impl<T: Config> Pallet<T> {
	/// Writes `new` as the text `text` names (empty to take it down, the original to restore
	/// it), if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		match text {
			TextRef::AssemblyMatter(vote, matter) => Votes::<T>::mutate(vote, |v| {
				v.as_mut()
					.and_then(|v| v.matters.get_mut(*matter as usize))
					.is_some_and(|m| m.title.replace_with(new))
			}),
			TextRef::AssemblyAlternative(vote, matter, alternative) => Votes::<T>::mutate(vote, |v| {
				let Some(m) = v.as_mut().and_then(|v| v.matters.get_mut(*matter as usize)) else {
					return false;
				};
				let Question::Choose(alternatives) = &mut m.question else { return false };
				alternatives
					.get_mut(*alternative as usize)
					.is_some_and(|a| a.label.replace_with(new))
			}),
			TextRef::CompanyNote(estate, id) => CompanyNotes::<T>::mutate(estate, |notes| {
				notes.iter_mut().find(|n| n.id == *id).is_some_and(|n| n.text.replace_with(new))
			}),
			_ => false,
		}
	}
}
