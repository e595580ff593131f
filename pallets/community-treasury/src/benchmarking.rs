//! Benchmarks for `pallet_community_treasury`. Each call is measured on its most expensive path:
//! supervisors who are residents (the longest eligibility check), spends from a street to a
//! community (two statement lines), a unit with its open spends nearly full.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use gongzhi_primitives::{
	civic::{CivicRegistry, CivicRegistryBenchmarkHelper},
	text::{hardest_text, CivicText},
};
use sp_runtime::{traits::Saturating, Permill};

type Helper<T> = <T as Config>::BenchmarkHelper;

/// A street and one of its communities, the street's officer, and `s` supervisors of the
/// street who are residents of the community; the officer is the first supervisor.
struct Fixture<T: Config> {
	street: UnitId,
	community: UnitId,
	officer: T::AccountId,
	supervisors: Vec<T::AccountId>,
}

fn fixture<T: Config>(s: u32) -> Fixture<T> {
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let officer: T::AccountId = account("officer", 0, 0);
	Helper::<T>::appoint_officer(&officer, street);
	let mut supervisors = vec![officer.clone()];
	for i in 1..s {
		let who: T::AccountId = account("supervisor", i, 0);
		Helper::<T>::register_resident(&who, community);
		supervisors.push(who);
	}
	Fixture { street, community, officer, supervisors }
}

fn settings_of<T: Config>(supervisors: &[T::AccountId], required: u32) -> UnitSettingsOf<T> {
	UnitSettings {
		supervisors: BoundedVec::truncate_from(supervisors.to_vec()),
		required_approvals: required,
		objection_share: Permill::from_percent(1),
		// Far above the benchmarked spends, so that only objections send them to a vote.
		vote_cap: amount::<T>().saturating_mul(1_000u32.into()),
	}
}

/// The fewest approvals allowed, but at least two so that one call can complete them.
fn required<T: Config>() -> u32 {
	T::MinApprovals::get().max(2)
}

fn amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(10u32.into())
}

/// `f` with its street configured (`s` supervisors), a budget line, and a funded pot.
fn configured<T: Config>(s: u32) -> Fixture<T> {
	let f = fixture::<T>(s);
	Pallet::<T>::do_configure(
		Authority::Governance,
		f.street,
		settings_of::<T>(&f.supervisors, required::<T>()),
	)
	.unwrap();
	Pallet::<T>::do_set_budget(
		Authority::Governance,
		f.street,
		Category::Facilities,
		Some(amount::<T>().saturating_mul(1_000u32.into())),
	);
	T::Currency::set_balance(
		&Pallet::<T>::pot_account(f.street),
		amount::<T>().saturating_mul(100u32.into()),
	);
	f
}

/// The officer proposes an allocation from the street to the community; returns its index.
fn propose<T: Config>(f: &Fixture<T>) -> SpendIndex {
	let index = NextSpendIndex::<T>::get();
	Pallet::<T>::do_propose_spend(
		f.officer.clone(),
		f.street,
		Beneficiary::Unit(f.community),
		amount::<T>(),
		Category::Facilities,
		Purpose::Text(CivicText::filler(T::MaxPurposeLength::get())),
		Some(0),
	)
	.unwrap();
	index
}

/// Fills the street's open spends up to one short of the bound.
fn fill_open_spends<T: Config>(f: &Fixture<T>) {
	for _ in 1..T::MaxOpenSpends::get() {
		propose::<T>(f);
	}
}

/// Proposes and approves: the spend is in notice. Returns its index and when the notice ends.
fn in_notice<T: Config>(f: &Fixture<T>) -> (SpendIndex, BlockNumberFor<T>) {
	let index = propose::<T>(f);
	for supervisor in f.supervisors.iter().skip(1).take(required::<T>() as usize - 1) {
		Pallet::<T>::do_approve_spend(supervisor.clone(), index).unwrap();
	}
	match Spends::<T>::get(index).unwrap().status {
		SpendStatus::Notice { ends_at } => (index, ends_at),
		other => panic!("expected a notice, found {other:?}"),
	}
}

