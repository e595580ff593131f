//! Benchmarks for `pallet_public_affairs`. Each call is measured on its most expensive path:
//! the longest texts and the dearest for the personal-data guard to read, officers whose office
//! is at the district (the longest walk up the tree), boards and lists nearly full. Taking a text
//! down or putting it back is weighed by the pallet that holds it ([`Config::Texts`]), added to
//! the calls' weights; here it is this pallet's own reply.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use gongzhi_primitives::{
	civic::{CivicRegistry, CivicRegistryBenchmarkHelper},
	text::{hardest_text, CivicText},
};
use sp_runtime::traits::Saturating;

type Helper<T> = <T as Config>::BenchmarkHelper;

struct Fixture<T: Config> {
	community: UnitId,
	street: UnitId,
	/// An officer of the district: an officer of every unit, found at the end of the walk up.
	officer: T::AccountId,
	/// A second officer of the district.
	second: T::AccountId,
	resident: T::AccountId,
}

fn fixture<T: Config>() -> Fixture<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let district = T::Registry::parent_of(street).expect("a street has a district");
	let officer: T::AccountId = account("officer", 0, 0);
	Helper::<T>::appoint_officer(&officer, district);
	let second: T::AccountId = account("officer", 1, 0);
	Helper::<T>::appoint_officer(&second, district);
	let resident: T::AccountId = account("resident", 0, 0);
	Helper::<T>::register_resident(&resident, community);
	Fixture { community, street, officer, second, resident }
}

/// A fresh resident of `community`, the `i`-th of those filling `unit`'s list.
fn resident<T: Config>(i: u32, community: UnitId, unit: UnitId) -> T::AccountId {
	let who: T::AccountId = account("resident", i, 1 + unit);
	Helper::<T>::register_resident(&who, community);
	who
}

fn text<T: Config>() -> Vec<u8> {
	hardest_text(T::MaxTextLength::get())
}

/// A notice on `unit`'s board, with replies open.
fn notice<T: Config>(f: &Fixture<T>, unit: UnitId) -> NoticeId {
	let id = NextNoticeId::<T>::get();
	Pallet::<T>::do_publish_notice(
		f.officer.clone(),
		unit,
		NoticeCategory::Finances,
		CivicText::filler(T::MaxTitleLength::get()),
		NoticeBody::Text(CivicText::filler(T::MaxTextLength::get())),
		None,
		true,
	)
	.expect("the officer publishes");
	id
}

/// Fills `unit`'s list of matters waiting for an answer but for `room` places, with matters
/// of fresh residents.
fn fill_open_matters<T: Config>(f: &Fixture<T>, unit: UnitId, room: u32) {
	let filled = T::MaxOpenMattersPerUnit::get().saturating_sub(room);
	for i in 0..filled {
		let who = resident::<T>(i, f.community, unit);
		Pallet::<T>::do_raise_matter(who, unit, None, CivicText::filler(8))
			.expect("room for the matter");
	}
}

/// The fixture's resident's matter to `f.community`, with the list nearly full before it.
fn matter<T: Config>(f: &Fixture<T>) -> MatterId {
	fill_open_matters::<T>(f, f.community, 1);
	let id = NextMatterId::<T>::get();
	Pallet::<T>::do_raise_matter(
		f.resident.clone(),
		f.community,
		None,
		CivicText::filler(T::MaxTextLength::get()),
	)
	.expect("the resident raises a matter");
	id
}

fn answered<T: Config>(f: &Fixture<T>) -> MatterId {
	let id = matter::<T>(f);
	Pallet::<T>::do_answer_matter(
		f.officer.clone(),
		id,
		CivicText::filler(T::MaxTextLength::get()),
	)
	.expect("the officer answers");
	id
}

/// The fixture's resident's reply to a notice of the community, taken down by the district.
fn hidden_reply<T: Config>(f: &Fixture<T>) -> TextRefOf<T> {
	let id = notice::<T>(f, f.community);
	let original = CivicText::new(text::<T>()).expect("the hardest text passes the guard");
	Pallet::<T>::do_reply(f.resident.clone(), id, original).expect("the resident replies");
	let reply = TextRef::NoticeReply(id, f.resident.clone());
	Pallet::<T>::do_hide_text(f.officer.clone(), reply.clone(), HideReason::Abuse)
		.expect("the district takes it down");
	reply
}

