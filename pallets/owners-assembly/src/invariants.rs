//! What the owners' assembly always keeps (`try_state`; every unit test checks it at its end):
//!
//! - an estate's totals (units, area, owners) are those of its register, and its area is within
//!   the registered total;
//! - what each voting account holds is the units it votes for, and `EstatesOwned` counts the
//!   estates where it holds any;
//! - an estate's open votes exist, are open and are the estate's; every open vote is on its
//!   estate's list and on the list of the block it closes at;
//! - the committed fund and revenue are what the open votes would take, within what is held,
//!   and the pot holds at least the fund, the revenue and what distributions have yet to pay;
//! - a vote's turnout is the sum of its ballots, within its electorate; every ballot answers
//!   every matter.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::Inspect};
use sp_runtime::{traits::Saturating, TryRuntimeError};

use crate::{
	BalanceOf, Ballots, Closing, Config, Count, Distributions, Estates, EstatesOwned, Holding, Holdings,
	NextEstateId, NextVoteId, Pallet, PaperVoted, Properties, SecretPolls, StationCounts,
	VoteStatus, Votes,
};

impl<T: Config> Pallet<T> {
	/// Checks the owners' assembly's invariants; iterates every record.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owned: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, estate) in Estates::<T>::iter() {
			ensure!(id < NextEstateId::<T>::get(), "owners: an estate id at or past the next id");
			let mut held: BTreeMap<T::AccountId, Holding> = BTreeMap::new();
			let (mut units, mut area) = (0u32, 0u64);
			for (_, property) in Properties::<T>::iter_prefix(id) {
				units += 1;
				area = area.saturating_add(property.area);
				ensure!(property.owners.contains(&property.voter), "owners: a voter not an owner");
				let h = held.entry(property.voter.clone()).or_default();
				h.units += 1;
				h.area = h.area.saturating_add(property.area);
			}
			ensure!(units == estate.units && area == estate.area, "owners: estate totals wrong");
			ensure!(area <= estate.registered_area, "owners: area above the registered total");
			ensure!(held.len() as u32 == estate.owners, "owners: owner count wrong");
			let stored: BTreeMap<_, _> = Holdings::<T>::iter_prefix(id).collect();
			ensure!(stored == held, "owners: holdings are not the register's");
			for who in held.keys() {
				*owned.entry(who.clone()).or_default() += 1;
			}
			let (mut fund, mut revenue) = (BalanceOf::<T>::default(), BalanceOf::<T>::default());
			for vote_id in estate.open_votes.iter() {
				let vote = Votes::<T>::get(vote_id).ok_or("owners: an open vote missing")?;
				ensure!(
					vote.estate == id && vote.status == VoteStatus::Called,
					"owners: an estate's open vote is not open, or not its"
				);
				let (f, r) = Self::commitments(&vote.matters);
				fund = fund.saturating_add(f);
				revenue = revenue.saturating_add(r);
			}
			ensure!(
				fund == estate.fund_committed && revenue == estate.revenue_committed,
				"owners: commitments are not the open votes'"
			);
			ensure!(
				estate.fund_committed <= estate.fund && estate.revenue_committed <= estate.revenue,
				"owners: more committed than held"
			);
			let distributing = Distributions::<T>::iter_values()
				.filter(|d| d.estate == id)
				.fold(BalanceOf::<T>::default(), |sum, d| {
					sum.saturating_add(d.amount.saturating_sub(d.paid))
				});
			ensure!(distributing == estate.distributing, "owners: distributing is not the distributions'");
			ensure!(
				T::Currency::balance(&Self::pot_account(id)) >=
					estate.fund.saturating_add(estate.revenue).saturating_add(estate.distributing),
				"owners: the pot holds less than its ledgers"
			);
		}
		let stored: BTreeMap<_, _> = EstatesOwned::<T>::iter().collect();
		ensure!(stored == owned, "owners: EstatesOwned miscounted");
		for (id, vote) in Votes::<T>::iter() {
			ensure!(id < NextVoteId::<T>::get(), "owners: a vote id at or past the next id");
			let mut turnout = Count::default();
			for (_, ballot) in Ballots::<T>::iter_prefix(id) {
				turnout = turnout.plus(ballot.holding.area);
				ensure!(ballot.choices.len() == vote.matters.len(), "owners: a ballot short");
			}
			if SecretPolls::<T>::contains_key(id) {
				ensure!(turnout == Count::default(), "owners: a by-name ballot in a secret election");
				ensure!(vote.matters.len() == 1, "owners: a secret election with other matters");
				let mut on_paper = 0u32;
				for (_, count) in StationCounts::<T>::iter_prefix(id) {
					on_paper += count.voters.len() as u32;
					if count.countersigned {
						turnout.owners += count.participants.owners;
						turnout.area = turnout.area.saturating_add(count.participants.area);
					}
				}
				ensure!(
					PaperVoted::<T>::iter_prefix(id).count() as u32 == on_paper,
					"owners: paper voters are not the stations'"
				);
				// Once closed, the anonymous ballots are in the turnout too.
				let open = vote.status == VoteStatus::Called;
				ensure!(
					if open { turnout == vote.turnout } else {
						turnout.owners <= vote.turnout.owners && turnout.area <= vote.turnout.area
					},
					"owners: a secret election's turnout is not its stations'"
				);
			} else {
				ensure!(turnout == vote.turnout, "owners: turnout is not the ballots'");
			}
			ensure!(
				turnout.owners <= vote.electorate.owners && turnout.area <= vote.electorate.area,
				"owners: turnout above the electorate"
			);
			if vote.status == VoteStatus::Called {
				ensure!(
					Estates::<T>::get(vote.estate).is_some_and(|e| e.open_votes.contains(&id)),
					"owners: an open vote not on its estate's list"
				);
				ensure!(
					Closing::<T>::get(vote.closes).contains(&id),
					"owners: an open vote not set to close"
				);
			}
		}
		Ok(())
	}
}
