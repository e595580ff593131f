// The committed district chain spec is the district preset's, so a stale file is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startNode, rpcHttp, REPO } from './lib/node.mjs';

/** What a chain's genesis says about who runs and governs it, read through RPC. */
async function genesisFacts({ api, httpUrl }) {
  const genesis = await api.rpc.chain.getBlockHash(0);
  const at = await api.at(genesis);
  return {
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
  assert.deepEqual(committed, preset,
    'chain-specs/district.json is stale: regenerate it with scripts/build-chain-spec.sh');
});
