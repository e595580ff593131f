//! Benchmarks of the validator set's calls and of planning a session.

use super::*;
use crate::{BenchmarkHelper, Pallet as ValidatorSet};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use pallet_session::SessionManager;

/// Fill the chain with `n` approved validators beyond those it has, each on its own street, with
/// session keys; returns them.
fn approve<T: Config>(n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let who: T::AccountId = account("validator", i, 0);
			Pallet::<T>::admit(&who, T::BenchmarkHelper::street()).expect("within the limits");
			T::BenchmarkHelper::set_session_keys(&who);
			who
		})
		.collect()
}

/// How many more validators fit, leaving one free place.
fn room<T: Config>() -> u32 {
	T::MaxValidators::get().saturating_sub(Validators::<T>::count()).saturating_sub(1)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		approve::<T>(room::<T>());
		let who: T::AccountId = account("new", 0, 0);
		let street = T::BenchmarkHelper::street();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), street);

		assert_eq!(Validators::<T>::get(&who), Some(street));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// A full chain: removal is refused only below the minimum, never above it.
		let approved = approve::<T>(room::<T>());
		let who = approved.first().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Validators::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MinSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), Some(blocks));
		Ok(())
	}

	/// Planning with `v` approved validators, one of them without keys, and a changed set: the
	/// most work a session change asks of this pallet.
	#[benchmark]
	fn plan_session(v: Linear<2, { T::MaxValidators::get() }>) {
		let existing: Vec<T::AccountId> = Validators::<T>::iter_keys().collect();
		for who in existing {
			Validators::<T>::remove(&who);
		}
		let approved = approve::<T>(v - 1);
		let unkeyed: T::AccountId = account("unkeyed", 0, 0);
		Pallet::<T>::admit(&unkeyed, T::BenchmarkHelper::street()).expect("within the limits");

		let planned;
		#[block]
		{
			planned = <ValidatorSet<T> as SessionManager<T::AccountId>>::new_session(1);
		}

		assert_eq!(planned.map(|set| set.len()), Some(approved.len()));
	}

	impl_benchmark_test_suite!(ValidatorSet, crate::mock::new_test_ext(), crate::mock::Test);
}