fn run_to<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// On a full board: the oldest notice retires.
	#[benchmark]
	fn publish_notice() {
		let f = fixture::<T>();
		for _ in 0..T::MaxNoticesPerUnit::get() {
			notice::<T>(&f, f.community);
		}
		let id = NextNoticeId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.officer.clone()),
			f.community,
			NoticeCategory::Housing,
			hardest_text(T::MaxTitleLength::get()),
			NoticeBody::Text(text::<T>()),
			Some(100u32.into()),
			true,
		);

		assert!(Notices::<T>::contains_key(id));
	}

	#[benchmark]
	fn acknowledge() {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.street);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.resident.clone()), id, true);

		assert_eq!(Notices::<T>::get(id).map(|n| n.acknowledgements), Some(1));
	}

	#[benchmark]
	fn reply() {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.street);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.resident.clone()), id, text::<T>());

		assert_eq!(Notices::<T>::get(id).map(|n| n.replies), Some(1));
	}

	#[benchmark]
	fn close_replies() {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.community);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id);

		assert_eq!(Notices::<T>::get(id).map(|n| n.feedback_open), Some(false));
	}

	/// About a notice, to a unit whose list is nearly full.
	#[benchmark]
	fn raise_matter() {
		let f = fixture::<T>();
		let about = notice::<T>(&f, f.community);
		fill_open_matters::<T>(&f, f.community, 1);
		let id = NextMatterId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.resident.clone()),
			f.community,
			Some(Subject::Notice(about)),
			text::<T>(),
		);

		assert!(Matters::<T>::contains_key(id));
	}

	/// The last matter of a full list.
	#[benchmark]
	fn answer_matter() {
		let f = fixture::<T>();
		let id = matter::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id, text::<T>());

		assert!(matches!(
			Matters::<T>::get(id).map(|m| m.status),
			Some(MatterStatus::Answered { .. })
		));
	}

	/// Satisfied: the matter closes and is queued for pruning.
	#[benchmark]
	fn rate_answer() {
		let f = fixture::<T>();
		let id = answered::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.resident.clone()), id, true);

		assert!(matches!(
			Matters::<T>::get(id).map(|m| m.status),
			Some(MatterStatus::Closed { .. })
		));
	}

	/// Up to a street whose list is nearly full.
	#[benchmark]
	fn take_up() {
		let f = fixture::<T>();
		let id = answered::<T>(&f);
		Pallet::<T>::do_rate_answer(f.resident.clone(), id, false).expect("unsatisfied");
		fill_open_matters::<T>(&f, f.street, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.resident.clone()), id);

		assert_eq!(Matters::<T>::get(id).map(|m| m.unit), Some(f.street));
	}

	#[benchmark]
	fn set_answer_period() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MinAnswerPeriod::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(AnswerPeriod::<T>::get(), Some(blocks));
		Ok(())
	}

	/// A second officer confirms a proposal to take a community's reply down. The district's
	/// officers are officers of the community (after the longest walk up) and of the level
	/// above too, so the proposal is made by hand.
	#[benchmark]
	fn hide_text() {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.community);
		let original = CivicText::new(text::<T>()).expect("the hardest text passes the guard");
		Pallet::<T>::do_reply(f.resident.clone(), id, original).expect("the resident replies");
		let reply_ref = TextRef::NoticeReply(id, f.resident.clone());
		let community_officer: T::AccountId = account("community officer", 0, 0);
		Helper::<T>::appoint_officer(&community_officer, f.community);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		HideProposals::<T>::insert(
			&reply_ref,
			HideProposal { proposer: f.second.clone(), reason: HideReason::Abuse, expires },
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(community_officer), reply_ref.clone(), HideReason::Abuse);

		assert!(Hidden::<T>::contains_key(&reply_ref));
	}

	#[benchmark]
	fn appeal() {
		let f = fixture::<T>();
		let reply_ref = hidden_reply::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.resident.clone()), reply_ref.clone());

		assert_eq!(Hidden::<T>::get(&reply_ref).map(|h| h.appeal), Some(Appeal::Pending));
	}

	/// The text restored, checked against its hash.
	#[benchmark]
	fn rule_on_appeal() {
		let f = fixture::<T>();
		let reply_ref = hidden_reply::<T>(&f);
		Pallet::<T>::do_appeal(f.resident.clone(), reply_ref.clone()).expect("the author appeals");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), reply_ref.clone(), Some(text::<T>()));

		assert!(!Hidden::<T>::contains_key(&reply_ref));
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::process_due(now);
		}
	}

	/// A matter overdue goes up to a street whose list is nearly full.
	#[benchmark]
	fn on_initialize_deadline() {
		let f = fixture::<T>();
		let id = matter::<T>(&f);
		fill_open_matters::<T>(&f, f.street, 1);
		let MatterStatus::Open { deadline } = Matters::<T>::get(id).expect("raised").status else {
			panic!("the matter is open")
		};
		run_to::<T>(deadline);

		#[block]
		{
			Pallet::<T>::deadline_passed(id, 0);
		}

		assert_eq!(Matters::<T>::get(id).map(|m| m.unit), Some(f.street));
	}

	/// An answer not rated in time: the matter closes.
	#[benchmark]
	fn on_initialize_rating() {
		let f = fixture::<T>();
		let id = answered::<T>(&f);

		#[block]
		{
			Pallet::<T>::rating_ended(id, 1);
		}

		assert!(matches!(
			Matters::<T>::get(id).map(|m| m.status),
			Some(MatterStatus::Closed { .. })
		));
	}

	/// A take-down proposal lapses.
	#[benchmark]
	fn on_initialize_proposal() {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.community);
		let title: TextRefOf<T> = TextRef::NoticeTitle(id);
		HideProposals::<T>::insert(
			&title,
			HideProposal {
				proposer: f.second.clone(),
				reason: HideReason::Other,
				expires: 1u32.into(),
			},
		);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::proposal_ended(title.clone(), now);
		}

		assert!(!HideProposals::<T>::contains_key(&title));
	}

	/// One pruning step of a retired notice: `n` read receipts.
	#[benchmark]
	fn on_idle_prune(n: Linear<1, { T::MaxPrunedPerStep::get() }>) {
		let f = fixture::<T>();
		let id = notice::<T>(&f, f.community);
		for i in 0..n {
			Acknowledgements::<T>::insert(id, account::<T::AccountId>("reader", i, 2), false);
		}
		Notices::<T>::remove(id);
		Boards::<T>::remove(f.community);
		crate::queue::Queues::<T>::push(
			crate::queue::Queue::RetiredNotices,
			1u32.into(),
			crate::queue::Due::Notice(id),
		);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::prune(now, Weight::MAX);
		}

		assert_eq!(Acknowledgements::<T>::iter_prefix(id).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
