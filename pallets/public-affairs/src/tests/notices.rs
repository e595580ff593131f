//! Notices: publishing, boards, read receipts, replies.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::PersonalData;

#[test]
fn an_officer_publishes_a_notice_with_a_publicity_period() {
	new_test_ext().execute_with(|| {
		let id = publish(Some(7));
		let notice = Notices::<Test>::get(id).unwrap();
		assert_eq!((notice.unit, notice.publisher), (PLUM, PLUM_SECRETARY));
		assert_eq!(notice.publicity_ends, Some(8));
		assert_eq!(notice.title.as_slice(), b"Q3 accounts");
		assert_eq!(Boards::<Test>::get(PLUM).to_vec(), vec![id]);
		assert_eq!(
			last_event(),
			Event::NoticePublished {
				notice: id,
				unit: PLUM,
				category: NoticeCategory::Finances,
				publisher: PLUM_SECRETARY,
				publicity_ends: Some(8),
			}
		);
		// An officer of the street publishes on Plum's board too.
		assert_ok!(PublicAffairs::publish_notice(
			RuntimeOrigin::signed(STREET_SECRETARY),
			PLUM,
			NoticeCategory::Emergency,
			b"storm".to_vec(),
			NoticeBody::Document { hash: [1; 32], uri: b"https://gov.example/a".to_vec() },
			None,
			false,
		));
	});
}

#[test]
fn bad_notices_are_refused_and_change_nothing() {
	new_test_ext().execute_with(|| {
		let publish_as = |who, unit, title: &[u8], body: &[u8], publicity| {
			PublicAffairs::publish_notice(
				RuntimeOrigin::signed(who),
				unit,
				NoticeCategory::ResidentsAffairs,
				title.to_vec(),
				NoticeBody::Text(body.to_vec()),
				publicity,
				true,
			)
		};
		assert_noop!(publish_as(RESIDENT, PLUM, b"t", b"b", None), Error::<Test>::NotAnOfficer);
		assert_noop!(
			publish_as(BAMBOO_SECRETARY, PLUM, b"t", b"b", None),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(publish_as(PLUM_SECRETARY, 99, b"t", b"b", None), Error::<Test>::UnknownUnit);
		assert_noop!(publish_as(PLUM_SECRETARY, PLUM, b"", b"b", None), Error::<Test>::BadTitle);
		assert_noop!(
			publish_as(PLUM_SECRETARY, PLUM, &[b'x'; 17], b"b", None),
			Error::<Test>::BadTitle
		);
		assert_noop!(
			publish_as(PLUM_SECRETARY, PLUM, b"t", &[b'x'; 33], None),
			Error::<Test>::BadText
		);
		assert_noop!(
			publish_as(PLUM_SECRETARY, PLUM, b"t", b"call 13812345678", None),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		assert_noop!(
			publish_as(PLUM_SECRETARY, PLUM, b"t", b"b", Some(0)),
			Error::<Test>::ZeroPeriod
		);
		assert_noop!(
			PublicAffairs::publish_notice(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				PLUM,
				NoticeCategory::Housing,
				b"t".to_vec(),
				NoticeBody::Document { hash: [1; 32], uri: vec![b'u'; 25] },
				None,
				true,
			),
			Error::<Test>::BadUri
		);
		assert_eq!(NextNoticeId::<Test>::get(), 0);
	});
}

#[test]
fn a_full_board_retires_its_oldest_notice_and_prunes_its_receipts_and_replies() {
	new_test_ext().execute_with(|| {
		let first = publish(None);
		for who in 10..=12 {
			assert_ok!(PublicAffairs::acknowledge(RuntimeOrigin::signed(who), first, false));
			assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(who), first, b"ok".to_vec()));
		}
		let _ = publish(None);
		let _ = publish(None);
		let fourth = publish(None);
		assert!(Notices::<Test>::get(first).is_none());
		assert_eq!(Boards::<Test>::get(PLUM).len(), 3);
		assert!(events().contains(&Event::NoticeRetired { notice: first, unit: PLUM }));
		// Two records a step, as many steps as the block has room for.
		run_to_block(2);
		assert_eq!(Acknowledgements::<Test>::iter_prefix(first).count(), 0);
		assert_eq!(Replies::<Test>::iter_prefix(first).count(), 0);
		// The board reads newest first.
		let page: Vec<_> = PublicAffairs::notices(PLUM, 0).into_iter().map(|(id, _)| id).collect();
		assert_eq!(page, vec![fourth, fourth - 1, fourth - 2]);
		assert!(PublicAffairs::notices(PLUM, 1).is_empty());
	});
}

