//! Benchmarks for `pallet_assistance`. Each call is measured on its most expensive path: grid
//! workers, officers and distributors whose roles are held at the district, a community's lists
//! nearly full. Paying offered credits and subsidies is weighed by the pallets that do it.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use gongzhi_primitives::civic::{CivicRegistry, CivicRegistryBenchmarkHelper};
use sp_runtime::traits::Saturating;

type Helper<T> = <T as Config>::BenchmarkHelper;

struct Fixture<T: Config> {
	community: UnitId,
	elder: T::AccountId,
	volunteer: T::AccountId,
	grid_worker: T::AccountId,
	officer: T::AccountId,
}

fn fixture<T: Config>() -> Fixture<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let community = Helper::<T>::create_community();
	let street = T::Registry::parent_of(community).expect("a community has a street");
	let district = T::Registry::parent_of(street).expect("a street has a district");
	let elder: T::AccountId = account("elder", 0, 0);
	Helper::<T>::register_resident(&elder, community);
	Helper::<T>::grant_role(&elder, Role::SpecialNeeds, community);
	let volunteer: T::AccountId = account("volunteer", 0, 0);
	Helper::<T>::register_resident(&volunteer, community);
	Helper::<T>::grant_role(&volunteer, Role::Volunteer, community);
	let grid_worker: T::AccountId = account("grid worker", 0, 0);
	Helper::<T>::grant_role(&grid_worker, Role::GridWorker, district);
	let officer: T::AccountId = account("officer", 0, 0);
	Helper::<T>::appoint_officer(&officer, district);
	Fixture { community, elder, volunteer, grid_worker, officer }
}

/// The most kinds of help and areas, the matching ones last.
fn declare<T: Config>(f: &Fixture<T>) {
	let mut skills = vec![HelpCategory::Other; T::MaxSkills::get() as usize - 1];
	skills.push(HelpCategory::Shopping);
	let mut areas: Vec<UnitId> = vec![UnitId::MAX; T::MaxAreas::get() as usize - 1];
	areas.push(f.community);
	Pallet::<T>::do_declare_service(f.volunteer.clone(), skills, areas).expect("a volunteer");
}

/// Opens requests until the community has one fewer than the most; returns the last opened.
fn requests<T: Config>(f: &Fixture<T>, urgency: Urgency) -> RequestId {
	let mut last = 0;
	for _ in 1..T::MaxOpenPerCommunity::get().max(2) {
		last = NextRequestId::<T>::get();
		Pallet::<T>::do_open_request(
			f.grid_worker.clone(),
			f.elder.clone(),
			HelpCategory::Shopping,
			urgency,
			60,
			[1; 32],
			0,
			0,
		)
		.expect("the grid worker opens a request");
	}
	last
}

