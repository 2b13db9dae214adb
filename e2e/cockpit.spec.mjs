// 领导驾驶舱 and 领导批示 in the browser: every figure opens a list as long as the figure (checked
// against the drill API and the cockpit API), desktop and 390 px phone; a leader writes a 批示 on a
// task and the lead unit answers it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, PHONE, SHAOYANG_PLAN, apiGet, eventually, screenshot, signIn, useBrowser, watchConsole } from './helpers.mjs';

const browser = useBrowser();
const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } };

async function drawerCount(page) {
  const title = page.getByTestId('drill-title');
  await title.waitFor();
  return eventually('drill count', async () => {
    const m = /（(\d+) 项）/.exec((await title.textContent()) ?? '');
    return m ? Number(m[1]) : null;
  }).then((n) => n);
}

async function checkFigure(page, planId, testId, dim, key, measure, expected) {
  await page.getByTestId(testId).click();
  const shown = await eventually(`drawer for ${testId}`, async () => {
    const n = await drawerCount(page);
    return n === expected ? n : null;
  });
  const drilled = (await apiGet(page, `/api/plans/${planId}/cockpit/tasks?dim=${dim}${key ? `&key=${key}` : ''}&measure=${measure}`)).body.items;
  assert.equal(shown, drilled.length, `${testId}: figure ${expected} = list ${drilled.length}`);
  if (drilled.length > 0) {
    const rows = await page.locator('[data-testid="drill-list"] .ant-table-row').count();
    assert.equal(rows, Math.min(20, drilled.length), `${testId}: rows on the first page`);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('drill-title').waitFor({ state: 'hidden' });
}

test('the cockpit\'s figures equal the lists they drill into (desktop and phone)', async () => {
  for (const [name, options] of [['desktop', DESKTOP], ['phone', PHONE_390]]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, 'leader-shaoyang');
    const plan = (await apiGet(page, '/api/plans')).body.items.find((p) => p.title === SHAOYANG_PLAN);
    assert.ok(plan, 'the leader sees the Shaoyang plan');
    await page.goto(`${BASE_URL}/cockpit?plan=${plan.id}`);
    await page.getByTestId('cockpit-totals').waitFor();
    const cockpit = (await apiGet(page, `/api/plans/${plan.id}/cockpit`)).body;
    for (const m of ['total', 'done', 'red', 'yellow', 'overdue', 'lateReport']) {
      const text = await page.getByTestId(`fig-all-all-${m}`).textContent();
      assert.equal(Number(text), cockpit.totals[m], `total ${m} shown`);
    }
    await screenshot(page, `cockpit-${name}`);
    await checkFigure(page, plan.id, 'fig-all-all-red', 'all', '', 'red', cockpit.totals.red);
    await checkFigure(page, plan.id, 'fig-all-all-total', 'all', '', 'total', cockpit.totals.total);
    const lead = cockpit.byLeadUnit[0];
    await checkFigure(page, plan.id, `fig-leadUnit-${lead.unitId}-total`, 'leadUnit', lead.unitId, 'total', lead.total);
    const lag = cockpit.lagging[0];
    if (lag) await checkFigure(page, plan.id, `fig-unit-${lag.unitId}-red`, 'unit', lag.unitId, 'red', lag.red);
    const place = cockpit.byPlace[0];
    if (place) await checkFigure(page, plan.id, `fig-place-${place.regionId}-total`, 'place', place.regionId, 'total', place.total);
    await page.getByTestId('fig-all-all-overdue').click();
    await drawerCount(page);
    await screenshot(page, `cockpit-drill-${name}`, { fullPage: false });
    assert.deepEqual(problems, [], 'no console errors');
    await context.close();
  }
});

