// CheckMetadataHash: the runtime carries the real hash of its metadata, so wallets that verify
// metadata (hardware and light wallets) can sign with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { startNode, sendAndWait, rpcHttp } from './lib/node.mjs';

let node, api, alice;

before(async () => {
  await cryptoWaitReady();
  alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  node = await startNode(['--dev'], { name: 'metadata-hash' });
  api = node.api;
});

after(async () => { await node?.stop(); });

test('a transaction signed with the metadata hash (mode 1) is accepted, a wrong hash is not', async () => {
  const metadata = (await api.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
  const props = await rpcHttp(node.httpUrl, 'system_properties');
  const digest = merkleizeMetadata(metadata, {
    decimals: props.tokenDecimals,
    tokenSymbol: props.tokenSymbol,
  }).digest();

  const signed = await sendAndWait(api.tx.system.remark('0x01'), alice, { mode: 1, metadataHash: u8aToHex(digest) });
  assert.ok(signed.ok, signed.error);

  const wrong = new Uint8Array(digest);
  wrong[0] ^= 0xff;
  const bad = await api.tx.system.remark('0x02').signAsync(alice, { mode: 1, metadataHash: u8aToHex(wrong) });
  await assert.rejects(rpcHttp(node.httpUrl, 'author_submitExtrinsic', [bad.toHex()]), /1010.*bad signature/i);
});
