//! Take-down of the consultation's texts: topic titles and bodies, opinions, progress reports
//! and official answers ([`TextHost`]). A text taken down is replaced by empty text; the topic,
//! the opinion's place and the report's number stay, and the public-affairs pallet keeps who
//! wrote it, its hash, the reason and who took it down.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{TextFacts, TextHost, TextRef};

use crate::{Answers, Body, Config, Opinions, Pallet, ProgressReports, Topics};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		match text {
			TextRef::TopicTitle(id) => {
				let topic = Topics::<T>::get(id)?;
				TextFacts::of(topic.unit, topic.author?, &topic.title)
			},
			TextRef::TopicBody(id) => {
				let topic = Topics::<T>::get(id)?;
				let Body::Text(body) = &topic.body else { return None };
				TextFacts::of(topic.unit, topic.author.clone()?, body)
			},
			TextRef::Opinion(id, who) => {
				let opinion = Opinions::<T>::get(id, who)?;
				TextFacts::of(Topics::<T>::get(id)?.unit, who.clone(), &opinion)
			},
			TextRef::ProgressReport(id, n) => {
				let report = ProgressReports::<T>::get(id, n)?;
				TextFacts::of(Topics::<T>::get(id)?.unit, report.by, &report.text)
			},
			TextRef::TopicAnswer(id) => {
				let answer = Answers::<T>::get(id)?;
				TextFacts::of(Topics::<T>::get(id)?.unit, answer.by, &answer.text)
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
		// Two reads (the text's record and its topic) and one write; the proof holds at most the
		// largest record, a topic, twice.
		let proof = 2 * crate::TopicOf::<T>::max_encoded_len() as u64;
		T::DbWeight::get().reads_writes(2, 1).saturating_add(Weight::from_parts(0, proof))
	}
}

impl<T: Config> Pallet<T> {
	/// Writes `new` as the text `text` names (empty to take it down, the original to restore
	/// it), if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		match text {
			TextRef::TopicTitle(id) => {
				Topics::<T>::mutate(id, |t| t.as_mut().is_some_and(|t| t.title.replace_with(new)))
			},
			TextRef::TopicBody(id) => {
				Topics::<T>::mutate(id, |t| match t.as_mut().map(|t| &mut t.body) {
					Some(Body::Text(body)) => body.replace_with(new),
					_ => false,
				})
			},
			TextRef::Opinion(id, who) => {
				Opinions::<T>::mutate(id, who, |o| o.as_mut().is_some_and(|o| o.replace_with(new)))
			},
			TextRef::ProgressReport(id, n) => ProgressReports::<T>::mutate(id, n, |r| {
				r.as_mut().is_some_and(|r| r.text.replace_with(new))
			}),
			TextRef::TopicAnswer(id) => {
				Answers::<T>::mutate(id, |a| a.as_mut().is_some_and(|a| a.text.replace_with(new)))
			},
			_ => false,
		}
	}
}
