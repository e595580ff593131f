//! Take-down of the consultation's texts: topic titles and bodies, opinions, progress reports
//! and official answers ([`TextHost`]). A text taken down is replaced by empty text; the topic,
//! the opinion's place and the report's number stay, and the public-affairs pallet keeps who
//! wrote it, its hash, the reason and who took it down.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{text_hash, CivicText, TextFacts, TextHost, TextRef};

use crate::{Answers, Body, Config, Opinions, Pallet, ProgressReports, Topics};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		let facts = |unit, author, text: &[u8]| {
			(!text.is_empty()).then(|| TextFacts { unit, author, hash: text_hash(text) })
		};
		match text {
			TextRef::TopicTitle(id) => {
				let topic = Topics::<T>::get(id)?;
				facts(topic.unit, topic.author?, &topic.title)
			},
			TextRef::TopicBody(id) => {
				let topic = Topics::<T>::get(id)?;
				let Body::Text(body) = &topic.body else { return None };
				facts(topic.unit, topic.author.clone()?, body)
			},
			TextRef::Opinion(id, who) => {
				let opinion = Opinions::<T>::get(id, who)?;
				facts(Topics::<T>::get(id)?.unit, who.clone(), &opinion)
			},
			TextRef::ProgressReport(id, n) => {
				let report = ProgressReports::<T>::get(id, n)?;
				facts(Topics::<T>::get(id)?.unit, report.by, &report.text)
			},
			TextRef::TopicAnswer(id) => {
				let answer = Answers::<T>::get(id)?;
				facts(Topics::<T>::get(id)?.unit, answer.by, &answer.text)
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
	/// Writes `new` as the text `text` names, if its record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: &[u8]) -> bool {
		// Empty to take down; a restored original passed the guard when first written (a bound
		// lowered since leaves it down).
		match text {
			TextRef::TopicTitle(id) => {
				Topics::<T>::mutate(id, |topic| match (topic, CivicText::restored(new)) {
					(Some(topic), Some(new)) => {
						topic.title = new;
						true
					},
					_ => false,
				})
			},
			TextRef::TopicBody(id) => {
				Topics::<T>::mutate(id, |topic| match (topic, CivicText::restored(new)) {
					(Some(topic), Some(new)) if matches!(topic.body, Body::Text(_)) => {
						topic.body = Body::Text(new);
						true
					},
					_ => false,
				})
			},
			TextRef::Opinion(id, who) => Opinions::<T>::mutate(id, who, |opinion| {
				match (opinion, CivicText::restored(new)) {
					(Some(opinion), Some(new)) => {
						*opinion = new;
						true
					},
					_ => false,
				}
			}),
			TextRef::ProgressReport(id, n) => {
				ProgressReports::<T>::mutate(id, n, |report| {
					match (report, CivicText::restored(new)) {
						(Some(report), Some(new)) => {
							report.text = new;
							true
						},
						_ => false,
					}
				})
			},
			TextRef::TopicAnswer(id) => {
				Answers::<T>::mutate(id, |answer| match (answer, CivicText::restored(new)) {
					(Some(answer), Some(new)) => {
						answer.text = new;
						true
					},
					_ => false,
				})
			},
			_ => false,
		}
	}
}
