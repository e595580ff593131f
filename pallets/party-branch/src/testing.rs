//! For the mock runtimes of pallets that ask the registry who is who: one configuration of this
//! pallet, so that each mock does not repeat it.
//!
//! ```ignore
//! // in a pallet's mock.rs, with `PartyBranch = pallet_party_branch` in the test runtime:
//! pallet_party_branch::impl_mock_config!(Test);
//! ```

pub use frame_support::traits::{ConstU32, ConstU64, Everything, Nothing};

/// `Root` as governance, for a runtime's account type.
pub type EnsureRoot<T> = frame_system::EnsureRoot<<T as frame_system::Config>::AccountId>;

/// Implements [`crate::Config`] for a mock runtime whose block number is `u64` and whose
/// `Balances` (see [`impl_mock_balances`]) hold application deposits of 5: `Root` governs,
/// any call may be feeless, names of up to 32 bytes, committees of 3, 4 roles an account, and
/// free-call periods of 100 blocks with at most 50 calls of at most 256 bytes each, and at most
/// 20 registrations per officer and period; votes vest within at most 1,000 blocks, 10 a block;
/// re-keys wait 10 blocks.
#[macro_export]
macro_rules! impl_mock_config {
	($runtime:ty) => {
		impl $crate::Config for $runtime {
			type GovernanceOrigin = $crate::testing::EnsureRoot<$runtime>;
			type FeelessCalls = $crate::testing::Everything;
			type OtherQuotaHolders = $crate::testing::Nothing;
			type MaxNameLength = $crate::testing::ConstU32<32>;
			type MaxCommitteeMembers = $crate::testing::ConstU32<3>;
			type MaxRolesPerAccount = $crate::testing::ConstU32<4>;
			type QuotaPeriod = $crate::testing::ConstU64<100>;
			type MaxFreeCallsPerPeriod = $crate::testing::ConstU32<50>;
			type MaxFreeCallBytes = $crate::testing::ConstU32<256>;
			type MaxRegistrationsPerOfficer = $crate::testing::ConstU32<20>;
			type MaxVoteVestingDelay = $crate::testing::ConstU64<1_000>;
			type MaxVestingsPerBlock = $crate::testing::ConstU32<10>;
			type RekeyDelay = $crate::testing::ConstU64<10>;
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type ApplicationDeposit = $crate::testing::ConstU64<5>;
			type OnResidentChange = ();
			type WeightInfo = ();
		}
	};
}

/// Implements `pallet_balances::Config` with upstream's test defaults for a mock runtime that
/// names the pallet `Balances` (and sets `frame_system`'s `AccountData` to
/// `pallet_balances::AccountData<u64>`): the registry holds application deposits in it.
#[macro_export]
macro_rules! impl_mock_balances {
	($runtime:ty) => {
		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type AccountStore = System;
		}
	};
}

/// Declares `TestExt`, test externalities that check the given invariants (each a
/// `fn() -> Result<(), TryRuntimeError>`, a pallet's `do_try_state`) after the test, so that
/// every unit test ends with the pallets' `try_state`. A mock's `new_test_ext` returns
/// `TestExt(externalities)`; tests keep calling `new_test_ext().execute_with(|| ...)`.
///
/// ```ignore
/// pallet_party_branch::checked_test_ext!(PartyBranch::do_try_state, Assistance::do_try_state);
/// ```
#[macro_export]
macro_rules! checked_test_ext {
	($($check:expr),+ $(,)?) => {
		/// Test externalities that check the pallets' invariants once the test is done.
		pub struct TestExt(pub sp_io::TestExternalities);

		impl TestExt {
			/// Runs `test`, then every invariant check (a failed one fails the test).
			pub fn execute_with<R>(mut self, test: impl FnOnce() -> R) -> R {
				let result = self.0.execute_with(test);
				self.0.execute_with(|| {
					$(
						if let Err(error) = $check() {
							panic!("{} fails after the test: {:?}", stringify!($check), error);
						}
					)+
				});
				result
			}
		}
	};
}
