#!/usr/bin/env bash
# Rehearses the next runtime upgrade on a chain's state (docs/deployment.md, "Upgrading the
# runtime", step 2): every migration with its pre- and post-upgrade checks, then every pallet's
# try_state, and the upgrade's weight against a block (runtime/tests/try_runtime.rs).
#
#   scripts/try-runtime.sh                      # a development chain on the previous release's runtime
#   scripts/try-runtime.sh ws://rpc.example:9944 # a live chain, through its RPC node
#
# Cost: the runtime and FRAME (74 crates) built natively once more with the `try-runtime`
# feature, no wasm: 1 min 24 s on the reference machine after a workspace build had compiled
# everything else (docs/performance.md). Not part of scripts/test.sh (a second feature set in
# CI's cold build); run it at every change of a migration or a stored type, and before every
# upgrade of a live chain.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

uri=${1:-}
snapshot=$(mktemp /tmp/gongzhi-snapshot.XXXXXX.json)
node_pid=
cleanup() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
	rm -f "$snapshot"
}
trap cleanup EXIT

if [ -z "$uri" ]; then
	[ -x "$GONGZHI_NODE" ] || { echo "try-runtime: no node binary at $GONGZHI_NODE: build it with scripts/dev.sh" >&2; exit 1; }
	port=9966
	base=$(mktemp -d /tmp/gongzhi-try-runtime.XXXXXX)
	"$GONGZHI_NODE" --chain tests/e2e/fixtures/previous-runtime.json --alice --validator --force-authoring \
		--unsafe-force-node-key-generation --base-path "$base" --rpc-port "$port" --port 30966 \
		--no-prometheus --no-telemetry --no-mdns >"$base/node.log" 2>&1 &
	node_pid=$!
	uri="http://127.0.0.1:$port"
	# A few finalised blocks, so that the hooks have run on the previous runtime.
	for _ in $(seq 60); do
		finalised=$(curl -s -H 'content-type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}' "$uri" 2>/dev/null |
			sed -n 's/.*"number":"0x\([0-9a-f]*\)".*/\1/p' || true)
		[ -n "$finalised" ] && [ $((16#$finalised)) -ge 4 ] && break
		sleep 1
	done
fi

node scripts/snapshot-state.mjs "$uri" "$snapshot"
[ -n "$node_pid" ] && { kill "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=; }

GONGZHI_SNAPSHOT="$snapshot" SKIP_WASM_BUILD=1 gongzhi_cargo test --release --locked -p gongzhi-runtime \
	--features try-runtime --test try_runtime -- --nocapture
