/* global document, window -- page.evaluate / addInitScript callbacks run in the browser */
// Stored XSS: payloads planted in every imported and user-typed field — indicator names, task
// text and unit names through an imported plan; report, urge, extension, document text and an
// assessment round title typed by users — then every page is visited (charts hovered) as the
// office and as a unit. Nothing may run: no dialog, no payload marker, no CSP violation other
// than a blocked payload; the radar tooltip must show the payload as text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, canvasSettled, nextFrame, useBrowser, signIn } from './helpers.mjs';
import { guard, run, session, visit } from './xss-guard.mjs';

const browser = useBrowser();

const P = {
  img: `<img src=x onerror="${run(1)}">`,
  script: `<script>${run(2)}</script>`,
  link: `<a href="javascript:${run(3)}">点我</a>`,
  rich: `{a|<img src=x onerror="${run(4)}">}`,
  svg: `"><svg onload="${run(5)}">`,
};
const ALL = Object.values(P).join('');

const PLAN_TITLE = `安全测试市2023年营商环境实施方案${P.img}`;
const PLAN_MD = `# ${PLAN_TITLE}

## 一、开办企业${P.img}

（1）推进${P.script}一窗办理，压缩至3个工作日以内。（责任单位：市攻击局${P.img}、市税务局。时间节点：2023年9月）

## 二、获得电力${P.rich}

（2）供电${P.link}接入，不超过10个工作日。（责任单位：市税务局。时间节点：2023年9月）

## 三、纳税${P.svg}

（3）办税时间压缩至100小时以内${P.svg}。（责任单位：市税务局。时间节点：2023年9月）
`;

/** Plants the payloads through the API as the people who would type or import them. */
async function plant() {
  const office = await session('office-shaoyang');
  const unit = await session('unit-scjg');
  const upload = await office('POST', `/api/imports?fileName=${encodeURIComponent('xss.md')}`, Buffer.from(PLAN_MD), 'application/octet-stream');
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  // A prose plan's headings are sections; the office turns them into evaluation indicators in review.
  const draft = upload.body.draft;
  draft.indicators = draft.sections.map((x) => ({ seq: x.seq, name: x.title, aliases: [], lead_units: [], responsible_units: [], responsible_units_open: false }));
  delete draft.sections;
  for (const t of draft.tasks) {
    t.indicator_seq = t.section_seq;
    t.indicator = draft.indicators.find((i) => i.seq === t.section_seq)?.name;
    delete t.section_seq;
  }
  const edited = await office('PUT', `/api/imports/${upload.body.id}/draft`, draft);
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  const commit = await office('POST', `/api/imports/${upload.body.id}/commit`, {});
  assert.equal(commit.status, 201, JSON.stringify(commit.body));
  const planId = commit.body.planId;
  const plan = (await office('GET', `/api/plans/${planId}`)).body;
  const tasks = (await office('GET', `/api/plans/${planId}/tasks?pageSize=50`)).body.items;
  const round = await office('POST', `/api/plans/${planId}/assessment-rounds`, { title: `评价${P.img}`, period: '2023' });
  assert.equal(round.status, 201, JSON.stringify(round.body));
  const ranks = await office('PUT', `/api/assessment-rounds/${round.body.id}/indicator-ranks`, { items: plan.indicators.map((i, n) => ({ indicatorId: i.id, rank: n + 2 })) });
  assert.equal(ranks.status, 200, JSON.stringify(ranks.body));
  const task = tasks[0];
  const unitId = (task.leadUnits[0] ?? task.responsibleUnits[0]).id;
  assert.equal((await office('POST', `/api/tasks/${task.id}/urges`, { kind: 'order', unitId, message: `督办${ALL}`, replyBy: '2099-12-31' })).status, 201);

  // 邵阳 plan: the unit reports, asks for an extension and gets urged with payloads.
  const sy = (await office('GET', '/api/plans')).body.items.find((p) => p.year === 2023 && !p.title.includes('安全测试'));
  const syTask = (await unit('GET', `/api/plans/${sy.id}/tasks?pageSize=5`)).body.items[0];
  const report = await unit('POST', `/api/tasks/${syTask.id}/reports`, { period: '2023-06', status: 'in_progress', percent: 50, workDone: `进展${ALL}`, problems: `问题${P.img}`, helpNeeded: P.link, highlight: `亮点${P.script}`, submit: true });
  assert.ok([200, 201].includes(report.status), JSON.stringify(report.body));
  const scjg = syTask.leadUnits.find((u) => u.name === '市市场监管局') ?? syTask.leadUnits[0];
  assert.equal((await office('POST', `/api/tasks/${syTask.id}/urges`, { kind: 'reminder', unitId: scjg.id, message: `催办${ALL}` })).status, 201);
  await unit('POST', `/api/tasks/${syTask.id}/extension-requests`, { reason: `理由${ALL}`, proposedDueOn: '2099-12-31', progress: `进度${P.img}` });

  // A document on the hostile plan (its names reach the text), with a typed paragraph too.
  const doc = await office('POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' });
  assert.equal(doc.status, 201, JSON.stringify(doc.body));
  const model = doc.body.model;
  // A typed paragraph in the body, before the signature (the 版记 must stay last).
  model.blocks.splice(model.blocks.findIndex((b) => b.kind === 'signature'), 0, { kind: 'paragraph', indent: true, runs: [{ text: `正文${ALL}` }] });
  const saved = await office('PUT', `/api/documents/${doc.body.id}`, { model });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  return { planId, roundId: round.body.id, taskId: task.id, syTaskId: syTask.id, docId: doc.body.id, syPlanId: sy.id };
}

