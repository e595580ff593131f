//! `gongzhi-node resident-commitment`: the commitment a district's verification desk puts on
//! chain for a resident, from their ID number and the desk's secret key.
//!
//! A resident is registered on chain by a commitment, never by their ID number. An ID number of
//! the mainland has 17 digits and a check digit, about 38 bits once the birth date and region
//! are guessed: an unkeyed hash of it, or one salted with a value every officer knows, is undone
//! by trying every number in minutes. The commitment is therefore an HMAC (RFC 2104, with
//! BLAKE2b-256 and its 128-byte block) under a 32-byte key that only the verification desk holds:
//!
//! ```text
//! commitment = HMAC-BLAKE2b-256(key, "gongzhi/resident/v1" ++ normalised ID number)
//! ```
//!
//! Without the key, a commitment tells nothing about the number; with it, the desk recomputes the
//! same commitment for the same person (one person, one registration) and finds a re-registering
//! resident's old account. Officers submit the commitment the desk gives them; they never see the
//! key. Losing the key means re-deriving every resident's commitment with a new one (a re-key of
//! the registry): keep it in the desk's offline backup.
//!
//! The ID number is normalised (spaces and hyphens dropped, a lower-case `x` check digit
//! upper-cased) and refused unless it has 18 characters, 17 digits and the check digit of
//! GB 11643-1999.
//!
//! `gongzhi-node property-commitment` does the same for a property certificate's number
//! (不动产权证号) at the housing desk, under the domain `gongzhi/property/v1`: an estate's
//! register on chain names each unit's certificate by this commitment only.

use std::{fs, io::Read, path::PathBuf};

/// What the commitment's message starts with: another use of the same key never collides.
const DOMAIN: &[u8] = b"gongzhi/resident/v1";
/// The domain of property certificates' commitments.
const PROPERTY_DOMAIN: &[u8] = b"gongzhi/property/v1";
/// BLAKE2b's block size, in bytes: the HMAC pads the key to it.
const BLOCK: usize = 128;
/// The key's length, in bytes.
pub const KEY_LENGTH: usize = 32;

/// `gongzhi-node resident-commitment --key-file FILE (--id-number N | --generate-key)`
#[derive(Debug, clap::Parser)]
pub struct ResidentCommitmentCmd {
	/// The verification desk's key: 64 hexadecimal characters in a file readable by the desk
	/// only.
	#[arg(long, value_name = "FILE")]
	pub key_file: PathBuf,

	/// The resident's ID number (18 characters; spaces and hyphens are ignored).
	#[arg(long, value_name = "NUMBER", conflicts_with = "generate_key")]
	pub id_number: Option<String>,

	/// Write a new random key to `--key-file` (which must not exist yet) instead.
	#[arg(long)]
	pub generate_key: bool,
}

impl ResidentCommitmentCmd {
	/// Prints the commitment (`0x…`), or writes a new key.
	pub fn run(&self) -> Result<(), String> {
		if self.generate_key {
			let key = new_key()?;
			write_new_key(&self.key_file, &key)?;
			println!("wrote a new key to {}", self.key_file.display());
			return Ok(());
		}
		let Some(number) = &self.id_number else {
			return Err("give --id-number NUMBER (or --generate-key to make a key)".into());
		};
		let key = read_key(&self.key_file)?;
		let number = normalise_id_number(number)?;
		println!("0x{}", hex(&commitment(&key, &number)));
		Ok(())
	}
}

/// `gongzhi-node property-commitment --key-file FILE (--certificate NUMBER | --generate-key)`
#[derive(Debug, clap::Parser)]
pub struct PropertyCommitmentCmd {
	/// The housing desk's key: 64 hexadecimal characters in a file readable by the desk only.
	#[arg(long, value_name = "FILE")]
	pub key_file: PathBuf,

	/// The property certificate's number as printed (spaces are ignored).
	#[arg(long, value_name = "NUMBER", conflicts_with = "generate_key")]
	pub certificate: Option<String>,

	/// Write a new random key to `--key-file` (which must not exist yet) instead.
	#[arg(long)]
	pub generate_key: bool,
}

impl PropertyCommitmentCmd {
	/// Prints the commitment (`0x…`), or writes a new key.
	pub fn run(&self) -> Result<(), String> {
		if self.generate_key {
			write_new_key(&self.key_file, &new_key()?)?;
			println!("wrote a new key to {}", self.key_file.display());
			return Ok(());
		}
		let Some(number) = &self.certificate else {
			return Err("give --certificate NUMBER (or --generate-key to make a key)".into());
		};
		let key = read_key(&self.key_file)?;
		let number = normalise_certificate(number)?;
		println!("0x{}", hex(&keyed_hash(&key, PROPERTY_DOMAIN, &number)));
		Ok(())
	}
}

/// A certificate number as the commitment uses it: without spaces, letters upper-cased.
pub fn normalise_certificate(input: &str) -> Result<String, String> {
	let number: String = input.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect();
	if number.chars().count() < 6 {
		return Err("a property certificate's number has more characters: check what was typed".into());
	}
	Ok(number)
}

/// The ID number as the commitment uses it, or why it is not a valid one.
pub fn normalise_id_number(input: &str) -> Result<String, String> {
	let number: String = input
		.chars()
		.filter(|c| !c.is_whitespace() && *c != '-')
		.map(|c| c.to_ascii_uppercase())
		.collect();
	if number.chars().count() != 18 {
		return Err(format!(
			"an ID number has 18 characters; this one has {}",
			number.chars().count()
		));
	}
	let digits: Vec<u32> = number.chars().take(17).filter_map(|c| c.to_digit(10)).collect();
	if digits.len() != 17 {
		return Err("the first 17 characters of an ID number are digits".into());
	}
	const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
	let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
	let expected = CHECK[(sum % 11) as usize];
	let given = number.chars().last().unwrap_or_default();
	if given != expected {
		return Err(format!(
			"the check digit does not match (is {given}, should be {expected}): a mistyped digit?"
		));
	}
	Ok(number)
}

