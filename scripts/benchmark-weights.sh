#!/usr/bin/env bash
# Regenerates the weights.rs of every pallet in pallets/ from the node's `benchmark pallet`
# command, and the runtime's base weights (an empty block, a no-op extrinsic) in
# runtime/src/weights/ from `benchmark overhead`. Builds the release node with `wasm-benchmarks`:
# the test build's features plus the benchmarks in the runtime's wasm blob, which the `benchmark`
# commands execute. Only the runtime crate, its blob and the node are rebuilt for it (and again
# by the next test run): about 9 minutes each way on the reference machine.
#
#   scripts/benchmark-weights.sh [pallet ...]     (default: every pallet under pallets/, then the
#                                                 base weights; `overhead` names those alone)
#   STEPS=50 REPEAT=20 scripts/benchmark-weights.sh   (the defaults; fewer for a quick look)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

gongzhi_cargo build --locked --release --workspace --features "$GONGZHI_FEATURES,wasm-benchmarks"
node_bin="$CARGO_TARGET_DIR/release/gongzhi-node"

if (($#)); then
	pallets=("$@")
else
	pallets=()
	for dir in pallets/*/; do pallets+=("$(basename "$dir")"); done
fi

runtime_wasm="$CARGO_TARGET_DIR/release/wbuild/gongzhi-runtime/gongzhi_runtime.compact.compressed.wasm"
all=$((!$#))
for name in "${pallets[@]}"; do
	[[ $name == overhead ]] && all=1 && continue
	pallet="pallet_${name//-/_}"
	echo "benchmarking $pallet"
	"$node_bin" benchmark pallet \
		--runtime "$runtime_wasm" \
		--genesis-builder=runtime --genesis-builder-preset=development \
		--pallet "$pallet" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
		--template scripts/weights-template.hbs \
		--output "pallets/$name/src/weights.rs"
done

# Base weights: the time to execute an empty block and a `System::remark`, which every block and
# every extrinsic is charged on top of its own weight.
if ((all)); then
	echo "benchmarking block and extrinsic overhead"
	"$node_bin" benchmark overhead \
		--runtime "$runtime_wasm" \
		--genesis-builder=runtime --genesis-builder-preset=development \
		--header scripts/overhead-header.txt \
		--weight-path runtime/src/weights
fi
