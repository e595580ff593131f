//! The estate's pot: deposits, public revenue, the deposit rate, and pruning closed votes.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, weights::Weight};

#[test]
fn public_revenue_is_booked_with_its_source_and_reaches_the_fund_only_by_a_vote() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		// without a company or committee nobody books revenue; never a stranger
		for who in [COMPANY, PLUM_SECRETARY, A] {
			assert_noop!(
				OwnersAssembly::book_revenue(RuntimeOrigin::signed(who), id, RevenueSource::Rent, 10),
				Error::<Test>::NotARevenueBooker
			);
		}
		// a committee: A alone, elected with a motion-free election
		let vote = call(
			id,
			vec![Matter {
				title: b"committee".to_vec(),
				category: Category::CommitteeElection,
				question: Question::Election { seats: 1, term: 1000, nominators: 1 },
			}],
		);
		assert_ok!(OwnersAssembly::nominate(RuntimeOrigin::signed(B), vote, 0, A));
		open(vote);
		for who in [A, B, C, D, DEVELOPER] {
			ballot(vote, who, vec![Choice::Candidates(vec![0])]);
		}
		close(vote);
		assert_eq!(estate(id).committee.to_vec(), vec![A]);
		assert_noop!(
			OwnersAssembly::book_revenue(RuntimeOrigin::signed(A), id, RevenueSource::Advertising, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(OwnersAssembly::book_revenue(
			RuntimeOrigin::signed(A),
			id,
			RevenueSource::Advertising,
			200
		));
		assert_eq!(
			last_event(),
			Event::RevenueBooked { estate: id, source: RevenueSource::Advertising, amount: 200, by: A }
		);
		assert_eq!(Balances::balance(&A), 800);
		assert_eq!((estate(id).revenue, estate(id).fund), (200, 0));
		// moving it to the fund takes an approved public-revenue matter
		let to_fund = crate::mock::motion(Category::PublicRevenue, Action::RevenueToFund(150));
		let vote = crate::NextVoteId::<Test>::get();
		assert_ok!(OwnersAssembly::call_vote(RuntimeOrigin::signed(A), id, vec![to_fund], 10));
		assert_eq!(estate(id).revenue_committed, 150);
		open(vote);
		for who in [A, B, C, D] {
			ballot(vote, who, vec![Choice::Aye]);
		}
		// without the developer, 600 of 1,000 m² took part: less than two thirds
		ballot(vote, DEVELOPER, vec![Choice::Nay]);
		close(vote);
		assert_eq!(outcomes(vote), vec![Outcome::Passed]);
		assert_eq!(OwnersAssembly::recent_votes(id), vec![vote, vote - 1]);
		let e = estate(id);
		assert_eq!((e.revenue, e.fund, e.revenue_committed), (50, 150, 0));
		assert_eq!(Balances::balance(&OwnersAssembly::pot_account(id)), 200);
	});
}

#[test]
fn the_assembly_sets_the_deposit_rate_by_three_quarters_and_owners_pay_by_area() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![crate::mock::motion(Category::RaiseMaintenanceFund, Action::SetDepositRate(2))]);
		open(vote);
		for who in [A, B, C, DEVELOPER] {
			ballot(vote, who, vec![Choice::Aye]);
		}
		ballot(vote, D, vec![Choice::Nay]);
		close(vote);
		assert_eq!(outcomes(vote), vec![Outcome::Passed]);
		assert_eq!(estate(id).deposit_rate, 2);
		// 2 per m² of a 100 m² unit
		assert_eq!(OwnersAssembly::deposit_due(id, 0), (200, 0));
		assert_noop!(
			OwnersAssembly::deposit_fund(RuntimeOrigin::signed(A), id, 99, 10),
			Error::<Test>::UnknownProperty
		);
		assert_noop!(
			OwnersAssembly::deposit_fund(RuntimeOrigin::signed(A), id, 0, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(OwnersAssembly::deposit_fund(RuntimeOrigin::signed(A), id, 0, 200));
		assert_eq!(OwnersAssembly::deposit_due(id, 0), (200, 200));
		assert_eq!(Balances::balance(&A), 800);
		assert_eq!(estate(id).fund, 200);
	});
}

#[test]
fn a_closed_vote_and_its_ballots_are_pruned_after_the_retention() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![crate::mock::motion(Category::OtherMajor, Action::Record)]);
		// a sale during the vote leaves frozen holdings to prune too
		assert_ok!(OwnersAssembly::transfer_property(
			RuntimeOrigin::signed(HOUSING),
			id,
			0,
			vec![BUYER],
			certificate(200)
		));
		open(vote);
		for who in [A, B, C, D, DEVELOPER] {
			ballot(vote, who, vec![Choice::Aye]);
		}
		close(vote);
		let closed = System::block_number();
		run_to_block(closed + RETENTION - 1);
		assert!(Votes::<Test>::contains_key(vote));
		assert_eq!(Ballots::<Test>::iter_prefix(vote).count(), 5);
		run_to_block(closed + RETENTION);
		assert!(!Votes::<Test>::contains_key(vote));
		assert!(Results::<Test>::get(vote).is_none());
		assert_eq!(Ballots::<Test>::iter_prefix(vote).count(), 0);
		assert_eq!(Frozen::<Test>::iter_prefix(vote).count(), 0);
		assert_eq!(Tallies::<Test>::iter_prefix(vote).count(), 0);
		assert_eq!(last_event(), Event::VotePruned { vote });
		assert_eq!(PruneBounds::<Test>::get(), (1, 1));
	});
}

