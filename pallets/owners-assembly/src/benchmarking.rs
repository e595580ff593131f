//! Benchmarks for `pallet_owners_assembly`. Each call is measured on its most expensive path:
//! officers and housing officers whose office or role is at the district (the longest walk up
//! the tree), the estate with as many votes open as it may have (so that a change of the
//! register keeps what an owner held for each of them), the longest texts, and votes of the most
//! matters, alternatives and candidates.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use gongzhi_primitives::{
	civic::{CivicRegistry, CivicRegistryBenchmarkHelper},
	text::{hardest_text, CivicText},
};
use sp_runtime::traits::Saturating;

type Helper<T> = <T as Config>::BenchmarkHelper;

/// Units of the sample estate, of 100 m² each, each with its own owner.
const UNITS: u32 = 10;
const UNIT_AREA: Area = 1_000_000;

struct Fixture<T: Config> {
	estate: EstateId,
	/// An officer of the district.
	officer: T::AccountId,
	/// A second officer of the district: confirms what the first changed.
	second: T::AccountId,
	/// A housing officer at the district.
	housing: T::AccountId,
}

fn owner<T: Config>(i: u32) -> T::AccountId {
	account("owner", i, 0)
}

/// Gives `who` plenty of money; returns a tenth of it.
fn funded<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(who, plenty);
	plenty / 10u32.into()
}

/// A community, its district's officers and housing officer, and a confirmed estate of
/// [`UNITS`] units with as many owners.
fn fixture<T: Config>() -> Fixture<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let district = T::Registry::parent_of(street).expect("a street has a district");
	let officer: T::AccountId = account("officer", 0, 0);
	let second: T::AccountId = account("officer", 1, 0);
	let housing: T::AccountId = account("housing", 0, 0);
	Helper::<T>::appoint_officer(&officer, district);
	Helper::<T>::appoint_officer(&second, district);
	Helper::<T>::grant_role(&housing, Role::HousingOfficer, district);
	let estate = NextEstateId::<T>::get();
	Pallet::<T>::do_register_estate(
		officer.clone(),
		community,
		CivicText::filler(T::MaxNameLength::get()),
		UNIT_AREA * UNITS as u64,
	)
	.expect("the officer registers the estate");
	for i in 0..UNITS {
		Pallet::<T>::do_register_property(
			housing.clone(),
			estate,
			1,
			UNIT_AREA,
			T::Hash::default(),
			vec![owner::<T>(i)],
			false,
		)
		.expect("room for the unit");
	}
	Pallet::<T>::do_confirm_register(second.clone(), estate).expect("a second person confirms");
	Fixture { estate, officer, second, housing }
}

fn motion<T: Config>() -> MatterOf<T> {
	Matter {
		title: CivicText::filler(T::MaxTitleLength::get()),
		category: Category::OtherMajor,
		question: Question::Motion(Action::Record),
	}
}

/// Calls a vote of `matters` on the fixture's estate, the `i`-th (votes close a block apart).
fn call<T: Config>(f: &Fixture<T>, matters: Vec<MatterOf<T>>, i: u32) -> VoteId {
	let id = NextVoteId::<T>::get();
	let period = T::MinVotingPeriod::get().saturating_add(i.into());
	Pallet::<T>::do_call_vote(
		f.officer.clone(),
		f.estate,
		matters.try_into().expect("within MaxMatters"),
		period,
	)
	.expect("the officer calls the vote");
	id
}

/// Opens the estate's votes to their most: `MaxOpenVotes` less `room`.
fn open_votes<T: Config>(f: &Fixture<T>, room: u32) {
	for i in 0..T::MaxOpenVotes::get().saturating_sub(room) {
		call::<T>(f, vec![motion::<T>()], 1 + i);
	}
}

