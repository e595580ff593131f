#!/usr/bin/env bash
# Builds the node and the residents' portal, and runs a development chain: Alice validates, RPC on
# ws://127.0.0.1:9944, the portal on http://127.0.0.1:3000 (it finds the node on the page's host,
# port 9944; `?rpc=ws://host:port` points it elsewhere). Extra arguments go to the node (e.g.
# --rpc-port 9955). The chain is deleted when it stops. PORTAL_PORT changes the portal's port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# The same crates, features and profile as scripts/test.sh builds: after a test run this is a
# no-op, and the other way round.
gongzhi_cargo build --release --locked --workspace --features "$GONGZHI_FEATURES"
(cd portal && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build >/dev/null)

portal_port="${PORTAL_PORT:-3000}"
node scripts/serve-portal.mjs "$portal_port" &
portal_pid=$!
trap 'kill "$portal_pid" 2>/dev/null || true' EXIT
echo "dev: node RPC ws://127.0.0.1:9944 · residents' portal http://127.0.0.1:$portal_port"
"$GONGZHI_NODE" --dev --tmp --rpc-cors all --no-mdns "$@"