/// A spend waiting for a vote, sent there by an objection.
fn awaiting_vote<T: Config>(f: &Fixture<T>) -> SpendIndex {
	let (index, _) = in_notice::<T>(f);
	let objector: T::AccountId = account("objector", 0, 0);
	Helper::<T>::register_resident(&objector, f.community);
	Pallet::<T>::do_object(objector, index).unwrap();
	index
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn donate() {
		let f = fixture::<T>(1);
		let donor: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&donor, amount::<T>().saturating_mul(10u32.into()));
		// The pot exists already: the usual case, and a transfer that writes both accounts.
		T::Currency::set_balance(&Pallet::<T>::pot_account(f.community), amount::<T>());
		let memo = hardest_text(T::MaxMemoLength::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(donor), f.community, amount::<T>(), memo);

		assert_eq!(LedgerLength::<T>::get(f.community), 1);
	}

	#[benchmark]
	fn configure(s: Linear<2, { T::MaxSupervisors::get() }>) -> Result<(), BenchmarkError> {
		let f = fixture::<T>(s);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let settings = settings_of::<T>(&f.supervisors, required::<T>().min(s));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, f.street, settings);

		assert!(Settings::<T>::contains_key(f.street));
		Ok(())
	}

	#[benchmark]
	fn propose_settings(s: Linear<2, { T::MaxSupervisors::get() }>) {
		let f = configured::<T>(s);
		let new = settings_of::<T>(&f.supervisors, required::<T>().min(s));

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), f.street, new);

		assert!(PendingChanges::<T>::contains_key(f.street));
	}

	#[benchmark]
	fn approve_settings(s: Linear<2, { T::MaxSupervisors::get() }>) {
		let f = configured::<T>(s);
		let new = settings_of::<T>(&f.supervisors, required::<T>().min(s));
		Pallet::<T>::do_propose_settings(f.officer.clone(), f.street, new).unwrap();
		let approver = f.supervisors[1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(approver), f.street);

		// The second approval of two applies the change.
		assert!(!PendingChanges::<T>::contains_key(f.street));
	}

	#[benchmark]
	fn set_budget() -> Result<(), BenchmarkError> {
		let f = fixture::<T>(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, f.street, Category::Facilities, Some(amount::<T>()));

		assert!(BudgetLines::<T>::contains_key(f.street, Category::Facilities));
		Ok(())
	}

	#[benchmark]
	fn set_subsidy_cap() -> Result<(), BenchmarkError> {
		let f = fixture::<T>(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, f.street, Some(amount::<T>()));

		assert!(SubsidyCaps::<T>::contains_key(f.street));
		Ok(())
	}

	#[benchmark]
	fn propose_spend() {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		// The longest purpose, and the dearest for the personal-data guard to read.
		let purpose = Purpose::Text(hardest_text(T::MaxPurposeLength::get()));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.officer.clone()),
			f.street,
			Beneficiary::Unit(f.community),
			amount::<T>(),
			Category::Facilities,
			purpose,
			Some(0),
		);

		assert_eq!(OpenSpends::<T>::get(f.street).len() as u32, T::MaxOpenSpends::get());
	}

	#[benchmark]
	fn approve_spend() {
		let f = configured::<T>(T::MaxSupervisors::get());
		let index = propose::<T>(&f);
		// Every approval but the last, which starts the notice.
		let needed = required::<T>() as usize;
		for supervisor in f.supervisors.iter().skip(1).take(needed - 2) {
			Pallet::<T>::do_approve_spend(supervisor.clone(), index).unwrap();
		}
		let last = f.supervisors[needed - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), index);

		assert!(matches!(Spends::<T>::get(index).unwrap().status, SpendStatus::Notice { .. }));
	}

	#[benchmark]
	fn reject_spend() {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		let index = propose::<T>(&f);
		// All but one of the rejections a majority needs.
		let majority = T::MaxSupervisors::get() as usize / 2 + 1;
		let rejecters: Vec<_> = f.supervisors.iter().skip(1).take(majority).cloned().collect();
		for who in &rejecters[..majority - 1] {
			Pallet::<T>::do_reject_spend(who.clone(), index).unwrap();
		}
		let last = rejecters[majority - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), index);

		assert!(!Spends::<T>::contains_key(index));
	}

	#[benchmark]
	fn object() {
		let f = configured::<T>(T::MaxSupervisors::get());
		let (index, _) = in_notice::<T>(&f);
		let objector: T::AccountId = account("objector", 0, 0);
		Helper::<T>::register_resident(&objector, f.community);

		// The first objection reaches the threshold (1% of a few residents): a vote is asked for.
		#[extrinsic_call]
		_(RawOrigin::Signed(objector), index);

		assert_eq!(Spends::<T>::get(index).unwrap().status, SpendStatus::AwaitingVote);
	}

	#[benchmark]
	fn cancel_spend() {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		let (index, _) = in_notice::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), index);

		assert!(!Spends::<T>::contains_key(index));
	}

	#[benchmark]
	fn retry_spend() {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		let index = awaiting_vote::<T>(&f);
		let pot = Pallet::<T>::pot_account(f.street);
		let funds = T::Currency::balance(&pot);
		T::Currency::set_balance(&pot, 0u32.into());
		Pallet::<T>::conclude_vote(index, true, DecidedBy::Residents).unwrap();
		T::Currency::set_balance(&pot, funds);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert!(!Spends::<T>::contains_key(index));
	}

	/// Concluding a vote with a payout: what governance deciding costs where it may, and what a
	/// residents' vote reporting back costs where they decide (the call itself is refused
	/// there, so the work is measured without it).
	#[benchmark]
	fn decide_by_governance() -> Result<(), BenchmarkError> {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		let index = awaiting_vote::<T>(&f);
		T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[block]
		{
			Pallet::<T>::conclude_vote(index, true, DecidedBy::Governance)?;
		}

		assert!(!Spends::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn set_periods() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (approval, notice): (BlockNumberFor<T>, BlockNumberFor<T>) =
			(100u32.into(), 50u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, approval, notice);

		assert_eq!(NoticePeriod::<T>::get(), notice);
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

	#[benchmark]
	fn on_initialize_expiry() {
		let f = configured::<T>(T::MaxSupervisors::get());
		let index = propose::<T>(&f);
		fill_open_spends::<T>(&f);
		// One item due: the others, proposed in the same block, leave the queue.
		QueueBounds::<T>::mutate(queue::Queue::Expiries, |(head, tail)| *tail = *head + 1);
		let due =
			frame_system::Pallet::<T>::block_number().saturating_add(ApprovalPeriod::<T>::get());
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert!(!Spends::<T>::contains_key(index));
	}

	/// One payout at the head of a queue with `q` more spends behind it: the cost must not grow
	/// with `q`.
	#[benchmark]
	fn on_initialize_payout(q: Linear<0, 10_000>) {
		let f = configured::<T>(T::MaxSupervisors::get());
		fill_open_spends::<T>(&f);
		let (index, ends_at) = in_notice::<T>(&f);
		let later = ends_at.saturating_add(1u32.into());
		for i in 0..q {
			Pallet::<T>::push(queue::Queue::Payouts, later, index.saturating_add(1 + i));
		}
		frame_system::Pallet::<T>::set_block_number(ends_at);

		#[block]
		{
			Pallet::<T>::process_due(ends_at);
		}

		assert!(!Spends::<T>::contains_key(index));
	}

	/// Removing `n` objection records of an ended spend.
	#[benchmark]
	fn clear_objections(n: Linear<0, 1_000>) {
		let index: SpendIndex = 7;
		for i in 0..n {
			let who: T::AccountId = account("objector", i, 0);
			Objections::<T>::insert(index, who, ());
		}
		let now = frame_system::Pallet::<T>::block_number();
		Pallet::<T>::push(queue::Queue::Cleanups, now, index);

		#[block]
		{
			Pallet::<T>::clear_ended_objections(Weight::MAX);
		}

		assert_eq!(Objections::<T>::iter_prefix(index).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
