//! The organisation tree and its officers.

use alloc::vec::Vec;
use frame_support::ensure;
use gongzhi_primitives::civic::{UnitId, UnitLevel};
use sp_runtime::DispatchResult;

use crate::{
	AuthorityOf, Config, Error, Event, NextUnitId, Office, OfficeCount, Pallet, Unit, UnitName,
	Units,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_unit(
		by: AuthorityOf<T>,
		level: UnitLevel,
		parent: Option<UnitId>,
		name: Vec<u8>,
		secretary: Option<T::AccountId>,
	) -> DispatchResult {
		let name = UnitName::new(name)
			.map_err(|p| p.into_error(Error::<T>::NameTooLong, Error::PersonalData))?;
		match (level.parent_level(), parent) {
			(None, None) => {},
			(Some(expected), Some(parent)) => {
				let parent = Units::<T>::get(parent).ok_or(Error::<T>::UnknownUnit)?;
				ensure!(parent.level == expected, Error::<T>::WrongLevel);
			},
			_ => return Err(Error::<T>::WrongLevel.into()),
		}
		if let Some(secretary) = &secretary {
			Self::ensure_not_self(&by, secretary)?;
		}

		let id = NextUnitId::<T>::get();
		NextUnitId::<T>::put(id.checked_add(1).ok_or(Error::<T>::TooManyUnits)?);
		Units::<T>::insert(
			id,
			Unit {
				level,
				parent,
				name,
				secretary: secretary.clone(),
				committee: Default::default(),
				residents: 0,
			},
		);
		Self::deposit_event(Event::UnitCreated { unit: id, level, parent, by: by.clone() });
		if let Some(who) = secretary {
			Self::took_office(&who);
			Self::deposit_event(Event::OfficerAppointed {
				unit: id,
				who,
				office: Office::Secretary,
				by,
			});
		}
		Ok(())
	}

	pub(crate) fn do_appoint(
		by: AuthorityOf<T>,
		unit: UnitId,
		who: T::AccountId,
		office: Office,
	) -> DispatchResult {
		Self::ensure_not_self(&by, &who)?;
		Units::<T>::try_mutate(unit, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownUnit)?;
			let already =
				record.secretary.as_ref() == Some(&who) || record.committee.contains(&who);
			ensure!(!already, Error::<T>::AlreadyOfficer);
			match office {
				Office::Secretary => {
					// The outgoing secretary leaves office.
					if let Some(previous) = record.secretary.replace(who.clone()) {
						Self::left_office(&previous);
						Self::deposit_event(Event::OfficerRemoved {
							unit,
							who: previous,
							by: by.clone(),
						});
					}
				},
				Office::Committee => record
					.committee
					.try_push(who.clone())
					.map_err(|_| Error::<T>::TooManyCommitteeMembers)?,
			}
			Ok(())
		})?;
		Self::took_office(&who);
		Self::deposit_event(Event::OfficerAppointed { unit, who, office, by });
		Ok(())
	}

	pub(crate) fn do_remove_officer(
		by: AuthorityOf<T>,
		unit: UnitId,
		who: T::AccountId,
	) -> DispatchResult {
		Self::ensure_not_self(&by, &who)?;
		Units::<T>::try_mutate(unit, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownUnit)?;
			if record.secretary.as_ref() == Some(&who) {
				record.secretary = None;
			} else {
				let position = record
					.committee
					.iter()
					.position(|m| m == &who)
					.ok_or(Error::<T>::NotAnOfficerOfUnit)?;
				record.committee.remove(position);
			}
			Ok(())
		})?;
		Self::left_office(&who);
		Self::deposit_event(Event::OfficerRemoved { unit, who, by });
		Ok(())
	}

	fn took_office(who: &T::AccountId) {
		OfficeCount::<T>::mutate(who, |n| *n = n.saturating_add(1));
	}

	fn left_office(who: &T::AccountId) {
		OfficeCount::<T>::mutate_exists(who, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}
}
