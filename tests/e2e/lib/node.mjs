// Starting and stopping the real gongzhi-node, the way an operator does, for end-to-end tests.
import { execFile, spawn } from 'node:child_process';
import {
  mkdtempSync, rmSync, createWriteStream, existsSync, readFileSync, statSync, openSync, closeSync,
  writeFileSync, renameSync, unlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { compactAddLength, compactFromU8a, u8aConcat, u8aToHex } from '@polkadot/util';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The node binary: $GONGZHI_NODE, or the release build where the README's commands put it
 * ($CARGO_TARGET_DIR, by default ~/.cache/gongzhi-target, as scripts/env.sh sets it). Every script
 * finds the node through this one function.
 */
export function nodeBinary() {
  if (process.env.GONGZHI_NODE) return process.env.GONGZHI_NODE;
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'gongzhi-target');
  const bin = join(target, 'release', 'gongzhi-node');
  if (!existsSync(bin)) {
    throw new Error(`no node binary at ${bin}: build it with scripts/dev.sh (or scripts/test.sh), or set GONGZHI_NODE to its path`);
  }
  return bin;
}

/**
 * The runtime blob the node binary was built with, as a district publishes it for an upgrade:
 * the wasm builder's compressed output next to the binary ($GONGZHI_RUNTIME overrides it).
 */
export function runtimeBlob() {
  const path = process.env.GONGZHI_RUNTIME || join(dirname(nodeBinary()), 'wbuild', 'gongzhi-runtime',
    'gongzhi_runtime.compact.compressed.wasm');
  if (!existsSync(path)) {
    throw new Error(`no runtime blob at ${path}: build it with scripts/dev.sh (or scripts/test.sh), or set GONGZHI_RUNTIME to its path`);
  }
  return new Uint8Array(readFileSync(path));
}

