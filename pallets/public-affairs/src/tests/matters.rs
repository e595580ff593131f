//! Matters: raised, answered in time or moved up, rated, taken up, closed, counted, pruned.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::text::PersonalData;

#[test]
fn a_resident_raises_a_matter_and_an_officer_answers_it_in_time() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, PLUM);
		assert_eq!(status(id), MatterStatus::Open { deadline: 1 + ANSWER_PERIOD });
		assert_eq!(
			PublicAffairs::matters_of(RESIDENT).into_iter().map(|(m, _)| m).collect::<Vec<_>>(),
			vec![id]
		);
		assert_eq!(PublicAffairs::matters_waiting(PLUM).len(), 1);
		assert_eq!(PublicAffairs::open_matters(PLUM), vec![(id, 1 + ANSWER_PERIOD)]);
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			id,
			b"fixed on Monday".to_vec()
		));
		assert_eq!(
			last_event(),
			Event::MatterAnswered { matter: id, unit: PLUM, by: PLUM_COMMITTEE, in_time: true }
		);
		assert_eq!(status(id), MatterStatus::Answered { rate_by: 1 + RATING_PERIOD });
		assert!(PublicAffairs::open_matters(PLUM).is_empty());
		assert_ok!(PublicAffairs::rate_answer(RuntimeOrigin::signed(RESIDENT), id, true));
		assert_eq!(status(id), MatterStatus::Closed { satisfied: Some(true) });
		let stats = PublicAffairs::stats(PLUM);
		assert_eq!(
			(stats.raised, stats.answered, stats.answered_in_time, stats.satisfied),
			(1, 1, 1, 1)
		);
		assert!(MattersOf::<Test>::get(RESIDENT).is_empty());
	});
}

#[test]
fn an_unanswered_matter_goes_up_to_the_street_which_answers_and_the_resident_rates_it() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, PLUM);
		run_to_block(1 + ANSWER_PERIOD);
		let deadline = 1 + 2 * ANSWER_PERIOD;
		assert!(events().contains(&Event::MatterMovedUp {
			matter: id,
			from: PLUM,
			to: STREET,
			by_resident: false,
			deadline,
		}));
		assert_eq!(Matters::<Test>::get(id).unwrap().unit, STREET);
		assert_eq!(PublicAffairs::stats(PLUM).overdue, 1);
		assert_eq!(PublicAffairs::stats(STREET).came_up, 1);
		assert_eq!(PublicAffairs::open_matters(STREET), vec![(id, deadline)]);
		// Plum's officers are not the street's: Plum's secretary cannot answer it now.
		assert_noop!(
			PublicAffairs::answer_matter(RuntimeOrigin::signed(PLUM_SECRETARY), id, b"x".to_vec()),
			Error::<Test>::NotAnOfficer
		);
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(STREET_SECRETARY),
			id,
			b"the street pays".to_vec()
		));
		assert_ok!(PublicAffairs::rate_answer(RuntimeOrigin::signed(RESIDENT), id, true));
		let street = PublicAffairs::stats(STREET);
		assert_eq!((street.answered_in_time, street.satisfied), (1, 1));
	});
}

#[test]
fn an_unsatisfied_resident_takes_a_matter_up_once() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, PLUM);
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			id,
			b"no money".to_vec()
		));
		assert_noop!(
			PublicAffairs::take_up(RuntimeOrigin::signed(RESIDENT), id),
			Error::<Test>::NotUnsatisfied
		);
		assert_noop!(
			PublicAffairs::rate_answer(RuntimeOrigin::signed(NEIGHBOUR), id, false),
			Error::<Test>::NotTheRaiser
		);
		assert_ok!(PublicAffairs::rate_answer(RuntimeOrigin::signed(RESIDENT), id, false));
		assert_ok!(PublicAffairs::take_up(RuntimeOrigin::signed(RESIDENT), id));
		assert_eq!(Matters::<Test>::get(id).unwrap().unit, STREET);
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(STREET_SECRETARY),
			id,
			b"we will pay".to_vec()
		));
		assert_ok!(PublicAffairs::rate_answer(RuntimeOrigin::signed(RESIDENT), id, false));
		// Taken up once: unsatisfied again, the matter closes.
		assert_eq!(status(id), MatterStatus::Closed { satisfied: Some(false) });
		assert_noop!(
			PublicAffairs::take_up(RuntimeOrigin::signed(RESIDENT), id),
			Error::<Test>::AlreadyTakenUp
		);
		assert_eq!(Matters::<Test>::get(id).unwrap().answers.len(), 2);
		assert_eq!(PublicAffairs::stats(PLUM).unsatisfied, 1);
		assert_eq!(PublicAffairs::stats(STREET).unsatisfied, 1);
	});
}

