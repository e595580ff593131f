//! The statement, open spends, and the bounded per-block work.

use super::*;
use frame_support::assert_ok;

#[test]
fn the_statement_reads_by_block_range_page_by_page() {
	new_test_ext().execute_with(|| {
		// One donation in each of blocks 1..=7, amounts 1..=7.
		for block in 1..=7u64 {
			run_to_block(block);
			assert_ok!(CommunityTreasury::donate(RuntimeOrigin::signed(25), PLUM, block, vec![]));
		}
		let page = CommunityTreasury::statement(PLUM, 3, 6, None, 10);
		let amounts: Vec<_> = page.entries.iter().map(|(p, e)| (*p, e.amount)).collect();
		assert_eq!(amounts, vec![(2, 3), (3, 4), (4, 5), (5, 6)]);
		assert_eq!(page.next, None);

		let first = CommunityTreasury::statement(PLUM, 3, 6, None, 2);
		assert_eq!(first.entries.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![2, 3]);
		assert_eq!(first.next, Some(4));
		let second = CommunityTreasury::statement(PLUM, 3, 6, first.next, 2);
		assert_eq!(second.entries.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![4, 5]);
		assert_eq!(second.next, None);

		// Pages are capped at MaxStatementPage (5).
		let capped = CommunityTreasury::statement(PLUM, 0, 100, None, 100);
		assert_eq!(capped.entries.len(), 5);
		assert_eq!(capped.next, Some(5));

		assert!(CommunityTreasury::statement(PLUM, 8, 100, None, 10).entries.is_empty());
		assert!(CommunityTreasury::statement(BAMBOO, 0, 100, None, 10).entries.is_empty());
	});
}

#[test]
fn open_spends_lists_what_has_not_ended() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let waiting = propose(10);
		let in_notice = approved_spend(20);
		let open = CommunityTreasury::open_spends(PLUM);
		assert_eq!(open.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![waiting, in_notice]);
		assert_eq!(open[1].1.status, SpendStatus::Notice { ends_at: 1 + NOTICE });
		run_to_block(1 + NOTICE);
		let open = CommunityTreasury::open_spends(PLUM);
		assert_eq!(open.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![waiting]);
		assert!(CommunityTreasury::open_spends(BAMBOO).is_empty());
	});
}

#[test]
fn each_block_handles_at_most_max_due_items_and_the_rest_wait() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let spends: Vec<_> = (0..4).map(|_| approved_spend(10)).collect();
		run_to_block(1 + NOTICE);
		// MaxDuePerBlock is 2.
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 20);
		assert!(!Spends::<Test>::contains_key(spends[1]));
		assert!(Spends::<Test>::contains_key(spends[2]));
		run_to_block(2 + NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 40);
		assert_eq!(QueueBounds::<Test>::get(queue::Queue::Payouts), (4, 4));
	});
}

#[test]
fn items_of_spends_that_moved_on_are_dropped_without_effect() {
	new_test_ext().execute_with(|| {
		configure_plum(1_000);
		let cancelled = approved_spend(10);
		let paid = approved_spend(10);
		assert_ok!(CommunityTreasury::cancel_spend(
			RuntimeOrigin::signed(PLUM_SECRETARY),
			cancelled
		));
		run_to_block(1 + NOTICE);
		assert_eq!(balance(CONTRACTOR), START_BALANCE + 10);
		assert!(!Spends::<Test>::contains_key(paid));
		// Both spends' expiry items are gone too: they were approved before expiring.
		run_to_block(1 + APPROVAL_PERIOD);
		assert_eq!(QueueBounds::<Test>::get(queue::Queue::Expiries), (2, 2));
	});
}
