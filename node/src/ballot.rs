//! `gongzhi-node ballot`: a resident's ballot key, an anonymous ballot made from it, and the
//! ring-VRF's figures on this machine.
//!
//! - `ballot key --secret-file F [--generate] [--account A]` prints the public ballot key;
//!   `--generate` first writes a new secret to `F` (which must not exist), readable by its owner
//!   only. The secret never leaves the device. With `--account A` (the resident's address, SS58
//!   or 0x hex) it prints JSON: the key and its proof of possession for `A`, the two arguments
//!   of `AnonymousBallot.register_key` (or `replace_key`) that `A` signs.
//! - `ballot prove --secret-file F --poll P --ring R --choice C [--sequence S] --ring-keys K`
//!   makes a ballot: `K` holds the keys of ring `R` as poll `P` fixed them, as the chain lists
//!   them (the `poll_ring_keys(P, R)` view function), one hexadecimal key a line, in order. It prints JSON: the
//!   alias, the proof, and the whole general transaction (`extrinsic`), which any RPC node takes
//!   with `author_submitExtrinsic`. It carries no account and no signature.
//! - `ballot bench` prints what proving and checking cost here, for rings of 255, 767 and 2,047
//!   keys (the setup's domains 2^11, 2^12 and 2^16), and what a batch check saves.
//!
//! The proof is made by the `verifiable` crate (Bandersnatch ring-VRF, the Zcash BLS12-381
//! setup) exactly as the runtime checks it: the context is the poll
//! ([`pallet_anonymous_ballot::ballot_context`]) and the message the poll, choice and sequence
//! number ([`pallet_anonymous_ballot::ballot_message`]).

use codec::Encode;
use gongzhi_runtime as runtime;
use std::{path::PathBuf, time::Instant};
use gongzhi_ballot_prover::ProveError;
use verifiable::{
	ring::{bandersnatch::BandersnatchVrfVerifiable as Ring, RingDomainSize},
	BatchProofItem, GenerateVerifiable,
};

/// `gongzhi-node ballot …`
#[derive(Debug, clap::Subcommand)]
pub enum BallotCmd {
	/// Print the public ballot key of a secret (or make a new secret first).
	Key(KeyCmd),
	/// Make an anonymous ballot: alias, proof and the transaction to submit.
	Prove(ProveCmd),
	/// Measure proving and checking on this machine.
	Bench(BenchCmd),
}

impl BallotCmd {
	/// Runs the subcommand.
	pub fn run(&self) -> Result<(), String> {
		match self {
			BallotCmd::Key(cmd) => cmd.run(),
			BallotCmd::Prove(cmd) => cmd.run(),
			BallotCmd::Bench(cmd) => cmd.run(),
		}
	}
}

/// `ballot key`
#[derive(Debug, clap::Parser)]
pub struct KeyCmd {
	/// The secret: 64 hexadecimal characters, in a file only its owner reads.
	#[arg(long, value_name = "FILE")]
	pub secret_file: PathBuf,
	/// Write a new random secret to `--secret-file` (which must not exist) first.
	#[arg(long)]
	pub generate: bool,
	/// The account that registers the key (SS58 or 0x hex): print the key's proof of possession
	/// for it too, as JSON.
	#[arg(long, value_name = "ADDRESS")]
	pub account: Option<String>,
}

impl KeyCmd {
	fn run(&self) -> Result<(), String> {
		if self.generate {
			crate::commitment::write_new_key(&self.secret_file, &crate::commitment::new_key()?)?;
		}
		let secret = crate::commitment::read_key(&self.secret_file)?;
		let key = gongzhi_ballot_prover::ballot_key(secret);
		let Some(address) = &self.account else {
			println!("0x{}", crate::commitment::hex(&key));
			return Ok(());
		};
		let account = parse_account(address)?;
		let possession = gongzhi_ballot_prover::prove_possession(secret, account.as_ref())
			.map_err(|_| "could not sign the proof of possession".to_string())?;
		let out = serde_json::json!({
			"key": format!("0x{}", crate::commitment::hex(&key)),
			"account": address,
			"possession": format!("0x{}", crate::commitment::hex(&possession)),
		});
		println!("{out}");
		Ok(())
	}
}

