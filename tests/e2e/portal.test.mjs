// The residents' portal, in Chinese, in headless Chromium against the real dev node: every resident
// journey of the portal done by clicking, as a person would, each account in its own browser page
// (own storage, own chain connection). The chain's state is checked with @polkadot/api beside it.
//
// Setup (not what the portal is for): a council motion lengthens the dev chain's voting and notice
// periods so that a browser has time to act within them on a loaded CI machine; Plum Garden's
// secretary sets its rules (two supports, a meeting per topic); East Street configures Plum
// Garden's pot (Dave and Eve supervise, both approve); Ferdie gives Eve a civic proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { execFileSync } from 'node:child_process';
import { startNode, ok, councilMotion, freePort, nodeBinary, REPO, until } from './lib/node.mjs';
import { startPortal, signIn, go, settled, refusal, accessibilityProblems } from './lib/browser.mjs';

const UNITS = 10n ** 12n;
const PLUM_GARDEN = 3;
let node, api, portal, k;
const pages = [];
const figures = {};
// GONGZHI_PORTAL_SCREENSHOTS=docs/portal saves the main pages for the README.
const shots = process.env.GONGZHI_PORTAL_SCREENSHOTS;

const open = async (account, path) => {
  const page = await portal.open(account, { path });
  pages.push(page);
  return page;
};
const shoot = async (page, name) => {
  if (!shots) return;
  mkdirSync(join(REPO, shots), { recursive: true });
  await page.screenshot({ path: join(REPO, shots, `${name}.png`), fullPage: true });
};
const topicCard = (page, title) => page.locator('article.topic', { has: page.locator(`h3:text-is("${title}")`) });

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Charlie//stash', 'Eve//stash', 'Bob//stash', 'Dave//stash']
    .map((name) => [name, keyring.addFromUri(`//${name}`)]));
  k.contractor = keyring.addFromMnemonic(mnemonicGenerate());
  // A p2p WebSocket address besides TCP: the in-browser light client connects through it.
  const wsPort = await freePort();
  node = await startNode(['--dev', '--listen-addr', `/ip4/127.0.0.1/tcp/${wsPort}/ws`], { name: 'portal' });
  api = node.api;
  const spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--dev', '--raw'], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
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
  portal = await startPortal(node.wsUrl, { files: { '/chain-spec.json': JSON.stringify(spec) } });
});

after(async () => {
  for (const [name, value] of Object.entries(figures)) console.log(`portal figure: ${name} ${value}`);
  await portal?.stop();
  await node?.stop();
});

test('the portal\'s typed client was generated from this runtime\'s metadata', async () => {
  // state_call answers Option<OpaqueMetadata>: a 1 for Some and the length, then the metadata.
  const answer = await api.rpc.state.call('Metadata_metadata_at_version', '0x10000000');
  const live = Buffer.from(answer.toU8a(true)).subarray(5);
  const generated = readFileSync(join(REPO, 'portal', '.papi', 'metadata', 'gongzhi.scale'));
  assert.ok(live.equals(generated), 'portal/.papi is stale: run scripts/portal-descriptors.sh');
});

