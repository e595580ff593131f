//! # Council root
//!
//! Gongzhi Chain has no superuser key (no `pallet-sudo`). Some calls still need the `Root` origin:
//! a runtime upgrade (`System::set_code`), a change to the council's own membership, a forced
//! balance correction. This pallet is the one door to `Root` besides a passed Democracy referendum:
//! [`Pallet::dispatch_as_root`] runs a call as `Root` when it is made by [`Config::RootOrigin`],
//! which the runtime sets to a council supermajority. A council member proposes the motion
//! `CouncilRoot::dispatch_as_root(call)` through `pallet-collective`; when enough members vote aye
//! and the motion is closed, the collective dispatches it with its `Members(ayes, total)` origin,
//! and this pallet turns that into `Root`.
//!
//! Every use emits [`Event::DispatchedAsRoot`] with the inner call's result, so an audit of the
//! chain's history lists each exercise of `Root` and whether it took effect.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	/// The version of this pallet's storage; [`crate::migrations`] moves it from one to the next.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event>> {
		/// The runtime's call type: what a motion may ask to run as `Root`.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo;

		/// Who may dispatch as `Root`: in the runtime, a council supermajority.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's own work, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event {
		/// A call was run as `Root` on the governance origin's request; `result` is the call's own.
		DispatchedAsRoot { result: DispatchResult },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Run `call` with the `Root` origin.
		///
		/// The origin must be [`Config::RootOrigin`]. The call is dispatched without the runtime's
		/// call filter, as `Root` always is. This call itself succeeds when the origin is
		/// accepted; whether the inner call succeeded is in [`Event::DispatchedAsRoot`].
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;

			let info = call.get_dispatch_info();
			let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let actual = frame_support::dispatch::extract_actual_weight(&result, &info);
			Self::deposit_event(Event::DispatchedAsRoot {
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			Ok(Some(T::WeightInfo::dispatch_as_root().saturating_add(actual)).into())
		}
	}
}
