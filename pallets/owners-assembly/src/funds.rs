//! The estate's pot: owners' deposits into the maintenance fund, public revenue booked with its
//! source, and what the property company publishes.

use frame_support::{
	ensure,
	traits::{fungible::Mutate, tokens::Preservation, Get},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, SaturatedConversion, Saturating, Zero},
	DispatchResult, Rounding,
};

use crate::{
	BalanceOf, Claimed, CompanyNote, CompanyNotes, Config, Deposits, DistributionId,
	Distributions, Error, EstateId, Estates, Event, NextNoteId, NoteKind, Pallet, Properties,
	PropertyId, RevenueSource, TextOf,
};

impl<T: Config> Pallet<T> {
	/// The account of estate `estate`'s pot: derived, nobody holds its key.
	pub fn pot_account(estate: EstateId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(estate)
	}

	pub(crate) fn do_deposit_fund(
		who: T::AccountId,
		estate_id: EstateId,
		property: PropertyId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(Properties::<T>::contains_key(estate_id, property), Error::<T>::UnknownProperty);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Currency::transfer(&who, &Self::pot_account(estate_id), amount, Preservation::Preserve)?;
		estate.fund = estate.fund.saturating_add(amount);
		Estates::<T>::insert(estate_id, estate);
		Deposits::<T>::mutate(estate_id, property, |paid| *paid = paid.saturating_add(amount));
		Self::deposit_event(Event::FundDeposited { estate: estate_id, property, from: who, amount });
		Ok(())
	}

	pub(crate) fn do_book_revenue(
		who: T::AccountId,
		estate_id: EstateId,
		source: RevenueSource,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		let is_member = Self::committee_in_office(&estate).is_some_and(|c| c.contains(&who));
		ensure!(
			estate.company.as_ref() == Some(&who) || is_member,
			Error::<T>::NotARevenueBooker
		);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Currency::transfer(&who, &Self::pot_account(estate_id), amount, Preservation::Preserve)?;
		estate.revenue = estate.revenue.saturating_add(amount);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::RevenueBooked { estate: estate_id, source, amount, by: who });
		Ok(())
	}

	pub(crate) fn do_claim_share(
		who: T::AccountId,
		id: DistributionId,
		property_id: PropertyId,
	) -> DispatchResult {
		let mut d = Distributions::<T>::get(id).ok_or(Error::<T>::UnknownDistribution)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < d.ends, Error::<T>::UnknownDistribution);
		let property =
			Properties::<T>::get(d.estate, property_id).ok_or(Error::<T>::NotOfTheEstate)?;
		ensure!(property.voter == who, Error::<T>::NotTheVoter);
		ensure!(!Claimed::<T>::contains_key(id, property_id), Error::<T>::AlreadyClaimed);
		// The unit's area over the estate's when the owners decided; never more than is left
		// (a unit's area corrected upwards since cannot take others' shares).
		let share = BalanceOf::<T>::saturated_from(multiply_by_rational_with_rounding(
			d.amount.saturated_into::<u128>(),
			u128::from(property.area),
			u128::from(d.area.max(1)),
			Rounding::Down,
		)
		.unwrap_or_default())
		.min(d.amount.saturating_sub(d.paid));
		if !share.is_zero() {
			T::Currency::transfer(&Self::pot_account(d.estate), &who, share, Preservation::Expendable)?;
		}
		d.paid = d.paid.saturating_add(share);
		Estates::<T>::mutate(d.estate, |e| {
			if let Some(e) = e {
				e.distributing = e.distributing.saturating_sub(share);
			}
		});
		Distributions::<T>::insert(id, d);
		Claimed::<T>::insert(id, property_id, ());
		Self::deposit_event(Event::RevenueShareClaimed {
			distribution: id,
			property: property_id,
			to: who,
			amount: share,
		});
		Ok(())
	}

	pub(crate) fn do_publish_company_note(
		who: T::AccountId,
		estate_id: EstateId,
		kind: NoteKind,
		text: TextOf<T>,
	) -> DispatchResult {
		let estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(estate.company.as_ref() == Some(&who), Error::<T>::NotTheCompany);
		let at = frame_system::Pallet::<T>::block_number();
		let id = NextNoteId::<T>::get(estate_id);
		NextNoteId::<T>::insert(estate_id, id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?);
		CompanyNotes::<T>::mutate(estate_id, |notes| {
			if notes.is_full() {
				notes.remove(0);
			}
			// Cannot fail: there is room now.
			let _ = notes.try_push(CompanyNote { id, kind, by: who.clone(), at, text });
		});
		Self::deposit_event(Event::CompanyNotePublished { estate: estate_id, kind, by: who });
		Ok(())
	}
}
