//! Votes: the notice, ballots online and on paper, the double majority, what approval does.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

fn deposit(who: AccountId, property: PropertyId, amount: u64) {
	assert_ok!(OwnersAssembly::deposit_fund(RuntimeOrigin::signed(who), 0, property, amount));
}

fn lift_repair(amount: u64) -> MatterInputOf<Test> {
	motion(Category::UseMaintenanceFund, Action::PayFromFund { to: CONTRACTOR, amount })
}

#[test]
fn a_lift_repair_from_the_maintenance_fund_passes_both_majorities_and_pays_the_contractor() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		deposit(A, 0, 300);
		deposit(B, 3, 100);
		deposit(C, 4, 100);
		deposit(D, 5, 100);
		assert_eq!(estate(id).fund, 600);
		assert_eq!(OwnersAssembly::deposit_due(id, 0), (0, 300));
		let vote = call(id, vec![lift_repair(250)]);
		assert_eq!(
			last_event(),
			Event::VoteCalled {
				vote,
				estate: id,
				by: PLUM_SECRETARY,
				electorate: Count::new(5, m2(1000)),
				opens: 1 + NOTICE,
				closes: 1 + NOTICE + 10
			}
		);
		assert_eq!(estate(id).fund_committed, 250);
		// nobody votes during the notice
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(A), vote, vec![Choice::Aye]),
			Error::<Test>::NotOpen
		);
		open(vote);
		ballot(vote, A, vec![Choice::Aye]);
		ballot(vote, B, vec![Choice::Aye]);
		// C votes on paper: recorded by the secretary, countersigned by a committee member
		assert_ok!(OwnersAssembly::record_paper_ballot(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			vote,
			C,
			vec![Choice::Aye]
		));
		assert_eq!(Votes::<Test>::get(vote).unwrap().turnout, Count::new(2, m2(400)));
		assert_ok!(OwnersAssembly::countersign_paper_ballot(
			RuntimeOrigin::signed(PLUM_COMMITTEE),
			vote,
			C
		));
		assert_eq!(
			last_event(),
			Event::BallotCast { vote, owner: C, paper: true, turnout: Count::new(3, m2(500)) }
		);
		assert_eq!(
			Ballots::<Test>::get(vote, C).unwrap().paper,
			Some((PLUM_SECRETARY, PLUM_COMMITTEE))
		);
		// the developer abstains: takes part, approves nothing. D does not vote.
		ballot(vote, DEVELOPER, vec![Choice::Abstain]);
		close(vote);
		// 4 of 5 owners and 900 of 1,000 m² took part; 3 of 4 and 500 of 900 m² approved
		assert_eq!(outcomes(vote), vec![Outcome::Passed]);
		assert!(events().contains(&Event::VoteClosed {
			vote,
			estate: id,
			electorate: Count::new(5, m2(1000)),
			turnout: Count::new(4, m2(900)),
			participation: true,
			outcomes: vec![Outcome::Passed],
		}));
		assert!(events().contains(&Event::FundPaid { estate: id, vote, to: CONTRACTOR, amount: 250 }));
		assert_eq!(Balances::balance(&CONTRACTOR), 250);
		assert_eq!(Balances::balance(&OwnersAssembly::pot_account(id)), 350);
		let e = estate(id);
		assert_eq!((e.fund, e.fund_committed), (350, 0));
		assert!(e.open_votes.is_empty());
		let (_, _, results) = OwnersAssembly::vote(vote).unwrap();
		let (_, tally) = &results.unwrap()[0];
		assert_eq!(tally.to_vec(), vec![Count::new(3, m2(500)), Count::new(0, 0), Count::new(1, m2(400))]);
	});
}

#[test]
fn without_two_thirds_of_the_owners_taking_part_nothing_is_decided_or_paid() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		deposit(A, 0, 300);
		let vote = call(id, vec![lift_repair(250)]);
		open(vote);
		// A and the developer: 700 of 1,000 m² (enough) but 2 of 5 owners (not)
		ballot(vote, A, vec![Choice::Aye]);
		ballot(vote, DEVELOPER, vec![Choice::Aye]);
		close(vote);
		assert_eq!(outcomes(vote), vec![Outcome::NoQuorum]);
		assert_eq!(Balances::balance(&CONTRACTOR), 0);
		assert_eq!((estate(id).fund, estate(id).fund_committed), (300, 0));
		assert!(!events().iter().any(|e| matches!(e, Event::FundPaid { .. })));
	});
}

