#!/usr/bin/env bash
# Regenerates the portal's typed chain client (portal/.papi: the runtime's metadata, from which
# `papi` generates @polkadot-api/descriptors at `npm ci`) from the runtime blob the node was built
# with. Run it after any runtime change, with the chain spec (scripts/build-chain-spec.sh); the
# portal's browser test fails while they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
blob="${GONGZHI_RUNTIME:-$CARGO_TARGET_DIR/release/wbuild/gongzhi-runtime/gongzhi_runtime.compact.compressed.wasm}"
if [ ! -f "$blob" ]; then
	echo "portal-descriptors: no runtime blob at $blob: build the node first (scripts/dev.sh or scripts/test.sh)" >&2
	exit 1
fi
cd portal
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
npx papi add gongzhi --wasm "$blob"
echo "portal-descriptors: portal/.papi/metadata/gongzhi.scale updated from $blob"
