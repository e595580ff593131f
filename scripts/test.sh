#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (pallets with their benchmarks, runtime, node
# CLI), the end-to-end suite (@polkadot/api against the real node, and the residents' portal in
# headless Chromium against it, with an accessibility scan), and the district network test
# (five validator processes and an RPC node: failures, restarts, validators added and removed by
# the council).
#
# The cold time is the build: one cargo invocation, with ONE feature set for the whole workspace
# (`runtime-benchmarks`, so that the pallets' benchmarks run as tests), builds the tests and the
# node binary the end-to-end suite runs, so polkadot-sdk is compiled once for the host (the
# runtime's wasm blob stays free of benchmarks: runtime/build.rs). `scripts/dev.sh` builds the same
# artefacts. Once built, the network test (which mostly waits for blocks) runs alongside the Rust
# tests and the end-to-end files, which each start their own node on free ports.
#
# Figures: docs/performance.md ("Test run").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh

started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

# npm packages come from the registry while cargo builds.
(
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	cd ../../portal && npm ci --no-audit --no-fund --loglevel=error
) >/tmp/gongzhi-npm-ci.log 2>&1 &
npm_pid=$!

gongzhi_cargo test --release --locked --workspace --features "$GONGZHI_FEATURES" --no-run
echo "test: build done after $(elapsed)"
# The portal's ballot prover (wasm), then the portal, which serves it.
scripts/ballot-prover-wasm.sh
echo "test: ballot prover for browsers built after $(elapsed)"
if ! wait "$npm_pid"; then
	cat /tmp/gongzhi-npm-ci.log >&2
	echo "test: npm ci failed" >&2
	exit 1
fi
if ! (cd portal && npm run build) >>/tmp/gongzhi-npm-ci.log 2>&1; then
	cat /tmp/gongzhi-npm-ci.log >&2
	echo "test: the portal's build failed" >&2
	exit 1
fi
echo "test: portal built after $(elapsed)"

network_log=$(mktemp /tmp/gongzhi-network-test.XXXXXX.log)
node scripts/network-test.mjs >"$network_log" 2>&1 &
network_pid=$!
# Whatever fails below, the network's processes do not outlive this script.
trap 'kill "$network_pid" 2>/dev/null || true; bash scripts/district-network.sh stop /tmp/gongzhi-network-test >/dev/null 2>&1 || true' EXIT

status=0
gongzhi_cargo test --release --locked --workspace --features "$GONGZHI_FEATURES" --no-fail-fast || status=1
echo "test: Rust tests done after $(elapsed)"
(cd tests/e2e && npm test) || status=1
echo "test: end-to-end suite done after $(elapsed)"

network_status=0
wait "$network_pid" || network_status=$?
trap - EXIT
echo "--- district network test (log: $network_log)"
cat "$network_log"
if ((network_status != 0)); then
	echo "test: the district network test failed ($network_status)" >&2
	status=1
fi
echo "test: all done after $(elapsed)"
exit "$status"