#[test]
fn a_special_matter_needs_three_quarters_where_an_ordinary_one_needs_half() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(
			id,
			vec![motion(Category::CommonParts, Action::Record), motion(Category::OtherMajor, Action::Record)],
		);
		open(vote);
		// A, B and the developer for (3 owners, 800 m²), C and D against (2, 200 m²)
		for who in [A, B, DEVELOPER] {
			ballot(vote, who, vec![Choice::Aye, Choice::Aye]);
		}
		for who in [C, D] {
			ballot(vote, who, vec![Choice::Nay, Choice::Nay]);
		}
		close(vote);
		// 3 of 5 owners is 60%: short of three quarters, more than half
		assert_eq!(outcomes(vote), vec![Outcome::Rejected, Outcome::Passed]);
	});
}

#[test]
fn an_owner_votes_once_online_or_on_paper_and_a_co_owner_not_at_all() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		open(vote);
		ballot(vote, A, vec![Choice::Aye]);
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(A), vote, vec![Choice::Nay]),
			Error::<Test>::AlreadyVoted
		);
		assert_noop!(
			OwnersAssembly::record_paper_ballot(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				vote,
				A,
				vec![Choice::Nay]
			),
			Error::<Test>::AlreadyVoted
		);
		// B's co-owner does not vote for the unit: B does
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(B2), vote, vec![Choice::Nay]),
			Error::<Test>::NotAnOwner
		);
		// B's paper ballot recorded: B cannot also vote online, even before it is countersigned
		assert_ok!(OwnersAssembly::record_paper_ballot(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			vote,
			B,
			vec![Choice::Aye]
		));
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(B), vote, vec![Choice::Nay]),
			Error::<Test>::AlreadyVoted
		);
		// the recorder cannot countersign; a resident or stranger cannot either
		assert_noop!(
			OwnersAssembly::countersign_paper_ballot(RuntimeOrigin::signed(PLUM_SECRETARY), vote, B),
			Error::<Test>::RecorderCannotCountersign
		);
		assert_noop!(
			OwnersAssembly::countersign_paper_ballot(RuntimeOrigin::signed(RESIDENT), vote, B),
			Error::<Test>::NotASteward
		);
		// only a steward records paper ballots
		assert_noop!(
			OwnersAssembly::record_paper_ballot(
				RuntimeOrigin::signed(HOUSING),
				vote,
				C,
				vec![Choice::Aye]
			),
			Error::<Test>::NotASteward
		);
		assert_noop!(
			OwnersAssembly::countersign_paper_ballot(RuntimeOrigin::signed(PLUM_COMMITTEE), vote, C),
			Error::<Test>::NoPaperBallot
		);
		assert_eq!(OwnersAssembly::voter_status(vote, B), (Some(Holding { units: 1, area: m2(100) }), true));
		assert_eq!(Votes::<Test>::get(vote).unwrap().turnout, Count::new(1, m2(300)));
	});
}

#[test]
fn a_sale_during_a_vote_does_not_give_the_unit_two_votes() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		// A sells a unit during the notice, and the register is confirmed again
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			0,
			vec![BUYER],
			certificate(200)
		));
		assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_SECRETARY), id));
		open(vote);
		// the buyer was not an owner when the vote was called
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(BUYER), vote, vec![Choice::Aye]),
			Error::<Test>::NotAnOwner
		);
		// A sells a second unit while voting is open: A still votes with what they held
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			1,
			vec![BUYER],
			certificate(201)
		));
		ballot(vote, A, vec![Choice::Aye]);
		assert_eq!(Ballots::<Test>::get(vote, A).unwrap().holding, Holding { units: 3, area: m2(300) });
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(BUYER), vote, vec![Choice::Aye]),
			Error::<Test>::NotAnOwner
		);
		assert_eq!(Votes::<Test>::get(vote).unwrap().electorate, Count::new(5, m2(1000)));
		close(vote);
		// the next vote counts the buyer and what A holds now
		assert_ok!(OwnersAssembly::confirm_register(RuntimeOrigin::signed(PLUM_SECRETARY), id));
		let next = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		open(next);
		ballot(next, BUYER, vec![Choice::Aye]);
		ballot(next, A, vec![Choice::Aye]);
		assert_eq!(Votes::<Test>::get(next).unwrap().electorate, Count::new(6, m2(1000)));
		assert_eq!(Votes::<Test>::get(next).unwrap().turnout, Count::new(2, m2(300)));
	});
}

