//! Ballot keys and the rings that hold them: registering, replacing and removing keys, and
//! building ring roots a bounded step at a time in `on_idle`.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{pallet_prelude::*, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use gongzhi_primitives::civic::{CivicRegistry, UnitId};
use verifiable::GenerateVerifiable;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_key(
		who: T::AccountId,
		key: MemberOf<T>,
		possession: &PossessionOf<T>,
	) -> DispatchResult {
		let community = T::Registry::community_of(&who).ok_or(Error::<T>::NotAResident)?;
		ensure!(!Keys::<T>::contains_key(&who), Error::<T>::HasKey);
		Self::check_key(&who, &key, possession)?;
		let now = frame_system::Pallet::<T>::block_number();
		let ring = Self::add_key(&who, key.clone(), community)?;
		Keys::<T>::insert(&who, KeyRecord { key, community, ring });
		KeyHistory::<T>::mutate(&who, |span| match span {
			// Registered again after a withdrawal: the span reaches back to the first key, so
			// a poll opened in between refuses a paper ballot too (never a double vote).
			Some(span) => span.until = None,
			None => *span = Some(KeySpan { since: now, until: None }),
		});
		Self::deposit_event(Event::KeyRegistered { who, community, ring });
		Ok(())
	}

	pub(crate) fn do_replace_key(
		who: T::AccountId,
		key: MemberOf<T>,
		possession: &PossessionOf<T>,
	) -> DispatchResult {
		let old = Keys::<T>::get(&who).ok_or(Error::<T>::NoKey)?;
		let community = T::Registry::community_of(&who).ok_or(Error::<T>::NotAResident)?;
		Self::check_key(&who, &key, possession)?;
		Self::take_key(&old)?;
		let ring = Self::add_key(&who, key.clone(), community)?;
		Keys::<T>::insert(&who, KeyRecord { key, community, ring });
		Self::deposit_event(Event::KeyReplaced { who, community, ring });
		Ok(())
	}

	pub(crate) fn do_remove_key(who: &T::AccountId) -> DispatchResult {
		let old = Keys::<T>::get(who).ok_or(Error::<T>::NoKey)?;
		Keys::<T>::remove(who);
		let now = frame_system::Pallet::<T>::block_number();
		KeyHistory::<T>::mutate(who, |span| {
			if let Some(span) = span {
				span.until = Some(now);
			}
		});
		let queued = Self::take_key(&old);
		Self::deposit_event(Event::KeyRemoved {
			who: who.clone(),
			community: old.community,
			ring: old.ring,
		});
		queued
	}

	/// `key` may be registered by `who`: [`Self::check_holder`], and nobody's key yet.
	fn check_key(
		who: &T::AccountId,
		key: &MemberOf<T>,
		possession: &PossessionOf<T>,
	) -> DispatchResult {
		Self::check_holder(who, key, possession)?;
		ensure!(!KeyOwners::<T>::contains_key(key), Error::<T>::KeyTaken);
		Ok(())
	}

	/// `key` is a valid key and `possession` was made with its secret for `who`: only the
	/// key's holder puts it in a ring, and only for themselves.
	pub(crate) fn check_holder(
		who: &T::AccountId,
		key: &MemberOf<T>,
		possession: &PossessionOf<T>,
	) -> DispatchResult {
		ensure!(T::Crypto::is_member_valid(key), Error::<T>::InvalidKey);
		let message = key_holder_message(&who.encode());
		ensure!(T::Crypto::verify_signature(possession, &message, key), Error::<T>::NotKeyHolder);
		Ok(())
	}

	/// Puts `key` (checked by [`Self::check_key`]) in the first ring of `community` with room,
	/// queued for building.
	fn add_key(
		who: &T::AccountId,
		key: MemberOf<T>,
		community: UnitId,
	) -> Result<RingIndex, DispatchError> {
		let count = RingCount::<T>::get(community);
		let mut index = 0;
		let mut ring = loop {
			if index == count {
				ensure!(count < T::MaxRingsPerCommunity::get(), Error::<T>::RingsFull);
				RingCount::<T>::insert(community, count + 1);
				break Ring::<T>::empty();
			}
			match Rings::<T>::get(community, index) {
				Some(ring) if (ring.members.len() as u32) < T::MaxRingSize::get() => break ring,
				_ => index += 1,
			}
		};
		Self::keep_if_in_use(community, index, &ring);
		ring.members.try_push(key.clone()).map_err(|_| Error::<T>::RingsFull)?;
		Self::enqueue(community, index)?;
		Rings::<T>::insert(community, index, ring);
		KeyOwners::<T>::insert(&key, who);
		Ok(index)
	}

	/// Takes `record`'s key out of its ring, which is then built again from empty.
	fn take_key(record: &KeyRecordOf<T>) -> DispatchResult {
		KeyOwners::<T>::remove(&record.key);
		Rings::<T>::mutate(record.community, record.ring, |ring| {
			if let Some(ring) = ring {
				Self::keep_if_in_use(record.community, record.ring, ring);
				if let Some(position) = ring.members.iter().position(|k| k == &record.key) {
					// Order matters only to provers, who read it from the chain.
					ring.members.swap_remove(position);
				}
				ring.rebuild = true;
			}
		});
		Self::enqueue(record.community, record.ring)
	}

	/// Before `ring` (ring `index` of `community`) changes: if open polls fixed its current
	/// root, keeps the keys that root holds, so their voters can still prove against it. Only
	/// the first change after a root is finished keeps anything (a ring that has changed since
	/// is no longer current, and no poll opens on it until its new root is finished); uses and
	/// keys of polls that have closed are forgotten on the way.
	fn keep_if_in_use(community: UnitId, index: RingIndex, ring: &Ring<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		let mut uses = RingUse::<T>::get(community, index);
		if uses.is_empty() {
			return;
		}
		Self::forget_closed(community, index, &mut uses, now);
		if let (true, Some(root)) = (ring.is_current(), &ring.root) {
			if uses.iter().any(|(revision, _)| *revision == ring.revision) {
				FrozenRings::<T>::insert(
					(community, index, ring.revision),
					FrozenRing::<T> { root: root.clone(), members: ring.members.clone() },
				);
			}
		}
		if uses.is_empty() {
			RingUse::<T>::remove(community, index);
		} else {
			RingUse::<T>::insert(community, index, uses);
		}
	}

	/// Drops from `uses` the roots whose polls have all closed by `now`, with their kept keys.
	pub(crate) fn forget_closed(
		community: UnitId,
		index: RingIndex,
		uses: &mut BoundedVec<(u32, BlockNumberFor<T>), T::MaxRootsInUse>,
		now: BlockNumberFor<T>,
	) {
		uses.retain(|(revision, until)| {
			let open = *until > now;
			if !open {
				FrozenRings::<T>::remove((community, index, *revision));
			}
			open
		});
	}

	/// A poll opening now fixes the current roots of `community`'s rings (with `revisions`)
	/// until `closes`: each ring's root is marked in use. Refused, changing nothing, if a ring
	/// has as many other roots in use as the chain keeps.
	pub(crate) fn mark_in_use(
		community: UnitId,
		revisions: &[u32],
		closes: BlockNumberFor<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut marked = alloc::vec::Vec::with_capacity(revisions.len());
		for (index, &revision) in revisions.iter().enumerate() {
			let index = index as RingIndex;
			let mut uses = RingUse::<T>::get(community, index);
			// What closed polls used is garbage whether or not this poll opens.
			Self::forget_closed(community, index, &mut uses, now);
			match uses.iter_mut().find(|(r, _)| *r == revision) {
				Some((_, until)) => *until = (*until).max(closes),
				None => uses.try_push((revision, closes)).map_err(|_| Error::<T>::RingInUse)?,
			}
			marked.push((index, uses));
		}
		for (index, uses) in marked {
			RingUse::<T>::insert(community, index, uses);
		}
		Ok(())
	}

	/// The keys ring `index` of `poll`'s community held when the poll opened, if still kept.
	pub(crate) fn keys_of_poll_ring(
		poll: crate::PollId,
		index: RingIndex,
	) -> Option<alloc::vec::Vec<MemberOf<T>>> {
		let id = poll;
		let poll = Polls::<T>::get(poll)?;
		let root = poll.rings.get(index as usize)?;
		if Rolls::<T>::contains_key(id) {
			// An announced poll's rings do not change once its roots are fixed.
			return RollRings::<T>::get(id, index)
				.filter(|ring| ring.root.as_ref() == Some(root))
				.map(|ring| ring.members.into_inner());
		}
		let ring = Rings::<T>::get(poll.community, index);
		if let Some(ring) = ring.filter(|ring| ring.is_current() && ring.root.as_ref() == Some(root)) {
			return Some(ring.members.into_inner());
		}
		FrozenRings::<T>::iter_prefix((poll.community, index))
			.find(|(_, frozen)| &frozen.root == root)
			.map(|(_, frozen)| frozen.members.into_inner())
	}

	/// Puts a ring in the build queue unless it is there.
	fn enqueue(community: UnitId, ring: RingIndex) -> DispatchResult {
		Waiting::<T>::try_mutate(|waiting| {
			if !waiting.contains(&(community, ring)) {
				waiting.try_push((community, ring)).map_err(|_| Error::<T>::BuildQueueFull)?;
			}
			Ok(())
		})
	}

	/// Brings waiting rings' roots up to date, first come first built (communities' rings, then
	/// announced polls'), as far as `meter` allows: each step adds at most
	/// [`Config::MaxKeysPerBuildStep`] keys to one root.
	pub(crate) fn build_rings(meter: &mut WeightMeter) {
		let step = T::MaxKeysPerBuildStep::get();
		loop {
			let Some(&(community, index)) = Waiting::<T>::get().first() else { break };
			if meter.try_consume(T::WeightInfo::build_step(step)).is_err() {
				return;
			}
			let finished = Self::build_step(community, index, step);
			if finished {
				Waiting::<T>::mutate(|waiting| {
					waiting.retain(|entry| *entry != (community, index));
				});
			}
		}
		loop {
			let Some(&(poll, index)) = RollWaiting::<T>::get().first() else { return };
			// A step, and fixing the poll's roots if it finishes the last ring.
			let most = T::WeightInfo::build_step(step)
				.saturating_add(T::WeightInfo::open_roll(T::MaxRingsPerCommunity::get()));
			if meter.try_consume(most).is_err() {
				return;
			}
			if Self::build_roll_step(poll, index, step) {
				RollWaiting::<T>::mutate(|waiting| {
					waiting.retain(|entry| *entry != (poll, index));
				});
				Self::fix_roll_roots(poll);
			}
		}
	}

	/// One step on one ring of an announced poll; `true` once its root holds all its keys.
	fn build_roll_step(poll: crate::PollId, index: RingIndex, step: u32) -> bool {
		let Some(mut ring) = RollRings::<T>::get(poll, index) else { return true };
		let finished = Self::advance(&mut ring, step);
		if finished {
			Self::deposit_event(Event::RollRingBuilt {
				poll,
				ring: index,
				keys: ring.members.len() as u32,
			});
		}
		RollRings::<T>::insert(poll, index, ring);
		finished
	}

	/// Adds up to `step` of `ring`'s keys to its root under construction, finishing the root
	/// when all are in; `true` if it finished.
	pub(crate) fn advance(ring: &mut Ring<T>, step: u32) -> bool {
		if ring.rebuild {
			ring.building = Trusted(T::Crypto::start_members(Self::ring_config()));
			ring.built = 0;
			ring.rebuild = false;
		}
		let start = ring.built as usize;
		let end = ring.members.len().min(start.saturating_add(step as usize));
		let keys = ring.members.get(start..end).unwrap_or_default().iter().cloned();
		if let Err(error) = T::Crypto::push_members(&mut ring.building.0, keys, T::Chunks::lookup) {
			// Keys are checked when registered and the setup's data is compiled in, so this
			// is a defect: the ring is rebuilt from empty next time rather than left wrong.
			log::error!(target: crate::LOG_TARGET, "building a ring: {error:?}");
			ring.rebuild = true;
			return false;
		}
		ring.built = end as u32;
		let finished = end == ring.members.len();
		if finished {
			ring.root = Some(Trusted(T::Crypto::finish_members(ring.building.0.clone())));
			ring.revision = ring.revision.saturating_add(1);
		}
		finished
	}

	/// One step on one ring; `true` once its root holds all its keys (or the ring is gone).
	pub(crate) fn build_step(community: UnitId, index: RingIndex, step: u32) -> bool {
		let Some(mut ring) = Rings::<T>::get(community, index) else { return true };
		let finished = Self::advance(&mut ring, step);
		if finished {
			Self::deposit_event(Event::RingBuilt {
				community,
				ring: index,
				revision: ring.revision,
				keys: ring.members.len() as u32,
			});
		}
		Rings::<T>::insert(community, index, ring);
		finished
	}

	/// The roots of `community`'s rings, their revisions and how many keys they hold, if every
	/// one is current.
	pub(crate) fn current_roots(
		community: UnitId,
	) -> Result<
		(BoundedVec<StoredRoot<T>, T::MaxRingsPerCommunity>, alloc::vec::Vec<u32>, u32),
		DispatchError,
	> {
		let mut roots = BoundedVec::new();
		let mut revisions = alloc::vec::Vec::new();
		let mut keys = 0u32;
		for index in 0..RingCount::<T>::get(community) {
			let ring = Rings::<T>::get(community, index).ok_or(Error::<T>::RingsBeingBuilt)?;
			ensure!(ring.is_current(), Error::<T>::RingsBeingBuilt);
			keys = keys.saturating_add(ring.members.len() as u32);
			let root = ring.root.ok_or(Error::<T>::RingsBeingBuilt)?;
			roots.try_push(root).map_err(|_| Error::<T>::RingsFull)?;
			revisions.push(ring.revision);
		}
		ensure!(keys > 0, Error::<T>::NoKeys);
		Ok((roots, revisions, keys))
	}

	/// Whether `who` votes online in a poll opened at `opened`: they had a key by then.
	pub(crate) fn votes_online(who: &T::AccountId, opened: BlockNumberFor<T>) -> bool {
		KeyHistory::<T>::get(who).is_some_and(|span| span.covers(opened))
	}
}