test('a leader\'s 批示 on a task is answered by the lead unit', async () => {
  const leader = await browser.newContext(DESKTOP);
  const lp = await leader.newPage();
  await signIn(lp, 'leader-shaoyang');
  const unitCtx = await browser.newContext(PHONE_390);
  const up = await unitCtx.newPage();
  await signIn(up, 'unit-scjg');
  const me = (await apiGet(up, '/api/me')).body;
  const mine = (await apiGet(up, '/api/tasks?pageSize=200')).body.items.find((t) => t.leadUnits.some((u) => u.id === me.unit.id));
  assert.ok(mine, 'a task the unit leads');

  const text = `请${me.unit.name}于月底前报送推进措施（${String(Date.now()).slice(-4)}）`;
  await lp.goto(`${BASE_URL}/tasks/${mine.id}?tab=instructions`);
  await lp.getByTestId('instruction-text').fill(text);
  await lp.getByTestId('instruction-submit').click();
  await lp.getByTestId('instruction-card').filter({ hasText: text }).waitFor();
  await screenshot(lp, 'instruction-written');

  const inbox = (await apiGet(up, '/api/notifications')).body.items;
  const note = inbox.find((n) => n.body.includes(text));
  assert.ok(note, 'the unit got the 批示 in its inbox');
  await up.goto(`${BASE_URL}${note.link}`);
  const card = up.getByTestId('instruction-card').filter({ hasText: text });
  await card.waitFor();
  await card.getByTestId('instruction-answer-text').fill('已制定推进方案，7月25日前报送');
  await card.getByTestId('instruction-answer-submit').click();
  await card.getByTestId('instruction-answer').filter({ hasText: '已制定推进方案，7月25日前报送' }).waitFor();
  await screenshot(up, 'instruction-answered-phone');

  await lp.reload();
  await lp.getByTestId('instruction-card').filter({ hasText: text }).getByTestId('instruction-answer').filter({ hasText: '已制定推进方案，7月25日前报送' }).waitFor();
  await screenshot(lp, 'instruction-answer-seen');
  // 领导批示 (the menu page a document's 批示 links to) lists it with its answer, for both sides.
  await lp.goto(`${BASE_URL}/instructions`);
  await lp.getByTestId('instructions-list').getByText(text).waitFor();
  await screenshot(lp, 'instructions-page');
  await up.goto(`${BASE_URL}/instructions`);
  await up.getByTestId('instructions-list').getByText('已制定推进方案，7月25日前报送').waitFor();
  await screenshot(up, 'instructions-page-phone');
  await leader.close();
  await unitCtx.close();
});

test('the 预警 export downloaded from the screen holds, cell by cell, the list the screen shows', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, 'office-shaoyang');
  const plan = (await apiGet(page, '/api/plans')).body.items.find((p) => p.title === SHAOYANG_PLAN);
  await page.goto(`${BASE_URL}/warnings?plan=${plan.id}&light=red`);
  const table = page.getByTestId('light-tasks');
  await table.locator('.ant-table-row').first().waitFor();
  const shownTitle = await page.locator('.light-list-title').textContent();
  const shownCount = Number(/(\d+)\s*项/.exec(shownTitle ?? '')?.[1]);
  const shown = await table.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td:not(.ant-table-selection-column)')].map((td) => td.textContent?.trim() ?? '')));
  // (the row checkboxes of batch 催办 are not a column of the list)
  await page.getByTestId('warnings-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-lights').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))));
  const ws = wb.worksheets[0];
  const cell = (r, c) => String(ws.getCell(r, c).value ?? '');
  assert.match(cell(1, 1), /预警清单（2023年7月，截至2023年7月6日）/);
  assert.match(cell(1, 1), /预警：红灯/);
  assert.equal(ws.rowCount - 2, shownCount, 'as many rows as the screen counts');
  shown.forEach((row, i) => {
    const r = 3 + i;
    assert.equal(cell(r, 1), row[0], `序号 of row ${i + 1}`);
    assert.equal(cell(r, 3), row[1], `任务 of row ${i + 1}`);
    assert.equal(cell(r, 4), row[2], `牵头单位 of row ${i + 1}`);
    assert.equal(cell(r, 6), '红灯');
  });
  await screenshot(page, 'warnings-export', { fullPage: false });
  await context.close();
});