/// HMAC-BLAKE2b-256 of the normalised `number` under `key`, with the domain prefix.
pub fn commitment(key: &[u8; KEY_LENGTH], number: &str) -> [u8; 32] {
	keyed_hash(key, DOMAIN, number)
}

/// HMAC-BLAKE2b-256 of `domain ++ text` under `key`.
fn keyed_hash(key: &[u8; KEY_LENGTH], domain: &[u8], text: &str) -> [u8; 32] {
	let mut padded = [0u8; BLOCK];
	padded[..KEY_LENGTH].copy_from_slice(key);
	let inner_key: Vec<u8> = padded.iter().map(|b| b ^ 0x36).collect();
	let outer_key: Vec<u8> = padded.iter().map(|b| b ^ 0x5c).collect();
	let inner = sp_io::hashing::blake2_256(&[&inner_key[..], domain, text.as_bytes()].concat());
	sp_io::hashing::blake2_256(&[&outer_key[..], &inner[..]].concat())
}

/// The key in `path`, or why it cannot be used.
pub fn read_key(path: &PathBuf) -> Result<[u8; KEY_LENGTH], String> {
	let text = fs::read_to_string(path)
		.map_err(|e| format!("cannot read the key file {}: {e}", path.display()))?;
	parse_key(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn parse_key(text: &str) -> Result<[u8; KEY_LENGTH], String> {
	let text = text.trim();
	let text = text.strip_prefix("0x").unwrap_or(text);
	if text.len() != 2 * KEY_LENGTH || !text.chars().all(|c| c.is_ascii_hexdigit()) {
		return Err(format!("a key is {} hexadecimal characters", 2 * KEY_LENGTH));
	}
	let mut key = [0u8; KEY_LENGTH];
	for (i, byte) in key.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16)
			.map_err(|_| "not hexadecimal".to_string())?;
	}
	Ok(key)
}

pub(crate) fn new_key() -> Result<[u8; KEY_LENGTH], String> {
	let mut key = [0u8; KEY_LENGTH];
	fs::File::open("/dev/urandom")
		.and_then(|mut random| random.read_exact(&mut key))
		.map_err(|e| format!("cannot read the system's randomness: {e}"))?;
	Ok(key)
}

pub(crate) fn write_new_key(path: &PathBuf, key: &[u8; KEY_LENGTH]) -> Result<(), String> {
	use std::{io::Write, os::unix::fs::OpenOptionsExt};
	let mut file =
		fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(
			|e| format!("cannot create the key file {} (it must not exist): {e}", path.display()),
		)?;
	writeln!(file, "{}", hex(key)).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	// A made-up number with a valid check digit (not a real person's).
	const NUMBER: &str = "11010519491231002X";

	#[test]
	fn a_valid_number_is_normalised_and_a_mistyped_one_refused() {
		assert_eq!(normalise_id_number("110105 1949 1231 002x").as_deref(), Ok(NUMBER));
		assert!(normalise_id_number("110105194912310021").unwrap_err().contains("check digit"));
		assert!(normalise_id_number("11010519491231002").unwrap_err().contains("18 characters"));
		assert!(normalise_id_number("1101051949123100AX").unwrap_err().contains("17"));
	}

	#[test]
	fn the_commitment_depends_on_the_key_and_the_number() {
		let key = [7u8; KEY_LENGTH];
		let other_key = [8u8; KEY_LENGTH];
		let c = commitment(&key, NUMBER);
		assert_eq!(c, commitment(&key, NUMBER));
		assert_ne!(c, commitment(&other_key, NUMBER));
		assert_ne!(c, commitment(&key, "110105194912310037"));
		// Not the unkeyed hash an officer could recompute.
		assert_ne!(c, sp_io::hashing::blake2_256(NUMBER.as_bytes()));
	}

	#[test]
	fn the_commitment_is_the_standard_hmac_blake2b_256() {
		// Computed independently with Python's `hmac` and `hashlib.blake2b(digest_size=32)`.
		assert_eq!(
			hex(&commitment(&[7u8; KEY_LENGTH], NUMBER)),
			"24c0c8c3ce35459ead90a8488cf3a081c2ba7475960cc1b2854e0d36cf548b9f"
		);
	}

	#[test]
	fn a_certificate_commitment_is_keyed_and_kept_apart_from_residents() {
		let key = [7u8; KEY_LENGTH];
		let number = normalise_certificate("苏(2024)南京市不动产权第 0012345 号").unwrap();
		assert_eq!(number, "苏(2024)南京市不动产权第0012345号");
		let c = keyed_hash(&key, PROPERTY_DOMAIN, &number);
		assert_ne!(c, keyed_hash(&[8u8; KEY_LENGTH], PROPERTY_DOMAIN, &number));
		// the same text under the residents' domain gives another commitment
		assert_ne!(c, commitment(&key, &number));
		assert!(normalise_certificate(" 12 ").is_err());
	}

	#[test]
	fn a_key_file_holds_64_hexadecimal_characters() {
		assert_eq!(parse_key(&format!("0x{}\n", "ab".repeat(32))), Ok([0xab; 32]));
		assert!(parse_key("abcd").is_err());
		assert!(parse_key(&"zz".repeat(32)).is_err());
	}
}
