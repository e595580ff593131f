//! Take-down of the consultation's texts: topic titles and bodies, opinions, progress reports
//! and official answers ([`TextHost`]). A text taken down is replaced by empty text; the topic,
//! the opinion's place and the report's number stay, and the public-affairs pallet keeps who
//! wrote it, its hash, the reason and who took it down.

use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use gongzhi_primitives::text::{CivicText, TextFacts, TextHost, TextRef};

use crate::{Answers, Body, Config, Opinions, Pallet, ProgressReports, Topics};

impl<T: Config> TextHost<T::AccountId> for Pallet<T> {
	fn locate(text: &TextRef<T::AccountId>) -> Option<TextFacts<T::AccountId>> {
		let facts = |unit, author, text: &[u8]| {
			(!text.is_empty()).then(|| TextFacts {
				unit,
				author,
				hash: sp_io::hashing::blake2_256(text),
			})
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
		Self::replace_text(text, Replacement::Empty)
	}

	fn restore(text: &TextRef<T::AccountId>, original: &[u8]) -> bool {
		// The original passed the guard and the bound when it was first written; a bound lowered
		// since then leaves it down.
		match text {
			TextRef::TopicTitle(_) => CivicText::new(original.to_vec())
				.is_ok_and(|t| Self::replace_text(text, Replacement::Title(t))),
			TextRef::TopicBody(_) => CivicText::new(original.to_vec())
				.is_ok_and(|t| Self::replace_text(text, Replacement::Body(t))),
			_ => CivicText::new(original.to_vec())
				.is_ok_and(|t| Self::replace_text(text, Replacement::Short(t))),
		}
	}

	fn weight() -> Weight {
		// Two reads (the text's record and its topic) and one write; the proof holds at most the
		// largest record, a topic, twice.
		let proof = 2 * crate::TopicOf::<T>::max_encoded_len() as u64;
		T::DbWeight::get().reads_writes(2, 1).saturating_add(Weight::from_parts(0, proof))
	}
}

/// New text for one of the consultation's fields.
enum Replacement<T: Config> {
	Title(crate::TitleOf<T>),
	Body(crate::BodyTextOf<T>),
	Short(crate::OpinionOf<T>),
	Empty,
}

impl<T: Config> Pallet<T> {
	/// Writes `new` into the field `text` names, if the record exists and `new` fits the field.
	fn replace_text(text: &TextRef<T::AccountId>, new: Replacement<T>) -> bool {
		match (text, new) {
			(TextRef::TopicTitle(id), new) => Topics::<T>::mutate(id, |topic| {
				let Some(topic) = topic else { return false };
				topic.title = match new {
					Replacement::Title(t) => t,
					Replacement::Empty => CivicText::empty(),
					_ => return false,
				};
				true
			}),
			(TextRef::TopicBody(id), new) => Topics::<T>::mutate(id, |topic| {
				let Some(topic) = topic else { return false };
				let Body::Text(body) = &mut topic.body else { return false };
				*body = match new {
					Replacement::Body(t) => t,
					Replacement::Empty => CivicText::empty(),
					_ => return false,
				};
				true
			}),
			(TextRef::Opinion(id, who), new) => {
				let Some(new) = Self::short(new) else { return false };
				Opinions::<T>::mutate(id, who, |opinion| {
					let Some(opinion) = opinion else { return false };
					*opinion = new;
					true
				})
			},
			(TextRef::ProgressReport(id, n), new) => {
				let Some(new) = Self::short(new) else { return false };
				ProgressReports::<T>::mutate(id, n, |report| {
					let Some(report) = report else { return false };
					report.text = new;
					true
				})
			},
			(TextRef::TopicAnswer(id), new) => {
				let Some(new) = Self::short(new) else { return false };
				Answers::<T>::mutate(id, |answer| {
					let Some(answer) = answer else { return false };
					answer.text = new;
					true
				})
			},
			_ => false,
		}
	}

	fn short(new: Replacement<T>) -> Option<crate::OpinionOf<T>> {
		match new {
			Replacement::Short(t) => Some(t),
			Replacement::Empty => Some(CivicText::empty()),
			_ => None,
		}
	}
}
