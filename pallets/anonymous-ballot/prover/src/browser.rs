//! The browser interface: plain functions over the module's memory, no JavaScript glue.
//!
//! The page instantiates the module with one import, `env.gongzhi_random(ptr, len)`, which fills
//! `len` bytes at `ptr` from `crypto.getRandomValues` (the proof's blinding needs fresh
//! randomness each time). It reserves buffers with [`buffer_new`], writes its inputs into them,
//! calls [`ballot_key`], [`ballot_possession`] or [`ballot_prove`], reads the output and frees the buffers with
//! [`buffer_free`]. Numbers are little-endian as wasm's own. A negative result is an error:
//! [`ProveError::code`] (−1 not in the ring, −2 a bad ring, −3 no proof, −5 a bad choice), or
//! −4 for an output buffer too small.
//!
//! The portal runs it in a Web Worker (`portal/src/chain/prover.ts`) so the page stays
//! responsive while a proof is made.

use alloc::vec::Vec;

use crate::{ballot_key as key_of, prove, prove_possession, Key, ProveError};

/// The output buffer is smaller than the result.
const OUTPUT_TOO_SMALL: i32 = -4;

#[link(wasm_import_module = "env")]
extern "C" {
	/// The page's `crypto.getRandomValues` over `len` bytes at `ptr`.
	fn gongzhi_random(ptr: *mut u8, len: usize);
}

fn page_random(buffer: &mut [u8]) -> Result<(), getrandom::Error> {
	// SAFETY: the page writes exactly `buffer.len()` bytes at its start, inside this memory.
	unsafe { gongzhi_random(buffer.as_mut_ptr(), buffer.len()) };
	Ok(())
}

getrandom::register_custom_getrandom!(page_random);

/// Reserves `len` bytes of the module's memory for the page; free them with [`buffer_free`].
#[no_mangle]
pub extern "C" fn buffer_new(len: usize) -> *mut u8 {
	let mut buffer = Vec::<u8>::with_capacity(len);
	let ptr = buffer.as_mut_ptr();
	core::mem::forget(buffer);
	ptr
}

/// Frees what [`buffer_new`] reserved.
///
/// # Safety
/// `ptr` and `len` are exactly what one call of [`buffer_new`] took and gave, freed once.
#[no_mangle]
pub unsafe extern "C" fn buffer_free(ptr: *mut u8, len: usize) {
	drop(Vec::from_raw_parts(ptr, 0, len));
}

/// Writes the ballot key of the 32-byte secret at `secret` to the 32 bytes at `out`. Returns 32.
///
/// # Safety
/// `secret` and `out` point to 32 bytes each in the module's memory.
#[no_mangle]
pub unsafe extern "C" fn ballot_key(secret: *const u8, out: *mut u8) -> i32 {
	let key = key_of(read_32(secret));
	core::ptr::copy_nonoverlapping(key.as_ptr(), out, key.len());
	key.len() as i32
}

/// Writes the proof that the holder of the 32-byte secret at `secret` registers its key for the
/// account whose 32-byte public key is at `account` to the 64 bytes at `out`. Returns 64, or a
/// negative error.
///
/// # Safety
/// `secret` and `account` point to 32 bytes each, `out` to 64, in the module's memory.
#[no_mangle]
pub unsafe extern "C" fn ballot_possession(secret: *const u8, account: *const u8, out: *mut u8) -> i32 {
	match prove_possession(read_32(secret), &read_32(account)) {
		Ok(possession) => {
			core::ptr::copy_nonoverlapping(possession.as_ptr(), out, possession.len());
			possession.len() as i32
		},
		Err(error) => error.code(),
	}
}

/// Makes the ballot for `choice` (the `sequence`-th, from 0) in `poll` of the 32-byte secret at
/// `secret`, whose ring the poll fixed with the `count` keys of 32 bytes at `keys`. Writes the
/// alias (32 bytes) and then the proof to `out` (room for `out_len` bytes) and returns how many
/// bytes it wrote, or a negative error.
///
/// # Safety
/// The pointers point into the module's memory: 32 bytes at `secret`, `32 × count` at `keys`,
/// `out_len` at `out`.
#[no_mangle]
pub unsafe extern "C" fn ballot_prove(
	secret: *const u8,
	keys: *const u8,
	count: u32,
	poll: u32,
	choice: u32,
	sequence: u32,
	out: *mut u8,
	out_len: u32,
) -> i32 {
	let Ok(choice) = u8::try_from(choice) else { return ProveError::BadChoice.code() };
	let ring: Vec<Key> =
		(0..count as usize).map(|i| read_32(keys.add(i * 32))).collect();
	match prove(read_32(secret), &ring, poll, choice, sequence) {
		Ok(ballot) => {
			let len = ballot.alias.len() + ballot.proof.len();
			if len > out_len as usize {
				return OUTPUT_TOO_SMALL;
			}
			core::ptr::copy_nonoverlapping(ballot.alias.as_ptr(), out, ballot.alias.len());
			core::ptr::copy_nonoverlapping(
				ballot.proof.as_ptr(),
				out.add(ballot.alias.len()),
				ballot.proof.len(),
			);
			len as i32
		},
		Err(error) => error.code(),
	}
}

/// The 32 bytes at `ptr`.
unsafe fn read_32(ptr: *const u8) -> [u8; 32] {
	let mut bytes = [0u8; 32];
	core::ptr::copy_nonoverlapping(ptr, bytes.as_mut_ptr(), 32);
	bytes
}
