//! Benchmarks for `pallet_volunteer_credits`. Each call is measured on its most expensive path:
//! roles held at the district (the longest walk up the tree), a unit's open activities nearly
//! full, records that reach a star level.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use gongzhi_primitives::civic::{CivicRegistry, CivicRegistryBenchmarkHelper};

type Helper<T> = <T as Config>::BenchmarkHelper;

/// A community; an organisation, a service and an officer whose roles are held at its district.
struct Fixture<T: Config> {
	community: UnitId,
	organiser: T::AccountId,
	provider: T::AccountId,
	officer: T::AccountId,
}

fn fixture<T: Config>() -> Fixture<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let district = T::Registry::parent_of(street).expect("a street has a district");
	let organiser: T::AccountId = account("organiser", 0, 0);
	Helper::<T>::grant_role(&organiser, Role::VolunteerOrganisation, district);
	let provider: T::AccountId = account("provider", 0, 0);
	Helper::<T>::grant_role(&provider, Role::ServiceProvider, district);
	let officer: T::AccountId = account("officer", 0, 0);
	Helper::<T>::appoint_officer(&officer, district);
	// One star level away from every record: the record that reaches it writes the most.
	StarThresholds::<T>::put(BoundedVec::truncate_from(vec![1]));
	Fixture { community, organiser, provider, officer }
}

fn resident<T: Config>(name: &'static str, community: UnitId, role: Role) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	Helper::<T>::register_resident(&who, community);
	Helper::<T>::grant_role(&who, role, community);
	who
}

// The longest title, and the dearest for the personal-data guard to read.
fn title<T: Config>() -> Vec<u8> {
	gongzhi_primitives::text::hardest_text(T::MaxTitleLength::get())
}

/// Publishes activities until the community has one fewer than the most open; returns the last.
fn activities<T: Config>(f: &Fixture<T>) -> ActivityId {
	let mut last = 0;
	for _ in 1..T::MaxOpenActivities::get().max(2) {
		last = NextActivityId::<T>::get();
		Pallet::<T>::do_publish_activity(
			f.organiser.clone(),
			f.community,
			gongzhi_primitives::text::CivicText::filler(T::MaxTitleLength::get()),
			T::DailyCap::get(),
		)
		.expect("the organisation publishes");
	}
	last
}

/// A volunteer signed up for an activity with `minutes` recorded; returns both.
fn recorded<T: Config>(f: &Fixture<T>, minutes: Minutes) -> (ActivityId, T::AccountId) {
	let activity = activities::<T>(f);
	let volunteer = resident::<T>("volunteer", f.community, Role::Volunteer);
	Pallet::<T>::do_sign_up(volunteer.clone(), activity).expect("a volunteer signs up");
	Pallet::<T>::do_record_service(f.organiser.clone(), activity, volunteer.clone(), minutes)
		.expect("the organiser records");
	(activity, volunteer)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn publish_activity() {
		let f = fixture::<T>();
		activities::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.organiser.clone()), f.community, title::<T>(), T::DailyCap::get());

		assert_eq!(OpenActivities::<T>::get(f.community).len() as u32, T::MaxOpenActivities::get());
	}

	#[benchmark]
	fn sign_up() {
		let f = fixture::<T>();
		let activity = activities::<T>(&f);
		let volunteer = resident::<T>("volunteer", f.community, Role::Volunteer);

		#[extrinsic_call]
		_(RawOrigin::Signed(volunteer.clone()), activity);

		assert!(Participations::<T>::contains_key(activity, volunteer));
	}

	/// The record that reaches a star level.
	#[benchmark]
	fn record_service() {
		let f = fixture::<T>();
		let activity = activities::<T>(&f);
		let volunteer = resident::<T>("volunteer", f.community, Role::Volunteer);
		Pallet::<T>::do_sign_up(volunteer.clone(), activity).expect("a volunteer signs up");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.organiser.clone()), activity, volunteer.clone(), 60);

		assert_eq!(Accounts::<T>::get(volunteer).stars, 1);
	}

	/// An officer closes an activity at the front of a nearly full list.
	#[benchmark]
	fn close_activity() {
		let f = fixture::<T>();
		let first = NextActivityId::<T>::get();
		activities::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), first);

		assert!(!Activities::<T>::get(first).map_or(true, |a| a.open));
	}

	#[benchmark]
	fn dispute() {
		let f = fixture::<T>();
		let (activity, volunteer) = recorded::<T>(&f, 30);

		#[extrinsic_call]
		_(RawOrigin::Signed(volunteer.clone()), activity, 90);

		assert!(matches!(
			Participations::<T>::get(activity, volunteer),
			Some(Participation::Disputed { .. })
		));
	}

	/// A settlement that adds minutes and reaches a star level.
	#[benchmark]
	fn settle_dispute() {
		let f = fixture::<T>();
		let (activity, volunteer) = recorded::<T>(&f, 30);
		Pallet::<T>::do_dispute(volunteer.clone(), activity, 90).expect("within the window");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), activity, volunteer.clone(), 90);

		assert_eq!(Accounts::<T>::get(volunteer).lifetime, 90);
	}

	#[benchmark]
	fn redeem() {
		let f = fixture::<T>();
		let (_, volunteer) = recorded::<T>(&f, 60);

		#[extrinsic_call]
		_(RawOrigin::Signed(volunteer.clone()), f.provider.clone(), 60, 1);

		assert_eq!(Accounts::<T>::get(volunteer).balance, 0);
	}

	#[benchmark]
	fn donate() {
		let f = fixture::<T>();
		let (_, volunteer) = recorded::<T>(&f, 60);
		let neighbour = resident::<T>("neighbour", f.community, Role::SpecialNeeds);

		#[extrinsic_call]
		_(RawOrigin::Signed(volunteer), neighbour.clone(), 60);

		assert_eq!(Accounts::<T>::get(neighbour).balance, 60);
	}

	#[benchmark]
	fn set_star_thresholds() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let thresholds: Vec<u32> = (1..=T::MaxStarLevels::get()).collect();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, thresholds);

		assert_eq!(StarThresholds::<T>::get().len() as u32, T::MaxStarLevels::get());
		Ok(())
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

	/// One closed activity pruned: `n` records removed, every one a lapsed dispute.
	#[benchmark]
	fn on_idle_prune(n: Linear<0, { T::MaxPrunedPerStep::get() }>) {
		let activity: ActivityId = 0;
		let at = frame_system::Pallet::<T>::block_number();
		for i in 0..n {
			let who: T::AccountId = account("volunteer", i, 0);
			let record = Participation::Disputed { minutes: 1, at, claimed: 2 };
			Participations::<T>::insert(activity, &who, record);
		}
		pruning::Prunings::<T>::push(pruning::Queue::Closed, at, activity);

		#[block]
		{
			Pallet::<T>::prune(at, frame_support::weights::Weight::MAX);
		}

		assert_eq!(Participations::<T>::iter_prefix(activity).count(), 0);
	}

	/// Help confirmed through the assistance pallet, reaching a star level.
	#[benchmark]
	fn credit_service() {
		let f = fixture::<T>();
		let volunteer = resident::<T>("volunteer", f.community, Role::Volunteer);
		let confirmer = resident::<T>("confirmer", f.community, Role::SpecialNeeds);

		#[block]
		{
			<Pallet<T> as ServiceCredits<T::AccountId>>::credit_service(
				&volunteer, &confirmer, 60, 1,
			)
			.expect("within the cap");
		}

		assert_eq!(Accounts::<T>::get(volunteer).stars, 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
