//! For the mock runtimes of pallets that ask the registry who is who: one configuration of this
//! pallet, so that each mock does not repeat it.
//!
//! ```ignore
//! // in a pallet's mock.rs, with `PartyBranch = pallet_party_branch` in the test runtime:
//! pallet_party_branch::impl_mock_config!(Test);
//! ```

pub use frame_support::traits::{ConstU32, ConstU64, Everything};

/// `Root` as governance, for a runtime's account type.
pub type EnsureRoot<T> = frame_system::EnsureRoot<<T as frame_system::Config>::AccountId>;

/// Implements [`crate::Config`] for a mock runtime whose block number is `u64`: `Root` governs,
/// any call may be feeless, names of up to 32 bytes, committees of 3, 4 roles an account, and
/// free-call periods of 100 blocks with at most 50 calls of at most 256 bytes each.
#[macro_export]
macro_rules! impl_mock_config {
	($runtime:ty) => {
		impl $crate::Config for $runtime {
			type GovernanceOrigin = $crate::testing::EnsureRoot<$runtime>;
			type FeelessCalls = $crate::testing::Everything;
			type MaxNameLength = $crate::testing::ConstU32<32>;
			type MaxCommitteeMembers = $crate::testing::ConstU32<3>;
			type MaxRolesPerAccount = $crate::testing::ConstU32<4>;
			type QuotaPeriod = $crate::testing::ConstU64<100>;
			type MaxFreeCallsPerPeriod = $crate::testing::ConstU32<50>;
			type MaxFreeCallBytes = $crate::testing::ConstU32<256>;
			type OnResidentChange = ();
			type WeightInfo = ();
		}
	};
}
