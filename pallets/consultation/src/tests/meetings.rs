//! Convening meetings, deliberation, and the phase changes of the queues.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_meeting_convenes_as_soon_as_k_topics_qualify() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		let meeting = Meetings::<Test>::get(0).unwrap();
		assert_eq!(meeting.topics.to_vec(), vec![first, second]);
		assert_eq!(meeting.phase, Phase::Deliberation { until: 1 + DELIBERATION });
		assert!(Qualified::<Test>::get(PLUM).is_empty());
		assert_eq!(status(second), TopicStatus::InMeeting(0));
		assert_eq!(
			last_event(),
			Event::MeetingConvened {
				meeting: 0,
				unit: PLUM,
				topics: vec![first, second].try_into().unwrap(),
				voting_opens: 1 + DELIBERATION,
			}
		);
	});
}

#[test]
fn a_lone_topic_is_convened_when_it_has_waited_t_blocks() {
	new_test_ext().execute_with(|| {
		run_to_block(3);
		let id = raise_by(10, PLUM);
		qualify_in_plum(id);
		run_to_block(3 + WAIT - 1);
		assert_eq!(status(id), TopicStatus::Qualified { since: 3 });
		run_to_block(3 + WAIT);
		assert_eq!(status(id), TopicStatus::InMeeting(0));
		assert_eq!(Meetings::<Test>::get(0).unwrap().convened_at, 3 + WAIT);
	});
}

#[test]
fn a_wait_queued_for_topics_already_convened_convenes_nothing_early() {
	new_test_ext().execute_with(|| {
		// Two topics convene at once; their wait stays queued.
		plum_meeting(Secrecy::Open);
		run_to_block(5);
		let late = raise_by(14, PLUM);
		qualify_in_plum(late);
		// The first wait ends at 1 + WAIT: the late topic has not waited long enough yet.
		run_to_block(1 + WAIT);
		assert_eq!(status(late), TopicStatus::Qualified { since: 5 });
		run_to_block(5 + WAIT);
		assert_eq!(status(late), TopicStatus::InMeeting(1));
	});
}

#[test]
fn units_convene_separately() {
	new_test_ext().execute_with(|| {
		let plum = raise_by(10, PLUM);
		qualify_in_plum(plum);
		let bamboo = raise_by(BAMBOO_SECRETARY, BAMBOO);
		assert_eq!(Qualified::<Test>::get(PLUM).to_vec(), vec![plum]);
		assert_eq!(Qualified::<Test>::get(BAMBOO).to_vec(), vec![bamboo]);
		assert!(Meetings::<Test>::get(0).is_none());
	});
}

#[test]
fn opinions_are_recorded_during_deliberation_only_and_bounded() {
	new_test_ext().execute_with(|| {
		let id = raise_by(10, PLUM);
		assert_noop!(
			Consultation::give_opinion(RuntimeOrigin::signed(11), id, b"yes".to_vec()),
			Error::<Test>::NotDeliberating
		);
		let (first, _) = plum_meeting(Secrecy::Open);
		let opine = |who, text: &[u8]| {
			Consultation::give_opinion(RuntimeOrigin::signed(who), first, text.to_vec())
		};
		assert_noop!(opine(20, b"no"), Error::<Test>::NotAResidentOfUnit);
		assert_noop!(opine(11, b""), Error::<Test>::BadText);
		assert_noop!(opine(11, &[b'x'; 17]), Error::<Test>::BadText);
		assert_ok!(opine(11, b"north side"));
		assert_ok!(opine(11, b"south side"));
		assert_eq!(Opinions::<Test>::get(first, 11).unwrap().to_vec(), b"south side".to_vec());
		assert_ok!(opine(PLUM_SECRETARY, b"either"));
		assert_ok!(opine(12, b"no shed"));
		assert_eq!(Topics::<Test>::get(first).unwrap().opinions, 3);
		assert_noop!(opine(13, b"late"), Error::<Test>::TooManyOpinions);
		assert_eq!(last_event(), Event::OpinionGiven { topic: first, who: 12 });
		open_voting(0);
		assert_noop!(opine(12, b"again"), Error::<Test>::NotDeliberating);
	});
}

