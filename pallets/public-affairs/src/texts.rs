//! This pallet's own texts as a [`TextHost`]: notice titles and bodies, replies, matters and
//! answers. A text taken down is replaced by empty text; the notice, the reply's place and the
//! matter (with its status and figures) stay.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{TextFacts, TextHost, TextRef};

use crate::{Config, MatterOf, Matters, NoticeBody, NoticeOf, Notices, Pallet, Replies};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		match text {
			TextRef::NoticeTitle(id) => {
				let notice = Notices::<T>::get(id)?;
				TextFacts::of(notice.unit, notice.publisher, &notice.title)
			},
			TextRef::NoticeBody(id) => {
				let notice = Notices::<T>::get(id)?;
				let NoticeBody::Text(body) = &notice.body else { return None };
				TextFacts::of(notice.unit, notice.publisher.clone(), body)
			},
			TextRef::NoticeReply(id, who) => {
				let reply = Replies::<T>::get(id, who)?;
				TextFacts::of(Notices::<T>::get(id)?.unit, who.clone(), &reply.text)
			},
			TextRef::Matter(id) => {
				let matter = Matters::<T>::get(id)?;
				TextFacts::of(matter.raised_to, matter.raiser, &matter.text)
			},
			TextRef::MatterAnswer(id, n) => {
				let matter = Matters::<T>::get(id)?;
				let answer = matter.answers.get(*n as usize)?;
				TextFacts::of(answer.unit, answer.by.clone(), &answer.text)
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
	/// Writes `new` as the text `text` names (empty to take it down, the original to restore
	/// it), if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		match text {
			TextRef::NoticeTitle(id) => {
				Notices::<T>::mutate(id, |n| n.as_mut().is_some_and(|n| n.title.replace_with(new)))
			},
			TextRef::NoticeBody(id) => {
				Notices::<T>::mutate(id, |n| match n.as_mut().map(|n| &mut n.body) {
					Some(NoticeBody::Text(body)) => body.replace_with(new),
					_ => false,
				})
			},
			TextRef::NoticeReply(id, who) => Replies::<T>::mutate(id, who, |r| {
				r.as_mut().is_some_and(|r| r.text.replace_with(new))
			}),
			TextRef::Matter(id) => {
				Matters::<T>::mutate(id, |m| m.as_mut().is_some_and(|m| m.text.replace_with(new)))
			},
			TextRef::MatterAnswer(id, n) => Matters::<T>::mutate(id, |m| {
				m.as_mut()
					.and_then(|m| m.answers.get_mut(*n as usize))
					.is_some_and(|a| a.text.replace_with(new))
			}),
			_ => false,
		}
	}
}
