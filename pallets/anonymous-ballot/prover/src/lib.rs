//! The anonymous ballot's shared rules and its prover.
//!
//! A ballot of poll `P` is a ring-VRF proof, by the holder of a ballot key in one of the poll's
//! rings, over the *message* (P, choice, sequence number) in the *context* P; it yields the key's
//! *alias* in that context. The pallet (`pallet-anonymous-ballot`) checks ballots with
//! [`ballot_context`] and [`ballot_message`]; the node's `ballot prove` command and the residents'
//! portal make them with [`prove`]. Keeping the three in one crate keeps them in step: a change to
//! what a proof signs is one change here.
//!
//! A key is registered with a *proof of possession*: a plain signature by the key's secret over
//! [`key_holder_message`] (the registering account), made with [`prove_possession`]. Without it,
//! anyone who saw a resident's new key in the transaction pool could register it first for their
//! own account and shut the resident out of the rings.
//!
//! Without features the crate is `no_std` and holds only the rules (what the runtime needs).
//! With `std` it proves natively; with `browser`, built for `wasm32-unknown-unknown`, it is a
//! module a web page loads, with the interface in [`browser`] and no JavaScript glue: the page
//! passes bytes through the module's memory.
//!
//! The prover loads the setup's parameters (the Zcash BLS12-381 powers of tau, 4.7 MB, compiled
//! in) the first time it proves; a page keeps the module, so the cost is paid once.

// The browser build links `std` too (wasm32-unknown-unknown has it: an allocator and panics),
// but not `verifiable`'s, which would bring threads.
#![cfg_attr(not(any(feature = "std", feature = "browser")), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Encode;

#[cfg(any(feature = "std", feature = "browser"))]
mod prover;
#[cfg(any(feature = "std", feature = "browser"))]
pub use prover::*;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
pub mod browser;

/// A poll's number.
pub type PollId = u32;

/// The setup's domain the chain's rings use: 2^11, rings of up to 255 keys. The runtime takes
/// it from here, so a prover and the chain cannot disagree.
pub const RING_DOMAIN: verifiable::ring::RingDomainSize = verifiable::ring::RingDomainSize::Domain11;

/// The context a ballot key's alias is taken in for `poll`: the alias is the same for every
/// ballot of one key in one poll, and unlinkable between polls.
pub fn ballot_context(poll: PollId) -> Vec<u8> {
	(b"gongzhi/ballot/v1", poll).encode()
}

/// What a key's proof of possession signs: the account (its SCALE encoding, 32 bytes for the
/// chain's accounts) that registers the key. It binds the key to that account alone, so a
/// signature seen in the pool is no use to anyone else.
pub fn key_holder_message(account: &[u8]) -> Vec<u8> {
	let mut message = b"gongzhi/ballot/v1/key-holder".to_vec();
	message.extend_from_slice(account);
	message
}

/// What a ballot proof signs: the poll, the choice and the ballot's sequence number. A proof for
/// one choice cannot be reused for another, nor an old ballot replayed over a newer one.
pub fn ballot_message(poll: PollId, choice: u8, sequence: u32) -> Vec<u8> {
	(b"gongzhi/ballot/v1/choice", poll, choice, sequence).encode()
}
