//! Take-down of an activity's title ([`TextHost`]): the activity, its sign-ups and every credit
//! stay; the public-affairs pallet keeps who wrote the title, its hash and why it went.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{TextFacts, TextHost, TextRef};

use crate::{Activities, ActivityOf, Config, Pallet};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		let TextRef::ActivityTitle(id) = text else { return None };
		let activity = Activities::<T>::get(id)?;
		TextFacts::of(activity.unit, activity.organiser.clone(), &activity.title)
	}

	fn take_down(text: &TextRef<T::AccountId>) -> bool {
		Self::replace_title(text, &[])
	}

	fn restore(text: &TextRef<T::AccountId>, original: &[u8]) -> bool {
		Self::replace_title(text, original)
	}

	fn weight() -> Weight {
		let proof = ActivityOf::<T>::max_encoded_len() as u64;
		T::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, proof))
	}
}

impl<T: Config> Pallet<T> {
	/// Writes `new` as the title `text` names, if the activity exists and `new` fits.
	fn replace_title(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		let TextRef::ActivityTitle(id) = text else { return false };
		Activities::<T>::mutate(id, |a| a.as_mut().is_some_and(|a| a.title.replace_with(new)))
	}
}