#[test]
fn a_matter_that_does_not_fit_its_category_is_refused_and_no_vote_is_called() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		deposit(A, 0, 300);
		let refused = |matters: Vec<MatterInputOf<Test>>, error: Error<Test>| {
			assert_noop!(
				OwnersAssembly::call_vote(RuntimeOrigin::signed(PLUM_SECRETARY), id, matters, 10),
				error
			);
		};
		let pay = Action::PayFromFund { to: CONTRACTOR, amount: 100 };
		// paying from the fund is a maintenance-fund matter, and one needs a payment
		refused(vec![motion(Category::OtherMajor, pay.clone())], Error::WrongCategory);
		refused(vec![motion(Category::UseMaintenanceFund, Action::Record)], Error::WrongCategory);
		refused(vec![motion(Category::OtherMajor, Action::SetDepositRate(1))], Error::WrongCategory);
		refused(vec![motion(Category::CommitteeElection, Action::Record)], Error::WrongCategory);
		refused(
			vec![Matter {
				title: b"election".to_vec(),
				category: Category::OtherMajor,
				question: Question::Election { seats: 1, term: 10, nominators: 1 },
			}],
			Error::WrongCategory,
		);
		refused(
			vec![Matter {
				title: b"election".to_vec(),
				category: Category::CommitteeElection,
				question: Question::Election { seats: 4, term: 10, nominators: 1 },
			}],
			Error::BadElection,
		);
		refused(
			vec![Matter {
				title: b"one choice".to_vec(),
				category: Category::OtherMajor,
				question: Question::Choose(vec![Alternative { label: b"x".to_vec(), action: Action::Record }]),
			}],
			Error::BadAlternatives,
		);
		refused(vec![lift_repair(0)], Error::ZeroAmount);
		// more than the fund holds, or than is left after another vote's payment
		refused(vec![lift_repair(301)], Error::InsufficientFund);
		assert_ok!(OwnersAssembly::call_vote(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			id,
			vec![lift_repair(200)],
			10
		));
		refused(vec![lift_repair(101)], Error::InsufficientFund);
		refused(vec![], Error::BadMatterCount);
		refused(vec![motion(Category::OtherMajor, Action::Record); 5], Error::BadMatterCount);
		for period in [1, 101] {
			assert_noop!(
				OwnersAssembly::call_vote(
					RuntimeOrigin::signed(PLUM_SECRETARY),
					id,
					vec![motion(Category::OtherMajor, Action::Record)],
					period
				),
				Error::<Test>::BadVotingPeriod
			);
		}
		let mut phone = motion(Category::OtherMajor, Action::Record);
		phone.title = b"call 13812345678".to_vec();
		assert_noop!(
			OwnersAssembly::call_vote(RuntimeOrigin::signed(PLUM_SECRETARY), id, vec![phone], 10),
			Error::<Test>::PersonalData(gongzhi_primitives::text::PersonalData::MobileNumber)
		);
		// neither an owner nor a housing officer calls a vote
		for who in [A, HOUSING, RESIDENT] {
			assert_noop!(
				OwnersAssembly::call_vote(
					RuntimeOrigin::signed(who),
					id,
					vec![motion(Category::OtherMajor, Action::Record)],
					10
				),
				Error::<Test>::NotASteward
			);
		}
		assert_eq!(NextVoteId::<Test>::get(), 1);
	});
}

#[test]
fn each_block_counts_a_bounded_number_of_votes_and_an_estate_has_a_bounded_number_open() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		let again = || {
			OwnersAssembly::call_vote(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				vec![motion(Category::OtherMajor, Action::Record)],
				10,
			)
		};
		assert_noop!(again(), Error::<Test>::ClosingBlockFull);
		assert_noop!(
			OwnersAssembly::call_vote(
				RuntimeOrigin::signed(PLUM_SECRETARY),
				id,
				vec![motion(Category::OtherMajor, Action::Record)],
				11
			),
			Error::<Test>::TooManyOpenVotes
		);
	});
}

