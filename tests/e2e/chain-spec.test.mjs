// The committed district chain spec is the district preset's, so a stale file is caught: the same
// genesis block (its hash covers the whole genesis state, the runtime's code included). And code
// that changed since the committed spec must come with a higher spec_version. Both rest on the
// reproducible runtime build (runtime/build.rs, scripts/env.sh): any clone builds the same blob.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startNode, rpcHttp, REPO } from './lib/node.mjs';

/** What a chain's genesis says about who runs and governs it, read through RPC. */
async function genesisFacts({ api, httpUrl }) {
  const genesis = await api.rpc.chain.getBlockHash(0);
  const at = await api.at(genesis);
  const code = await rpcHttp(httpUrl, 'state_getStorage', ['0x3a636f6465', genesis.toHex()]);
  return {
    genesis: genesis.toHex(),
    codeHash: blake2AsHex(code),
    specVersion: (await api.rpc.state.getRuntimeVersion(genesis)).specVersion.toNumber(),
    aura: (await at.query.aura.authorities()).map(String),
    grandpa: (await api.call.grandpaApi.grandpaAuthorities()).map(([id, weight]) => `${id}:${weight}`),
    council: (await at.query.council.members()).map(String),
    properties: await rpcHttp(httpUrl, 'system_properties'),
    chain: (await api.rpc.system.chain()).toString(),
    chainType: (await api.rpc.system.chainType()).toString(),
  };
}

async function factsOf(chain, name) {
  const node = await startNode(['--chain', chain], { name });
  try {
    return await genesisFacts(node);
  } finally {
    await node.stop();
  }
}

test('chain-specs/district.json matches the district preset', async () => {
  const committed = await factsOf(join(REPO, 'chain-specs', 'district.json'), 'district-file');
  const preset = await factsOf('district', 'district-preset');
  assert.equal(committed.aura.length, 4, 'four street validators');
  assert.equal(committed.council.length, 4, 'a four-member council');
  // The committed spec carries the last released runtime: new code needs a new spec_version
  // (wallets and nodes tell runtimes apart by it).
  if (committed.codeHash !== preset.codeHash) {
    assert.ok(preset.specVersion > committed.specVersion,
      `the runtime changed but spec_version is still ${preset.specVersion}: bump it in runtime/src/lib.rs ` +
      '(if the code did not change, the node was not built through scripts/env.sh: its blob is not the reproducible one)');
  }
  assert.deepEqual(committed, preset,
    'chain-specs/district.json is stale: regenerate it with scripts/build-chain-spec.sh');
});
