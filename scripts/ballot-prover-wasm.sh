#!/usr/bin/env bash
# Builds the anonymous-ballot prover for browsers: the crate pallets/anonymous-ballot/prover (the
# chain's own rules of what a ballot proves) for wasm32-unknown-unknown with its `browser`
# interface, into portal/public/ballot-prover.wasm, which the portal's build copies next to its
# page and its Web Worker loads when a resident registers a ballot key or votes anonymously.
#
# Its own cargo profile (`browser`: the release profile with panic=abort, which the browser target
# needs) keeps its artefacts apart from the workspace build's. Cold: the arkworks crates for the
# wasm target, about 2 minutes on 2 cores (docs/performance.md); warm: seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
gongzhi_cargo rustc --profile browser --locked -p gongzhi-ballot-prover --lib \
	--target wasm32-unknown-unknown --no-default-features --features browser --crate-type cdylib
mkdir -p portal/public
cp "$CARGO_TARGET_DIR/wasm32-unknown-unknown/browser/gongzhi_ballot_prover.wasm" portal/public/ballot-prover.wasm
echo "ballot-prover-wasm: portal/public/ballot-prover.wasm ($(stat -c %s portal/public/ballot-prover.wasm) bytes)"
