//! Raising, supporting, withdrawing topics; lapses; unit rules.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::votes::SpendCategory;
use sp_runtime::Permill;

#[test]
fn a_resident_raises_a_topic_that_counts_their_support() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		let topic = Topics::<Test>::get(id).unwrap();
		assert_eq!(topic.author, Some(10));
		assert_eq!((topic.supports, topic.support_threshold), (1, 3));
		assert_eq!(topic.status, TopicStatus::Gathering { until: 1 + SUPPORT_PERIOD });
		assert!(Supports::<Test>::contains_key(id, 10));
		assert_eq!(OpenTopicsOf::<Test>::get(10), 1);
		assert_eq!(
			events()[0],
			Event::TopicRaised {
				topic: id,
				unit: PLUM,
				author: Some(10),
				category: Category::PublicAffairs,
				support_threshold: 3,
				qualified: false,
			}
		);
		assert_eq!(last_event(), Event::Supported { topic: id, who: 10, supports: 1 });
	});
}

#[test]
fn a_street_topic_is_raised_and_supported_by_residents_of_any_of_its_communities() {
	new_test_ext().execute_with(|| {
		let id = raise_by(20, STREET);
		assert_ok!(Consultation::support(RuntimeOrigin::signed(10), id));
		assert_ok!(Consultation::support(RuntimeOrigin::signed(21), id));
		assert_eq!(status(id), TopicStatus::Qualified { since: 1 });
	});
}

#[test]
fn raising_is_refused_outside_the_rules() {
	new_test_ext().execute_with(|| {
		let raise = |who, unit, title: &[u8], category, action| {
			Consultation::raise_topic(
				RuntimeOrigin::signed(who),
				unit,
				title.to_vec(),
				Body::Document([7; 32]),
				category,
				action,
				Secrecy::Open,
			)
		};
		let p = Category::PublicAffairs;
		let r = || Action::Resolution;
		assert_noop!(raise(NOBODY, PLUM, b"t", p, r()), Error::<Test>::NotAResidentOfUnit);
		// A Bamboo resident in Plum.
		assert_noop!(raise(20, PLUM, b"t", p, r()), Error::<Test>::NotAResidentOfUnit);
		assert_noop!(raise(10, DISTRICT, b"t", p, r()), Error::<Test>::WrongLevel);
		assert_noop!(raise(10, 99, b"t", p, r()), Error::<Test>::UnknownUnit);
		assert_noop!(raise(10, PLUM, b"", p, r()), Error::<Test>::BadTitle);
		assert_noop!(raise(10, PLUM, &[b'x'; 17], p, r()), Error::<Test>::BadTitle);
		assert_noop!(
			Consultation::raise_topic(
				RuntimeOrigin::signed(10),
				PLUM,
				b"t".to_vec(),
				Body::Text(vec![b'x'; 33]),
				p,
				r(),
				Secrecy::Open
			),
			Error::<Test>::BodyTooLong
		);
		let spend = |amount| Action::TreasurySpend {
			beneficiary: CONTRACTOR,
			amount,
			category: SpendCategory::Facilities,
		};
		assert_noop!(raise(10, PLUM, b"t", p, spend(5)), Error::<Test>::SpendNeedsFundsCategory);
		assert_noop!(raise(10, PLUM, b"t", Category::Funds, spend(0)), Error::<Test>::ZeroAmount);
		assert_noop!(
			raise(10, PLUM, b"t", p, Action::Decide(VoteSubject::TreasurySpend(0))),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_eq!(NextTopicId::<Test>::get(), 0);
	});
}

#[test]
fn a_resident_has_a_bounded_number_of_open_topics() {
	new_test_ext().execute_with(|| {
		let first = raise_by(10, PLUM);
		raise_by(10, PLUM);
		assert_noop!(
			Consultation::raise_topic(
				RuntimeOrigin::signed(10),
				PLUM,
				b"third".to_vec(),
				Body::Document([0; 32]),
				Category::Other,
				Action::Resolution,
				Secrecy::Open
			),
			Error::<Test>::TooManyOpenTopics
		);
		// Withdrawing one frees a place once its support period is over (see below).
		assert_ok!(Consultation::withdraw_topic(RuntimeOrigin::signed(10), first));
		run_to_block(1 + SUPPORT_PERIOD);
		raise_by(10, PLUM);
	});
}

#[test]
fn an_officer_puts_a_topic_on_the_agenda_at_once() {
	new_test_ext().execute_with(|| {
		let id = raise_by(PLUM_SECRETARY, PLUM);
		assert_eq!(status(id), TopicStatus::Qualified { since: 1 });
		assert_eq!(Qualified::<Test>::get(PLUM).to_vec(), vec![id]);
		// A street officer may too, in the street's communities.
		let other = raise_by(STREET_SECRETARY, PLUM);
		assert_eq!(status(other), TopicStatus::InMeeting(0));
	});
}

#[test]
fn residents_of_the_unit_support_once_each_and_the_threshold_qualifies() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(10), id),
			Error::<Test>::AlreadySupported
		);
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(20), id),
			Error::<Test>::NotAResidentOfUnit
		);
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(NOBODY), id),
			Error::<Test>::NotAResidentOfUnit
		);
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(11), 99),
			Error::<Test>::UnknownTopic
		);
		assert_ok!(Consultation::support(RuntimeOrigin::signed(11), id));
		assert!(matches!(status(id), TopicStatus::Gathering { .. }));
		assert_ok!(Consultation::support(RuntimeOrigin::signed(12), id));
		assert_eq!(status(id), TopicStatus::Qualified { since: 1 });
		assert_eq!(last_event(), Event::TopicQualified { topic: id, unit: PLUM });
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(13), id),
			Error::<Test>::NotGathering
		);
	});
}

