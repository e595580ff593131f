#!/usr/bin/env bash
# Measures what one database read and one write cost on this machine (ParityDB, the node's
# database) in a state the size of a district's first year, and writes them to
# runtime/src/weights/paritydb_weights.rs, which the runtime's `DbWeight` uses: every pallet's
# weight prices its reads and writes with them.
#
#   scripts/benchmark-storage.sh [RESIDENTS]   (default 20,000 residents, each with an account)
#
# The state is the development chain's genesis plus RESIDENTS funded, registered accounts (their
# account, resident record, commitment and civic vote: the records most calls touch). Writes are
# measured one at a time, each with its commit (ParityDB refuses the batched mode's empty
# values), which prices a write above what a block's batched commit costs: an upper bound. The
# averages are multiplied by 1.2, a margin for a district's larger state. Needs the
# node built by scripts/test.sh or scripts/dev.sh, and tests/e2e/node_modules (npm ci). About
# five minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
residents="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$GONGZHI_NODE" build-spec --chain dev 2>/dev/null >"$work/dev.json"
node --input-type=module - "$work/dev.json" "$residents" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeAddress, blake2AsHex } from './tests/e2e/node_modules/@polkadot/util-crypto/index.js';
const [path, count] = [process.argv[2], Number(process.argv[3])];
const spec = JSON.parse(readFileSync(path, 'utf8'));
const patch = spec.genesis.runtimeGenesis.patch;
for (let i = 0; i < count; i++) {
  const address = encodeAddress(blake2AsHex(`storage benchmark resident ${i}`), 42);
  patch.balances.balances.push([address, 10 ** 12]);
  patch.partyBranch.residents.push([address, 3, blake2AsHex(`storage benchmark commitment ${i}`)]);
}
writeFileSync(path, JSON.stringify(spec));
JS

"$GONGZHI_NODE" benchmark storage \
	--chain "$work/dev.json" --base-path "$work/db" --database paritydb \
	--state-version 1 --warmups 1 --batch-size 1 --mul 1.2 --header scripts/storage-header.txt ${STORAGE_FLAGS:-} \
	--weight-path runtime/src/weights/
echo "wrote runtime/src/weights/paritydb_weights.rs"
