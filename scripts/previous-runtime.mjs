#!/usr/bin/env node
// Makes the upgrade test's starting chain: a development chain whose genesis runs the runtime of
// an earlier release, so that tests/e2e/upgrade.test.mjs upgrades it to the runtime built now, as
// a district's live chain will be upgraded (its real migrations, its real governance).
//
//   node scripts/previous-runtime.mjs <commit> [--drop <pallet.field>]...
//
// <commit> is a release's commit: its chain-specs/district.json holds that release's runtime code.
// The genesis is the development preset of the node built now, with the code replaced; `--drop`
// removes preset fields the earlier runtime did not know yet (its genesis build refuses unknown
// fields and names them). The earlier runtime itself builds the genesis state, so the chain
// starts with its storage layout. Writes tests/e2e/fixtures/previous-runtime.json (raw).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBinary, REPO } from '../tests/e2e/lib/node.mjs';

const args = process.argv.slice(2);
const commit = args.shift();
if (!commit || commit.startsWith('-')) {
  console.error('usage: node scripts/previous-runtime.mjs <commit> [--drop <pallet.field>]...');
  process.exit(2);
}
const drops = [];
while (args.length) {
  const flag = args.shift();
  const value = args.shift();
  if (flag !== '--drop' || !value || !value.includes('.')) {
    console.error(`previous-runtime: expected --drop <pallet.field>, got ${flag} ${value ?? ''}`);
    process.exit(2);
  }
  drops.push(value.split('.'));
}

const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: REPO, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
let released;
try {
  released = JSON.parse(run('git', ['show', `${commit}:chain-specs/district.json`]));
} catch (e) {
  console.error(`previous-runtime: no chain-specs/district.json at ${commit}: ${e.stderr || e.message}`);
  process.exit(1);
}
const code = released.genesis?.raw?.top?.['0x3a636f6465'];
if (!code) {
  console.error(`previous-runtime: the chain spec at ${commit} holds no runtime code`);
  process.exit(1);
}

const node = nodeBinary();
const spec = JSON.parse(run(node, ['export-chain-spec', '--chain', 'dev']));
const genesis = spec.genesis.runtimeGenesis;
genesis.code = code;
for (const [pallet, field] of drops) {
  if (!(field in (genesis.patch[pallet] ?? {}))) {
    console.error(`previous-runtime: the development preset has no ${pallet}.${field}`);
    process.exit(1);
  }
  delete genesis.patch[pallet][field];
}
spec.name = `${spec.name} (runtime of ${commit})`;

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-previous-'));
try {
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, JSON.stringify(spec));
  const out = join(REPO, 'tests', 'e2e', 'fixtures', 'previous-runtime.json');
  try {
    run(node, ['export-chain-spec', '--chain', plain, '--raw', '--output', out]);
  } catch (e) {
    console.error(`previous-runtime: the earlier runtime refused the genesis (drop the fields it names):\n${String(e.stderr).split(' for blob:')[0]}`);
    process.exit(1);
  }
  const bytes = readFileSync(out).length;
  console.log(`wrote ${out} (${bytes} bytes; runtime code of ${commit}, ${code.length / 2 - 1} bytes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
