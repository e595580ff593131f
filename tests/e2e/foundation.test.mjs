// The chain foundation, end to end: a real `gongzhi-node --dev` used through @polkadot/api.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, compactFromU8a } from '@polkadot/util';
import { startNode, waitForHead, sendAndWait, rpcHttp, councilMotion } from './lib/node.mjs';

const UNITS = 10n ** 12n;
let node, api, keyring, alice, bob, charlie, eve, ferdie;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Eve', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
  node = await startNode(['--dev'], { name: 'dev' });
  api = node.api;
});

after(async () => {
  if (node) {
    const { code, signal } = await node.stop();
    // A clean Ctrl-C shutdown exits 0 by itself, without being killed.
    assert.equal(signal, null, `node was killed by ${signal}`);
    assert.equal(code, 0, `node exited with ${code}`);
  }
});

test('chain properties and runtime identify Gongzhi to wallets', async () => {
  const props = await api.rpc.system.properties();
  assert.equal(props.ss58Format.unwrap().toNumber(), 42);
  assert.deepEqual(props.tokenSymbol.unwrap().map(String), ['GZT']);
  assert.deepEqual(props.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
  assert.equal(api.runtimeVersion.specName.toString(), 'gongzhi');
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
  assert.equal(api.tx.sudo, undefined, 'no sudo pallet');
  const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
  assert.ok(versions.includes(15) && versions.includes(16), `metadata versions ${versions}`);
});

test('blocks are produced and finalised', async () => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, { check: (h) => h.number.toNumber() >= start + 2 });
  const finalized = await waitForHead(api, { finalized: true, check: (h) => h.number.toNumber() >= 1 });
  assert.ok(finalized.number.toNumber() >= 1);
});

test('a signed transfer moves the balance and emits Transfer', async () => {
  const dest = keyring.addFromMnemonic(mnemonicGenerate());
  const amount = 5n * UNITS;
  const before = (await api.query.system.account(alice.address)).data.free.toBigInt();

  const { ok, events, blockHash } = await sendAndWait(api.tx.balances.transferKeepAlive(dest.address, amount), alice);
  assert.ok(ok);

  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'Balances.Transfer emitted');
  assert.equal(transfer.event.data.from.toString(), alice.address);
  assert.equal(transfer.event.data.to.toString(), dest.address);
  assert.equal(transfer.event.data.amount.toBigInt(), amount);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

  const at = await api.at(blockHash);
  assert.equal((await at.query.system.account(dest.address)).data.free.toBigInt(), amount);
  const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event)).event.data.actualFee.toBigInt();
  assert.equal((await at.query.system.account(alice.address)).data.free.toBigInt(), before - amount - fee);
});

test('the pool refuses a bad signature, a stale nonce and an account that cannot pay', async () => {
  const submit = (hex) => rpcHttp(node.httpUrl, 'author_submitExtrinsic', [hex]);

  // Bad signature: a correctly signed transfer with one byte of its signature changed.
  const signed = await api.tx.balances.transferKeepAlive(bob.address, UNITS).signAsync(alice);
  const bytes = signed.toU8a();
  const [prefix] = compactFromU8a(bytes);
  // length prefix | version | address (0x00 + 32 bytes) | signature type | signature
  bytes[prefix + 1 + 33 + 1 + 10] ^= 0xff;
  await assert.rejects(submit(u8aToHex(bytes)), /1010.*bad signature/i);

  // Stale nonce: nonce 0 of Alice was used by the transfer above.
  const stale = await api.tx.system.remark('0x00').signAsync(alice, { nonce: 0 });
  await assert.rejects(submit(stale.toHex()), /1010.*outdated/i);

  // No funds: a fresh account cannot pay the fee.
  const pauper = keyring.addFromMnemonic(mnemonicGenerate());
  const broke = await api.tx.system.remark('0x00').signAsync(pauper);
  await assert.rejects(submit(broke.toHex()), /1010.*(pay|fund|balance)/i);

  // And the chain goes on.
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, { check: (h) => h.number.toNumber() > now });
});

test('a Root-only call from a plain account fails with BadOrigin and changes nothing', async () => {
  const before = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
  const { ok, error } = await sendAndWait(api.tx.balances.forceSetBalance(ferdie.address, 7n * UNITS), eve);
  assert.equal(ok, false);
  assert.equal(error, 'BadOrigin');
  assert.equal((await api.query.system.account(ferdie.address)).data.free.toBigInt(), before);
});

test('a council motion passed by three of four members executes a Root call', async () => {
  const target = 123n * UNITS;
  const call = api.tx.councilRoot.dispatchAsRoot(api.tx.balances.forceSetBalance(ferdie.address, target));
  // Proposed, voted by three, closed; the helper fails the test if a step or the call fails.
  const closed = await councilMotion(api, call, [alice, bob, charlie]);
  assert.ok(closed.events.some(({ event }) => api.events.council.Executed.is(event)), 'Council.Executed emitted');
  assert.ok(closed.events.some(({ event }) => api.events.councilRoot.DispatchedAsRoot.is(event) && event.data.result.isOk));
  const at = await api.at(closed.blockHash);
  assert.equal((await at.query.system.account(ferdie.address)).data.free.toBigInt(), target);
});
