// The residents' portal, in Chinese, in headless Chromium against the real dev node (set up by
// portalChain in lib/browser.mjs): the portal itself (typed client, messages, loading,
// accessibility, a node that is down) and the consultation journeys, each person in their own
// browser page (own storage, own chain connection), the chain's state checked with @polkadot/api
// beside it. portal-money.test.mjs has the money, help and light-client journeys on a chain of
// its own, so that the two files run side by side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { freePort, REPO, until } from './lib/node.mjs';
import { portalChain, PLUM_GARDEN, signIn, go, settled, refusal, accessibilityProblems } from './lib/browser.mjs';

let chain, api, k, figures, open, shoot, portal;
const topicCard = (page, title) => page.locator('article.topic', { has: page.locator(`h3:text-is("${title}")`) });

before(async () => {
  chain = await portalChain('portal');
  ({ api, k, figures, open, shoot, portal } = chain);
});

after(async () => { await chain?.stop(); });

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
  const civic = ['partyBranch', 'consultation', 'communityTreasury', 'volunteerCredits', 'assistance', 'publicAffairs', 'ownersAssembly'];
  for (const pallet of [...civic, 'anonymousBallot', 'proxy']) {
    const name = pallet[0].toUpperCase() + pallet.slice(1);
    for (const error of Object.keys(api.errors[pallet])) {
      // One shared message per kind of personal data (errors.personalData), checked below.
      if (error === 'PersonalData') continue;
      for (const [i, locale] of locales.entries()) {
        if (!locale.errors?.[name]?.[error]) missing.push(`${i ? 'en' : 'zh-CN'}: ${name}.${error}`);
      }
    }
  }
  // Every civic pallet with free text refuses personal data in it, with the same kinds
  // (assistance holds none: only the hashes of documents kept off chain).
  for (const pallet of civic.filter((p) => p !== 'assistance')) assert.ok(api.errors[pallet].PersonalData, `${pallet} guards its text`);
  for (const kind of ['IdNumber', 'MobileNumber', 'BankCard']) {
    for (const [i, locale] of locales.entries()) {
      if (!locale.errors?.personalData?.[kind]) missing.push(`${i ? 'en' : 'zh-CN'}: personalData.${kind}`);
    }
  }
  assert.deepEqual(missing, []);
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
  // An account that is neither resident nor officer: the portal says before it sends anything
  // that its actions pay fees.
  const visitor = await open('Eve//stash');
  await visitor.locator('[data-testid=fee-notice]:has-text("不是认证居民")').waitFor({ timeout: 30000 });
  await visitor.close();
  // Dave is an officer, not a resident: his civic actions are free within the daily quota.
  const dave = await open('Dave', 'officer');
  await dave.locator('section[aria-labelledby=register-title]').waitFor({ timeout: 30000 });
  assert.equal(await dave.locator('[data-testid=fee-notice]').count(), 0);
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
  await ferdie.locator('label:has-text("先密封、投票结束后记名揭晓") input').check();
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

test('an anonymous vote: residents make ballot keys in the browser, vote with proofs made there, and are counted with no name on the ballot', async () => {
  // Ferdie and Charlie//stash make and register their ballot keys before the vote opens.
  const [ferdie, charlie] = await Promise.all([open('Ferdie', 'topics'), open('Charlie//stash', 'topics')]);
  for (const page of [ferdie, charlie]) {
    const section = page.locator('section[aria-labelledby=ballot-key-title]');
    await section.locator('[data-testid=ballot-key-status]:has-text("还没有")').waitFor({ timeout: 30000 });
    await section.locator('button:text-is("生成并登记密钥")').click();
    await settled(section, 'in-block');
    await section.locator('[data-testid=ballot-key-status]:has-text("已登记")').waitFor({ timeout: 30000 });
  }
  const keyOf = async (who) => (await api.query.anonymousBallot.keys(who)).unwrap().key.toHex();
  const held = await ferdie.evaluate((who) => JSON.parse(localStorage.getItem(`gongzhi.ballot.key.${who}`)).key, k.Ferdie.address);
  assert.equal(held, await keyOf(k.Ferdie.address), 'the key registered is the one whose secret the browser keeps');

  const title = '是否调整垃圾清运时间';
  await ferdie.fill('#topic-title', title);
  await ferdie.selectOption('#topic-category', 'Environment');
  await ferdie.locator('label:has-text("不记名") input').check();
  const raise = ferdie.locator('section[aria-labelledby=raise-title]');
  await raise.locator('button[type=submit]').click();
  await settled(raise);
  await topicCard(charlie, title).locator('button:text-is("附议")').click();
  await settled(charlie.locator('.status-area'));

  // Voting opens the topic's anonymous poll; each votes from their own browser.
  const choices = [[ferdie, '赞成'], [charlie, '反对']];
  for (const [page, choice] of choices) {
    const vote = topicCard(page, title).locator('[data-testid=anonymous-vote]');
    await vote.locator(`button:text-is("${choice}")`).click({ timeout: 120000 });
    await vote.locator(`[data-testid=anonymous-counted]:has-text("${choice}")`).waitFor({ timeout: 60000 });
    const ms = Number((await vote.locator('[data-testid=prove-ms]').textContent()).match(/([\d.]+) 秒/)[1]) * 1000;
    figures[`anonymous ballot made in Chromium, ring of ${(await api.query.anonymousBallot.rings(PLUM_GARDEN, 0)).unwrap().members.length} keys (ms)`] = ms;
  }
  const topics = await api.query.consultation.topics.entries();
  const [[key]] = topics.filter(([, v]) => new TextDecoder().decode(v.unwrap().title) === title);
  const topic = key.args[0].toNumber();
  const poll = (await api.query.consultation.topicPolls(topic)).unwrap().toNumber();
  const record = (await api.query.anonymousBallot.polls(poll)).unwrap();
  assert.deepEqual(record.tally.map((n) => n.toNumber()), [1, 1, 0]);
  assert.equal(record.online.toNumber(), 2);
  // Nothing on the chain names a voter: no consultation ballot, and the ballots are kept by alias.
  assert.equal((await api.query.consultation.ballots.entries(topic)).length, 0);
  const aliases = (await api.query.anonymousBallot.ballots.entries(poll)).map(([k]) => k.args[1].toHex());
  const kept = await ferdie.evaluate(([p, who]) => JSON.parse(localStorage.getItem(`gongzhi.ballot.poll.${p}.${who}`)).alias, [poll, k.Ferdie.address]);
  assert.ok(aliases.includes(kept) && aliases.every((a) => a !== held));

  // The vote closes by itself and the topic is decided from the poll's counts.
  const result = topicCard(ferdie, title).locator('[data-testid=result]');
  await result.waitFor({ timeout: 180000 });
  assert.match(await result.textContent(), /赞成 1，反对 1，弃权 0/);
});

test('every page passes an accessibility scan with no serious or critical problems, in both text sizes', async () => {
  const dave = await open('Dave');
  const ferdie = await open('Ferdie');
  for (const [page, names] of [[ferdie, ['home', 'topics', 'affairs', 'owners', 'money', 'volunteer', 'help']], [dave, ['officer', 'affairs', 'owners']]]) {
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

test('a node that is down gets a plain banner, and the portal never shows a raw error', async () => {
  const nowhere = `ws://127.0.0.1:${await freePort()}`;
  const page = await portal.open(undefined, { endpoint: nowhere });
  const banner = page.locator('[data-testid=link-banner]');
  await until(async () => /连不上节点/.test((await banner.textContent().catch(() => '')) ?? ''), 'the node-down banner', 30000);
  assert.match(await banner.textContent(), /正在自动重连/);
});