fn done<T: Config>(f: &Fixture<T>) -> RequestId {
	let id = requests::<T>(f, Urgency::Normal);
	declare::<T>(f);
	Pallet::<T>::do_accept(f.volunteer.clone(), id).expect("matching");
	Pallet::<T>::do_complete(f.volunteer.clone(), id, 60).expect("accepted");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn declare_service() {
		let f = fixture::<T>();
		let skills = vec![HelpCategory::Shopping; T::MaxSkills::get() as usize];
		let areas = vec![f.community; T::MaxAreas::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(f.volunteer.clone()), skills, areas);

		assert!(Offers::<T>::contains_key(&f.volunteer));
	}

	#[benchmark]
	fn open_request() {
		let f = fixture::<T>();
		requests::<T>(&f, Urgency::Urgent);

		// The elder offers credits: only the recipient does.
		#[extrinsic_call]
		_(
			RawOrigin::Signed(f.elder.clone()),
			f.elder.clone(),
			HelpCategory::Shopping,
			Urgency::Urgent,
			60,
			[1; 32],
			30,
			0,
		);

		assert_eq!(
			CommunityRequests::<T>::get(f.community).len() as u32,
			T::MaxOpenPerCommunity::get().max(2)
		);
	}

	/// The first of a nearly full list, cancelled by the grid worker.
	#[benchmark]
	fn cancel_request() {
		let f = fixture::<T>();
		let first = NextRequestId::<T>::get();
		requests::<T>(&f, Urgency::Normal);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.grid_worker.clone()), first);

		assert!(!Requests::<T>::contains_key(first));
	}

	#[benchmark]
	fn accept() {
		let f = fixture::<T>();
		let id = requests::<T>(&f, Urgency::Normal);
		declare::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.volunteer.clone()), id);

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::Accepted { .. })
		));
	}

	/// An officer takes a request back from a volunteer.
	#[benchmark]
	fn release() {
		let f = fixture::<T>();
		let id = requests::<T>(&f, Urgency::Normal);
		declare::<T>(&f);
		Pallet::<T>::do_accept(f.volunteer.clone(), id).expect("matching");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.officer.clone()), id);

		assert_eq!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Open));
	}

	#[benchmark]
	fn complete() {
		let f = fixture::<T>();
		let id = requests::<T>(&f, Urgency::Normal);
		declare::<T>(&f);
		Pallet::<T>::do_accept(f.volunteer.clone(), id).expect("matching");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.volunteer.clone()), id, 60);

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::Done { .. })
		));
	}

	/// The grid worker confirms: the volunteer is credited, the request ends.
	#[benchmark]
	fn confirm() {
		let f = fixture::<T>();
		let id = done::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.grid_worker.clone()), id);

		assert!(!Requests::<T>::contains_key(id));
	}

	#[benchmark]
	fn dispute() {
		let f = fixture::<T>();
		let id = done::<T>(&f);

		#[extrinsic_call]
		_(RawOrigin::Signed(f.grid_worker.clone()), id);

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::Disputed { .. })
		));
	}

	#[benchmark]
	fn record_delivery() {
		let f = fixture::<T>();
		let street = T::Registry::parent_of(f.community).expect("a street");
		let district = T::Registry::parent_of(street).expect("a district");
		let distributor: T::AccountId = account("distributor", 0, 0);
		Helper::<T>::grant_role(&distributor, Role::AidDistributor, district);

		#[extrinsic_call]
		_(RawOrigin::Signed(distributor), 7, f.elder.clone(), 3);

		assert_eq!(DeliveryCount::<T>::get(7, &f.elder), 1);
	}

	/// The grid worker countersigns.
	#[benchmark]
	fn countersign_delivery() {
		let f = fixture::<T>();
		let distributor: T::AccountId = account("distributor", 0, 0);
		Helper::<T>::grant_role(&distributor, Role::AidDistributor, f.community);
		Pallet::<T>::do_record_delivery(distributor, 7, f.elder.clone(), 3).expect("a distributor");

		#[extrinsic_call]
		_(RawOrigin::Signed(f.grid_worker.clone()), 7, f.elder.clone(), 0);

		assert!(
			Deliveries::<T>::get((7, &f.elder, 0)).is_some_and(|d| d.countersigned_by.is_some())
		);
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
	fn on_initialize_escalate() {
		let f = fixture::<T>();
		let id = requests::<T>(&f, Urgency::Urgent);
		// Only the last request's escalation is due: the others leave the queue.
		QueueBounds::<T>::mutate(queue::Queue::Escalations, |(head, tail)| *head = *tail - 1);
		let due =
			frame_system::Pallet::<T>::block_number().saturating_add(T::EscalationPeriod::get());
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert!(Escalated::<T>::get(f.community).contains(&id));
	}

	/// One request expiring at the head of the queue with `q` more behind it, due later: the cost
	/// must not grow with `q`.
	#[benchmark]
	fn on_initialize_expire(q: Linear<0, 10_000>) {
		let f = fixture::<T>();
		let first = NextRequestId::<T>::get();
		requests::<T>(&f, Urgency::Normal);
		QueueBounds::<T>::mutate(queue::Queue::Expiries, |(head, _)| *head = 0);
		QueueBounds::<T>::mutate(queue::Queue::Expiries, |(head, tail)| *tail = *head + 1);
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::OpenPeriod::get());
		let later = due.saturating_add(1u32.into());
		for i in 0..q {
			queue::Queues::<T>::push(queue::Queue::Expiries, later, first.saturating_add(1 + i));
		}
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert!(!Requests::<T>::contains_key(first));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