test('every error of the civic pallets has a plain message in Chinese and in English', () => {
  const locales = ['zh-CN', 'en'].map((l) => JSON.parse(readFileSync(join(REPO, 'portal', 'src', 'i18n', `${l}.json`), 'utf8')));
  const missing = [];
  for (const pallet of ['partyBranch', 'consultation', 'communityTreasury', 'volunteerCredits', 'assistance', 'proxy']) {
    const name = pallet[0].toUpperCase() + pallet.slice(1);
    for (const error of Object.keys(api.errors[pallet])) {
      for (const [i, locale] of locales.entries()) {
        if (!locale.errors?.[name]?.[error]) missing.push(`${i ? 'en' : 'zh-CN'}: ${name}.${error}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('an officer of a street sets up the pot of a community below it', async () => {
  const charlie = await open('Charlie', 'officer');
  const form = charlie.locator('section[aria-labelledby=configure-title]');
  await form.waitFor({ timeout: 30000 });
  await charlie.selectOption('#pot-unit', '5');
  await charlie.fill('#pot-supervisors', `${k['Bob//stash'].address}\n${k['Dave//stash'].address}`);
  await charlie.fill('#pot-required', '2');
  await charlie.fill('#pot-share', '30');
  await charlie.fill('#pot-cap', '500');
  await form.locator('button[type=submit]').click();
  await settled(form);
  const settings = (await api.query.communityTreasury.settings(5)).unwrap();
  assert.deepEqual(settings.supervisors.map((a) => a.toString()), [k['Bob//stash'].address, k['Dave//stash'].address]);
  assert.equal(settings.requiredApprovals.toNumber(), 2);
  assert.equal(settings.objectionShare.toNumber(), 300_000);
  assert.equal(settings.voteCap.toBigInt(), 500n * UNITS);
});

test('the portal loads in Chinese, shows live data within seconds, and offers the dev accounts only as such', async () => {
  const started = Date.now();
  const page = await open();
  await page.waitForSelector('h1');
  figures['first render (ms)'] = Date.now() - started;
  assert.equal(await page.textContent('h1'), '共治 · 居民端');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await signIn(page, 'Ferdie');
  await page.waitForFunction(() => /Plum Garden/.test(document.querySelector('[data-testid=community-name]')?.textContent ?? ''));
  figures['live data after load (ms)'] = Date.now() - started;
  assert.match(await page.textContent('[data-testid=free-left]'), /今日免费操作还剩 \d+ 次/);
  assert.match(await page.textContent('.dev-chain'), /开发测试链/);
  assert.equal(await page.getAttribute('#account optgroup', 'label'), '开发测试账户（仅限开发链）');
  // No wallet extension in this browser: the portal says how to get one.
  assert.match(await page.textContent('[data-testid=no-wallet]'), /Polkadot\.js、Talisman 或 SubWallet/);
  await shoot(page, 'home');
  // English is one click away, and comes back to Chinese.
  await page.click('button:text-is("English")');
  await page.waitForSelector('h1:text-is("Gongzhi · Residents\' portal")');
  await page.click('button:text-is("中文")');
  assert.deepEqual(page.errors, []);
});

test('an officer registers a resident, who raises a topic; a neighbour supports it, residents vote, the result is shown', async () => {
  const newcomer = k['Eve//stash'].address;
  const dave = await open('Dave', 'officer');
  // Dave is an officer, not a resident: the portal says before he sends anything that he pays fees.
  await dave.locator('[data-testid=fee-notice]:has-text("不是认证居民")').waitFor({ timeout: 30000 });
  // A commitment the desk did not issue is refused before anything is sent.
  await dave.fill('#reg-commitment', '11010519491231002X');
  assert.match(await dave.textContent('#reg-commitment-hint'), /格式不对/);
  // A commitment already registered: the chain refuses, and the portal says why in Chinese.
  await dave.fill('#reg-account', newcomer);
  await dave.fill('#reg-commitment', blake2AsHex('sample resident Ferdie'));
  const register = dave.locator('section[aria-labelledby=register-title]');
  await register.locator('button[type=submit]').click();
  const refused = await refusal(register);
  assert.equal(refused.code, 'PartyBranch.CommitmentInUse');
  assert.match(refused.text, /一人只能有一个账户/);
  // The desk's commitment for the newcomer.
  await dave.fill('#reg-account', newcomer);
  await dave.fill('#reg-commitment', blake2AsHex('portal test newcomer'));
  const clicked = Date.now();
  await register.locator('button[type=submit]').click();
  await settled(register, 'in-block');
  figures['click to "in block" shown (ms)'] = Date.now() - clicked;
  await settled(register, 'final');
  // Recorded in person: Dave may not approve what he recorded; Eve, a second officer, does.
  const recorded = dave.locator(`[data-testid="application-${newcomer}"]`);
  await recorded.waitFor({ timeout: 30000 });
  assert.match(await recorded.textContent(), /须由另一位干部审核/);
  assert.equal(await recorded.locator('button').count(), 0);
  const eve = await open('Eve', 'officer');
  const application = eve.locator(`[data-testid="application-${newcomer}"]`);
  await application.locator('button:text-is("通过")').click();
  await settled(eve.locator('.status-area'));
  const record = (await api.query.partyBranch.residents(newcomer)).unwrap();
  assert.equal(record.community.toNumber(), PLUM_GARDEN);

  const author = await open('Eve//stash', 'topics');
  const title = '修缮小区长椅';
  await author.fill('#topic-title', title);
  await author.fill('#topic-body', '三号楼前的长椅坏了，建议社区统一修缮。');
  await author.selectOption('#topic-category', 'Facilities');
  const raise = author.locator('section[aria-labelledby=raise-title]');
  await raise.locator('button[type=submit]').click();
  await settled(raise);
  const authored = topicCard(author, title);
  await authored.waitFor();
  assert.match(await authored.locator('[data-testid=supports]').textContent(), /已有 1 人附议，需要 2 人/);
  await shoot(author, 'topics');

  const ferdie = await open('Ferdie', 'topics');
  const card = topicCard(ferdie, title);
  await card.locator('button:text-is("附议")').click();
  // The topic moves on to its meeting with this support: the page's status area keeps the outcome.
  await settled(ferdie.locator('.status-area'));
  // Qualified with the second support: the meeting convenes, deliberates, then opens the vote.
  const charlie = await open('Charlie//stash', 'topics');
  const charlieCard = topicCard(charlie, title);
  await Promise.all([
    card.locator('button:text-is("赞成")').waitFor({ timeout: 90000 }),
    charlieCard.locator('button:text-is("赞成")').waitFor({ timeout: 90000 }),
  ]);
  await shoot(ferdie, 'vote');
  await Promise.all([card.locator('button:text-is("赞成")').click(), charlieCard.locator('button:text-is("赞成")').click()]);
  await Promise.all([settled(ferdie.locator('.status-area'), 'in-block'), settled(charlie.locator('.status-area'), 'in-block')]);
  await card.locator('[data-testid=my-ballot]:has-text("我已投票：赞成")').waitFor({ timeout: 30000 });

  // The vote closes by itself; every page shows the decision, its tally and turnout.
  const result = author.locator('[data-testid=result]');
  await result.waitFor({ timeout: 120000 });
  const shown = await result.textContent();
  assert.match(shown, /^通过 · 赞成 2，反对 0，弃权 0/);
  assert.match(shown, /投票率 67%（共 3 人）/);
  const topics = await api.query.consultation.topics.entries();
  const stored = topics.map(([, v]) => v.unwrap()).find((t) => new TextDecoder().decode(t.title) === title);
  assert.equal(stored.status.asClosed.outcome.toString(), 'Approved');

  // The secretary reports the work done; residents see the report and that it is finished.
  await dave.goto(dave.url().replace(/#.*$/, '#/topics'));
  const decided = topicCard(dave, title);
  await decided.locator('input[id^=report-]').fill('长椅已修好，共花费 800 元。');
  await decided.locator('label:has-text("这是办结报告") input').check();
  await decided.locator('button:text-is("发布进展")').click();
  await settled(dave.locator('.status-area'));
  const reports = authored.locator('[data-testid=reports]');
  await reports.locator('li:has-text("长椅已修好")').waitFor({ timeout: 30000 });
  await reports.locator('.mine:text-is("已办结")').waitFor({ timeout: 30000 });
});

test('a secret ballot: the portal seals the vote, keeps the salt in the browser, and reveals it when the time comes', async () => {
  const ferdie = await open('Ferdie', 'topics');
  const title = '是否增设夜间巡逻';
  await ferdie.fill('#topic-title', title);
  await ferdie.selectOption('#topic-category', 'Safety');
  await ferdie.locator('label:has-text("不记名投票") input').check();
  const raise = ferdie.locator('section[aria-labelledby=raise-title]');
  await raise.locator('button[type=submit]').click();
  await settled(raise);
  const charlie = await open('Charlie//stash', 'topics');
  await topicCard(charlie, title).locator('button:text-is("附议")').click();
  await settled(charlie.locator('.status-area'));

  const card = topicCard(ferdie, title);
  await card.locator('button:text-is("赞成")').click({ timeout: 90000 });
  await settled(ferdie.locator('.status-area'), 'in-block');
  await card.locator('[data-testid=my-ballot]:has-text("已密封")').waitFor({ timeout: 30000 });
  const topics = await api.query.consultation.topics.entries();
  const [[key]] = topics.filter(([, v]) => new TextDecoder().decode(v.unwrap().title) === title);
  const topic = key.args[0].toNumber();
  // On chain only the commitment; the choice and salt stay in this browser until revealed.
  const sealed = (await api.query.consultation.ballots(topic, k.Ferdie.address)).unwrap();
  assert.ok(sealed.vote.isSealed);
  const kept = await ferdie.evaluate(([t, who]) => localStorage.getItem(`gongzhi.ballot.${t}.${who}`), [topic, k.Ferdie.address]);
  assert.equal(JSON.parse(kept).choice, 'Aye');

  const reveal = card.locator('button:has-text("揭晓我的选票（赞成）")');
  await reveal.click({ timeout: 120000 });
  await settled(ferdie.locator('.status-area'), 'in-block');
  const revealed = (await api.query.consultation.ballots(topic, k.Ferdie.address)).unwrap();
  assert.equal(revealed.vote.asOpen.toString(), 'Aye', 'the portal\'s commitment matched the chain\'s');
});

test('a donation, a spend the supervisors approve, its public notice with a countdown, and an objection', async () => {
  const ferdie = await open('Ferdie', 'money');
  await ferdie.fill('#donate-amount', '五十');
  assert.match(await ferdie.textContent('#donate-amount-hint'), /请输入大于 0 的数字/);
  await ferdie.fill('#donate-amount', '50');
  await ferdie.fill('#donate-memo', '邻里基金');
  const donate = ferdie.locator('section[aria-labelledby=donate-title]');
  await donate.locator('button[type=submit]').click();
  await settled(donate);
  await ferdie.locator('[data-testid=statement] td:text-is("邻里基金")').waitFor({ timeout: 30000 });
  assert.match(await ferdie.textContent('[data-testid=pot-balance]'), /50 GZT/);
  // The levels above are as public as the community's own pot.
  const above = ferdie.locator('section[aria-labelledby=above-title]');
  await above.waitFor({ timeout: 30000 });
  assert.match(await above.textContent(), /Gongzhi District: 未设立|Gongzhi District: [\d.,]+ GZT/);
  assert.match(await above.textContent(), /East Street/);

  const dave = await open('Dave', 'money');
  await dave.fill('#spend-to', k.contractor.address);
  await dave.fill('#spend-amount', '20');
  await dave.selectOption('#spend-category', 'Facilities');
  await dave.fill('#spend-purpose', '更换楼道灯');
  const propose = dave.locator('section[aria-labelledby=propose-title]');
  await propose.locator('button[type=submit]').click();
  await settled(propose);
  const spend = (page) => page.locator('article.spend', { has: page.locator('h3:has-text("更换楼道灯")') });
  // The proposer is a supervisor: proposing is his approval; the second is Eve's.
  await spend(dave).locator('p:has-text("已批准 1/2")').waitFor({ timeout: 30000 });
  assert.equal(await spend(dave).locator('button:text-is("批准")').count(), 0);
  const eve = await open('Eve', 'money');
  await spend(eve).locator('button:text-is("批准")').click();
  await settled(spend(eve));

  // In notice: the countdown runs and residents may object.
  const inNotice = spend(ferdie);
  await inNotice.locator('[data-testid=spend-status]:has-text("公示中")').waitFor({ timeout: 30000 });
  assert.match(await inNotice.locator('[data-testid=countdown]').textContent(), /还剩.*第 \d+ 块/);
  await shoot(ferdie, 'money');
  await inNotice.locator('button:text-is("我有异议")').click();
  await settled(inNotice);
  await inNotice.locator('.mine:text-is("我已提出异议")').waitFor({ timeout: 30000 });
  assert.match(await inNotice.locator('[data-testid=objections]').textContent(), /异议 1\/\d+/);
  const [open_] = (await api.call.communityTreasuryApi.openSpends(PLUM_GARDEN)).filter(([, s]) => new TextDecoder().decode(s.purpose.asText) === '更换楼道灯');
  assert.equal(open_[1].objections.toNumber(), 1);
});

test('a resident asks for help, a volunteer accepts and completes it, the proxy confirms, and stars move', async () => {
  const ferdie = await open('Ferdie', 'help');
  await ferdie.selectOption('#help-category', 'Shopping');
  await ferdie.fill('#help-minutes', '60');
  await ferdie.fill('#help-details', '买米和鸡蛋，送到三号楼');
  const ask = ferdie.locator('section[aria-labelledby=ask-title]');
  await ask.locator('button[type=submit]').click();
  await settled(ask);

  const charlie = await open('Charlie//stash', 'help');
  const skills = charlie.locator('section[aria-labelledby=skills-title]');
  await skills.locator('label:has-text("代购") input').check();
  await skills.locator('button[type=submit]').click();
  await settled(skills);
  const request = charlie.locator('article.request', { has: charlie.locator('h3:has-text("代购")') }).last();
  await request.locator('button:text-is("我来帮忙")').click();
  await settled(request);
  await request.locator('button:text-is("完成服务")').waitFor({ timeout: 30000 });
  await request.locator('button:text-is("完成服务")').click();
  await settled(request);

  // Eve holds Ferdie's civic proxy: she acts for him, and the confirmation is his.
  const eve = await open('Eve', 'help');
  await eve.waitForSelector('#acting-for option:has-text("Ferdie")', { state: 'attached', timeout: 30000 });
  await eve.selectOption('#acting-for', k.Ferdie.address);
  await eve.locator('.acting:has-text("Ferdie")').waitFor();
  const toConfirm = eve.locator('article.request', { has: eve.locator('[data-testid=request-status]:has-text("已完成，等待确认")') });
  await toConfirm.locator('button:text-is("确认已得到帮助")').click();
  // The request leaves the list once confirmed: the page's status area keeps the outcome.
  await settled(eve.locator('.status-area'));

  await go(charlie, 'volunteer');
  await charlie.locator('[data-testid=stars]:has-text("★☆☆☆☆")').waitFor({ timeout: 30000 });
  assert.match(await charlie.textContent('[data-testid=credit-balance]'), /时间币 60 分钟/);
  await shoot(charlie, 'volunteer');
  const credits = await api.call.volunteerCreditsApi.account(k['Charlie//stash'].address);
  assert.equal(credits.stars.toNumber(), 1);
});

test('every page passes an accessibility scan with no serious or critical problems, in both text sizes', async () => {
  const dave = await open('Dave');
  const ferdie = await open('Ferdie');
  for (const [page, names] of [[ferdie, ['home', 'topics', 'money', 'volunteer', 'help']], [dave, ['officer']]]) {
    for (const name of names) {
      await go(page, name);
      await page.waitForTimeout(1500);
      assert.deepEqual(await accessibilityProblems(page), [], `${name} page`);
    }
  }
  await ferdie.click('button:text-is("大字模式")');
  await go(ferdie, 'home');
  assert.deepEqual(await accessibilityProblems(ferdie), [], 'home page, large text');
  await shoot(ferdie, 'large-text');
  await shoot(dave, 'officer');
});

test('through the light client in the browser, a resident reads their community and donates, finality checked in the page', async () => {
  const started = Date.now();
  const page = await portal.open('Ferdie', { light: true });
  pages.push(page);
  await page.waitForFunction(() => /Plum Garden/.test(document.querySelector('[data-testid=community-name]')?.textContent ?? ''), null, { timeout: 90000 });
  figures['live data through the light client (ms)'] = Date.now() - started;
  assert.match(await page.textContent('[data-testid=light-client]'), /本机轻客户端已验证至最终块 #[1-9]\d*/);
  assert.match(await page.textContent('[data-testid=free-left]'), /今日免费操作还剩 \d+ 次/);
  await go(page, 'money');
  await page.fill('#donate-amount', '3');
  await page.fill('#donate-memo', '轻客户端捐款');
  await page.locator('section[aria-labelledby=donate-title] button[type=submit]').click();
  await settled(page.locator('.status-area'), 'final', 90000);
  await page.locator('[data-testid=statement] td:text-is("轻客户端捐款")').waitFor({ timeout: 30000 });
  assert.deepEqual(page.errors, []);
});

test('a node that is down gets a plain banner, and the portal never shows a raw error', async () => {
  const nowhere = `ws://127.0.0.1:${await freePort()}`;
  const page = await portal.open(undefined, { endpoint: nowhere });
  pages.push(page);
  const banner = page.locator('[data-testid=link-banner]');
  await until(async () => /连不上节点/.test((await banner.textContent().catch(() => '')) ?? ''), 'the node-down banner', 30000);
  assert.match(await banner.textContent(), /正在自动重连/);
});
