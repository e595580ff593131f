//! Benchmarks for `pallet_consultation`. Each call is measured on its most expensive path: the
//! support that qualifies a topic and convenes a full meeting, officers and polling officers
//! whose role is held at the district (the longest walk up the tree), changed ballots.

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
use sp_runtime::{traits::Saturating, Permill};

type Helper<T> = <T as Config>::BenchmarkHelper;

/// A community, an officer of its district, and the block the fixture starts at.
struct Fixture<T: Config> {
	community: UnitId,
	officer: T::AccountId,
}

fn fixture<T: Config>() -> Fixture<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	// Fixed periods, whatever the chain spec says: meetings move on before any wait ends.
	ChainPeriods::<T>::put(Periods {
		support: 1_000u32.into(),
		wait: 1_000u32.into(),
		deliberation: 10u32.into(),
		voting: 10u32.into(),
		reveal: 10u32.into(),
	});
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let district = T::Registry::parent_of(street).expect("a street has a district");
	let officer: T::AccountId = account("officer", 0, 0);
	Helper::<T>::appoint_officer(&officer, district);
	Fixture { community, officer }
}

fn resident<T: Config>(i: u32, community: UnitId) -> T::AccountId {
	let who: T::AccountId = account("resident", i, 0);
	Helper::<T>::register_resident(&who, community);
	who
}

/// Sets `unit`'s rules to `supports` supports and K = `batch`, with at least as many residents
/// (filler residents, numbered from 10,000), so that the threshold is not lowered to their count.
fn set_rules<T: Config>(unit: UnitId, supports: u32, batch: u32) {
	let mut filler = 10_000;
	while T::Registry::resident_count(unit) < supports {
		resident::<T>(filler, unit);
		filler += 1;
	}
	UnitRulesOf::<T>::insert(
		unit,
		UnitRules { support: SupportThreshold::Absolute(supports), batch },
	);
}

// The longest texts, and the dearest for the personal-data guard to read.
fn title<T: Config>() -> Vec<u8> {
	hardest_text(T::MaxTitleLength::get())
}

fn body<T: Config>() -> Body<Vec<u8>> {
	Body::Text(hardest_text(T::MaxBodyLength::get()))
}

fn text<T: Config>() -> Vec<u8> {
	hardest_text(T::MaxOpinionLength::get())
}

/// The officer puts `n` topics on `f.community`'s agenda; returns them.
fn officer_topics<T: Config>(f: &Fixture<T>, n: u32) -> Vec<TopicId> {
	(0..n)
		.map(|_| {
			Pallet::<T>::do_raise_topic(
				f.officer.clone(),
				f.community,
				CivicText::filler(T::MaxTitleLength::get()),
				Body::Document([1; 32]),
				Category::PublicAffairs,
				Action::Resolution,
				Secrecy::Open,
			)
			.expect("the officer raises a topic")
		})
		.collect()
}

/// A meeting of `t` topics (the last `secret` if asked), deliberating. Returns it and them.
fn meeting<T: Config>(f: &Fixture<T>, t: u32) -> (MeetingId, Vec<TopicId>) {
	set_rules::<T>(f.community, 1, t.max(1));
	let id = NextMeetingId::<T>::get();
	let topics = officer_topics::<T>(f, t.max(1));
	assert!(Meetings::<T>::contains_key(id), "the topics convened a meeting");
	(id, topics)
}

fn run_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
	Pallet::<T>::process_due(block);
}

/// Runs to the opening of `id`'s voting.
fn open<T: Config>(id: MeetingId) {
	let Some(Meeting { phase: Phase::Deliberation { until }, .. }) = Meetings::<T>::get(id) else {
		panic!("the meeting deliberates");
	};
	run_to::<T>(until);
}

/// Runs to the close of `id`'s voting.
fn close<T: Config>(id: MeetingId) {
	let Some(Meeting { phase: Phase::Voting { until }, .. }) = Meetings::<T>::get(id) else {
		panic!("the meeting votes");
	};
	run_to::<T>(until);
}

/// A polling officer for the fixture's community, with the role held at its district (the
/// longest walk up the tree).
fn polling_officer<T: Config>(f: &Fixture<T>) -> T::AccountId {
	let street = T::Registry::parent_of(f.community).expect("a street");
	let district = T::Registry::parent_of(street).expect("a district");
	let officer: T::AccountId = account("polling", 0, 0);
	Helper::<T>::grant_role(&officer, Role::PollingOfficer, district);
	officer
}

