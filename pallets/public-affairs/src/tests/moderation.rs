//! Take-down: two officers of the unit or one above; the author's appeal.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::{text_hash, TextRef};

#[test]
fn two_officers_of_the_unit_take_a_text_down_and_its_hash_stays() {
	new_test_ext().execute_with(|| {
		let id = publish(None);
		assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(RESIDENT), id, b"rude".to_vec()));
		let reply = TextRef::NoticeReply(id, RESIDENT);
		assert_ok!(PublicAffairs::hide_text(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			reply.clone(),
			HideReason::Abuse
		));
		// Proposed only: the text is still there.
		assert_eq!(Replies::<Test>::get(id, RESIDENT).unwrap().text.as_slice(), b"rude");
		assert_noop!(
			PublicAffairs::hide_text(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				reply.clone(),
				HideReason::Abuse
			),
			Error::<Test>::AlreadyProposed
		);
		assert_noop!(
			PublicAffairs::hide_text(
				RuntimeOrigin::signed(BAMBOO_SECRETARY),
				reply.clone(),
				HideReason::Abuse
			),
			Error::<Test>::NotAnOfficer
		);
		assert_ok!(PublicAffairs::hide_text(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			reply.clone(),
			HideReason::Other
		));
		assert!(Replies::<Test>::get(id, RESIDENT).unwrap().text.is_empty());
		let hidden = PublicAffairs::hidden(reply.clone()).unwrap();
		assert_eq!(hidden.hash, text_hash(b"rude"));
		assert_eq!((hidden.author, hidden.reason), (RESIDENT, HideReason::Abuse));
		assert_eq!(hidden.hidden_by.to_vec(), vec![PLUM_SECRETARY, PLUM_COMMITTEE]);
		assert_eq!(
			last_event(),
			Event::TextHidden { text: reply.clone(), author: RESIDENT, reason: HideReason::Abuse }
		);
		assert_noop!(
			PublicAffairs::hide_text(
				RuntimeOrigin::signed(STREET_SECRETARY),
				reply,
				HideReason::Abuse
			),
			Error::<Test>::AlreadyHidden
		);
	});
}

#[test]
fn one_officer_of_the_level_above_takes_a_text_down_alone() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, PLUM);
		assert_ok!(PublicAffairs::hide_text(
			RuntimeOrigin::signed(STREET_SECRETARY),
			TextRef::Matter(id),
			HideReason::Advertising
		));
		let matter = Matters::<Test>::get(id).unwrap();
		assert!(matter.text.is_empty());
		// The matter itself goes on.
		assert!(matches!(matter.status, MatterStatus::Open { .. }));
	});
}

#[test]
fn a_proposal_without_a_second_officer_lapses() {
	new_test_ext().execute_with(|| {
		let id = publish(None);
		let title = TextRef::NoticeTitle(id);
		assert_ok!(PublicAffairs::hide_text(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			title.clone(),
			HideReason::Unlawful
		));
		run_to_block(1 + PROPOSAL_PERIOD);
		assert!(HideProposals::<Test>::get(&title).is_none());
		assert!(events().contains(&Event::TakeDownLapsed { text: title.clone() }));
		// A second officer now only proposes afresh.
		assert_ok!(PublicAffairs::hide_text(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			title.clone(),
			HideReason::Unlawful
		));
		assert_eq!(Notices::<Test>::get(id).unwrap().title.as_slice(), b"Q3 accounts");
	});
}

#[test]
fn unknown_or_empty_texts_cannot_be_taken_down() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			PublicAffairs::hide_text(
				RuntimeOrigin::signed(STREET_SECRETARY),
				TextRef::NoticeTitle(5),
				HideReason::Other
			),
			Error::<Test>::UnknownText
		);
		// Texts of pallets not in this runtime are unknown too.
		assert_noop!(
			PublicAffairs::hide_text(
				RuntimeOrigin::signed(STREET_SECRETARY),
				TextRef::TopicTitle(0),
				HideReason::Other
			),
			Error::<Test>::UnknownText
		);
	});
}

/// A reply of the resident's, taken down by the street.
fn hidden_reply() -> TextRefOf<Test> {
	let id = publish(None);
	assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(RESIDENT), id, b"fair point".to_vec()));
	let reply = TextRef::NoticeReply(id, RESIDENT);
	assert_ok!(PublicAffairs::hide_text(
		RuntimeOrigin::signed(STREET_SECRETARY),
		reply.clone(),
		HideReason::Abuse
	));
	reply
}

#[test]
fn the_author_appeals_once_and_the_level_above_restores_the_text() {
	new_test_ext().execute_with(|| {
		let reply = hidden_reply();
		assert_noop!(
			PublicAffairs::appeal(RuntimeOrigin::signed(NEIGHBOUR), reply.clone()),
			Error::<Test>::NotTheAuthor
		);
		assert_noop!(
			PublicAffairs::rule_on_appeal(
				RuntimeOrigin::signed(STREET_SECRETARY),
				reply.clone(),
				None
			),
			Error::<Test>::NoAppeal
		);
		assert_ok!(PublicAffairs::appeal(RuntimeOrigin::signed(RESIDENT), reply.clone()));
		assert_noop!(
			PublicAffairs::appeal(RuntimeOrigin::signed(RESIDENT), reply.clone()),
			Error::<Test>::AlreadyAppealed
		);
		// Plum's officers are not above Plum.
		assert_noop!(
			PublicAffairs::rule_on_appeal(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				reply.clone(),
				Some(b"fair point".to_vec())
			),
			Error::<Test>::NotAnOfficerAbove
		);
		assert_noop!(
			PublicAffairs::rule_on_appeal(
				RuntimeOrigin::signed(STREET_SECRETARY),
				reply.clone(),
				Some(b"something else".to_vec())
			),
			Error::<Test>::HashMismatch
		);
		assert_ok!(PublicAffairs::rule_on_appeal(
			RuntimeOrigin::signed(STREET_SECRETARY),
			reply.clone(),
			Some(b"fair point".to_vec())
		));
		let TextRef::NoticeReply(id, _) = reply else { unreachable!() };
		assert_eq!(Replies::<Test>::get(id, RESIDENT).unwrap().text.as_slice(), b"fair point");
		assert!(PublicAffairs::hidden(reply).is_none());
	});
}

#[test]
fn a_dismissed_appeal_is_final() {
	new_test_ext().execute_with(|| {
		let reply = hidden_reply();
		assert_ok!(PublicAffairs::appeal(RuntimeOrigin::signed(RESIDENT), reply.clone()));
		assert_ok!(PublicAffairs::rule_on_appeal(
			RuntimeOrigin::signed(DISTRICT_SECRETARY),
			reply.clone(),
			None
		));
		assert_eq!(PublicAffairs::hidden(reply.clone()).unwrap().appeal, Appeal::Dismissed);
		assert_noop!(
			PublicAffairs::appeal(RuntimeOrigin::signed(RESIDENT), reply),
			Error::<Test>::AlreadyAppealed
		);
	});
}