#[test]
fn pruning_stops_when_the_block_has_no_spare_weight() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![crate::mock::motion(Category::OtherMajor, Action::Record)]);
		open(vote);
		ballot(vote, A, vec![Choice::Aye]);
		close(vote);
		let due = System::block_number() + RETENTION;
		use frame_support::traits::Hooks;
		System::set_block_number(due);
		assert_eq!(OwnersAssembly::on_idle(due, Weight::zero()), Weight::zero());
		assert!(Votes::<Test>::contains_key(vote));
		OwnersAssembly::on_idle(due, Weight::MAX);
		assert!(!Votes::<Test>::contains_key(vote));
	});
}

/// Elects A alone to the committee (everyone votes for A); the next vote's id.
fn elect_a(id: EstateId) {
	let vote = call(
		id,
		vec![Matter {
			title: b"committee".to_vec(),
			category: Category::CommitteeElection,
			question: Question::Election { seats: 1, term: 1000, nominators: 1 },
		}],
	);
	assert_ok!(OwnersAssembly::nominate(RuntimeOrigin::signed(B), vote, 0, A));
	open(vote);
	for who in [A, B, C, D, DEVELOPER] {
		ballot(vote, who, vec![Choice::Candidates(vec![0])]);
	}
	close(vote);
}

#[test]
fn public_revenue_shared_out_by_area_is_claimed_by_each_units_voter_and_the_rest_returns() {
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		elect_a(id);
		assert_ok!(OwnersAssembly::book_revenue(RuntimeOrigin::signed(A), id, RevenueSource::Rent, 500));
		let vote = crate::NextVoteId::<Test>::get();
		assert_ok!(OwnersAssembly::call_vote(
			RuntimeOrigin::signed(A),
			id,
			vec![crate::mock::motion(Category::PublicRevenue, Action::RevenueToOwners(400))],
			10
		));
		open(vote);
		for who in [A, B, C, D, DEVELOPER] {
			ballot(vote, who, vec![Choice::Aye]);
		}
		close(vote);
		let e = estate(id);
		assert_eq!((e.revenue, e.distributing), (100, 400));
		let ends = System::block_number() + RETENTION;
		assert!(events().contains(&Event::RevenueDistributed {
			estate: id,
			distribution: 0,
			amount: 400,
			claims_end: ends
		}));
		// a unit of 100 m² of 1,000 gets a tenth: 40
		assert_noop!(
			OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(B2), 0, 3),
			Error::<Test>::NotTheVoter
		);
		assert_ok!(OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(B), 0, 3));
		assert_eq!(Balances::balance(&B), 1_040);
		assert_noop!(
			OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(B), 0, 3),
			Error::<Test>::AlreadyClaimed
		);
		assert_noop!(
			OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(B), 0, 99),
			Error::<Test>::NotOfTheEstate
		);
		// A claims for each of their three units
		for unit in 0..3 {
			assert_ok!(OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(A), 0, unit));
		}
		assert_eq!(OwnersAssembly::distribution(0, 0).map(|(d, claimed)| (d.paid, claimed)), Some((160, true)));
		assert_eq!(estate(id).distributing, 240);
		// nobody else claims: at the end of the claims the rest goes back to public revenue
		run_to_block(ends);
		assert!(events().contains(&Event::DistributionEnded { distribution: 0, returned: 240 }));
		let e = estate(id);
		assert_eq!((e.revenue, e.distributing), (340, 0));
		assert_noop!(
			OwnersAssembly::claim_revenue_share(RuntimeOrigin::signed(C), 0, 4),
			Error::<Test>::UnknownDistribution
		);
		assert_eq!(Claimed::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn officers_take_down_a_matter_title_or_a_company_note_and_the_vote_stays() {
	use gongzhi_primitives::text::{text_hash, TextHost, TextRef};
	new_test_ext().execute_with(|| {
		let id = estate_ready();
		let vote = call(id, vec![crate::mock::motion(Category::OtherMajor, Action::Record)]);
		let title = TextRef::AssemblyMatter(vote, 0);
		let facts = OwnersAssembly::locate(&title).expect("the title is there");
		assert_eq!((facts.unit, facts.author, facts.hash), (PLUM, PLUM_SECRETARY, text_hash(b"a motion")));
		assert!(OwnersAssembly::take_down(&title));
		assert!(Votes::<Test>::get(vote).unwrap().matters[0].title.is_empty());
		assert!(OwnersAssembly::locate(&title).is_none());
		assert!(OwnersAssembly::restore(&title, b"a motion"));
		assert_eq!(Votes::<Test>::get(vote).unwrap().matters[0].title.as_slice(), b"a motion");
		assert!(OwnersAssembly::locate(&TextRef::AssemblyAlternative(vote, 0, 0)).is_none());
		// a company's note, by its number
		Estates::<Test>::mutate(id, |e| e.as_mut().unwrap().company = Some(COMPANY));
		for text in [b"fees".to_vec(), b"report".to_vec()] {
			assert_ok!(OwnersAssembly::publish_company_note(
				RuntimeOrigin::signed(COMPANY),
				id,
				NoteKind::FeeReport,
				text
			));
		}
		let note = TextRef::CompanyNote(id, 1);
		assert_eq!(OwnersAssembly::locate(&note).map(|f| f.author), Some(COMPANY));
		assert!(OwnersAssembly::take_down(&note));
		let notes = OwnersAssembly::company_notes(id);
		assert_eq!((notes[0].text.as_slice(), notes[1].text.is_empty()), (&b"fees"[..], true));
	});
}
