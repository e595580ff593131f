//! The base weights the runtime's block limits are built from, measured on this project's
//! machine rather than taken from upstream's reference hardware: what executing an empty block
//! costs (charged once a block) and what a no-op extrinsic costs (charged on top of every
//! extrinsic's own weight). Each pallet's call weights live in that pallet's `weights.rs`.
//!
//! Both files are written by `scripts/benchmark-weights.sh overhead`.

mod block_weights;
mod extrinsic_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
