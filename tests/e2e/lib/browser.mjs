// The residents' portal in a real browser: Debian's Chromium (installed by scripts/setup.sh; no
// browser is downloaded at test time) driven headless by playwright-core, serving the built
// portal (portal/dist) the way a district's web server does (scripts/serve-portal.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';
import { servePortal, PORTAL_DIST } from '../../../scripts/serve-portal.mjs';
import { councilMotion, freePort, nodeBinary, ok, REPO, startNode } from './node.mjs';

export const UNITS = 10n ** 12n;
export const PLUM_GARDEN = 3;

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
export const CHROMIUM = process.env.GONGZHI_CHROMIUM || '/usr/bin/chromium';

/**
 * Starts Chromium and the portal's web server (with `files` served beside it, e.g. the chain spec
 * the light client starts from); `open(account)` gives a page signed in as it.
 */
export async function startPortal(wsUrl, { files = {} } = {}) {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) {
    throw new Error(`no built portal in ${PORTAL_DIST}: run (cd portal && npm ci && npm run build), as scripts/test.sh does`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: scripts/setup.sh installs Debian's chromium`);
  const port = await freePort();
  const server = await servePortal({ port, dir: PORTAL_DIST, files });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: Chromium must not try to reach Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const url = `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(wsUrl)}`;
  return {
    url,
    browser,
    /** A phone-sized page of its own (own storage, own chain connection), as `account` if given. */
    async open(account, { path = '', endpoint, light = false } = {}) {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      const target = light ? `http://127.0.0.1:${port}/?light`
        : endpoint ? `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(endpoint)}` : url;
      await page.goto(`${target}#/${path}`);
      if (account) await signIn(page, account);
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      await new Promise((r) => server.close(r));
    },
  };
}

/** Chooses `name` (a development account's label, e.g. "Ferdie") in the account picker. */
export async function signIn(page, name) {
  await page.waitForSelector(`#account option:text-is("${name}")`, { state: 'attached', timeout: 30000 });
  const value = await page.$eval('#account', (s, n) => [...s.options].find((o) => o.textContent === n).value, name);
  await page.selectOption('#account', value);
}

/** Goes to a page of the portal (home, topics, money, volunteer, help, officer). */
export async function go(page, name) {
  await page.click(`nav a[href="#/${name}"]`);
  await page.waitForSelector(`nav a[href="#/${name}"][aria-current="page"]`);
}

/**
 * Waits until the action whose progress is shown inside `scope` reaches `stage` ("in-block" or
 * "final"); fails with the portal's message if it was refused.
 */
export async function settled(scope, stage = 'final', timeout = 60000) {
  const progress = scope.locator(`[data-testid=tx-progress][data-stage="${stage}"], [data-testid=tx-failed]`);
  await progress.first().waitFor({ timeout });
  const failed = scope.locator('[data-testid=tx-failed]');
  if (await failed.count()) throw new Error(`refused: ${await failed.first().textContent()}`);
}

/** The refusal shown inside `scope`: its text and the chain's error code. */
export async function refusal(scope, timeout = 60000) {
  const failed = scope.locator('[data-testid=tx-failed]').first();
  await failed.waitFor({ timeout });
  return { text: await failed.textContent(), code: await failed.getAttribute('data-code') };
}

/** axe-core's findings on the page as it is now, the serious and critical ones. */
export async function accessibilityProblems(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const { violations } = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

/**
 * A development chain set up for the portal's journeys, its portal and a browser. Setup (not what
 * the portal is for): a council motion lengthens the voting, reveal and notice periods so that a
 * browser has time to act within them on a loaded CI machine; Plum Garden's secretary sets its
 * rules (two supports, a meeting per topic); East Street configures Plum Garden's pot (Dave and
 * Eve supervise, both approve); Ferdie gives Eve a civic proxy. The node also listens on a p2p
 * WebSocket address, listed in the chain spec served beside the portal for the light client.
 *
 * Returns the node, its @polkadot/api, the development key pairs `k` by name, `open(account,
 * path)` for a page of the portal, `shoot(page, name)` (a screenshot into
 * $GONGZHI_PORTAL_SCREENSHOTS, e.g. docs/portal), `figures` to print, and `stop()`.
 */
export async function portalChain(name) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const k = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Charlie//stash', 'Eve//stash',
    'Bob//stash', 'Dave//stash'].map((who) => [who, keyring.addFromUri(`//${who}`)]));
  k.contractor = keyring.addFromMnemonic(mnemonicGenerate());
  const wsPort = await freePort();
  const node = await startNode(['--dev', '--listen-addr', `/ip4/127.0.0.1/tcp/${wsPort}/ws`], { name });
  const { api } = node;
  const spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--dev', '--raw'],
    { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
  spec.bootNodes = [`/ip4/127.0.0.1/tcp/${wsPort}/ws/p2p/${await api.rpc.system.localPeerId()}`];
  await councilMotion(api, api.tx.utility.batchAll([
    api.tx.consultation.setPeriods({ support: 100, wait: 10, deliberation: 2, voting: 10, reveal: 10 }),
    api.tx.communityTreasury.setPeriods(100, 20),
  ]), [k.Alice, k.Bob, k.Charlie]);
  await Promise.all([
    ok(api.tx.consultation.setUnitRules(PLUM_GARDEN, { support: { Absolute: 2 }, batch: 1 }), k.Dave),
    ok(api.tx.communityTreasury.configure(PLUM_GARDEN, {
      supervisors: [k.Dave.address, k.Eve.address], requiredApprovals: 2, objectionShare: 500_000, voteCap: 1_000n * UNITS,
    }), k.Bob),
    ok(api.tx.proxy.addProxy(k.Eve.address, 'Civic', 0), k.Ferdie),
  ]);
  const portal = await startPortal(node.wsUrl, { files: { '/chain-spec.json': JSON.stringify(spec) } });
  const figures = {};
  const shots = process.env.GONGZHI_PORTAL_SCREENSHOTS;
  return {
    node, api, k, portal, figures,
    open: (account, path, options = {}) => portal.open(account, { path, ...options }),
    async shoot(page, file) {
      if (!shots) return;
      mkdirSync(join(REPO, shots), { recursive: true });
      await page.screenshot({ path: join(REPO, shots, `${file}.png`), fullPage: true });
    },
    async stop() {
      for (const [what, value] of Object.entries(figures)) console.log(`portal figure: ${what} ${value}`);
      await portal.stop();
      await node.stop();
    },
  };
}
