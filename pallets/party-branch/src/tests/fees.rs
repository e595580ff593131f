use super::*;
use crate::{mock::*, ChargeCivicFees, Error, Event, FreeCallQuota, FreeCallsUsed};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::fungible::Mutate};
use pallet_transaction_payment::ChargeTransactionPayment;
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

type Extension = ChargeCivicFees<Test, ChargeTransactionPayment<Test>>;

/// Enough to pay many fees.
const FUNDS: u64 = 1_000_000_000_000;

/// A civic call: asking to move (it fails for anyone without a residency, which is fine here).
fn civic_call() -> RuntimeCall {
	RuntimeCall::PartyBranch(crate::Call::request_move { to: OTHER_COMMUNITY })
}

fn plain_call() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] })
}

/// Sends `call` signed by `who` through the extension, as block execution does.
fn send(who: u64, call: RuntimeCall) -> Result<(), TransactionValidityError> {
	let info = call.get_dispatch_info();
	let len = call.encoded_size();
	Extension::new(ChargeTransactionPayment::from(0))
		.dispatch_transaction(RuntimeOrigin::signed(who), call, &info, len, 0)
		.map(|_| ())
}

fn used(who: u64) -> u32 {
	FreeCallsUsed::<Test>::get(who).used
}

#[test]
fn a_resident_without_tokens_makes_free_civic_calls_up_to_the_quota() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		assert_eq!(Balances::free_balance(ALICE), 0);

		for n in 1..=QUOTA {
			assert_ok!(send(ALICE, civic_call()));
			assert_eq!(used(ALICE), n);
		}
		assert_eq!(PartyBranch::free_calls_left(&ALICE), 0);
		// Beyond the quota the fee applies, and Alice has nothing to pay it with.
		assert_eq!(
			send(ALICE, civic_call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(used(ALICE), QUOTA);
	});
}

#[test]
fn beyond_the_quota_a_resident_with_funds_pays() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		Balances::set_balance(&ALICE, FUNDS);
		for _ in 0..QUOTA {
			assert_ok!(send(ALICE, civic_call()));
		}
		assert_eq!(Balances::free_balance(ALICE), FUNDS, "free calls cost nothing");

		assert_ok!(send(ALICE, civic_call()));
		assert!(Balances::free_balance(ALICE) < FUNDS, "the next one is charged");
	});
}

#[test]
fn an_owner_of_a_home_who_lives_elsewhere_has_the_quota_too() {
	with_tree(|| {
		assert_eq!(Balances::free_balance(ABSENTEE_OWNER), 0);
		assert_ok!(send(ABSENTEE_OWNER, civic_call()));
		assert_eq!(used(ABSENTEE_OWNER), 1);
		assert_eq!(PartyBranch::free_calls_left(&ABSENTEE_OWNER), QUOTA - 1);
		// but not for calls that are not civic
		assert_eq!(
			send(ABSENTEE_OWNER, plain_call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
	});
}

#[test]
fn non_residents_and_non_civic_calls_pay() {
	with_tree(|| {
		Balances::set_balance(&BOB, FUNDS);
		assert_ok!(send(BOB, civic_call()));
		assert!(Balances::free_balance(BOB) < FUNDS);
		assert_eq!(used(BOB), 0);

		resident(ALICE, COMMUNITY);
		assert_eq!(
			send(ALICE, plain_call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(used(ALICE), 0);
	});
}

#[test]
fn an_officer_makes_civic_calls_free_while_in_office() {
	with_tree(|| {
		assert_eq!(crate::OfficeCount::<Test>::get(COMMITTEE), 1);
		assert_eq!(PartyBranch::free_calls_left(&COMMITTEE), QUOTA);
		assert_ok!(send(COMMITTEE, civic_call()));
		assert_eq!(used(COMMITTEE), 1);
		// Plain calls still pay.
		assert_eq!(
			send(COMMITTEE, plain_call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		// Out of office, nothing is free.
		assert_ok!(PartyBranch::remove_officer(
			RuntimeOrigin::signed(SECRETARY),
			COMMUNITY,
			COMMITTEE
		));
		assert_eq!(crate::OfficeCount::<Test>::get(COMMITTEE), 0);
		assert_eq!(PartyBranch::free_calls_left(&COMMITTEE), 0);
		assert_eq!(
			send(COMMITTEE, civic_call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
	});
}

#[test]
fn a_large_civic_transaction_pays() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		let large = RuntimeCall::PartyBranch(crate::Call::create_unit {
			level: UnitLevel::Grid,
			parent: Some(COMMUNITY),
			name: vec![b'x'; 300],
			secretary: None,
		});
		assert_eq!(
			send(ALICE, large),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(used(ALICE), 0);
	});
}

#[test]
fn a_failing_civic_call_still_uses_a_free_call() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		let call = RuntimeCall::PartyBranch(crate::Call::request_move { to: COMMUNITY });
		assert_ok!(send(ALICE, call)); // the transaction is applied; the call fails inside
		assert_eq!(used(ALICE), 1);
	});
}

#[test]
fn the_quota_renews_each_period() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		for _ in 0..QUOTA {
			assert_ok!(send(ALICE, civic_call()));
		}
		System::set_block_number(QuotaPeriod::get() * 2);
		assert_eq!(PartyBranch::free_calls_left(&ALICE), QUOTA);
		assert_ok!(send(ALICE, civic_call()));
		assert_eq!(used(ALICE), 1);
	});
}

