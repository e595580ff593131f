// The residents' portal's money, notices and matters, help and light-client journeys, in Chinese, in headless Chromium
// against a dev node of their own (set up by portalChain in lib/browser.mjs), beside
// portal.test.mjs: each person in their own browser page, the chain checked with @polkadot/api.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { portalChain, PLUM_GARDEN, UNITS, go, settled, refusal } from './lib/browser.mjs';
import { ok } from './lib/node.mjs';

let chain, api, k, figures, open, shoot, portal;

before(async () => {
  chain = await portalChain('portal-money');
  ({ api, k, figures, open, shoot, portal } = chain);
});

after(async () => { await chain?.stop(); });

test('an officer publishes a notice; a resident reads it, replies and raises a matter the officer answers', async () => {
  const dave = await open('Dave', 'affairs');
  const publish = dave.locator('section[aria-labelledby=publish-title]');
  await publish.waitFor({ timeout: 30000 });
  await dave.selectOption('#notice-unit', String(PLUM_GARDEN));
  await dave.selectOption('#notice-category', 'Emergency');
  await dave.fill('#notice-title', '停水通知');
  await dave.fill('#notice-body', '周三上午9点至12点停水，请提前储水。');
  await dave.fill('#notice-days', '3');
  await publish.locator('button[type=submit]').click();
  await settled(publish);

  const ferdie = await open('Ferdie', 'affairs');
  const card = ferdie.locator('article', { has: ferdie.locator('h3:has-text("停水通知")') });
  await card.waitFor({ timeout: 30000 });
  assert.match(await card.textContent(), /紧急通知/);
  assert.match(await card.locator('[data-testid=countdown]').textContent(), /还剩/);
  await card.locator('button:text-is("我已阅读")').click();
  await card.locator('[data-testid=acknowledged]').waitFor({ timeout: 60000 });
  // A phone number in a reply is refused before it reaches the chain's state, in plain words.
  await card.locator('textarea').fill('有事请打13812345678');
  await card.locator('button:text-is("提交意见")').click();
  const refused = await refusal(card);
  assert.equal(refused.code, 'PublicAffairs.PersonalData.MobileNumber');
  assert.match(refused.text, /手机号码/);
  await card.locator('textarea').fill('知道了，谢谢');
  await card.locator('button:text-is("提交意见")').click();
  await card.locator('[data-testid=tx-failed]').waitFor({ state: 'detached', timeout: 30000 });
  await settled(card);
  await card.locator('[data-testid=notice-counts]:has-text("已读 1 人，意见 1 条")').waitFor({ timeout: 30000 });

  // A matter about the notice, to Plum Garden.
  const raise = ferdie.locator('section[aria-labelledby=raise-matter-title]');
  await ferdie.selectOption('#matter-about', { label: '停水通知' });
  await ferdie.fill('#matter-text', '停水时间太长，老人用水不便');
  await raise.locator('button[type=submit]').click();
  await settled(raise);
  const mine = ferdie.locator('section[aria-labelledby=my-matters-title] article', { hasText: '停水时间太长' });
  await mine.locator('[data-testid=matter-stage]:text-is("待答复")').waitFor({ timeout: 30000 });

  // The secretary reads the residents' replies under his notice.
  const davesCard = dave.locator('article', { has: dave.locator('h3:has-text("停水通知")') });
  await davesCard.locator('summary:has-text("查看居民意见（1 条）")').click();
  await davesCard.locator('[data-testid=replies] li:has-text("知道了，谢谢")').waitFor({ timeout: 30000 });

  // The secretary finds it among the matters waiting for Plum Garden, and answers.
  const waiting = dave.locator(`section[aria-labelledby=waiting-${PLUM_GARDEN}-title] article`, { hasText: '停水时间太长' });
  await waiting.waitFor({ timeout: 30000 });
  await waiting.locator('textarea').fill('已协调水务，缩短为两小时，并在楼下设临时供水点。');
  await waiting.locator('button:text-is("提交答复")').click();
  // Answered, the matter leaves the waiting list: its progress is followed in the status area.
  await settled(dave.locator('.status-area'));

  await mine.locator('[data-testid=matter-answer]:has-text("临时供水点")').waitFor({ timeout: 30000 });
  assert.match(await mine.textContent(), /按时答复/);
  await mine.locator('button:text-is("满意")').click();
  await settled(ferdie.locator('.status-area'));
  await ferdie.locator('section[aria-labelledby=my-matters-title] p.hint').waitFor({ timeout: 30000 });
  const figures_ = ferdie.locator('[data-testid=unit-figures]');
  await figures_.locator('dd:text-is("100%")').first().waitFor({ timeout: 30000 });
  await shoot(ferdie, 'affairs');
  const [[id, matter]] = (await api.query.publicAffairs.matters.entries()).map(([key, m]) => [key.args[0].toNumber(), m.unwrap()]);
  assert.ok(matter.status.isClosed && matter.status.asClosed.satisfied.unwrap().isTrue, `matter ${id} closed, satisfied`);
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
  assert.match(await inNotice.locator('[data-testid=objections]').textContent(), /异议 0\/1/);
  // Plum Garden has two residents and the pot's objection share is half: one objection puts the
  // spend to the residents' vote, which the consultation convenes at once.
  await inNotice.locator('button:text-is("我有异议")').click();
  await settled(ferdie.locator('.status-area'));
  await inNotice.locator('[data-testid=spend-status]:has-text("等待居民表决")').waitFor({ timeout: 30000 });
  await inNotice.locator('.mine:text-is("我已提出异议")').waitFor({ timeout: 30000 });
  const [open_] = (await api.call.communityTreasuryApi.openSpends(PLUM_GARDEN)).filter(([, s]) => new TextDecoder().decode(s.purpose.asText) === '更换楼道灯');
  assert.equal(open_[1].objections.toNumber(), 1);
  assert.ok(open_[1].status.isAwaitingVote);
  // The vote is a topic like any other, raised by the residents' objections.
  await go(ferdie, 'topics');
  await ferdie.locator('article.topic p:has-text("由居民异议自动提出")').first().waitFor({ timeout: 30000 });
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

test('an owner votes in the owners\' assembly from the portal; officers record and countersign a paper ballot and call a vote', async () => {
  const { Keyring } = await import('@polkadot/keyring');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [charlieStash, daveStash, aliceStash] = ['Charlie//stash', 'Dave//stash', 'Alice//stash'].map((u) => keyring.addFromUri(`//${u}`));
  const called = await ok(api.tx.ownersAssembly.callVote(0, [{
    title: '小区车位重新划线', category: 'OtherMajor', question: { Motion: 'Record' },
  }], 20), k.Dave);
  const vote = called.events.find(({ event }) => event.method === 'VoteCalled').event.data.vote.toNumber();

  const ferdie = await open('Ferdie', 'owners');
  await ferdie.locator('[data-testid=my-homes]').waitFor({ timeout: 30000 });
  assert.match(await ferdie.textContent('[data-testid=my-homes]'), /2 套房屋，专有面积 210 平方米/);
  assert.match(await ferdie.textContent('[data-testid=estate-register]'), /7 套房屋，5 位业主，共 700 平方米/);
  const card = ferdie.locator(`[data-testid=assembly-vote-${vote}]`);
  await card.locator('.badge:text-is("投票中")').waitFor({ timeout: 90000 });
  await card.locator('label:has-text("赞成") input').check();
  await card.locator('button:text-is("投票")').click();
  await settled(card);
  await card.locator('[data-testid=voted]').waitFor({ timeout: 30000 });
  // Ferdie pays into the maintenance fund for his first flat: his own money, never free.
  const deposits = ferdie.locator('section[aria-labelledby=estate-0-title]');
  assert.equal(await deposits.locator('[data-testid=my-deposits] tbody tr').count(), 2);
  await deposits.locator('#deposit-0-amount').fill('5');
  await deposits.locator('button:text-is("缴纳维修资金")').click();
  await settled(deposits);
  await deposits.locator('[data-testid=estate-fund]:has-text("5 ")').waitFor({ timeout: 30000 });
  assert.equal((await api.query.ownersAssembly.deposits(0, 0)).toBigInt(), 5n * UNITS);

  // Dave, Plum Garden's secretary (no homes here; no committee elected), records Dave//stash's
  // paper ballot; Eve, a second officer, countersigns it.
  const dave = await open('Dave', 'owners');
  const daveCard = dave.locator(`[data-testid=assembly-vote-${vote}]`);
  await daveCard.locator('summary:text-is("纸质票登记与会签")').click();
  await daveCard.locator(`#paper-${vote}-owner`).fill(daveStash.address);
  await daveCard.locator('button:text-is("登记纸质票")').click();
  await settled(daveCard);
  const eve = await open('Eve', 'owners');
  const eveCard = eve.locator(`[data-testid=assembly-vote-${vote}]`);
  await eveCard.locator('summary:text-is("纸质票登记与会签")').click();
  await eveCard.locator('[data-testid=paper-pending] button:text-is("会签")').click();
  await settled(eveCard);
  const paper = (await api.query.ownersAssembly.ballots(vote, daveStash.address)).unwrap().paper.unwrap();
  assert.deepEqual(paper.map(String), [k.Dave.address, k.Eve.address]);

  await Promise.all([charlieStash, aliceStash].map((o) => ok(api.tx.ownersAssembly.castBallot(vote, ['Aye']), o)));
  await card.locator('[data-testid=participation]:has-text("4/5 位业主")').waitFor({ timeout: 30000 });
  await shoot(ferdie, 'owners');
  await card.locator('[data-testid=outcome]:text-is("通过")').waitFor({ timeout: 180000 });
  assert.match(await card.textContent(), /赞成 4 人 500 平方米/);

  // Dave calls the next vote from the portal: published at once, voting after the notice.
  const next = (await api.query.ownersAssembly.nextVoteId()).toNumber();
  const form = dave.locator('section[aria-labelledby=call-vote-0-title]');
  await form.locator('#call-0-title').fill('更换小区门禁');
  await form.locator('#call-0-category').selectOption('CommonParts');
  await form.locator('button:text-is("发起表决")').click();
  await settled(form);
  const stored = (await api.query.ownersAssembly.votes(next)).unwrap();
  assert.equal(stored.matters[0].category.toString(), 'CommonParts');
  await dave.locator(`[data-testid=assembly-vote-${next}] .badge:text-is("公示中")`).waitFor({ timeout: 30000 });
  assert.match(await dave.textContent(`[data-testid=assembly-vote-${next}]`), /更换小区门禁/);

  // An account with no home to vote for and no estate to convene has no owners' page.
  const bobStash = await open('Bob//stash', 'home');
  await bobStash.locator('nav').waitFor();
  assert.equal(await bobStash.locator('nav a[href="#/owners"]').count(), 0);
  assert.deepEqual(ferdie.errors, []);
});

test('an owner enrols in a secret election from the portal and marks a candidate with a ballot made in the browser', async () => {
  const { Keyring } = await import('@polkadot/keyring');
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { nodeBinary } = await import('./lib/node.mjs');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [housing, daveStash, aliceStash] = ['Eve//stash', 'Dave//stash', 'Alice//stash'].map((u) => keyring.addFromUri(`//${u}`));
  // Three owners of 100 m² (the housing officer corrects two areas; Dave confirms): a ring
  // large enough for secret ballots.
  for (const [unit, area] of [[0, 800_000], [4, 1_000_000], [3, 1_000_000]]) {
    await ok(api.tx.ownersAssembly.amendProperty(0, unit, area), housing);
  }
  await ok(api.tx.ownersAssembly.confirmRegister(0), k.Dave);
  const charlie = await open('Charlie//stash', 'owners');
  await charlie.locator('[data-testid=my-homes]').waitFor({ timeout: 30000 });
  const called = await ok(api.tx.ownersAssembly.callSecretElection(0, '选举业主委员会', 1, 1000, 1, 10), k.Dave);
  const event = (name) => called.events.find(({ event: e }) => e.method === name).event.data;
  const vote = event('VoteCalled').vote.toNumber();
  const poll = event('SecretElectionCalled').poll.toNumber();
  await ok(api.tx.ownersAssembly.nominate(vote, 0, k.Ferdie.address), daveStash);
  // Charlie//stash enrols in the portal (a key made in the browser); two neighbours of the same
  // area enrol with the node's CLI meanwhile.
  const card = charlie.locator(`[data-testid=assembly-vote-${vote}]`);
  await card.locator('button:text-is("报名网上无记名投票")').click({ timeout: 30000 });
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-portal-election-'));
  try {
    await Promise.all([daveStash, aliceStash].map((who, i) => {
      const made = JSON.parse(execFileSync(nodeBinary(), ['ballot', 'key', '--secret-file', join(dir, `s${i}`), '--generate',
        '--account', who.address], { encoding: 'utf8' }));
      return ok(api.tx.anonymousBallot.enrol(poll, made.key, made.possession), who);
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await card.locator('[data-testid=secret-enrolled]').waitFor({ timeout: 30000 });
  assert.ok((await api.query.anonymousBallot.enrolled(poll, keyring.addFromUri('//Charlie//stash').address)).isSome);
  // Ballots open: Charlie//stash marks Ferdie, with a proof made in the browser.
  await card.locator(`label:has(span[title="${k.Ferdie.address}"]) input`).check({ timeout: 90000 });
  await card.locator('button:text-is("投出无记名选票")').click();
  await card.locator('[data-testid=secret-counted]').waitFor({ timeout: 90000 });
  const roll = (await api.query.anonymousBallot.rolls(poll)).unwrap();
  assert.deepEqual(roll.tally.map((n) => n.toNumber()), [1_000_000, 0]);
  assert.equal(roll.turnout.toNumber(), 1_000_000);
  // The ballot names nobody: no by-name ballot of the vote, and the alias is not the key.
  assert.equal((await api.query.ownersAssembly.ballots.entries(vote)).length, 0);
  assert.match(await card.textContent(), /无记名投票/);
  assert.deepEqual(charlie.errors, []);
});

test('through the light client in the browser, a resident reads their community and donates, finality checked in the page', async () => {
  const started = Date.now();
  const page = await portal.open('Ferdie', { light: true });
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