/// A vote of `MaxMatters` elections of the most seats, each with `MaxCandidates` standing
/// candidates, run to its opening.
fn elections<T: Config>(f: &Fixture<T>) -> VoteId {
	let seats = T::MaxCommittee::get().min(T::MaxCandidates::get()) as u8;
	let election = Matter {
		title: CivicText::filler(T::MaxTitleLength::get()),
		category: Category::CommitteeElection,
		question: Question::Election { seats, term: 100u32.into(), nominators: 1 },
	};
	let matters = T::MaxMatters::get();
	let id = call::<T>(f, vec![election; matters as usize], 0);
	for m in 0..matters as MatterIndex {
		let list: Vec<_> = (0..T::MaxCandidates::get())
			.map(|i| Candidate { who: owner::<T>(i % UNITS), nominations: 1 })
			.collect();
		Candidates::<T>::insert(id, m, CandidatesOf::<T>::try_from(list).expect("within bound"));
	}
	let opens = Votes::<T>::get(id).expect("called").opens;
	frame_system::Pallet::<T>::set_block_number(opens);
	id
}

/// A committee election by secret ballot of the most seats, with `MaxCandidates` standing
/// candidates, run to its opening (its anonymous poll's options fixed).
fn secret_election<T: Config>(f: &Fixture<T>) -> VoteId {
	let seats = T::MaxCommittee::get().min(T::MaxCandidates::get()) as u8;
	let id = NextVoteId::<T>::get();
	Pallet::<T>::do_call_secret_election(
		f.officer.clone(),
		f.estate,
		vec![b'x'; T::MaxTitleLength::get() as usize],
		seats,
		100u32.into(),
		1,
		T::MinVotingPeriod::get(),
	)
	.expect("the officer calls the election");
	let list: Vec<_> = (0..T::MaxCandidates::get())
		.map(|i| Candidate { who: owner::<T>(i % UNITS), nominations: 1 })
		.collect();
	Candidates::<T>::insert(id, 0, CandidatesOf::<T>::try_from(list).expect("within bound"));
	let opens = Votes::<T>::get(id).expect("called").opens;
	frame_system::Pallet::<T>::set_block_number(opens);
	Pallet::<T>::open_due(opens);
	id
}

/// A station's count where `v` owners of the fixture voted blank.
fn blank_count<T: Config>(
	v: u32,
) -> (BoundedVec<Count, T::MaxTallyRows>, BoundedVec<T::AccountId, T::MaxStationVoters>) {
	let mut rows = vec![Count::default(); T::MaxCandidates::get() as usize];
	rows.push(Count::new(v, UNIT_AREA * u64::from(v)));
	let voters: Vec<_> = (0..v).map(owner::<T>).collect();
	(rows.try_into().expect("a row per candidate"), voters.try_into().expect("within bound"))
}

