//! Roles granted at units.

use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::{CivicRegistry, Role, UnitId};
use sp_runtime::DispatchResult;

use crate::{AuthorityOf, Config, Error, Event, Pallet, RoleCount, RoleGrant, Roles, Units};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant_role(
		by: AuthorityOf<T>,
		who: T::AccountId,
		role: Role,
		unit: UnitId,
	) -> DispatchResult {
		ensure!(Units::<T>::contains_key(unit), Error::<T>::UnknownUnit);
		ensure!(!Roles::<T>::contains_key(&who, (role, unit)), Error::<T>::RoleAlreadyGranted);
		if role.requires_residency() {
			ensure!(
				<Self as CivicRegistry<_>>::is_resident_of(&who, unit),
				Error::<T>::RoleNeedsResidency
			);
		}
		RoleCount::<T>::try_mutate(&who, |count| -> DispatchResult {
			ensure!(*count < T::MaxRolesPerAccount::get(), Error::<T>::TooManyRoles);
			*count += 1;
			Ok(())
		})?;
		let since = frame_system::Pallet::<T>::block_number();
		Roles::<T>::insert(&who, (role, unit), RoleGrant { granted_by: by.clone(), since });
		Self::deposit_event(Event::RoleGranted { who, role, unit, by });
		Ok(())
	}

	pub(crate) fn do_revoke_role(
		by: AuthorityOf<T>,
		who: T::AccountId,
		role: Role,
		unit: UnitId,
	) -> DispatchResult {
		Roles::<T>::take(&who, (role, unit)).ok_or(Error::<T>::RoleNotGranted)?;
		RoleCount::<T>::mutate_exists(&who, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
		});
		Self::deposit_event(Event::RoleRevoked { who, role, unit, by });
		Ok(())
	}

	/// Removes every role of `who`; returns how many there were (at most `MaxRolesPerAccount`).
	pub(crate) fn clear_roles(who: &T::AccountId) -> u32 {
		let removed = Roles::<T>::drain_prefix(who).count() as u32;
		RoleCount::<T>::remove(who);
		removed
	}

	/// After a move to `community`, drops the roles that need residency and were held at units
	/// that are neither `community` nor above it. Returns how many roles were looked at.
	pub(crate) fn drop_roles_left_behind(who: &T::AccountId, community: UnitId) -> u32 {
		let mut looked = 0u32;
		let mut left_behind = alloc::vec::Vec::new();
		for ((role, unit), _) in Roles::<T>::iter_prefix(who) {
			looked += 1;
			let still_home =
				unit == community || <Self as CivicRegistry<_>>::is_above(unit, community);
			if role.requires_residency() && !still_home {
				left_behind.push((role, unit));
			}
		}
		for key in left_behind {
			Roles::<T>::remove(who, key);
			RoleCount::<T>::mutate_exists(who, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
			});
		}
		looked
	}

	/// Moves every role of `from` to `to`; returns how many.
	pub(crate) fn transfer_roles(from: &T::AccountId, to: &T::AccountId) -> u32 {
		let mut moved = 0u32;
		for (key, grant) in Roles::<T>::drain_prefix(from) {
			Roles::<T>::insert(to, key, grant);
			moved += 1;
		}
		RoleCount::<T>::remove(from);
		RoleCount::<T>::mutate(to, |count| *count = count.saturating_add(moved));
		moved
	}
}
