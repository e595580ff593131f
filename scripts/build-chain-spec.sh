#!/usr/bin/env bash
# Regenerates chain-specs/district.json (raw, as validators distribute it) from the node's
# `district` preset. Run it after changing that preset; the end-to-end suite fails while the
# committed file and the preset disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
gongzhi_cargo build --release --locked --workspace --features "$GONGZHI_FEATURES"
"$GONGZHI_NODE" export-chain-spec --chain district --raw --output chain-specs/district.json
echo "wrote chain-specs/district.json"