#[test]
fn a_share_threshold_is_taken_of_the_residents_when_the_topic_is_raised() {
	new_test_ext().execute_with(|| {
		assert_ok!(Consultation::set_unit_rules(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			PLUM,
			UnitRules { support: SupportThreshold::Share(Permill::from_percent(25)), batch: 2 },
		));
		// 25% of 10 residents, rounded up.
		let id = raise_by(10, PLUM);
		assert_eq!(Topics::<Test>::get(id).unwrap().support_threshold, 3);
	});
}

#[test]
fn unit_rules_are_set_by_its_officers_within_bounds() {
	new_test_ext().execute_with(|| {
		let rules = UnitRules { support: SupportThreshold::Absolute(5), batch: 3 };
		assert_noop!(
			Consultation::set_unit_rules(RuntimeOrigin::signed(10), PLUM, rules),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(
			Consultation::set_unit_rules(RuntimeOrigin::signed(BAMBOO_SECRETARY), PLUM, rules),
			Error::<Test>::NotAnOfficer
		);
		for bad in [
			UnitRules { support: SupportThreshold::Absolute(0), batch: 1 },
			UnitRules { support: SupportThreshold::Absolute(1), batch: 0 },
			UnitRules { support: SupportThreshold::Absolute(1), batch: 4 },
			UnitRules { support: SupportThreshold::Share(Permill::from_percent(51)), batch: 1 },
			UnitRules { support: SupportThreshold::Share(Permill::zero()), batch: 1 },
		] {
			assert_noop!(
				Consultation::set_unit_rules(RuntimeOrigin::signed(PLUM_SECRETARY), PLUM, bad),
				Error::<Test>::InvalidRules
			);
		}
		assert_ok!(Consultation::set_unit_rules(RuntimeOrigin::root(), PLUM, rules));
		assert_eq!(
			last_event(),
			Event::UnitRulesSet {
				unit: PLUM,
				rules,
				by: gongzhi_primitives::civic::Authority::Governance
			}
		);
		assert_eq!(Consultation::unit_rules(PLUM), rules);
	});
}

#[test]
fn only_the_author_withdraws_and_only_before_a_meeting() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		qualify_in_plum(id);
		assert_noop!(
			Consultation::withdraw_topic(RuntimeOrigin::signed(11), id),
			Error::<Test>::NotTheAuthor
		);
		assert_ok!(Consultation::withdraw_topic(RuntimeOrigin::signed(10), id));
		assert_eq!(status(id), TopicStatus::Withdrawn);
		assert!(Qualified::<Test>::get(PLUM).is_empty());
		assert_eq!(OpenTopicsOf::<Test>::get(10), 0);
		let (first, _) = plum_meeting(Secrecy::Open);
		assert_noop!(
			Consultation::withdraw_topic(RuntimeOrigin::signed(10), first),
			Error::<Test>::CannotWithdraw
		);
	});
}

