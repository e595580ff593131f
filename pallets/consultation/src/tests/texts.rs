//! Personal data kept off the chain, official answers to ended topics, and take-downs.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::{CivicText, PersonalData, TextHost, TextRef};

#[test]
fn a_topic_with_an_id_number_or_a_phone_number_is_refused_and_nothing_is_stored() {
	new_test_ext().execute_with(|| {
		let raise = |title: &str, body: &str| {
			Consultation::raise_topic(
				RuntimeOrigin::signed(10),
				PLUM,
				title.as_bytes().to_vec(),
				Body::Text(body.as_bytes().to_vec()),
				Category::PublicAffairs,
				Action::Resolution,
				Secrecy::Open,
			)
		};
		assert_noop!(
			raise("lift", "ID 11010519491231002X"),
			Error::<Test>::PersonalData(PersonalData::IdNumber)
		);
		assert_noop!(
			raise("lift", "tel 138 1234 5678"),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		assert_noop!(
			raise("13812345678", "lift"),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		assert_eq!(NextTopicId::<Test>::get(), 0);
		assert_ok!(raise("lift", "2026-12, 12000 yuan"));
	});
}

#[test]
fn an_opinion_with_a_phone_number_is_refused() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		assert_noop!(
			Consultation::give_opinion(RuntimeOrigin::signed(11), first, b"13812345678".to_vec()),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		assert!(!Opinions::<Test>::contains_key(first, 11));
	});
}

/// A Plum topic that lapsed.
fn lapsed_topic() -> TopicId {
	let id = raise_by(10, PLUM);
	run_to_block(1 + SUPPORT_PERIOD);
	assert_eq!(status(id), TopicStatus::Lapsed);
	id
}

#[test]
fn an_officer_answers_a_lapsed_topic_once() {
	new_test_ext().execute_with(|| {
		let id = lapsed_topic();
		let answer = |who, text: &[u8]| {
			Consultation::answer_topic(RuntimeOrigin::signed(who), id, text.to_vec())
		};
		assert_noop!(answer(10, b"no"), Error::<Test>::NotAnOfficer);
		assert_noop!(answer(BAMBOO_SECRETARY, b"no"), Error::<Test>::NotAnOfficer);
		assert_ok!(answer(PLUM_SECRETARY, b"raise in spring"));
		assert_eq!(last_event(), Event::TopicAnswered { topic: id, by: PLUM_SECRETARY });
		let stored = Answers::<Test>::get(id).unwrap();
		assert_eq!((stored.by, stored.text.as_slice()), (PLUM_SECRETARY, &b"raise in spring"[..]));
		// A street officer is an officer of Plum too, but the answer is given.
		assert_noop!(answer(STREET_SECRETARY, b"again"), Error::<Test>::AlreadyAnswered);
	});
}

#[test]
fn a_topic_still_gathering_supports_has_no_answer_yet() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		assert_noop!(
			Consultation::answer_topic(RuntimeOrigin::signed(PLUM_SECRETARY), id, b"x".to_vec()),
			Error::<Test>::NotEnded
		);
		assert_noop!(
			Consultation::answer_topic(RuntimeOrigin::signed(PLUM_SECRETARY), 99, b"x".to_vec()),
			Error::<Test>::UnknownTopic
		);
	});
}

#[test]
fn a_withdrawn_and_a_decided_topic_are_answered_too() {
	new_test_ext().execute_with(|| {
		let withdrawn = raise_by(10, PLUM);
		assert_ok!(Consultation::withdraw_topic(RuntimeOrigin::signed(10), withdrawn));
		assert_ok!(Consultation::answer_topic(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			withdrawn,
			b"noted".to_vec()
		));
		let (first, _) = plum_meeting(Secrecy::Open);
		open_voting(0);
		close_voting(0);
		assert!(outcome(first).is_some());
		assert_ok!(Consultation::answer_topic(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			first,
			b"work in May".to_vec()
		));
	});
}

#[test]
fn a_topics_texts_are_found_taken_down_and_restored_by_their_reference() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		let title = TextRef::TopicTitle(id);
		let facts = Consultation::locate(&title).unwrap();
		assert_eq!((facts.unit, facts.author), (PLUM, 10));
		assert_eq!(facts.hash, sp_io::hashing::blake2_256(b"bike shed"));
		assert!(Consultation::take_down(&title));
		let topic = Topics::<Test>::get(id).unwrap();
		assert!(topic.title.is_empty());
		// The body and the rest of the topic stay.
		assert_eq!(topic.body, Body::Text(CivicText::new(b"where to put it".to_vec()).unwrap()));
		assert_eq!(topic.supports, 1);
		// Gone: nothing left to find or take down.
		assert_eq!(Consultation::locate(&title), None);
		assert!(Consultation::restore(&title, b"bike shed"));
		assert_eq!(Topics::<Test>::get(id).unwrap().title.as_slice(), b"bike shed");
		// Another pallet's references are not the consultation's.
		assert_eq!(Consultation::locate(&TextRef::NoticeTitle(id)), None);
		assert!(!Consultation::take_down(&TextRef::Matter(id)));
	});
}

#[test]
fn an_opinion_is_taken_down_and_its_place_kept() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		assert_ok!(Consultation::give_opinion(
			RuntimeOrigin::signed(11),
			first,
			b"too loud".to_vec()
		));
		let opinion = TextRef::Opinion(first, 11);
		assert_eq!(Consultation::locate(&opinion).map(|f| (f.unit, f.author)), Some((PLUM, 11)));
		assert!(Consultation::take_down(&opinion));
		assert_eq!(Opinions::<Test>::get(first, 11).map(|o| o.len()), Some(0));
		assert_eq!(Topics::<Test>::get(first).unwrap().opinions, 1);
	});
}