test('payloads in every imported and typed field never run on any page', async () => {
  const ids = await plant();
  const counts = { pages: 0, blockedPayloads: 0 };
  const problems = [];
  for (const [login, paths] of [
    ['office-shaoyang', ['/dashboard', '/plans', `/plans/${ids.planId}`, `/tasks/${ids.taskId}`, `/tasks/${ids.syTaskId}`, `/tasks/${ids.taskId}/orders/0`, '/review', '/warnings', '/audit',
      `/assessment?plan=${ids.planId}`, `/assessment/rounds/${ids.roundId}?tab=results`, `/assessment/units?plan=${ids.planId}`, `/documents?plan=${ids.planId}`, `/documents/${ids.docId}`, '/units', '/users', '/imports']],
    ['unit-scjg', ['/dashboard', '/my-tasks', `/tasks/${ids.syTaskId}`, `/plans/${ids.syPlanId}`]],
  ]) {
    const context = await browser.newContext(DESKTOP);
    const { page, dialogs } = await guard(context);
    await signIn(page, login);
    for (const path of paths) {
      const { xss, csp } = await visit(page, path);
      counts.pages++;
      if (xss.length) problems.push(`${login} ${path}: payload ran ${JSON.stringify(xss)}`);
      for (const v of csp) {
        // A payload blocked by the CSP is the CSP working, but it means text became markup somewhere.
        if (/XSSRAN|alert\(/.test(v.sample)) counts.blockedPayloads++;
        problems.push(`${login} ${path}: CSP violation ${v.directive} ${v.blocked} ${v.sample}`);
      }
      await page.evaluate(() => { window.__csp = []; });
    }
    if (dialogs.length) problems.push(`${login}: dialogs ${JSON.stringify(dialogs)}`);
    await context.close();
  }

  // The radar tooltip shows the indicator names as text.
  const context = await browser.newContext(DESKTOP);
  const { page } = await guard(context);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/assessment/rounds/${ids.roundId}?tab=results`);
  const radar = page.getByTestId('chart-rank-radar').locator('canvas');
  await radar.waitFor();
  await radar.scrollIntoViewIfNeeded();
  await canvasSettled(radar);
  const box = await radar.boundingBox();
  let tooltip = '';
  for (let dx = -0.2; dx <= 0.2 && !tooltip.includes('onerror'); dx += 0.02) {
    for (let dy = -0.25; dy <= 0.15 && !tooltip.includes('onerror'); dy += 0.05) {
      await page.mouse.move(box.x + box.width * (0.5 + dx), box.y + box.height * (0.46 + dy));
      await nextFrame(page);
      tooltip = await page.evaluate(() => [...document.querySelectorAll('div')].filter((d) => d.style.position === 'absolute' && d.innerText.includes('第')).map((d) => d.innerText).join('\n'));
    }
  }
  await context.close();
  console.log(`[xss] pages visited: ${counts.pages}, payload fields planted: 16, payloads blocked by CSP: ${counts.blockedPayloads}, problems: ${problems.length}`);
  assert.deepEqual(problems, []);
  assert.match(tooltip, /开办企业<img src=x onerror=/, 'the radar tooltip shows the indicator name as text');
});

test('the API docs (Swagger UI) work under the Content-Security-Policy', async () => {
  const context = await browser.newContext(DESKTOP);
  const { page, dialogs } = await guard(context);
  const res = await page.goto(`${BASE_URL}/api/docs/`);
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('.swagger-ui .info').waitFor();
  await page.locator('.opblock').first().waitFor();
  const csp = await page.evaluate(() => window.__csp);
  await context.close();
  assert.deepEqual(csp, []);
  assert.deepEqual(dialogs, []);
});