#[test]
fn a_topic_without_enough_supports_lapses_at_the_end_of_its_period() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		assert_ok!(Consultation::support(RuntimeOrigin::signed(11), id));
		run_to_block(SUPPORT_PERIOD);
		assert!(matches!(status(id), TopicStatus::Gathering { .. }));
		run_to_block(1 + SUPPORT_PERIOD);
		assert_eq!(status(id), TopicStatus::Lapsed);
		assert_eq!(last_event(), Event::TopicLapsed { topic: id, supports: 2 });
		assert_eq!(OpenTopicsOf::<Test>::get(10), 0);
		assert_noop!(
			Consultation::support(RuntimeOrigin::signed(12), id),
			Error::<Test>::NotGathering
		);
	});
}

#[test]
fn topic_ids_never_wrap_onto_old_topics() {
	new_test_ext().execute_with(|| {
		NextTopicId::<Test>::put(TopicId::MAX);
		assert_noop!(
			Consultation::raise_topic(
				RuntimeOrigin::signed(11),
				PLUM,
				b"bike shed".to_vec(),
				Body::Text(b"where to put it".to_vec()),
				Category::PublicAffairs,
				Action::Resolution,
				Secrecy::Open
			),
			Error::<Test>::NoMoreIds
		);
	});
}

#[test]
fn a_topic_withdrawn_while_gathering_counts_as_open_until_its_support_period_ends() {
	new_test_ext().execute_with(|| {
		// Two open topics a resident at most (the mock's bound).
		let first = raise_by(10, PLUM);
		raise_by(10, PLUM);
		assert_ok!(Consultation::withdraw_topic(RuntimeOrigin::signed(10), first));
		assert_noop!(
			Consultation::raise_topic(
				RuntimeOrigin::signed(10),
				PLUM,
				b"again".to_vec(),
				Body::Text(b"and again".to_vec()),
				Category::PublicAffairs,
				Action::Resolution,
				Secrecy::Open,
			),
			Error::<Test>::TooManyOpenTopics
		);
		run_to_block(1 + SUPPORT_PERIOD);
		// Both support periods ended (the second lapsed): room for new topics again.
		assert_eq!(OpenTopicsOf::<Test>::get(10), 0);
		raise_by(10, PLUM);
	});
}

#[test]
fn an_absolute_support_threshold_never_exceeds_the_units_residents() {
	new_test_ext().execute_with(|| {
		// Plum has ten residents: a threshold of a thousand would silence it.
		assert_ok!(Consultation::set_unit_rules(
			RuntimeOrigin::root(),
			PLUM,
			UnitRules { support: SupportThreshold::Absolute(1_000), batch: 2 }
		));
		let id = raise_by(10, PLUM);
		assert_eq!(Topics::<Test>::get(id).unwrap().support_threshold, 10);
		for who in 11..=19 {
			assert_ok!(Consultation::support(RuntimeOrigin::signed(who), id));
		}
		assert!(matches!(status(id), TopicStatus::Qualified { .. }));
	});
}

#[test]
fn a_units_topics_are_read_newest_first_a_page_at_a_time() {
	new_test_ext().execute_with(|| {
		let plum: Vec<TopicId> = [10, 11, 12].map(|who| raise_by(who, PLUM)).to_vec();
		let bamboo = raise_by(20, BAMBOO);

		let (page, next) = Consultation::topics_of(PLUM, None);
		let ids: Vec<TopicId> = page.iter().map(|(id, _)| *id).collect();
		assert_eq!(
			ids,
			plum.iter().rev().copied().collect::<Vec<_>>(),
			"Plum's only, newest first"
		);
		assert!(page.iter().all(|(_, topic)| topic.unit == PLUM));
		assert_eq!(next, None, "nothing older");
		assert_eq!(Consultation::topics_of(BAMBOO, None).0.len(), 1);
		assert_eq!(Consultation::topics_of(BAMBOO, None).0[0].0, bamboo);

		// A page starts below the topic it is given; unknown or future ids read as the newest.
		let (older, _) = Consultation::topics_of(PLUM, Some(plum[2]));
		assert_eq!(older.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![plum[1], plum[0]]);
		assert_eq!(Consultation::topics_of(PLUM, Some(TopicId::MAX)).0.len(), 3);
	});
}

#[test]
fn a_page_reads_a_bounded_number_of_topics() {
	new_test_ext().execute_with(|| {
		// Ids far beyond the scan window: the page stops there and says where to go on.
		NextTopicId::<Test>::put(crate::topics::TOPICS_SCANNED * 3);
		let (page, next) = Consultation::topics_of(PLUM, None);
		assert!(page.is_empty());
		assert_eq!(next, Some(crate::topics::TOPICS_SCANNED * 2));
	});
}
