//! Material aid: deliveries recorded by distributors and countersigned by households.

use frame_support::ensure;
use gongzhi_primitives::civic::{CivicRegistry, Role};
use sp_runtime::DispatchResult;

use crate::{Config, Deliveries, Delivery, DeliveryCount, Error, Event, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_record_delivery(
		who: T::AccountId,
		batch: u32,
		household: T::AccountId,
		quantity: u32,
	) -> DispatchResult {
		let community = T::Registry::community_of(&household).ok_or(Error::<T>::NotEligible)?;
		ensure!(
			T::Registry::has_role(&who, Role::AidDistributor, community),
			Error::<T>::NotADistributor
		);
		ensure!(who != household, Error::<T>::SelfConfirmation);
		let previous = DeliveryCount::<T>::get(batch, &household);
		Deliveries::<T>::insert(
			(batch, &household, previous),
			Delivery {
				distributor: who.clone(),
				quantity,
				at: frame_system::Pallet::<T>::block_number(),
				countersigned_by: None,
				previous,
			},
		);
		DeliveryCount::<T>::insert(batch, &household, previous.saturating_add(1));
		Self::deposit_event(Event::DeliveryRecorded {
			batch,
			household,
			delivery: previous,
			quantity,
			distributor: who,
			previous,
		});
		Ok(())
	}

	pub(crate) fn do_countersign_delivery(
		who: T::AccountId,
		batch: u32,
		household: T::AccountId,
		delivery: u32,
	) -> DispatchResult {
		let mut record = Deliveries::<T>::get((batch, &household, delivery))
			.ok_or(Error::<T>::UnknownDelivery)?;
		ensure!(record.countersigned_by.is_none(), Error::<T>::AlreadyCountersigned);
		let community = T::Registry::community_of(&household).ok_or(Error::<T>::NotEligible)?;
		ensure!(
			who == household || T::Registry::has_role_around(&who, Role::GridWorker, community),
			Error::<T>::NotOnBehalf
		);
		ensure!(who != record.distributor, Error::<T>::SelfConfirmation);
		record.countersigned_by = Some(who.clone());
		Deliveries::<T>::insert((batch, &household, delivery), record);
		Self::deposit_event(Event::DeliveryCountersigned { batch, household, delivery, by: who });
		Ok(())
	}
}