#[test]
fn an_answer_not_rated_in_time_closes_the_matter_and_it_is_pruned_after_retention() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, PLUM);
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			id,
			b"done".to_vec()
		));
		run_to_block(1 + RATING_PERIOD);
		assert_eq!(status(id), MatterStatus::Closed { satisfied: None });
		assert!(MattersOf::<Test>::get(RESIDENT).is_empty());
		run_to_block(1 + RATING_PERIOD + RETENTION);
		assert!(Matters::<Test>::get(id).is_none());
		assert!(events().contains(&Event::MatterPruned { matter: id }));
		// The figures stay.
		assert_eq!(PublicAffairs::stats(PLUM).answered, 1);
	});
}

#[test]
fn a_district_matter_stays_open_overdue_and_a_late_answer_counts_as_late() {
	new_test_ext().execute_with(|| {
		let id = raise(RESIDENT, DISTRICT);
		run_to_block(1 + ANSWER_PERIOD);
		assert!(events().contains(&Event::MatterOverdue { matter: id, unit: DISTRICT }));
		assert_eq!(status(id), MatterStatus::Open { deadline: 1 + ANSWER_PERIOD });
		assert_ok!(PublicAffairs::answer_matter(
			RuntimeOrigin::signed(DISTRICT_SECRETARY),
			id,
			b"sorry".to_vec()
		));
		let stats = PublicAffairs::stats(DISTRICT);
		assert_eq!((stats.overdue, stats.answered, stats.answered_in_time), (1, 1, 0));
		// Nothing above the district to take it up to: rated unsatisfied, it closes.
		assert_ok!(PublicAffairs::rate_answer(RuntimeOrigin::signed(RESIDENT), id, false));
		assert_eq!(status(id), MatterStatus::Closed { satisfied: Some(false) });
	});
}

#[test]
fn bad_matters_are_refused_and_change_nothing() {
	new_test_ext().execute_with(|| {
		let raise_as = |who, unit, about, text: &[u8]| {
			PublicAffairs::raise_matter(RuntimeOrigin::signed(who), unit, about, text.to_vec())
		};
		assert_noop!(raise_as(RESIDENT, 99, None, b"x"), Error::<Test>::UnknownUnit);
		assert_noop!(raise_as(RESIDENT, BAMBOO, None, b"x"), Error::<Test>::NotAResident);
		assert_noop!(raise_as(NOBODY, PLUM, None, b"x"), Error::<Test>::NotAResident);
		assert_noop!(
			raise_as(RESIDENT, PLUM, Some(Subject::Notice(4)), b"x"),
			Error::<Test>::UnknownNotice
		);
		assert_noop!(raise_as(RESIDENT, PLUM, None, b""), Error::<Test>::BadText);
		assert_noop!(
			raise_as(RESIDENT, PLUM, None, b"my phone 13912345678"),
			Error::<Test>::PersonalData(PersonalData::MobileNumber)
		);
		assert_eq!(NextMatterId::<Test>::get(), 0);
		// Two open matters a resident; three waiting per unit.
		raise(RESIDENT, PLUM);
		raise(RESIDENT, STREET);
		assert_noop!(raise_as(RESIDENT, PLUM, None, b"x"), Error::<Test>::TooManyMatters);
		raise(NEIGHBOUR, PLUM);
		raise(12, PLUM);
		assert_noop!(raise_as(13, PLUM, None, b"x"), Error::<Test>::TooManyOpenMatters);
		assert_noop!(
			PublicAffairs::answer_matter(RuntimeOrigin::signed(BAMBOO_SECRETARY), 0, b"x".to_vec()),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(
			PublicAffairs::answer_matter(RuntimeOrigin::signed(PLUM_SECRETARY), 9, b"x".to_vec()),
			Error::<Test>::UnknownMatter
		);
	});
}

#[test]
fn governance_sets_the_answer_period_within_its_bound() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			PublicAffairs::set_answer_period(RuntimeOrigin::signed(PLUM_SECRETARY), 20),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			PublicAffairs::set_answer_period(RuntimeOrigin::root(), 4),
			Error::<Test>::PeriodTooShort
		);
		assert_ok!(PublicAffairs::set_answer_period(RuntimeOrigin::root(), 20));
		let id = raise(RESIDENT, PLUM);
		assert_eq!(status(id), MatterStatus::Open { deadline: 21 });
	});
}