/** A TCP port that nothing listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One JSON-RPC call over HTTP; rejects with the node's error message. */
export async function rpcHttp(url, method, params = []) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${body.error.code}: ${body.error.message}${body.error.data ? ` (${body.error.data})` : ''}`);
  return body.result;
}

/**
 * The development chain as a raw chain spec, written once per node binary and shared by every
 * test process: `gongzhi-node build-spec --chain dev --raw`.
 *
 * Why: a node started from the `dev` preset builds its genesis state by running the runtime, and
 * each of those runs compiles the wasm blob anew (about 3 s of both cores each, twice, before the
 * client compiles it a third time). With four test files starting nodes at once on a 2-core
 * machine that is most of a minute of start-up. A raw spec is the genesis state itself, as a
 * district's published spec is, so the node compiles the blob once. `--dev` keeps all its other
 * meanings (Alice's keys, forced authoring, open RPC CORS); `chain-spec.test.mjs` still starts
 * nodes from presets. GONGZHI_E2E_DEV_PRESET=1 turns this off.
 */
async function devChainSpec() {
  const bin = nodeBinary();
  const { size, mtimeMs } = statSync(bin);
  const path = join(tmpdir(), `gongzhi-dev-raw-${size}-${Math.floor(mtimeMs)}.json`);
  const lock = `${path}.lock`;
  for (let waited = 0; !existsSync(path); waited += 250) {
    let fd;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another test process is writing it; a lock older than two minutes belongs to a dead one.
      const stale = existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120000;
      if (stale) rmSync(lock, { force: true });
      else await sleep(250);
      continue;
    }
    try {
      const raw = await new Promise((res, rej) => execFile(bin, ['build-spec', '--chain', 'dev', '--raw'],
        { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) =>
          (err ? rej(new Error(`build-spec --chain dev --raw failed: ${stderr}`)) : res(stdout))));
      writeFileSync(`${path}.part`, raw);
      renameSync(`${path}.part`, path);
    } finally {
      closeSync(fd);
      unlinkSync(lock);
    }
  }
  return path;
}

/**
 * Starts gongzhi-node with `args` (e.g. ['--dev']) on free loopback ports and a temporary base
 * path, and connects @polkadot/api to it. Network discovery stays on this machine: no mDNS, no
 * telemetry, p2p on 127.0.0.1 only. `--dev` without `--chain` starts from the development chain's
 * raw spec (`devChainSpec`).
 */
export async function startNode(args, { name = 'node', logDir } = {}) {
  if (args.includes('--dev') && !args.includes('--chain') && process.env.GONGZHI_E2E_DEV_PRESET !== '1') {
    args = [...args, '--chain', await devChainSpec()];
  }
  const basePath = mkdtempSync(join(tmpdir(), `gongzhi-${name}-`));
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const fullArgs = [
    ...args,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ];
  const proc = spawn(nodeBinary(), fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(logDir || basePath, `${name}.log`));
  let output = '';
  const keep = (chunk) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise((res) => proc.on('exit', (code, signal) => res({ code, signal })));

  const wsUrl = `ws://127.0.0.1:${rpcPort}`;
  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  let up = false;
  // Up to three minutes: on a 2-core machine running four test files, start-up (which compiles the
  // runtime's wasm) takes far longer than on an idle one.
  for (let i = 0; i < 720 && !up; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode}):\n${output}`);
    await sleep(250);
    up = await rpcHttp(httpUrl, 'system_health').then(() => true, () => false);
  }
  if (!up) {
    proc.kill('SIGKILL');
    throw new Error(`${name}: RPC never came up at ${httpUrl}:\n${output}`);
  }
  const api = await ApiPromise.create({ provider: new WsProvider(wsUrl), noInitWarn: true });

  return {
    api,
    wsUrl,
    httpUrl,
    proc,
    basePath,
    output: () => output,
    /** Stops the node with SIGINT as an operator's Ctrl-C would; returns its exit status. */
    async stop({ keepBasePath = false } = {}) {
      await api.disconnect().catch(() => {});
      if (proc.exitCode === null) proc.kill('SIGINT');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 30000);
      const status = await exited;
      clearTimeout(timer);
      log.end();
      if (!keepBasePath && !logDir) rmSync(basePath, { recursive: true, force: true });
      return status;
    },
  };
}

/** Resolves when `check(header)` holds for a new best (or finalized) head; rejects after `ms`. */
export function waitForHead(api, { finalized = false, ms = 60000, check }) {
  return new Promise((res, rej) => {
    let unsub;
    const timer = setTimeout(() => { unsub?.(); rej(new Error('timed out waiting for a head')); }, ms);
    const sub = finalized ? api.rpc.chain.subscribeFinalizedHeads : api.rpc.chain.subscribeNewHeads;
    sub((header) => {
      if (check(header)) {
        clearTimeout(timer);
        unsub?.();
        res(header);
      }
    }).then((u) => { unsub = u; });
  });
}

/**
 * Signs and sends `tx` and resolves once it is in a block, with its events and whether it
 * succeeded (the dispatch error decoded to `Pallet.Error` when it failed).
 */
export function sendAndWait(tx, signer, options = {}) {
  return new Promise((res, rej) => {
    let unsub;
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        unsub?.();
        let error;
        if (dispatchError) {
          if (dispatchError.isModule) {
            const meta = tx.registry.findMetaError(dispatchError.asModule);
            error = `${meta.section}.${meta.name}`;
          } else {
            error = dispatchError.toString();
          }
        }
        res({ blockHash: status.asInBlock, events, ok: !dispatchError, error });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub?.();
        rej(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, rej);
  });
}

/** The events `section.method` of a result of [`sendAndWait`]. */
export const eventsOf = (result, section, method) =>
  result.events.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event);

/** The first event `section.method` of a result of [`sendAndWait`]; fails the test if none. */
export function eventOf(result, section, method) {
  const [event] = eventsOf(result, section, method);
  if (!event) throw new Error(`no ${section}.${method} event`);
  return event;
}

/** Sends `tx` signed by `signer`; resolves with the result once in a block, rejects if it failed. */
export async function ok(tx, signer, options) {
  const result = await sendAndWait(tx, signer, options);
  if (!result.ok) throw new Error(`${tx.method.section}.${tx.method.method} failed: ${result.error}`);
  return result;
}

/** Polls `check` every second until it resolves truthy; rejects after `ms` with `what`. */
export async function until(check, what, ms = 120000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

/**
 * A council motion on `call`, proposed and closed by the first of `ayes` (members' key pairs),
 * every one of them voting aye (one block for all the votes). Resolves with the close's result;
 * rejects if a step fails or the motion's call did not succeed.
 */
export async function councilMotion(api, call, ayes) {
  const length = call.method.encodedLength;
  const proposed = await ok(api.tx.council.propose(ayes.length, call.method, length), ayes[0]);
  const { proposalIndex, proposalHash } = eventOf(proposed, 'council', 'Proposed').data;
  await Promise.all(ayes.map((member) => ok(api.tx.council.vote(proposalHash, proposalIndex, true), member)));
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(call.method, length)).weight;
  const closed = await ok(api.tx.council.close(proposalHash, proposalIndex, weight, length), ayes[0]);
  const { result } = eventOf(closed, 'council', 'Executed').data;
  if (!result.isOk) throw new Error(`the motion's call failed: ${result}`);
  return closed;
}

/**
 * Calls the view function `pallet.name` with `args` through the runtime API
 * `RuntimeViewFunction_execute_view_function` (as polkadot-api's `api.view` does), encoding the
 * arguments and decoding the answer with the types the metadata (v16) gives; resolves with the
 * answer as JSON.
 */
export async function viewFunction(api, pallet, name, args = []) {
  const { registry } = api;
  const metadata = api.runtimeMetadata.asLatest;
  const fn = metadata.pallets.find((p) => p.name.toString() === pallet)
    ?.viewFunctions.find((f) => f.name.toString() === name);
  if (!fn) throw new Error(`no view function ${pallet}.${name}`);
  const typeOf = (id) => registry.createLookupType(id);
  const input = u8aConcat(...fn.inputs.map((input, i) => registry.createTypeUnsafe(typeOf(input.type), [args[i]]).toU8a()));
  const answer = await api.rpc.state.call('RuntimeViewFunction_execute_view_function', u8aToHex(u8aConcat(fn.id, compactAddLength(input))));
  const bytes = answer.toU8a(true);
  // Result<Vec<u8>, ViewFunctionDispatchError>: 0 then the output's bytes, length first.
  if (bytes[0] !== 0) throw new Error(`view function ${pallet}.${name} failed: ${u8aToHex(bytes)}`);
  const [offset, length] = compactFromU8a(bytes.subarray(1));
  const output = bytes.subarray(1 + offset, 1 + offset + length.toNumber());
  return registry.createTypeUnsafe(typeOf(fn.output), [output]).toJSON();
}