/// An account from its SS58 address or its 32-byte public key in hex.
fn parse_account(address: &str) -> Result<runtime::AccountId, String> {
	use sp_core::crypto::Ss58Codec;
	if address.starts_with("0x") {
		let bytes = crate::commitment::parse_key(address)
			.map_err(|e| format!("`{address}` is not a 32-byte public key: {e}"))?;
		return Ok(bytes.into());
	}
	runtime::AccountId::from_ss58check(address)
		.map_err(|e| format!("`{address}` is not an account address: {e:?}"))
}

/// `ballot prove`
#[derive(Debug, clap::Parser)]
pub struct ProveCmd {
	/// The ballot key's secret.
	#[arg(long, value_name = "FILE")]
	pub secret_file: PathBuf,
	/// The poll.
	#[arg(long)]
	pub poll: u32,
	/// The ring of the poll the key is in (its `KeyRecord::ring`).
	#[arg(long)]
	pub ring: u32,
	/// The option chosen, from 0.
	#[arg(long)]
	pub choice: u8,
	/// 0 for a first ballot, one more for each replacement.
	#[arg(long, default_value_t = 0)]
	pub sequence: u32,
	/// The ring's keys as the poll fixed them (view function `poll_ring_keys`), one
	/// hexadecimal key a line, in the chain's order.
	#[arg(long, value_name = "FILE")]
	pub ring_keys: PathBuf,
}

impl ProveCmd {
	fn run(&self) -> Result<(), String> {
		let secret = crate::commitment::read_key(&self.secret_file)?;
		let text = std::fs::read_to_string(&self.ring_keys)
			.map_err(|e| format!("cannot read {}: {e}", self.ring_keys.display()))?;
		let keys = text
			.lines()
			.filter(|line| !line.trim().is_empty())
			.map(crate::commitment::parse_key)
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| format!("{}: {e}", self.ring_keys.display()))?;
		let started = Instant::now();
		let ballot = gongzhi_ballot_prover::prove(secret, &keys, self.poll, self.choice, self.sequence)
			.map_err(|e| match e {
				ProveError::NotInRing => "this key is not in the ring: check --ring, and that --ring-keys holds the poll's keys (view function poll_ring_keys), not the ring's current ones; a key registered after the poll opened is outside it".to_string(),
				ProveError::BadRing => format!("the keys in {} cannot be used: one is not a ballot key, or there are too many", self.ring_keys.display()),
				ProveError::Proof | ProveError::BadChoice => format!("cannot make the proof: {e:?}"),
			})?;
		let prove_ms = started.elapsed().as_millis();
		let proof = ballot.proof.clone().try_into().map_err(|_| "the proof is too long".to_string())?;
		let call = runtime::RuntimeCall::AnonymousBallot(pallet_anonymous_ballot::Call::cast {
			poll: self.poll,
			ring: self.ring,
			choice: self.choice,
			sequence: self.sequence,
			alias: ballot.alias,
			proof,
		});
		let extrinsic = runtime::configs::transactions::general_transaction(call);
		let out = serde_json::json!({
			"alias": format!("0x{}", crate::commitment::hex(&ballot.alias)),
			"proof": format!("0x{}", crate::commitment::hex(&ballot.proof)),
			"extrinsic": format!("0x{}", crate::commitment::hex(&extrinsic.encode())),
			"ringSize": keys.len(),
			"proveMs": prove_ms,
		});
		println!("{out}");
		Ok(())
	}
}

/// `ballot bench`
#[derive(Debug, clap::Parser)]
pub struct BenchCmd {
	/// How many proofs to make and check per ring size.
	#[arg(long, default_value_t = 3)]
	pub rounds: u32,
	/// How many proofs one batch check takes.
	#[arg(long, default_value_t = 100)]
	pub batch: u32,
}