#[test]
fn residents_acknowledge_once_and_are_named_only_if_they_choose() {
	new_test_ext().execute_with(|| {
		let id = publish(None);
		assert_ok!(PublicAffairs::acknowledge(RuntimeOrigin::signed(RESIDENT), id, false));
		assert_eq!(last_event(), Event::NoticeAcknowledged { notice: id, who: None, count: 1 });
		assert_ok!(PublicAffairs::acknowledge(RuntimeOrigin::signed(NEIGHBOUR), id, true));
		assert_eq!(
			last_event(),
			Event::NoticeAcknowledged { notice: id, who: Some(NEIGHBOUR), count: 2 }
		);
		assert_noop!(
			PublicAffairs::acknowledge(RuntimeOrigin::signed(RESIDENT), id, true),
			Error::<Test>::AlreadyAcknowledged
		);
		assert_noop!(
			PublicAffairs::acknowledge(RuntimeOrigin::signed(BAMBOO_RESIDENT), id, false),
			Error::<Test>::NotAResident
		);
		assert_noop!(
			PublicAffairs::acknowledge(RuntimeOrigin::signed(RESIDENT), 9, false),
			Error::<Test>::UnknownNotice
		);
		assert_eq!(Notices::<Test>::get(id).unwrap().acknowledgements, 2);
	});
}

#[test]
fn replies_close_with_the_publicity_period_or_an_officer() {
	new_test_ext().execute_with(|| {
		let id = publish(Some(5));
		assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(RESIDENT), id, b"agree".to_vec()));
		// A second reply replaces the first.
		assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(RESIDENT), id, b"agree!".to_vec()));
		assert_eq!(Notices::<Test>::get(id).unwrap().replies, 1);
		assert_eq!(Replies::<Test>::get(id, RESIDENT).unwrap().text.as_slice(), b"agree!");
		run_to_block(7);
		assert_noop!(
			PublicAffairs::reply(RuntimeOrigin::signed(NEIGHBOUR), id, b"late".to_vec()),
			Error::<Test>::RepliesClosed
		);
		let other = publish(None);
		assert_noop!(
			PublicAffairs::close_replies(RuntimeOrigin::signed(RESIDENT), other),
			Error::<Test>::NotAnOfficer
		);
		assert_ok!(PublicAffairs::close_replies(RuntimeOrigin::signed(PLUM_COMMITTEE), other));
		assert_noop!(
			PublicAffairs::reply(RuntimeOrigin::signed(NEIGHBOUR), other, b"x".to_vec()),
			Error::<Test>::RepliesClosed
		);
	});
}

#[test]
fn a_notice_takes_a_bounded_number_of_replies_without_personal_data() {
	new_test_ext().execute_with(|| {
		let id = publish(None);
		assert_noop!(
			PublicAffairs::reply(
				RuntimeOrigin::signed(RESIDENT),
				id,
				b"11010519491231002X".to_vec()
			),
			Error::<Test>::PersonalData(PersonalData::IdNumber)
		);
		for who in 10..=12 {
			assert_ok!(PublicAffairs::reply(RuntimeOrigin::signed(who), id, b"yes".to_vec()));
		}
		assert_noop!(
			PublicAffairs::reply(RuntimeOrigin::signed(13), id, b"yes".to_vec()),
			Error::<Test>::TooManyReplies
		);
		assert_noop!(
			PublicAffairs::reply(RuntimeOrigin::signed(BAMBOO_RESIDENT), id, b"yes".to_vec()),
			Error::<Test>::NotAResident
		);
	});
}
