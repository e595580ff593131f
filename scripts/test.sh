#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (pallets, runtime, node CLI), then the
# end-to-end suite (@polkadot/api against the real node). One cargo invocation builds both the
# tests and the node binary the end-to-end suite runs, so polkadot-sdk is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh

cargo test --release --locked --workspace

cd tests/e2e
npm ci --no-audit --no-fund --loglevel=error
npm test