impl BenchCmd {
	fn run(&self) -> Result<(), String> {
		let rounds = self.rounds.max(1);
		println!("ring-VRF figures (verifiable {}, native, this machine)", "0.3.0");
		for (domain, size) in
			[(RingDomainSize::Domain11, 255u32), (RingDomainSize::Domain12, 767), (RingDomainSize::Domain16, 2047)]
		{
			let secrets: Vec<_> =
				(0..size).map(|i| Ring::new_secret(entropy(i))).collect();
			let keys: Vec<_> = secrets.iter().map(Ring::member_from_secret).collect();
			// The setup is loaded once per process (a wallet keeps it); timed apart.
			let started = Instant::now();
			let _ = Ring::open(domain, &keys[0], keys.iter().cloned()).map_err(|e| format!("{e:?}"))?;
			let setup_and_open = started.elapsed();
			let started = Instant::now();
			let mut building = Ring::start_members(domain);
			let params = verifiable::ring::ring_verifier_builder_params::<
				verifiable::ring::bandersnatch::BandersnatchSha512Ell2,
			>(domain);
			Ring::push_members(&mut building, keys.iter().cloned(), |range| {
				verifiable::ring::ark_vrf::ring::SrsLookup::lookup(&&params, range)
					.map(|p| p.into_iter().map(verifiable::ring::StaticChunk).collect())
					.ok_or(())
			})
			.map_err(|e| format!("{e:?}"))?;
			let root = Ring::finish_members(building);
			let build = started.elapsed();
			let (mut open_total, mut prove_total, mut verify_total) = (0u128, 0u128, 0u128);
			let mut proof_len = 0;
			for round in 0..rounds {
				let i = (round * 97 % size) as usize;
				let started = Instant::now();
				let commitment =
					Ring::open(domain, &keys[i], keys.iter().cloned()).map_err(|e| format!("{e:?}"))?;
				open_total += started.elapsed().as_micros();
				let started = Instant::now();
				let (proof, alias) = Ring::create(commitment, &secrets[i], b"bench", b"message")
					.map_err(|e| format!("{e:?}"))?;
				prove_total += started.elapsed().as_micros();
				proof_len = proof.encoded_size();
				let started = Instant::now();
				if !Ring::is_valid(domain, &proof, &root, b"bench", &alias, b"message") {
					return Err("a proof did not check".into());
				}
				verify_total += started.elapsed().as_micros();
			}
			let ms = |micros: u128| micros as f64 / 1000.0 / rounds as f64;
			println!(
				"ring {size:>5} (2^{}): first open with setup {:.0} ms; root of all keys {:.1} ms ({:.3} ms a key); open {:.1} ms, prove {:.1} ms, check {:.2} ms; proof {proof_len} bytes",
				domain.as_power(),
				setup_and_open.as_secs_f64() * 1000.0,
				build.as_secs_f64() * 1000.0,
				build.as_secs_f64() * 1000.0 / size as f64,
				ms(open_total),
				ms(prove_total),
				ms(verify_total),
			);
			if domain == RingDomainSize::Domain11 {
				let commitment = Ring::open(domain, &keys[0], keys.iter().cloned()).map_err(|e| format!("{e:?}"))?;
				let items: Vec<_> = (0..self.batch)
					.map(|n| {
						let message = n.to_le_bytes().to_vec();
						let (proof, _) = Ring::create(commitment.clone(), &secrets[0], b"bench", &message)
							.expect("a proof");
						BatchProofItem { proof, config: domain, members: root.clone(), context: b"bench".to_vec(), message }
					})
					.collect();
				let started = Instant::now();
				Ring::batch_validate(&items).map_err(|e| format!("{e:?}"))?;
				let batch = started.elapsed();
				println!(
					"batch check of {} proofs (ring 255): {:.1} ms, {:.2} ms a proof",
					self.batch,
					batch.as_secs_f64() * 1000.0,
					batch.as_secs_f64() * 1000.0 / self.batch as f64
				);
			}
		}
		Ok(())
	}
}

use runtime::configs::ballots::benchmark_ballot::entropy;