#[test]
fn wallets_see_the_plain_fee_extension() {
	let inner = ChargeTransactionPayment::<Test>::from(7);
	let wrapped = Extension::new(inner.clone());
	assert_eq!(
		<Extension as TransactionExtension<RuntimeCall>>::IDENTIFIER,
		"ChargeTransactionPayment"
	);
	assert_eq!(wrapped.encode(), inner.encode());
	assert_eq!(
		scale_info::meta_type::<Extension>(),
		scale_info::meta_type::<ChargeTransactionPayment<Test>>()
	);
}

#[test]
fn only_governance_sets_the_quota_within_its_bound() {
	with_tree(|| {
		assert_noop!(
			PartyBranch::set_free_call_quota(RuntimeOrigin::signed(DISTRICT_SECRETARY), 10),
			Error::<Test>::GovernanceOnly
		);
		assert_noop!(
			PartyBranch::set_free_call_quota(RuntimeOrigin::root(), 51),
			Error::<Test>::QuotaTooHigh
		);
		assert_ok!(PartyBranch::set_free_call_quota(RuntimeOrigin::root(), 10));
		assert_eq!(FreeCallQuota::<Test>::get(), 10);
		System::assert_last_event(Event::FreeCallQuotaSet { per_period: 10 }.into());
	});
}

#[test]
fn the_quota_counts_every_call_a_transaction_holds() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		// In this mock a remark stands for a batch of as many civic calls as it has bytes.
		let batch = |n: usize| {
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![0; n] })
		};
		assert_ok!(send(ALICE, batch(2)));
		assert_eq!(used(ALICE), 2);
		// One free call left: a batch of two is not free, and Alice cannot pay.
		assert_eq!(
			send(ALICE, batch(2)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(used(ALICE), 2);
		assert_ok!(send(ALICE, batch(1)));
		assert_eq!(used(ALICE), QUOTA);
	});
}

#[test]
fn a_resident_has_one_free_transaction_waiting_in_the_pool_at_a_time() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		resident(BOB, COMMUNITY);
		let validate = |who: u64| {
			let call = civic_call();
			let info = call.get_dispatch_info();
			Extension::new(ChargeTransactionPayment::from(0))
				.validate_only(
					RuntimeOrigin::signed(who),
					&call,
					&info,
					call.encoded_size(),
					sp_runtime::transaction_validity::TransactionSource::External,
					0,
				)
				.map(|(valid, _, _)| valid.provides)
		};
		let alice = validate(ALICE).expect("free");
		// The pool keeps one transaction per tag: Alice's second waits for her first.
		assert_eq!(alice, vec![crate::fees::free_call_tag(&ALICE)]);
		assert_eq!(validate(ALICE).expect("free"), alice);
		assert_ne!(validate(BOB).expect("free"), alice);
		// A paid transaction provides no such tag.
		Balances::mint_into(&ALICE, FUNDS).unwrap();
		let call = plain_call();
		let info = call.get_dispatch_info();
		let (valid, _, _) = Extension::new(ChargeTransactionPayment::from(0))
			.validate_only(
				RuntimeOrigin::signed(ALICE),
				&call,
				&info,
				call.encoded_size(),
				sp_runtime::transaction_validity::TransactionSource::External,
				0,
			)
			.expect("paid");
		assert!(valid.provides.is_empty());
	});
}

#[test]
fn the_fee_quote_and_the_charge_follow_one_rule() {
	with_tree(|| {
		resident(ALICE, COMMUNITY);
		let quote = |who: u64, call: &RuntimeCall| {
			PartyBranch::free_calls_for(&who, call, call.encoded_size())
		};
		assert_eq!(quote(ALICE, &civic_call()), Some(1), "a resident's civic call is free");
		assert_eq!(quote(ALICE, &plain_call()), None, "other calls pay");
		assert_eq!(quote(BOB, &civic_call()), None, "someone not a resident pays");
		let long = civic_call();
		assert_eq!(
			PartyBranch::free_calls_for(&ALICE, &long, 257),
			None,
			"a long transaction pays"
		);
		// The quote changes exactly when the charge does.
		for _ in 0..QUOTA {
			assert_eq!(quote(ALICE, &civic_call()), Some(1));
			assert_ok!(send(ALICE, civic_call()));
		}
		assert_eq!(quote(ALICE, &civic_call()), None, "beyond the quota the call pays");
	});
}
