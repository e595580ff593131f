//! Estates and their registers: units, owners, who votes, and what each voting account holds —
//! kept as it was for the votes already called.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, BoundedVec};
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId, UnitLevel};
use sp_runtime::{
	traits::{SaturatedConversion, Saturating},
	DispatchError, DispatchResult,
};

use crate::{
	Area, Config, Error, Estate, EstateId, EstateOf, Estates, EstatesOwned, Event,
	Frozen, Holding, Holdings, NextEstateId, NextPropertyId, OwnersOf, Pallet, Properties,
	Property, PropertyId, VoteId,
};

/// Square centimetres in a square metre: deposit rates are per square metre.
const CM2_PER_M2: u32 = 10_000;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_estate(
		who: T::AccountId,
		community: UnitId,
		name: gongzhi_primitives::text::CivicText<T::MaxNameLength>,
		registered_area: Area,
	) -> DispatchResult {
		ensure!(
			T::Registry::level_of(community) == Some(UnitLevel::Community),
			Error::<T>::UnknownCommunity
		);
		ensure!(T::Registry::is_officer(&who, community), Error::<T>::NotAnOfficer);
		ensure!(registered_area > 0, Error::<T>::ZeroArea);
		let id = NextEstateId::<T>::get();
		NextEstateId::<T>::put(id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?);
		Estates::<T>::insert(id, Self::new_estate(community, name, registered_area));
		Self::deposit_event(Event::EstateRegistered {
			estate: id,
			community,
			registered_area,
			by: who,
		});
		Ok(())
	}

	/// An estate with an empty register, not confirmed.
	pub(crate) fn new_estate(
		community: UnitId,
		name: gongzhi_primitives::text::CivicText<T::MaxNameLength>,
		registered_area: Area,
	) -> EstateOf<T> {
		Estate {
			community,
			name,
			registered_area,
			units: 0,
			area: 0,
			owners: 0,
			confirmed: false,
			editors: BoundedVec::new(),
			committee: BoundedVec::new(),
			committee_until: None,
			company: None,
			fund: Default::default(),
			revenue: Default::default(),
			fund_committed: Default::default(),
			revenue_committed: Default::default(),
			distributing: Default::default(),
			deposit_rate: Default::default(),
			open_votes: BoundedVec::new(),
		}
	}

	/// Puts a unit on the register of `estate` (its checks made): its id.
	pub(crate) fn put_property(
		estate: &mut EstateOf<T>,
		estate_id: EstateId,
		property: Property<T::AccountId, T::Hash, OwnersOf<T>>,
	) -> Result<PropertyId, DispatchError> {
		let id = NextPropertyId::<T>::get(estate_id);
		NextPropertyId::<T>::insert(estate_id, id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?);
		Self::add_holding(estate, estate_id, &property.voter, property.area);
		estate.units += 1;
		estate.area = estate.area.saturating_add(property.area);
		Properties::<T>::insert(estate_id, id, property);
		Ok(id)
	}

	pub(crate) fn do_register_property(
		who: T::AccountId,
		estate_id: EstateId,
		building: u16,
		area: Area,
		certificate: T::Hash,
		owners: Vec<T::AccountId>,
		developer: bool,
	) -> DispatchResult {
		let mut estate = Self::estate_kept_by(&who, estate_id)?;
		ensure!(area > 0, Error::<T>::ZeroArea);
		ensure!(
			estate.area.saturating_add(area) <= estate.registered_area,
			Error::<T>::AreaAboveRegistered
		);
		ensure!(estate.units < T::MaxUnitsPerEstate::get(), Error::<T>::TooManyUnits);
		let owners = Self::owners_from(owners)?;
		let voter = owners[0].clone();
		Self::note_editor(&mut estate, &who)?;
		let property = Property { building, area, certificate, owners, voter: voter.clone(), developer };
		let id = Self::put_property(&mut estate, estate_id, property)?;
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::PropertyRegistered {
			estate: estate_id,
			property: id,
			area,
			voter,
			by: who,
		});
		Ok(())
	}

	pub(crate) fn do_transfer_property(
		who: T::AccountId,
		estate_id: EstateId,
		property_id: PropertyId,
		owners: Vec<T::AccountId>,
		certificate: T::Hash,
	) -> DispatchResult {
		let mut estate = Self::estate_kept_by(&who, estate_id)?;
		let mut property =
			Properties::<T>::get(estate_id, property_id).ok_or(Error::<T>::UnknownProperty)?;
		let owners = Self::owners_from(owners)?;
		let voter = owners[0].clone();
		Self::note_editor(&mut estate, &who)?;
		Self::remove_holding(&mut estate, estate_id, &property.voter, property.area);
		Self::add_holding(&mut estate, estate_id, &voter, property.area);
		property.owners = owners;
		property.voter = voter.clone();
		property.certificate = certificate;
		property.developer = false;
		Properties::<T>::insert(estate_id, property_id, property);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::PropertyTransferred {
			estate: estate_id,
			property: property_id,
			voter,
			by: who,
		});
		Ok(())
	}

	pub(crate) fn do_set_voter(
		who: T::AccountId,
		estate_id: EstateId,
		property_id: PropertyId,
		voter: T::AccountId,
	) -> DispatchResult {
		let mut estate = Self::estate_kept_by(&who, estate_id)?;
		let mut property =
			Properties::<T>::get(estate_id, property_id).ok_or(Error::<T>::UnknownProperty)?;
		ensure!(property.owners.contains(&voter), Error::<T>::VoterNotAnOwner);
		Self::note_editor(&mut estate, &who)?;
		Self::remove_holding(&mut estate, estate_id, &property.voter, property.area);
		Self::add_holding(&mut estate, estate_id, &voter, property.area);
		property.voter = voter.clone();
		Properties::<T>::insert(estate_id, property_id, property);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::VoterSet {
			estate: estate_id,
			property: property_id,
			voter,
			by: who,
		});
		Ok(())
	}

	pub(crate) fn do_amend_property(
		who: T::AccountId,
		estate_id: EstateId,
		property_id: PropertyId,
		area: Area,
	) -> DispatchResult {
		let mut estate = Self::estate_kept_by(&who, estate_id)?;
		let mut property =
			Properties::<T>::get(estate_id, property_id).ok_or(Error::<T>::UnknownProperty)?;
		ensure!(area > 0, Error::<T>::ZeroArea);
		let total = estate.area.saturating_sub(property.area).saturating_add(area);
		ensure!(total <= estate.registered_area, Error::<T>::AreaAboveRegistered);
		Self::note_editor(&mut estate, &who)?;
		Self::remove_holding(&mut estate, estate_id, &property.voter, property.area);
		Self::add_holding(&mut estate, estate_id, &property.voter, area);
		estate.area = total;
		property.area = area;
		Properties::<T>::insert(estate_id, property_id, property);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::PropertyAmended {
			estate: estate_id,
			property: property_id,
			area,
			by: who,
		});
		Ok(())
	}

	pub(crate) fn do_confirm_register(who: T::AccountId, estate_id: EstateId) -> DispatchResult {
		let mut estate = Self::estate_kept_by(&who, estate_id)?;
		ensure!(!estate.confirmed, Error::<T>::NothingToConfirm);
		ensure!(!estate.editors.contains(&who), Error::<T>::EditorCannotConfirm);
		estate.confirmed = true;
		estate.editors = BoundedVec::new();
		let (units, owners, area) = (estate.units, estate.owners, estate.area);
		Estates::<T>::insert(estate_id, estate);
		Self::deposit_event(Event::RegisterConfirmed {
			estate: estate_id,
			units,
			owners,
			area,
			by: who,
		});
		Ok(())
	}

	/// The estate, if `who` keeps its register: a housing officer or an officer of its
	/// community (or above).
	fn estate_kept_by(who: &T::AccountId, estate_id: EstateId) -> Result<EstateOf<T>, DispatchError> {
		let estate = Estates::<T>::get(estate_id).ok_or(Error::<T>::UnknownEstate)?;
		ensure!(
			T::Registry::has_role(who, Role::HousingOfficer, estate.community) ||
				T::Registry::is_officer(who, estate.community),
			Error::<T>::NotAHousingOfficer
		);
		Ok(estate)
	}

	/// `owners` as a unit's owners: one at least, within the bound, none twice.
	pub(crate) fn owners_from(owners: Vec<T::AccountId>) -> Result<OwnersOf<T>, DispatchError> {
		ensure!(!owners.is_empty(), Error::<T>::NoOwners);
		for (i, owner) in owners.iter().enumerate() {
			ensure!(!owners[..i].contains(owner), Error::<T>::DuplicateOwner);
		}
		Ok(BoundedVec::try_from(owners).map_err(|_| Error::<T>::TooManyCoOwners)?)
	}

	/// Marks the register changed by `who`: it waits for a confirmation by someone else.
	fn note_editor(estate: &mut EstateOf<T>, who: &T::AccountId) -> DispatchResult {
		estate.confirmed = false;
		if !estate.editors.contains(who) {
			estate.editors.try_push(who.clone()).map_err(|_| Error::<T>::TooManyEditors)?;
		}
		Ok(())
	}

	/// Keeps what `who` holds now for every vote of the estate that is open and did not keep it
	/// yet: the register of a vote is the register when it was called.
	fn freeze(estate: &EstateOf<T>, estate_id: EstateId, who: &T::AccountId) {
		for vote in estate.open_votes.iter() {
			if !Frozen::<T>::contains_key(vote, who) {
				Frozen::<T>::insert(vote, who, Holdings::<T>::get(estate_id, who));
			}
		}
	}

	/// `who` votes for one more unit, of `area`.
	fn add_holding(estate: &mut EstateOf<T>, estate_id: EstateId, who: &T::AccountId, area: Area) {
		Self::freeze(estate, estate_id, who);
		Holdings::<T>::mutate(estate_id, who, |holding| {
			if holding.is_none() {
				estate.owners = estate.owners.saturating_add(1);
				EstatesOwned::<T>::mutate(who, |n| *n = n.saturating_add(1));
			}
			let h = holding.get_or_insert_with(Holding::default);
			h.units = h.units.saturating_add(1);
			h.area = h.area.saturating_add(area);
		});
	}

	/// `who` no longer votes for a unit of `area`.
	fn remove_holding(
		estate: &mut EstateOf<T>,
		estate_id: EstateId,
		who: &T::AccountId,
		area: Area,
	) {
		Self::freeze(estate, estate_id, who);
		Holdings::<T>::mutate_exists(estate_id, who, |holding| {
			let Some(h) = holding else { return };
			h.units = h.units.saturating_sub(1);
			h.area = h.area.saturating_sub(area);
			if h.units == 0 {
				*holding = None;
				estate.owners = estate.owners.saturating_sub(1);
				EstatesOwned::<T>::mutate_exists(who, |n| {
					*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
				});
			}
		});
	}

	/// What `who` held in `estate_id` when `vote` was called.
	pub(crate) fn holding_at_call(
		vote: VoteId,
		estate_id: EstateId,
		who: &T::AccountId,
	) -> Option<Holding> {
		match Frozen::<T>::get(vote, who) {
			Some(then) => then,
			None => Holdings::<T>::get(estate_id, who),
		}
	}

	/// The deposit a unit owes the fund at the assembly's rate: rate per m² × its area.
	pub(crate) fn deposit_owed(estate_id: EstateId, property_id: PropertyId) -> crate::BalanceOf<T> {
		let (Some(estate), Some(property)) =
			(Estates::<T>::get(estate_id), Properties::<T>::get(estate_id, property_id))
		else {
			return Default::default();
		};
		let area: crate::BalanceOf<T> = (property.area as u128).saturated_into();
		estate.deposit_rate.saturating_mul(area) / CM2_PER_M2.into()
	}

	/// Whether `who` owns units in some estate: owners have the civic free-call quota.
	pub fn is_owner(who: &T::AccountId) -> bool {
		EstatesOwned::<T>::get(who) > 0
	}
}

/// Owners (of units in some estate) as a set: the registry grants them the civic free-call
/// quota through it.
impl<T: Config> frame_support::traits::Contains<T::AccountId> for Pallet<T> {
	fn contains(who: &T::AccountId) -> bool {
		Self::is_owner(who)
	}
}

