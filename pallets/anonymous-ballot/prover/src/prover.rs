//! Making a ballot: a key from a secret, and a proof from a secret and the poll's ring.

use alloc::vec::Vec;
use verifiable::{ring::bandersnatch::BandersnatchVrfVerifiable as Ring, GenerateVerifiable};

use crate::{ballot_context, ballot_message, key_holder_message, PollId, RING_DOMAIN};

/// A public ballot key (what `register_key` takes): 32 bytes.
pub type Key = [u8; 32];

/// A proof of possession of a ballot key (what `register_key` and `replace_key` take with it):
/// 64 bytes.
pub type Possession = [u8; 64];

/// A ballot, ready for `AnonymousBallot::cast`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
	/// The key's alias in the poll.
	pub alias: [u8; 32],
	/// The proof's bytes (the call's `proof`).
	pub proof: Vec<u8>,
}

/// Why a ballot could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProveError {
	/// The secret's key is not among the ring's keys: the wrong ring, the ring's current keys
	/// instead of the poll's (`poll_ring_keys`), or a key registered after the poll opened.
	NotInRing,
	/// The ring's keys cannot be used (one is not a valid key, or there are too many).
	BadRing,
	/// The proof could not be made.
	Proof,
	/// The choice is not an option's number (0 to 255).
	BadChoice,
}

impl ProveError {
	/// A number for the browser interface (negative: an error).
	pub fn code(self) -> i32 {
		match self {
			ProveError::NotInRing => -1,
			ProveError::BadRing => -2,
			ProveError::Proof => -3,
			ProveError::BadChoice => -5,
		}
	}
}

/// The public ballot key of the secret made from `entropy` (32 random bytes kept by the
/// resident).
pub fn ballot_key(entropy: [u8; 32]) -> Key {
	Ring::member_from_secret(&Ring::new_secret(entropy))
}

/// The proof that the holder of the secret made from `entropy` registers its key for `account`
/// (the account's SCALE encoding: its 32-byte public key).
pub fn prove_possession(entropy: [u8; 32], account: &[u8]) -> Result<Possession, ProveError> {
	Ring::sign(&Ring::new_secret(entropy), &key_holder_message(account)).map_err(|_| ProveError::Proof)
}

/// The ballot for `choice` (its `sequence`-th in the poll, from 0) in `poll` of the key made from
/// `entropy`, whose ring the poll fixed with `ring_keys` (in the chain's order).
pub fn prove(
	entropy: [u8; 32],
	ring_keys: &[Key],
	poll: PollId,
	choice: u8,
	sequence: u32,
) -> Result<Ballot, ProveError> {
	let secret = Ring::new_secret(entropy);
	let commitment =
		Ring::open(RING_DOMAIN, &Ring::member_from_secret(&secret), ring_keys.iter().cloned())
			.map_err(|e| match e {
				verifiable::Error::NotInRing => ProveError::NotInRing,
				_ => ProveError::BadRing,
			})?;
	let (proof, alias) = Ring::create(
		commitment,
		&secret,
		&ballot_context(poll),
		&ballot_message(poll, choice, sequence),
	)
	.map_err(|_| ProveError::Proof)?;
	Ok(Ballot { alias, proof: proof.into_inner() })
}

#[cfg(all(test, feature = "std"))]
mod tests {
	use super::*;
	use verifiable::ring::{
		ark_vrf::ring::SrsLookup, bandersnatch::BandersnatchSha512Ell2, ring_verifier_builder_params,
		StaticChunk,
	};

	fn entropy(i: u8) -> [u8; 32] {
		[i; 32]
	}

	/// The root the chain would build over `keys`.
	fn root(keys: &[Key]) -> <Ring as GenerateVerifiable>::Members {
		let params = ring_verifier_builder_params::<BandersnatchSha512Ell2>(RING_DOMAIN);
		let mut building = Ring::start_members(RING_DOMAIN);
		Ring::push_members(&mut building, keys.iter().cloned(), |range| {
			SrsLookup::lookup(&&params, range)
				.map(|points| points.into_iter().map(StaticChunk).collect())
				.ok_or(())
		})
		.expect("valid keys");
		Ring::finish_members(building)
	}

	#[test]
	fn a_ballot_checks_against_the_rings_root_with_the_chains_context_and_message() {
		let keys: Vec<Key> = (1..=5).map(|i| ballot_key(entropy(i))).collect();
		let ballot = prove(entropy(3), &keys, 7, 2, 0).expect("a ballot");
		let proof = <Ring as GenerateVerifiable>::Proof::try_from(ballot.proof.clone()).expect("size");
		let root = root(&keys);
		let checks = |poll, choice, sequence| {
			Ring::is_valid(
				RING_DOMAIN,
				&proof,
				&root,
				&ballot_context(poll),
				&ballot.alias,
				&ballot_message(poll, choice, sequence),
			)
		};
		assert!(checks(7, 2, 0));
		// Another poll, choice or sequence number: the proof does not check.
		assert!(!checks(8, 2, 0));
		assert!(!checks(7, 1, 0));
		assert!(!checks(7, 2, 1));
		// One key, one alias per poll; another in another poll.
		let again = prove(entropy(3), &keys, 7, 0, 1).expect("a ballot");
		assert_eq!(again.alias, ballot.alias);
		assert_ne!(again.proof, ballot.proof, "a proof is blinded afresh each time");
		assert_ne!(prove(entropy(3), &keys, 8, 2, 0).expect("a ballot").alias, ballot.alias);
	}

	#[test]
	fn a_key_outside_the_ring_or_a_bad_ring_makes_no_ballot() {
		let keys: Vec<Key> = (1..=3).map(|i| ballot_key(entropy(i))).collect();
		assert_eq!(prove(entropy(9), &keys, 0, 0, 0), Err(ProveError::NotInRing));
		let mut bad = keys.clone();
		bad[0] = [0xff; 32];
		assert_eq!(prove(entropy(2), &bad, 0, 0, 0), Err(ProveError::BadRing));
	}

	#[test]
	fn a_proof_of_possession_holds_for_its_key_and_account_alone() {
		let key = ballot_key(entropy(4));
		let alice = [1u8; 32];
		let possession = prove_possession(entropy(4), &alice).expect("signed");
		let holds = |possession: &Possession, account: &[u8], key: &Key| {
			Ring::verify_signature(possession, &key_holder_message(account), key)
		};
		assert!(holds(&possession, &alice, &key));
		// Seen in the pool, it registers the key for nobody else.
		assert!(!holds(&possession, &[2u8; 32], &key));
		// Nor does it prove another key.
		assert!(!holds(&possession, &alice, &ballot_key(entropy(5))));
		// Another secret cannot sign for this key.
		assert!(!holds(&prove_possession(entropy(5), &alice).expect("signed"), &alice, &key));
	}
}
