//! This pallet's own texts as a [`TextHost`]: notice titles and bodies, replies, matters and
//! answers. A text taken down is replaced by empty text; the notice, the reply's place and the
//! matter (with its status and figures) stay.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{text_hash, CivicText, TextFacts, TextHost, TextRef};

use crate::{Config, MatterOf, Matters, NoticeBody, NoticeOf, Notices, Pallet, Replies};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		let facts = |unit, author, text: &[u8]| {
			(!text.is_empty()).then(|| TextFacts { unit, author, hash: text_hash(text) })
		};
		match text {
			TextRef::NoticeTitle(id) => {
				let notice = Notices::<T>::get(id)?;
				facts(notice.unit, notice.publisher, &notice.title)
			},
			TextRef::NoticeBody(id) => {
				let notice = Notices::<T>::get(id)?;
				let NoticeBody::Text(body) = &notice.body else { return None };
				facts(notice.unit, notice.publisher.clone(), body)
			},
			TextRef::NoticeReply(id, who) => {
				let reply = Replies::<T>::get(id, who)?;
				facts(Notices::<T>::get(id)?.unit, who.clone(), &reply.text)
			},
			TextRef::Matter(id) => {
				let matter = Matters::<T>::get(id)?;
				facts(matter.raised_to, matter.raiser, &matter.text)
			},
			TextRef::MatterAnswer(id, n) => {
				let matter = Matters::<T>::get(id)?;
				let answer = matter.answers.get(*n as usize)?;
				facts(answer.unit, answer.by.clone(), &answer.text)
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
		let proof = NoticeOf::<T>::max_encoded_len().max(MatterOf::<T>::max_encoded_len());
		T::DbWeight::get()
			.reads_writes(2, 1)
			.saturating_add(Weight::from_parts(0, 2 * proof as u64))
	}
}

impl<T: Config> Pallet<T> {
	/// Writes `new` as the text `text` names, if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		// Empty to take down; a restored original passed the guard when first written.
		match text {
			TextRef::NoticeTitle(id) => {
				Notices::<T>::mutate(id, |notice| match (notice, CivicText::restored(new)) {
					(Some(notice), Some(new)) => {
						notice.title = new;
						true
					},
					_ => false,
				})
			},
			TextRef::NoticeBody(id) => {
				Notices::<T>::mutate(id, |notice| match (notice, CivicText::restored(new)) {
					(Some(notice), Some(new)) if matches!(notice.body, NoticeBody::Text(_)) => {
						notice.body = NoticeBody::Text(new);
						true
					},
					_ => false,
				})
			},
			TextRef::NoticeReply(id, who) => {
				Replies::<T>::mutate(id, who, |reply| match (reply, CivicText::restored(new)) {
					(Some(reply), Some(new)) => {
						reply.text = new;
						true
					},
					_ => false,
				})
			},
			TextRef::Matter(id) => {
				Matters::<T>::mutate(id, |matter| match (matter, CivicText::restored(new)) {
					(Some(matter), Some(new)) => {
						matter.text = new;
						true
					},
					_ => false,
				})
			},
			TextRef::MatterAnswer(id, n) => Matters::<T>::mutate(id, |matter| {
				let answer = matter.as_mut().and_then(|m| m.answers.get_mut(*n as usize));
				match (answer, CivicText::restored(new)) {
					(Some(answer), Some(new)) => {
						answer.text = new;
						true
					},
					_ => false,
				}
			}),
			_ => false,
		}
	}
}