#[test]
fn a_ballot_must_answer_every_matter_as_its_question_allows() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let choose = Matter {
			title: b"which site".to_vec(),
			category: Category::CommonParts,
			question: Question::Choose(vec![
				Alternative { label: b"north".to_vec(), action: Action::Record },
				Alternative { label: b"south".to_vec(), action: Action::Record },
			]),
		};
		let vote = call(id, vec![motion(Category::OtherMajor, Action::Record), choose]);
		open(vote);
		let refused = |choices: Vec<Choice<Vec<u8>>>, error: Error<Test>| {
			assert_noop!(OwnersAssembly::cast_ballot(RuntimeOrigin::signed(A), vote, choices), error);
		};
		refused(vec![Choice::Aye], Error::WrongChoiceCount);
		refused(vec![Choice::Aye, Choice::Aye, Choice::Aye], Error::WrongChoiceCount);
		refused(vec![Choice::Alternative(0), Choice::Aye], Error::ChoiceDoesNotFit);
		refused(vec![Choice::Aye, Choice::Alternative(2)], Error::ChoiceDoesNotFit);
		refused(vec![Choice::Aye, Choice::Candidates(vec![0])], Error::ChoiceDoesNotFit);
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(NOBODY), vote, vec![Choice::Aye, Choice::Abstain]),
			Error::<Test>::NotAnOwner
		);
		ballot(vote, A, vec![Choice::Aye, Choice::Alternative(1)]);
		close(vote);
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(B), vote, vec![Choice::Aye, Choice::Abstain]),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn owners_choose_a_property_company_which_then_publishes_and_books_revenue_but_cannot_vote() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let other_company = 52;
		let choose = Matter {
			title: b"property company".to_vec(),
			category: Category::PropertyCompany,
			question: Question::Choose(vec![
				Alternative { label: b"Good Homes".to_vec(), action: Action::HireCompany(COMPANY) },
				Alternative { label: b"Fine Care".to_vec(), action: Action::HireCompany(other_company) },
			]),
		};
		assert_noop!(
			OwnersAssembly::publish_company_note(
				RuntimeOrigin::signed(COMPANY),
				id,
				NoteKind::FeeReport,
				b"fees".to_vec()
			),
			Error::<Test>::NotTheCompany
		);
		let vote = call(id, vec![choose]);
		open(vote);
		for who in [A, B, DEVELOPER] {
			ballot(vote, who, vec![Choice::Alternative(0)]);
		}
		ballot(vote, D, vec![Choice::Alternative(1)]);
		ballot(vote, C, vec![Choice::Abstain]);
		close(vote);
		assert_eq!(outcomes(vote), vec![Outcome::Chosen(0)]);
		assert_eq!(estate(id).company, Some(COMPANY));
		assert!(events().contains(&Event::CompanyChanged { estate: id, company: Some(COMPANY) }));
		for n in 0..3u8 {
			assert_ok!(OwnersAssembly::publish_company_note(
				RuntimeOrigin::signed(COMPANY),
				id,
				NoteKind::ServiceReport,
				vec![b'a' + n]
			));
		}
		// the estate keeps the latest two
		let notes = OwnersAssembly::company_notes(id);
		assert_eq!(notes.iter().map(|n| n.text.as_slice()[0]).collect::<Vec<_>>(), vec![b'b', b'c']);
		assert_ok!(OwnersAssembly::book_revenue(
			RuntimeOrigin::signed(COMPANY),
			id,
			RevenueSource::Parking,
			120
		));
		assert_eq!(estate(id).revenue, 120);
		// the company is no owner: it cannot vote
		let next = call(id, vec![motion(Category::OtherMajor, Action::Record)]);
		open(next);
		assert_noop!(
			OwnersAssembly::cast_ballot(RuntimeOrigin::signed(COMPANY), next, vec![Choice::Aye]),
			Error::<Test>::NotAnOwner
		);
	});
}
