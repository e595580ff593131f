//! Command-line arguments.

use sc_cli::RunCmd;

/// `gongzhi-node [SUBCOMMAND] [OPTIONS]`: without a subcommand, runs a node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, insert session keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain spec (of `--chain`'s preset or file) as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a chain spec (the older form of `export-chain-spec`, kept for existing scripts).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state at a block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to an earlier block.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: pallet weights (needs `--features runtime-benchmarks`), blocks, storage,
	/// overhead, extrinsics, machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// The on-chain commitment of a resident's ID number under the verification desk's key
	/// (or `--generate-key` to make the key).
	ResidentCommitment(crate::commitment::ResidentCommitmentCmd),

	/// The on-chain commitment of a property certificate's number under the housing desk's key
	/// (or `--generate-key` to make the key).
	PropertyCommitment(crate::commitment::PropertyCommitmentCmd),

	/// Anonymous ballots: a resident's ballot key, a ballot made from it, and the ring-VRF's
	/// figures on this machine.
	#[command(subcommand)]
	Ballot(crate::ballot::BallotCmd),
}
