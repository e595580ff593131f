//! What decided topics lead to: spends, results reported back, progress reports.

use super::*;
use frame_support::{assert_noop, assert_ok};
use gongzhi_primitives::votes::{ResidentVoteRequester, SpendCategory};

fn spend(amount: u128) -> Action<AccountId> {
	Action::TreasurySpend { beneficiary: CONTRACTOR, amount, category: SpendCategory::Facilities }
}

/// A Funds topic asking for `amount` and a resolution, both put to the vote; `ayes` residents
/// vote aye on both.
fn decide_spend(amount: u128, ayes: u64) -> (TopicId, TopicId) {
	let money = raise_with(10, PLUM, Category::Funds, spend(amount), Secrecy::Open);
	qualify_in_plum(money);
	let resolution = raise_by(13, PLUM);
	qualify_in_plum(resolution);
	open_voting(0);
	for who in 10..10 + ayes {
		vote(who, money, Choice::Aye);
		vote(who, resolution, Choice::Aye);
	}
	close_voting(0);
	(money, resolution)
}

#[test]
fn an_approved_topic_has_its_spend_paid_by_the_treasury() {
	new_test_ext().execute_with(|| {
		let (money, _) = decide_spend(300, 4);
		assert_eq!(outcome(money), Some(Outcome::Approved));
		assert_eq!(
			spends(),
			vec![SpendOrder {
				unit: PLUM,
				topic: money,
				proposer: 10,
				beneficiary: CONTRACTOR,
				amount: 300,
				category: SpendCategory::Facilities,
			}]
		);
		assert!(events().contains(&Event::SpendOrdered { topic: money, spend: 0 }));
	});
}

#[test]
fn a_topic_not_approved_orders_no_spend() {
	new_test_ext().execute_with(|| {
		// Funds needs 30%: two ballots of ten are too few.
		let (money, _) = decide_spend(300, 2);
		assert_eq!(outcome(money), Some(Outcome::NoQuorum));
		assert!(spends().is_empty());
	});
}

#[test]
fn a_spend_the_treasury_refuses_is_reported_and_the_decision_stands() {
	new_test_ext().execute_with(|| {
		let (money, _) = decide_spend(5_000, 4);
		assert_eq!(outcome(money), Some(Outcome::Approved));
		assert!(spends().is_empty());
		// The message of `DispatchError::Other` is not stored in the event record.
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::ActionFailed { topic, .. } if *topic == money)));
		assert!(FailedActions::<Test>::contains_key(money));
	});
}

#[test]
fn a_vote_asked_for_by_the_treasury_is_convened_and_its_result_reported() {
	new_test_ext().execute_with(|| {
		let subject = VoteSubject::TreasurySpend(4);
		assert_ok!(Consultation::request_vote(PLUM, subject));
		let id = 0;
		let topic = Topics::<Test>::get(id).unwrap();
		assert_eq!((topic.author, topic.category), (None, Category::Funds));
		assert_eq!(status(id), TopicStatus::Qualified { since: 1 });
		// Waits for the unit's next meeting: here, the T-block wait.
		run_to_block(1 + WAIT);
		assert_eq!(status(id), TopicStatus::InMeeting(0));
		open_voting(0);
		for who in [10, 11, 12] {
			vote(who, id, Choice::Nay);
		}
		close_voting(0);
		assert_eq!(outcome(id), Some(Outcome::Rejected));
		assert_eq!(results(), vec![(subject, false)]);
		assert!(events().contains(&Event::ResultReported { topic: id, subject, approved: false }));
		assert_noop!(Consultation::request_vote(99, subject), Error::<Test>::UnknownUnit);
	});
}

#[test]
fn officers_report_progress_on_approved_topics_until_completed() {
	new_test_ext().execute_with(|| {
		let (money, resolution) = decide_spend(300, 4);
		let report = |who, text: &[u8], done| {
			Consultation::report_progress(
				RuntimeOrigin::signed(who),
				resolution,
				text.to_vec(),
				done,
			)
		};
		assert_noop!(report(10, b"started", false), Error::<Test>::NotAnOfficer);
		assert_noop!(report(BAMBOO_SECRETARY, b"started", false), Error::<Test>::NotAnOfficer);
		assert_noop!(report(PLUM_SECRETARY, b"", false), Error::<Test>::BadText);
		assert_ok!(report(PLUM_SECRETARY, b"shed ordered", false));
		assert_ok!(report(STREET_SECRETARY, b"shed built", true));
		assert_eq!(
			last_event(),
			Event::ProgressReported {
				topic: resolution,
				report: 1,
				by: STREET_SECRETARY,
				completed: true
			}
		);
		let topic = Topics::<Test>::get(resolution).unwrap();
		assert_eq!((topic.reports, topic.completed), (2, true));
		assert_eq!(ProgressReports::<Test>::get(resolution, 0).unwrap().by, PLUM_SECRETARY);
		assert_noop!(report(PLUM_SECRETARY, b"more", false), Error::<Test>::AlreadyCompleted);
		// The spend topic may be reported on too; the bound applies.
		let on_money = |text: &[u8]| {
			Consultation::report_progress(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				money,
				text.to_vec(),
				false,
			)
		};
		assert_ok!(on_money(b"paid"));
		assert_ok!(on_money(b"receipt"));
		assert_noop!(on_money(b"again"), Error::<Test>::TooManyReports);
	});
}