/// The fullest ballot of [`elections`]: the most candidates on every matter.
fn full_ballot<T: Config>() -> Vec<Choice<Vec<u8>>> {
	let seats = T::MaxCommittee::get().min(T::MaxCandidates::get()) as u8;
	(0..T::MaxMatters::get()).map(|_| Choice::Candidates((0..seats).collect())).collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_estate() {
		let f = fixture::<T>();
		let community = Estates::<T>::get(f.estate).expect("registered").community;

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.officer.clone()),
			community,
			hardest_text(T::MaxNameLength::get()),
			UNIT_AREA,
		);

		assert!(Estates::<T>::contains_key(f.estate + 1));
	}

	/// A new owner's unit while the estate has its most votes open: what the new owner held
	/// (nothing) is kept for each.
	#[benchmark]
	fn register_property() {
		let f = fixture::<T>();
		open_votes::<T>(&f, 0);
		Pallet::<T>::do_amend_property(f.housing.clone(), f.estate, 0, UNIT_AREA / 2)
			.expect("a smaller area");
		let owners: Vec<T::AccountId> =
			(0..T::MaxCoOwners::get()).map(|i| account("buyer", i, 0)).collect();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.housing.clone()),
			f.estate,
			2,
			UNIT_AREA / 2,
			T::Hash::default(),
			owners,
			false,
		);

		assert_eq!(Estates::<T>::get(f.estate).map(|e| e.units), Some(UNITS + 1));
	}

	#[benchmark]
	fn transfer_property() {
		let f = fixture::<T>();
		open_votes::<T>(&f, 0);
		let owners: Vec<T::AccountId> =
			(0..T::MaxCoOwners::get()).map(|i| account("buyer", i, 0)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(f.housing.clone()), f.estate, 0, owners, T::Hash::default());

		assert!(Frozen::<T>::contains_key(0, owner::<T>(0)));
	}

	#[benchmark]
	fn set_voter() {
		let f = fixture::<T>();
		let owners: Vec<T::AccountId> =
			(0..T::MaxCoOwners::get()).map(|i| account("buyer", i, 0)).collect();
		let last = owners.last().cloned().expect("one owner at least");
		Pallet::<T>::do_transfer_property(f.housing.clone(), f.estate, 0, owners, T::Hash::default())
			.expect("a sale");
		Pallet::<T>::do_confirm_register(f.second.clone(), f.estate).expect("confirmed");
		open_votes::<T>(&f, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.housing.clone()), f.estate, 0, last.clone());

		assert!(Holdings::<T>::contains_key(f.estate, last));
	}

	#[benchmark]
	fn amend_property() {
		let f = fixture::<T>();
		open_votes::<T>(&f, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.housing.clone()), f.estate, 0, UNIT_AREA / 2);

		assert_eq!(Properties::<T>::get(f.estate, 0).map(|p| p.area), Some(UNIT_AREA / 2));
	}

	/// After the most editors changed the register.
	#[benchmark]
	fn confirm_register() {
		let f = fixture::<T>();
		Estates::<T>::mutate(f.estate, |e| {
			let e = e.as_mut().expect("registered");
			e.confirmed = false;
			e.editors = (0..T::MaxCommittee::get())
				.map(|i| account("editor", i, 0))
				.collect::<Vec<_>>()
				.try_into()
				.expect("within bound");
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(f.second.clone()), f.estate);

		assert!(Estates::<T>::get(f.estate).is_some_and(|e| e.confirmed));
	}

	/// `m` multiple-choice maintenance-fund matters of the most alternatives, each paying, with
	/// the longest title and labels, the estate one vote short of its most.
	#[benchmark]
	fn call_vote(m: Linear<1, { T::MaxMatters::get() }>) {
		let f = fixture::<T>();
		let depositor = owner::<T>(0);
		let amount = funded::<T>(&depositor);
		Pallet::<T>::do_deposit_fund(depositor, f.estate, 0, amount).expect("a deposit");
		open_votes::<T>(&f, 1);
		let contractor: T::AccountId = account("contractor", 0, 0);
		let alternative = Alternative {
			label: hardest_text(T::MaxNameLength::get()),
			action: Action::PayFromFund { to: contractor, amount: T::Currency::minimum_balance() },
		};
		let matter: MatterInputOf<T> = Matter {
			title: hardest_text(T::MaxTitleLength::get()),
			category: Category::UseMaintenanceFund,
			question: Question::Choose(vec![alternative; T::MaxAlternatives::get() as usize]),
		};
		let id = NextVoteId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.officer.clone()),
			f.estate,
			vec![matter; m as usize],
			T::MinVotingPeriod::get(),
		);

		assert!(Votes::<T>::contains_key(id));
	}

	/// A candidate joins a list one short of full.
	#[benchmark]
	fn nominate() {
		let f = fixture::<T>();
		let election = Matter {
			title: CivicText::filler(T::MaxTitleLength::get()),
			category: Category::CommitteeElection,
			question: Question::Election { seats: 1, term: 100u32.into(), nominators: 1 },
		};
		let id = call::<T>(&f, vec![election], 0);
		let list: Vec<_> = (1..T::MaxCandidates::get())
			.map(|i| Candidate { who: account("candidate", i, 0), nominations: 1 })
			.collect();
		Candidates::<T>::insert(id, 0, CandidatesOf::<T>::try_from(list).expect("within bound"));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner::<T>(1)), id, 0, owner::<T>(0));

		assert_eq!(Candidates::<T>::get(id, 0).len() as u32, T::MaxCandidates::get());
	}

	/// The first ballot of a vote of the most elections: every count starts.
	#[benchmark]
	fn cast_ballot() {
		let f = fixture::<T>();
		let id = elections::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner::<T>(0)), id, full_ballot::<T>());

		assert!(Ballots::<T>::contains_key(id, owner::<T>(0)));
	}

	#[benchmark]
	fn record_paper_ballot() {
		let f = fixture::<T>();
		let id = elections::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id, owner::<T>(0), full_ballot::<T>());

		assert!(PaperBallots::<T>::contains_key(id, owner::<T>(0)));
	}

	#[benchmark]
	fn countersign_paper_ballot() {
		let f = fixture::<T>();
		let id = elections::<T>(&f);
		let choices = Pallet::<T>::choices_from(full_ballot::<T>()).expect("within bounds");
		Pallet::<T>::do_record_paper_ballot(f.officer.clone(), id, owner::<T>(0), choices)
			.expect("recorded");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.second.clone()), id, owner::<T>(0));

		assert!(Ballots::<T>::contains_key(id, owner::<T>(0)));
	}

	/// A station's count of `v` owners (the fixture's estate has [`UNITS`]: the weight's
	/// slope per owner is measured up to there) in a secret election of the most candidates.
	#[benchmark]
	fn record_station_count(v: Linear<1, { UNITS.min(T::MaxStationVoters::get()) }>) {
		let f = fixture::<T>();
		let id = secret_election::<T>(&f);
		let (rows, voters) = blank_count::<T>(v);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id, 1, rows, voters);

		assert!(StationCounts::<T>::contains_key(id, 1));
	}

	#[benchmark]
	fn countersign_station_count() {
		let f = fixture::<T>();
		let id = secret_election::<T>(&f);
		let (rows, voters) = blank_count::<T>(UNITS.min(T::MaxStationVoters::get()));
		Pallet::<T>::do_record_station_count(f.officer.clone(), id, 1, rows, voters)
			.expect("recorded");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.second.clone()), id, 1);

		assert!(StationCounts::<T>::get(id, 1).is_some_and(|c| c.countersigned));
	}

	#[benchmark]
	fn reject_station_count(v: Linear<1, { UNITS.min(T::MaxStationVoters::get()) }>) {
		let f = fixture::<T>();
		let id = secret_election::<T>(&f);
		let (rows, voters) = blank_count::<T>(v);
		Pallet::<T>::do_record_station_count(f.officer.clone(), id, 1, rows, voters)
			.expect("recorded");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.second.clone()), id, 1);

		assert!(!StationCounts::<T>::contains_key(id, 1));
	}

	#[benchmark]
	fn deposit_fund() {
		let f = fixture::<T>();
		let payer = owner::<T>(0);
		let amount = funded::<T>(&payer);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), f.estate, 0, amount);

		assert_eq!(Estates::<T>::get(f.estate).map(|e| e.fund), Some(amount));
	}

	/// By a committee member, the last of a full committee.
	#[benchmark]
	fn book_revenue() {
		let f = fixture::<T>();
		let committee: Vec<T::AccountId> =
			(0..T::MaxCommittee::get()).map(|i| account("member", i, 0)).collect();
		let member = committee.last().cloned().expect("a member");
		Estates::<T>::mutate(f.estate, |e| {
			let e = e.as_mut().expect("registered");
			e.committee = committee.try_into().expect("within bound");
			e.committee_until = Some(1_000u32.into());
		});
		let amount = funded::<T>(&member);

		#[extrinsic_call]
		_(RawOrigin::Signed(member), f.estate, RevenueSource::Parking, amount);

		assert_eq!(Estates::<T>::get(f.estate).map(|e| e.revenue), Some(amount));
	}

	/// On a full list: the oldest note retires.
	#[benchmark]
	fn publish_company_note() {
		let f = fixture::<T>();
		let company: T::AccountId = account("company", 0, 0);
		Estates::<T>::mutate(f.estate, |e| e.as_mut().expect("registered").company = Some(company.clone()));
		let note = CompanyNote {
			id: 0,
			kind: NoteKind::FeeReport,
			by: company.clone(),
			at: 1u32.into(),
			text: CivicText::filler(T::MaxTextLength::get()),
		};
		let notes: Vec<_> = (0..T::MaxCompanyNotes::get()).map(|_| note.clone()).collect();
		CompanyNotes::<T>::insert(f.estate, BoundedVec::try_from(notes).expect("within bound"));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(company),
			f.estate,
			NoteKind::ServiceReport,
			hardest_text(T::MaxTextLength::get()),
		);

		assert_eq!(
			CompanyNotes::<T>::get(f.estate).last().map(|n| n.kind),
			Some(NoteKind::ServiceReport)
		);
	}

	/// A unit's share of a distribution, paid to its voter.
	#[benchmark]
	fn claim_revenue_share() {
		let f = fixture::<T>();
		let payer = owner::<T>(0);
		let amount = funded::<T>(&payer);
		T::Currency::set_balance(&Pallet::<T>::pot_account(f.estate), amount);
		Estates::<T>::mutate(f.estate, |e| e.as_mut().expect("registered").distributing = amount);
		Distributions::<T>::insert(
			0,
			Distribution {
				estate: f.estate,
				amount,
				area: UNIT_AREA * UNITS as u64,
				paid: Default::default(),
				ends: 1_000u32.into(),
			},
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner::<T>(1)), 0, 1);

		assert!(Claimed::<T>::contains_key(0, 1));
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::close_due(now);
		}
	}

	/// A vote of `m` maintenance-fund matters, each approved and paying a contractor.
	#[benchmark]
	fn on_initialize_close(m: Linear<1, { T::MaxMatters::get() }>) {
		let f = fixture::<T>();
		let payer = owner::<T>(0);
		let amount = funded::<T>(&payer);
		Pallet::<T>::do_deposit_fund(payer, f.estate, 0, amount).expect("a deposit");
		let pay = T::Currency::minimum_balance();
		let matters: Vec<MatterOf<T>> = (0..m)
			.map(|i| Matter {
				title: CivicText::filler(T::MaxTitleLength::get()),
				category: Category::UseMaintenanceFund,
				question: Question::Motion(Action::PayFromFund {
					to: account("contractor", i, 0),
					amount: pay,
				}),
			})
			.collect();
		let id = call::<T>(&f, matters, 0);
		let opens = Votes::<T>::get(id).expect("called").opens;
		frame_system::Pallet::<T>::set_block_number(opens);
		for i in 0..UNITS {
			let choices = Pallet::<T>::choices_from(vec![Choice::Aye; m as usize]).expect("fits");
			Pallet::<T>::do_cast_ballot(id, owner::<T>(i), choices, None).expect("a ballot");
		}
		let closes: BlockNumberFor<T> = Votes::<T>::get(id).expect("called").closes;
		frame_system::Pallet::<T>::set_block_number(closes);

		#[block]
		{
			Pallet::<T>::close_due(closes);
		}

		assert_eq!(Votes::<T>::get(id).map(|v| v.status), Some(VoteStatus::Closed));
		assert_eq!(T::Currency::balance(&account("contractor", 0, 0)), pay);
	}

	/// One pruning step: `n` ballots of a closed vote.
	#[benchmark]
	fn on_idle_prune(n: Linear<1, { T::MaxPrunedPerStep::get() }>) {
		let f = fixture::<T>();
		let id = call::<T>(&f, vec![motion::<T>()], 0);
		let closes = Votes::<T>::get(id).expect("called").closes;
		frame_system::Pallet::<T>::set_block_number(closes);
		Pallet::<T>::close_due(closes);
		let choices = Pallet::<T>::choices_from(vec![Choice::Aye]).expect("fits");
		for i in 0..n {
			Ballots::<T>::insert(
				id,
				account::<T::AccountId>("voter", i, 1),
				Ballot { choices: choices.clone(), holding: Holding::default(), paper: None },
			);
		}
		let due = closes.saturating_add(T::Retention::get());

		#[block]
		{
			Pallet::<T>::prune(due, Weight::MAX);
		}

		assert_eq!(Ballots::<T>::iter_prefix(id).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
