#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (pallets, runtime, node CLI), the end-to-end
# suite (@polkadot/api against the real node), then the district network test (five validator
# processes and an RPC node: failures, restarts, validators added and removed by the council). One cargo invocation builds both the
# tests and the node binary the end-to-end suite runs, so polkadot-sdk is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh

cargo test --release --locked --workspace

# Each pallet's benchmarks run once as tests, against its mock runtime.
pallets=()
for dir in pallets/*/; do pallets+=(-p "pallet-$(basename "$dir")"); done
SKIP_WASM_BUILD=1 cargo test --release --locked "${pallets[@]}" --features runtime-benchmarks

(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && npm test)

node scripts/network-test.mjs