/// Makes topic `id` secret (before its meeting convened, as the author would).
fn make_secret<T: Config>(meeting: MeetingId, id: TopicId) {
	Topics::<T>::mutate(id, |t| t.as_mut().expect("topic exists").secrecy = Secrecy::Sealed);
	Meetings::<T>::mutate(meeting, |m| m.as_mut().expect("meeting exists").secret = true);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A resident raises a topic whose own support qualifies it and convenes a full meeting.
	#[benchmark]
	fn raise_topic() {
		let f = fixture::<T>();
		let max = T::MaxTopicsPerMeeting::get();
		set_rules::<T>(f.community, 1, max);
		officer_topics::<T>(&f, max - 1);
		let caller = resident::<T>(0, f.community);
		let meeting = NextMeetingId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			f.community,
			title::<T>(),
			body::<T>(),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Open,
		);

		assert_eq!(Meetings::<T>::get(meeting).map(|m| m.topics.len() as u32), Some(max));
	}

	/// The support that qualifies a topic and convenes a full meeting.
	#[benchmark]
	fn support() {
		let f = fixture::<T>();
		let max = T::MaxTopicsPerMeeting::get();
		set_rules::<T>(f.community, 2, max);
		officer_topics::<T>(&f, max - 1);
		let author = resident::<T>(0, f.community);
		let topic = Pallet::<T>::do_raise_topic(
			author,
			f.community,
			CivicText::filler(T::MaxTitleLength::get()),
			Body::Document([1; 32]),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Open,
		)
		.expect("a resident raises a topic");
		let caller = resident::<T>(1, f.community);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), topic);

		assert_eq!(Topics::<T>::get(topic).map(|t| t.status), Some(TopicStatus::InMeeting(0)));
	}

	/// The author withdraws a qualified topic at the back of a nearly full list.
	#[benchmark]
	fn withdraw_topic() {
		let f = fixture::<T>();
		let max = T::MaxTopicsPerMeeting::get();
		set_rules::<T>(f.community, 1, max);
		officer_topics::<T>(&f, max - 2);
		let author = resident::<T>(0, f.community);
		let topic = Pallet::<T>::do_raise_topic(
			author.clone(),
			f.community,
			CivicText::filler(T::MaxTitleLength::get()),
			Body::Document([1; 32]),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Open,
		)
		.expect("a resident raises a topic");

		#[extrinsic_call]
		_(RawOrigin::Signed(author), topic);

		assert_eq!(Topics::<T>::get(topic).map(|t| t.status), Some(TopicStatus::Withdrawn));
	}

	#[benchmark]
	fn give_opinion() {
		let f = fixture::<T>();
		let (_, topics) = meeting::<T>(&f, 1);
		let caller = resident::<T>(0, f.community);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), topics[0], text::<T>());

		assert!(Opinions::<T>::contains_key(topics[0], caller));
	}

	/// A resident changes their vote.
	#[benchmark]
	fn vote() {
		let f = fixture::<T>();
		let caller = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, 1);
		open::<T>(id);
		Pallet::<T>::do_vote(caller.clone(), topics[0], Choice::Aye).expect("in the electorate");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), topics[0], Choice::Nay);

		assert_eq!(Topics::<T>::get(topics[0]).map(|t| t.tally.nays), Some(1));
	}

	#[benchmark]
	fn commit_vote() {
		let f = fixture::<T>();
		let caller = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, 1);
		make_secret::<T>(id, topics[0]);
		open::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), topics[0], [7; 32]);

		assert_eq!(Topics::<T>::get(topics[0]).map(|t| t.tally.sealed), Some(1));
	}

	#[benchmark]
	fn reveal_vote() {
		let f = fixture::<T>();
		let caller = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, 1);
		make_secret::<T>(id, topics[0]);
		open::<T>(id);
		let salt = [9; 32];
		let commitment = Pallet::<T>::commitment_of(topics[0], &caller, Choice::Aye, &salt);
		Pallet::<T>::do_commit_vote(caller.clone(), topics[0], commitment)
			.expect("in the electorate");
		close::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), topics[0], Choice::Aye, salt);

		assert_eq!(Topics::<T>::get(topics[0]).map(|t| t.tally.ayes), Some(1));
	}

	#[benchmark]
	fn record_offline_ballot() {
		let f = fixture::<T>();
		let voter = resident::<T>(0, f.community);
		let officer = polling_officer::<T>(&f);
		let (id, topics) = meeting::<T>(&f, 1);
		open::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), topics[0], voter, BallotVote::Open(Choice::Aye));

		assert_eq!(Topics::<T>::get(topics[0]).map(|t| t.tally.ayes), Some(1));
	}

	#[benchmark]
	fn reveal_offline_ballot() {
		let f = fixture::<T>();
		let voter = resident::<T>(0, f.community);
		let officer = polling_officer::<T>(&f);
		let (id, topics) = meeting::<T>(&f, 1);
		make_secret::<T>(id, topics[0]);
		open::<T>(id);
		let salt = [7u8; 32];
		let commitment = Pallet::<T>::commitment_of(topics[0], &voter, Choice::Aye, &salt);
		Pallet::<T>::do_record_offline_ballot(
			officer.clone(),
			topics[0],
			voter.clone(),
			BallotVote::Sealed(commitment),
		)
		.expect("a polling officer records a sealed ballot");
		close::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), topics[0], voter, Choice::Aye, salt);

		assert_eq!(Topics::<T>::get(topics[0]).map(|t| t.tally.ayes), Some(1));
	}

	#[benchmark]
	fn report_progress() {
		let f = fixture::<T>();
		let voter = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, 1);
		open::<T>(id);
		Pallet::<T>::do_vote(voter, topics[0], Choice::Aye).expect("in the electorate");
		close::<T>(id);
		assert!(matches!(
			Topics::<T>::get(topics[0]).map(|t| t.status),
			Some(TopicStatus::Closed { outcome: Outcome::Approved, .. })
		));

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), topics[0], text::<T>(), true);

		assert!(ProgressReports::<T>::contains_key(topics[0], 0));
	}

	/// The official answer to a lapsed topic.
	#[benchmark]
	fn answer_topic() {
		let f = fixture::<T>();
		let author = resident::<T>(0, f.community);
		let id = Pallet::<T>::do_raise_topic(
			author,
			f.community,
			CivicText::filler(T::MaxTitleLength::get()),
			Body::Document([1; 32]),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Open,
		)
		.expect("a resident raises a topic");
		Topics::<T>::mutate(id, |topic| {
			if let Some(topic) = topic {
				topic.status = TopicStatus::Lapsed;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id, text::<T>());

		assert!(Answers::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_retention() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MinRetention::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(Retention::<T>::get(), blocks);
		Ok(())
	}

	/// One ended topic pruned: `n` records of each kind (supports, ballots, paper-ballot counts,
	/// opinions of the longest length).
	#[benchmark]
	fn on_idle_prune(n: Linear<0, { T::MaxPrunedPerStep::get() }>) {
		let topic: TopicId = 0;
		for i in 0..n {
			let who: T::AccountId = account("voter", i, 0);
			Supports::<T>::insert(topic, &who, ());
			let ballot = Ballot { vote: BallotVote::Sealed([7; 32]), channel: Channel::Online };
			Ballots::<T>::insert(topic, &who, ballot);
			OfflineBallotCount::<T>::insert(topic, &who, 1);
			Opinions::<T>::insert(topic, &who, CivicText::filler(T::MaxOpinionLength::get()));
		}
		let now = frame_system::Pallet::<T>::block_number();
		meetings::Queues::<T>::push(meetings::Queue::Prunings, now, topic);

		#[block]
		{
			Pallet::<T>::prune(now, Weight::MAX);
		}

		assert_eq!(Supports::<T>::iter_prefix(topic).count(), 0);
		assert_eq!(Opinions::<T>::iter_prefix(topic).count(), 0);
	}

	// The pallet's own part: the action carried out (another pallet's weight) is added to it.
	#[benchmark]
	fn retry_action() {
		let f = fixture::<T>();
		let voter = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, 1);
		open::<T>(id);
		Pallet::<T>::do_vote(voter, topics[0], Choice::Aye).expect("in the electorate");
		close::<T>(id);
		FailedActions::<T>::insert(topics[0], ());

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), topics[0]);

		assert!(!FailedActions::<T>::contains_key(topics[0]));
	}

	#[benchmark]
	fn set_unit_rules() {
		let f = fixture::<T>();
		let rules = UnitRules {
			support: SupportThreshold::Share(T::MaxSupportShare::get()),
			batch: T::MaxTopicsPerMeeting::get(),
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), f.community, rules);

		assert_eq!(UnitRulesOf::<T>::get(f.community), Some(rules));
	}

	#[benchmark]
	fn set_category_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rules = VoteRules { quorum: Permill::from_percent(40), majority: Majority::TwoThirds };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Category::Safety, rules);

		assert_eq!(CategoryRules::<T>::get(Category::Safety), Some(rules));
		Ok(())
	}

	#[benchmark]
	fn set_periods() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let periods = Periods {
			support: 7u32.into(),
			wait: 7u32.into(),
			deliberation: 7u32.into(),
			voting: 7u32.into(),
			reveal: 7u32.into(),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, periods);

		assert_eq!(ChainPeriods::<T>::get(), periods);
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::process_due(now);
		}
	}

	/// A topic lapsing at the head of the queue with `q` more behind it, due later: the cost must
	/// not grow with `q`.
	#[benchmark]
	fn on_initialize_lapse(q: Linear<0, 10_000>) {
		let f = fixture::<T>();
		set_rules::<T>(f.community, 2, 1);
		let author = resident::<T>(0, f.community);
		let topic = Pallet::<T>::do_raise_topic(
			author,
			f.community,
			CivicText::filler(T::MaxTitleLength::get()),
			Body::Document([1; 32]),
			Category::PublicAffairs,
			Action::Resolution,
			Secrecy::Open,
		)
		.expect("a resident raises a topic");
		let due = frame_system::Pallet::<T>::block_number()
			.saturating_add(ChainPeriods::<T>::get().support);
		let later = due.saturating_add(1u32.into());
		for i in 0..q {
			meetings::Queues::<T>::push(
				meetings::Queue::Lapses,
				later,
				topic.saturating_add(1 + i),
			);
		}
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert_eq!(Topics::<T>::get(topic).map(|t| t.status), Some(TopicStatus::Lapsed));
	}

	/// `t` qualified topics convened when the oldest has waited its period.
	#[benchmark]
	fn on_initialize_convene(t: Linear<1, { T::MaxTopicsPerMeeting::get() }>) {
		let f = fixture::<T>();
		// K above the bound, which the rules' checks would refuse: only the wait convenes.
		set_rules::<T>(f.community, 1, T::MaxTopicsPerMeeting::get() + 1);
		officer_topics::<T>(&f, t);
		let due =
			frame_system::Pallet::<T>::block_number().saturating_add(ChainPeriods::<T>::get().wait);
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert_eq!(Meetings::<T>::get(0).map(|m| m.topics.len() as u32), Some(t));
	}

	#[benchmark]
	fn on_initialize_open_voting(t: Linear<1, { T::MaxTopicsPerMeeting::get() }>) {
		let f = fixture::<T>();
		let (id, _) = meeting::<T>(&f, t);
		let Some(Meeting { phase: Phase::Deliberation { until }, .. }) = Meetings::<T>::get(id)
		else {
			panic!("the meeting deliberates");
		};
		frame_system::Pallet::<T>::set_block_number(until);

		#[block]
		{
			Pallet::<T>::process_due(until);
		}

		assert!(matches!(Meetings::<T>::get(id).map(|m| m.phase), Some(Phase::Voting { .. })));
	}

	/// Closing a meeting of `t` topics, each with a ballot, and deciding them. Their actions
	/// (another pallet's work) are weighed by that pallet.
	#[benchmark]
	fn on_initialize_close(t: Linear<1, { T::MaxTopicsPerMeeting::get() }>) {
		let f = fixture::<T>();
		let voter = resident::<T>(0, f.community);
		let (id, topics) = meeting::<T>(&f, t);
		open::<T>(id);
		for topic in &topics {
			Pallet::<T>::do_vote(voter.clone(), *topic, Choice::Aye).expect("in the electorate");
		}
		let Some(Meeting { phase: Phase::Voting { until }, .. }) = Meetings::<T>::get(id) else {
			panic!("the meeting votes");
		};
		frame_system::Pallet::<T>::set_block_number(until);

		#[block]
		{
			Pallet::<T>::process_due(until);
		}

		assert_eq!(Meetings::<T>::get(id).map(|m| m.phase), Some(Phase::Closed));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
