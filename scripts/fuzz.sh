#!/usr/bin/env bash
# A longer run of the runtime's property test (runtime/tests/properties.rs): random sequences of
# calls from residents, officers and strangers, with bad input, across real blocks; after every
# step the weights, every pallet's try_state, one civic vote per resident, the referendum tally
# and the token's issuance are checked. CI runs 256 sequences; this runs more:
#
#   scripts/fuzz.sh [sequences]      # default 5,000
#
# It reuses the test build (`scripts/test.sh` or `scripts/dev.sh` artefacts): no extra compile.
# Prints {"fuzz":{"sequences","calls","blocks","seconds"}}; a failure prints the shortest
# sequence that breaks a promise. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PROPTEST_CASES="${1:-5000}" gongzhi_cargo test --release --locked --workspace --features "$GONGZHI_FEATURES" \
	--test properties -- random_calls_never_break_a_promise --nocapture
