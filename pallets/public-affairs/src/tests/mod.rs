//! Tests, by concern. Shared fixtures below; the organisation is in [`crate::mock`].

mod matters;
mod moderation;
mod notices;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// Plum's secretary publishes a notice with replies open for `publicity` blocks; returns it.
pub fn publish(publicity: Option<u64>) -> NoticeId {
	let id = NextNoticeId::<Test>::get();
	assert_ok!(PublicAffairs::publish_notice(
		RuntimeOrigin::signed(PLUM_SECRETARY),
		PLUM,
		NoticeCategory::Finances,
		b"Q3 accounts".to_vec(),
		NoticeBody::Text(b"income 12000, spent 9000".to_vec()),
		publicity,
		true,
	));
	id
}

/// `who` raises a matter to `unit`; returns it.
pub fn raise(who: AccountId, unit: UnitId) -> MatterId {
	let id = NextMatterId::<Test>::get();
	assert_ok!(PublicAffairs::raise_matter(
		RuntimeOrigin::signed(who),
		unit,
		None,
		b"the lift is broken".to_vec()
	));
	id
}

pub fn status(id: MatterId) -> MatterStatus<u64> {
	Matters::<Test>::get(id).unwrap().status
}