#[test]
fn progress_is_reported_on_approved_topics_only() {
	new_test_ext().execute_with(|| {
		let (money, _) = decide_spend(300, 2);
		assert_noop!(
			Consultation::report_progress(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				money,
				b"x".to_vec(),
				true
			),
			Error::<Test>::NotApproved
		);
	});
}

fn referendum() -> Action<AccountId> {
	Action::Referendum { proposal_hash: [5; 32], proposal_len: 40 }
}

#[test]
fn only_district_topics_propose_referenda() {
	new_test_ext().execute_with(|| {
		let raise = |unit, action| {
			Consultation::raise_topic(
				RuntimeOrigin::signed(10),
				unit,
				b"t".to_vec(),
				Body::Document([0; 32]),
				Category::PublicAffairs,
				action,
				Secrecy::Open,
			)
		};
		assert_noop!(raise(PLUM, referendum()), Error::<Test>::WrongLevel);
		assert_noop!(raise(STREET, referendum()), Error::<Test>::WrongLevel);
		assert_noop!(raise(DISTRICT, Action::Resolution), Error::<Test>::WrongLevel);
		assert_noop!(raise(99, referendum()), Error::<Test>::UnknownUnit);
		assert_ok!(raise(DISTRICT, referendum()));
	});
}

#[test]
fn an_approved_district_topic_goes_to_a_referendum() {
	new_test_ext().execute_with(|| {
		// The district's residents: Plum's ten and Bamboo's two. One meeting per topic.
		assert_ok!(Consultation::set_unit_rules(
			RuntimeOrigin::signed(DISTRICT_SECRETARY),
			DISTRICT,
			UnitRules { support: SupportThreshold::Absolute(2), batch: 1 },
		));
		let approved = raise_with(10, DISTRICT, Category::PublicAffairs, referendum(), Secrecy::Open);
		assert_ok!(Consultation::support(RuntimeOrigin::signed(20), approved));
		open_voting(0);
		assert_eq!(Topics::<Test>::get(approved).unwrap().electorate, 12);
		for who in [10, 11, 20] {
			vote(who, approved, Choice::Aye);
		}
		close_voting(0);
		assert_eq!(outcome(approved), Some(Outcome::Approved));
		assert_eq!(referenda(), vec![([5; 32], 40)]);
		assert!(events()
			.contains(&Event::ReferendumProposed { topic: approved, proposal_hash: [5; 32] }));

		// A second approved proposal while one is pending: reported, the decision stands.
		let second = raise_with(11, DISTRICT, Category::PublicAffairs, referendum(), Secrecy::Open);
		assert_ok!(Consultation::support(RuntimeOrigin::signed(21), second));
		open_voting(1);
		for who in [10, 11, 20] {
			vote(who, second, Choice::Aye);
		}
		close_voting(1);
		assert_eq!(outcome(second), Some(Outcome::Approved));
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::ActionFailed { topic, .. } if *topic == second)));
		assert_eq!(referenda().len(), 1);
	});
}

#[test]
fn a_failed_action_waits_and_is_carried_out_when_retried_after_the_cause_is_gone() {
	new_test_ext().execute_with(|| {
		let (money, resolution) = decide_spend(5_000, 4);
		assert!(FailedActions::<Test>::contains_key(money));
		// Still over the line: the retry fails and changes nothing.
		assert!(Consultation::retry_action(RuntimeOrigin::signed(NOBODY), money).is_err());
		assert!(FailedActions::<Test>::contains_key(money));
		assert!(spends().is_empty());
		// The level above raised the line: anyone retries, and the spend is ordered once.
		SPEND_LIMIT.with(|limit| limit.set(10_000));
		assert_ok!(Consultation::retry_action(RuntimeOrigin::signed(NOBODY), money));
		assert_eq!(spends().len(), 1);
		assert_eq!(spends()[0].amount, 5_000);
		assert!(events().contains(&Event::SpendOrdered { topic: money, spend: 0 }));
		assert!(!FailedActions::<Test>::contains_key(money));
		assert_noop!(
			Consultation::retry_action(RuntimeOrigin::signed(NOBODY), money),
			Error::<Test>::NoFailedAction
		);
		// A topic whose action did not fail has nothing to retry.
		assert_noop!(
			Consultation::retry_action(RuntimeOrigin::signed(NOBODY), resolution),
			Error::<Test>::NoFailedAction
		);
	});
}
