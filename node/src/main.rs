//! `gongzhi-node`: the Gongzhi Chain node. See the README for how to run it.

mod ballot;
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod commitment;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
