//! The native token as wallets show it. Dependency-free so that the runtime's build script can
//! read the same constants (it compiles them into the metadata hash).

/// The token symbol that wallets show.
pub const TOKEN_SYMBOL: &str = "GZT";
/// The number of decimals of one token.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix. 42 is the generic Substrate prefix, which every wallet and
/// @polkadot/keyring already know; a registered prefix can replace it before a main network.
pub const SS58_PREFIX: u16 = 42;