#[test]
fn voting_opens_after_deliberation_with_the_electorate_of_that_block() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		open_voting(0);
		let opened = 1 + DELIBERATION;
		assert_eq!(
			Meetings::<Test>::get(0).unwrap().phase,
			Phase::Voting { until: opened + VOTING }
		);
		assert_eq!(Topics::<Test>::get(first).unwrap().electorate, 10);
		assert_eq!(Topics::<Test>::get(second).unwrap().electorate, 10);
		assert_eq!(
			last_event(),
			Event::VotingOpened { meeting: 0, electorate: 10, closes: opened + VOTING }
		);
	});
}

#[test]
fn a_block_handles_at_most_max_due_items_and_leaves_the_rest_in_order() {
	new_test_ext().execute_with(|| {
		// Five topics gathering supports, all lapsing at the same block.
		let topics: Vec<_> =
			[10, 11, 12, 13, 14].into_iter().map(|who| raise_by(who, PLUM)).collect();
		run_to_block(1 + SUPPORT_PERIOD);
		let lapsed =
			|ids: &[TopicId]| ids.iter().filter(|id| status(**id) == TopicStatus::Lapsed).count();
		// MaxDuePerBlock is 3.
		assert_eq!(lapsed(&topics), 3);
		assert_eq!(lapsed(&topics[..3]), 3);
		run_to_block(2 + SUPPORT_PERIOD);
		assert_eq!(lapsed(&topics), 5);
	});
}

#[test]
fn governance_sets_the_periods_and_the_category_rules() {
	new_test_ext().execute_with(|| {
		let periods = Periods { support: 1, wait: 2, deliberation: 3, voting: 4, reveal: 5 };
		assert_noop!(
			Consultation::set_periods(RuntimeOrigin::signed(DISTRICT_SECRETARY), periods),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Consultation::set_periods(RuntimeOrigin::root(), Periods { voting: 0, ..periods }),
			Error::<Test>::ZeroPeriod
		);
		assert_ok!(Consultation::set_periods(RuntimeOrigin::root(), periods));
		assert_eq!(ChainPeriods::<Test>::get(), periods);
		let rules = VoteRules {
			quorum: sp_runtime::Permill::from_percent(60),
			majority: Majority::TwoThirds,
		};
		assert_noop!(
			Consultation::set_category_rules(RuntimeOrigin::signed(1), Category::Safety, rules),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Consultation::set_category_rules(
			RuntimeOrigin::root(),
			Category::Safety,
			rules
		));
		assert_eq!(Consultation::category_rules(Category::Safety), rules);
		assert_eq!(Consultation::category_rules(Category::Other), Category::Other.default_rules());
	});
}

#[test]
fn a_flood_of_topics_lapsing_does_not_hold_up_a_meeting() {
	new_test_ext().execute_with(|| {
		// Many more lapses than a block handles, due when the meeting's voting opens.
		let opens = 1 + DELIBERATION;
		for id in 100..100 + 4 * MAX_DUE_PER_BLOCK {
			crate::meetings::Queues::<Test>::push(crate::meetings::Queue::Lapses, opens, id);
		}
		plum_meeting(Secrecy::Open);
		assert_eq!(Meetings::<Test>::get(0).unwrap().phase, Phase::Deliberation { until: opens });
		run_to_block(opens);
		assert!(matches!(Meetings::<Test>::get(0).unwrap().phase, Phase::Voting { .. }));
	});
}

