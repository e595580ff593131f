//! The estate's pot: owners' deposits into the maintenance fund, public revenue booked with its
//! source, and what the property company publishes.

use frame_support::{
	ensure,
	traits::{fungible::Mutate, tokens::Preservation, Get},
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	DispatchResult,
};

use crate::{
	BalanceOf, CompanyNote, CompanyNotes, Config, Deposits, Error, EstateId, Estates, Event,
	NoteKind, Pallet, Properties, PropertyId, RevenueSource, TextOf,
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

	pub(crate) fn do_publish_company_note(
		who: T::AccountId,
		estate_id: EstateId,
		kind: NoteKind,
		text: TextOf<T>,
	) -> DispatchResult {
		let estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(estate.company.as_ref() == Some(&who), Error::<T>::NotTheCompany);
		let at = frame_system::Pallet::<T>::block_number();
		CompanyNotes::<T>::mutate(estate_id, |notes| {
			if notes.is_full() {
				notes.remove(0);
			}
			// Cannot fail: there is room now.
			let _ = notes.try_push(CompanyNote { kind, by: who.clone(), at, text });
		});
		Self::deposit_event(Event::CompanyNotePublished { estate: estate_id, kind, by: who });
		Ok(())
	}
}
