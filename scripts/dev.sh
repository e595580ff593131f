#!/usr/bin/env bash
# Builds the node and the residents' portal, and runs a development chain: Alice validates, RPC on
# ws://127.0.0.1:9944, the portal on http://127.0.0.1:3000 (it finds the node on the page's host,
# port 9944; `?rpc=ws://host:port` points it elsewhere, `?light` starts the in-browser light
# client, which joins through the node's p2p WebSocket address 30433). Extra arguments go to the
# node (e.g. --rpc-port 9955). The chain is deleted when it stops. PORTAL_PORT changes the
# portal's port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# The same crates, features and profile as scripts/test.sh builds: after a test run this is a
# no-op, and the other way round.
gongzhi_cargo build --release --locked --workspace --features "$GONGZHI_FEATURES"
scripts/ballot-prover-wasm.sh >/dev/null
(cd portal && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build >/dev/null)

# The development chain's spec, with the node's WebSocket address as boot node, for the light
# client. The node key is the published development key 0x…07: never use it on a real chain.
node_key=0000000000000000000000000000000000000000000000000000000000000007
peer_id=$(printf %s "$node_key" | "$GONGZHI_NODE" key inspect-node-key 2>/dev/null)
spec=$(mktemp /tmp/gongzhi-dev-spec.XXXXXX.json)
"$GONGZHI_NODE" build-spec --dev --raw 2>/dev/null |
	node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);j.bootNodes=['/ip4/127.0.0.1/tcp/30433/ws/p2p/$peer_id'];process.stdout.write(JSON.stringify(j))})" >"$spec"

portal_port="${PORTAL_PORT:-3000}"
node scripts/serve-portal.mjs "$portal_port" portal/dist "$spec" &
portal_pid=$!
trap 'kill "$portal_pid" 2>/dev/null || true; rm -f "$spec"' EXIT
echo "dev: node RPC ws://127.0.0.1:9944 · residents' portal http://127.0.0.1:$portal_port (light client: http://127.0.0.1:$portal_port/?light)"
"$GONGZHI_NODE" --dev --tmp --rpc-cors all --no-mdns --node-key "$node_key" \
	--listen-addr /ip4/127.0.0.1/tcp/30333 --listen-addr /ip4/127.0.0.1/tcp/30433/ws "$@"