#[test]
fn what_came_due_first_is_served_first_whichever_queue_holds_it() {
	new_test_ext().execute_with(|| {
		// Lapses due one block before the opening fill that block; the opening follows.
		let opens = 1 + DELIBERATION;
		for id in 100..100 + MAX_DUE_PER_BLOCK {
			crate::meetings::Queues::<Test>::push(crate::meetings::Queue::Lapses, opens - 1, id);
		}
		plum_meeting(Secrecy::Open);
		System::set_block_number(opens);
		Consultation::process_due(opens);
		assert!(matches!(Meetings::<Test>::get(0).unwrap().phase, Phase::Deliberation { .. }));
		Consultation::process_due(opens);
		assert!(matches!(Meetings::<Test>::get(0).unwrap().phase, Phase::Voting { .. }));
	});
}

#[test]
fn a_withdrawn_oldest_topic_does_not_strand_the_others_waiting() {
	new_test_ext().execute_with(|| {
		// K = 3: two qualified topics wait for the oldest's period to end.
		assert_ok!(Consultation::set_unit_rules(
			RuntimeOrigin::root(),
			PLUM,
			UnitRules { support: SupportThreshold::Absolute(3), batch: 3 }
		));
		let oldest = raise_by(10, PLUM);
		qualify_in_plum(oldest);
		run_to_block(5);
		let newer = raise_by(13, PLUM);
		qualify_in_plum(newer);
		assert_ok!(Consultation::withdraw_topic(RuntimeOrigin::signed(10), oldest));
		// The oldest's wait ends: the newer has not waited its own yet.
		run_to_block(1 + WAIT);
		assert!(Meetings::<Test>::get(0).is_none());
		run_to_block(5 + WAIT);
		let meeting = Meetings::<Test>::get(0).expect("the newer topic's wait convened it");
		assert_eq!(meeting.topics.to_vec(), vec![newer]);
	});
}

#[test]
fn a_decided_topics_ballots_supports_and_opinions_go_after_the_retention_its_result_stays() {
	new_test_ext().execute_with(|| {
		let (first, second) = plum_meeting(Secrecy::Open);
		assert_ok!(Consultation::give_opinion(RuntimeOrigin::signed(11), first, b"yes".to_vec()));
		open_voting(0);
		for who in 10..16 {
			vote(who, first, Choice::Aye);
		}
		close_voting(0);
		let decided = System::block_number();
		let result = Topics::<Test>::get(first).unwrap();
		assert!(Ballots::<Test>::iter_prefix(first).count() == 6);
		run_to_block(decided + RETENTION - 1);
		assert_eq!(Supports::<Test>::iter_prefix(first).count(), 3, "kept to be checked");
		// Two records of each kind a step (the mock's bound): done within the block.
		run_to_block(decided + RETENTION);
		for topic in [first, second] {
			assert_eq!(Supports::<Test>::iter_prefix(topic).count(), 0);
			assert_eq!(Ballots::<Test>::iter_prefix(topic).count(), 0);
			assert_eq!(Opinions::<Test>::iter_prefix(topic).count(), 0);
			assert!(events().contains(&Event::TopicPruned { topic }));
		}
		assert_eq!(Topics::<Test>::get(first).unwrap(), result, "the result and tally stay");
	});
}

#[test]
fn pruning_takes_no_more_than_the_spare_weight() {
	new_test_ext().execute_with(|| {
		let (first, _) = plum_meeting(Secrecy::Open);
		open_voting(0);
		close_voting(0);
		let due = System::block_number() + RETENTION;
		System::set_block_number(due);
		use frame_support::{traits::Hooks, weights::Weight};
		assert_eq!(Consultation::on_idle(due, Weight::zero()), Weight::zero());
		assert_eq!(Supports::<Test>::iter_prefix(first).count(), 3);
	});
}

#[test]
fn only_governance_sets_the_retention_and_never_below_its_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Consultation::set_retention(RuntimeOrigin::signed(PLUM_SECRETARY), 100),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Consultation::set_retention(RuntimeOrigin::root(), 9),
			Error::<Test>::RetentionTooShort
		);
		assert_ok!(Consultation::set_retention(RuntimeOrigin::root(), 100));
		assert_eq!(Retention::<Test>::get(), 100);
	});
}
