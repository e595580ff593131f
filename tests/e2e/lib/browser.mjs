// The residents' portal in a real browser: Debian's Chromium (installed by scripts/setup.sh; no
// browser is downloaded at test time) driven headless by playwright-core, serving the built
// portal (portal/dist) the way a district's web server does (scripts/serve-portal.mjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { servePortal, PORTAL_DIST } from '../../../scripts/serve-portal.mjs';
import { freePort } from './node.mjs';

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
