use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok, storage::unhashed};
use sp_runtime::DispatchError;

const KEY: &[u8] = b"gongzhi:test-key";

/// `System::set_storage` is Root-only: its effect shows whether `Root` was really reached.
fn set_storage_call() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(KEY.to_vec(), b"value".to_vec())],
	}))
}

#[test]
fn governance_origin_runs_a_root_call() {
	new_test_ext().execute_with(|| {
		assert_ok!(CouncilRoot::dispatch_as_root(
			RuntimeOrigin::signed(GOVERNANCE),
			set_storage_call()
		));

		assert_eq!(unhashed::get_raw(KEY), Some(b"value".to_vec()));
		System::assert_last_event(Event::DispatchedAsRoot { result: Ok(()) }.into());
	});
}

#[test]
fn any_other_origin_is_refused_and_nothing_changes() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(RESIDENT), RuntimeOrigin::none()] {
			assert_noop!(
				CouncilRoot::dispatch_as_root(origin, set_storage_call()),
				DispatchError::BadOrigin
			);
		}
		assert_eq!(unhashed::get_raw(KEY), None);
		assert!(System::events().is_empty());
	});
}

#[test]
fn a_failing_inner_call_is_reported_in_the_event() {
	new_test_ext().execute_with(|| {
		// `remark_with_event` wants a signed origin, so it fails when run as Root.
		let call = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: b"hello".to_vec(),
		}));

		assert_ok!(CouncilRoot::dispatch_as_root(RuntimeOrigin::signed(GOVERNANCE), call));

		System::assert_last_event(
			Event::DispatchedAsRoot { result: Err(DispatchError::BadOrigin) }.into(),
		);
	});
}
