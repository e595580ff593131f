//! The base weights the runtime's block limits are built from, measured on this project's
//! machine rather than taken from upstream's reference hardware: what executing an empty block
//! costs (charged once a block) and what a no-op extrinsic costs (charged on top of every
//! extrinsic's own weight). Each pallet's call weights live in that pallet's `weights.rs`.
//!
//! Both files are written by `scripts/benchmark-weights.sh overhead`. What one database read and
//! write cost (`paritydb_weights.rs`, the runtime's `DbWeight`, which prices every pallet's reads
//! and writes) is written by `scripts/benchmark-storage.sh`.

mod block_weights;
mod extrinsic_weights;
// The generated file documents each constant where rustc ignores doc comments.
#[allow(unused_doc_comments)]
mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
