#!/usr/bin/env bash
# Builds the node and runs a development chain: Alice validates, RPC on ws://127.0.0.1:9944.
# Extra arguments go to the node (e.g. --rpc-port 9955). The chain is deleted when it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# The same crates, features and profile as scripts/test.sh builds: after a test run this is a
# no-op, and the other way round.
gongzhi_cargo build --release --locked --workspace --features "$GONGZHI_FEATURES"
exec "$GONGZHI_NODE" --dev --tmp --rpc-cors all --no-mdns "$@"
