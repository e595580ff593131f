//! The pallet's invariants, checked by `try_state` (and after every unit test).

use crate::{pallet::*, types::*};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Every key is in its ring and owned by its account; rings are within their bounds and
	/// queued while behind; every poll's tally adds up to its voters; the expiry list names
	/// every poll once; the keys of every ring root an open poll fixed are on the chain.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut keys = 0u32;
		for (who, record) in Keys::<T>::iter() {
			keys += 1;
			ensure!(KeyOwners::<T>::get(&record.key) == Some(who.clone()), "a key's owner differs");
			let ring = Rings::<T>::get(record.community, record.ring).ok_or("a key's ring is missing")?;
			ensure!(ring.members.contains(&record.key), "a key is missing from its ring");
			ensure!(
				KeyHistory::<T>::get(&who).is_some_and(|span| span.until.is_none()),
				"a key holder's span is closed"
			);
		}
		ensure!(KeyOwners::<T>::iter().count() as u32 == keys, "keys and owners differ in number");
		let waiting = Waiting::<T>::get();
		let mut in_rings = 0u32;
		for (community, index, ring) in Rings::<T>::iter() {
			ensure!(index < RingCount::<T>::get(community), "a ring beyond its community's count");
			ensure!(ring.built as usize <= ring.members.len(), "a root holds more keys than its ring");
			in_rings += ring.members.len() as u32;
			ensure!(
				ring.is_current() || waiting.contains(&(community, index)),
				"a ring is behind and not queued"
			);
		}
		ensure!(in_rings == keys, "rings hold keys nobody has");
		let expiry = Expiry::<T>::get();
		ensure!(expiry.windows(2).all(|w| w[0].0 <= w[1].0), "the expiry list is out of order");
		for (poll, record) in Polls::<T>::iter() {
			ensure!(expiry.iter().filter(|(_, p)| *p == poll).count() == 1, "a poll not in expiry once");
			let total: u64 = record.tally.iter().map(|c| u64::from(*c)).sum();
			if let Some(roll) = Rolls::<T>::get(poll) {
				Self::roll_invariants(poll, &record, &roll, total)?;
			} else {
				ensure!(
					total == u64::from(record.online) + u64::from(record.paper),
					"a tally does not add up to its voters"
				);
			}
			ensure!(record.online <= record.keys, "more online voters than keys");
			if record.is_open(frame_system::Pallet::<T>::block_number()) {
				for index in 0..record.rings.len() as u32 {
					ensure!(
						Self::keys_of_poll_ring(poll, index).is_some(),
						"the keys an open poll's root holds are lost"
					);
				}
			}
		}
		for ((community, index, revision), frozen) in FrozenRings::<T>::iter() {
			ensure!(
				RingUse::<T>::get(community, index).iter().any(|(r, _)| *r == revision),
				"keys are kept for a root no poll uses"
			);
			let ring = Rings::<T>::get(community, index).ok_or("keys kept for a missing ring")?;
			ensure!(revision < ring.revision || !ring.is_current(), "keys kept of the current root");
			ensure!(ring.root.as_ref() != Some(&frozen.root) || !ring.is_current(), "a kept root is current");
		}
		// The block's ballots are counted at its end: nothing waits between blocks.
		ensure!(Pending::<T>::decode_len().unwrap_or(0) == 0, "ballots left uncounted");
		ensure!(PendingSequence::<T>::iter().next().is_none(), "a block's alias sequence left");
		Ok(())
	}

	/// An announced poll: its enrolments fill its rings, its marks make its tally, and no
	/// voter marks more than it allows.
	fn roll_invariants(
		poll: PollId,
		record: &Poll<T>,
		roll: &Roll<T>,
		total: u64,
	) -> Result<(), TryRuntimeError> {
		let enrolled = Enrolled::<T>::iter_prefix(poll).count() as u32;
		ensure!(enrolled == roll.enrolled, "enrolments and the roll differ");
		ensure!(
			RollKeys::<T>::iter_prefix(poll).count() as u32 == enrolled,
			"enrolled keys and voters differ"
		);
		let in_rings: u32 = roll.rings.iter().map(|(_, keys)| *keys).sum();
		ensure!(in_rings == enrolled, "the rings hold other than the enrolled");
		let waiting = RollWaiting::<T>::get();
		for (index, ring) in RollRings::<T>::iter_prefix(poll) {
			let counted = roll.rings.get(index as usize).map(|(_, keys)| *keys);
			ensure!(counted == Some(ring.members.len() as u32), "a ring's count differs");
			ensure!(
				ring.is_current() || waiting.contains(&(poll, index)),
				"an announced poll's ring is behind and not queued"
			);
		}
		if !record.rings.is_empty() {
			ensure!(roll.opened && record.rings.len() == roll.rings.len(), "roots fixed early");
		}
		let (mut marks, mut voters) = (0u64, 0u32);
		for (_, marked) in Marks::<T>::iter_prefix(poll) {
			ensure!(marked.count_ones() <= u32::from(roll.marks), "a voter marked too many");
			marks += u64::from(marked.count_ones());
			voters += 1;
		}
		ensure!(total == marks && voters == record.online, "a tally does not add up to its marks");
		ensure!(record.online <= roll.enrolled, "more voters than enrolled");
		ensure!(record.paper == 0, "paper counted in an announced poll");
		Ok(())
	}
}
