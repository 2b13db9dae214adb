// 评价 in the browser: the office creates a round for the 邵阳 plan, enters indicator ranks (获得电力
// misses its 前5名 target), sees the 约谈 with its units, a what-if lifts it without saving, a refused
// import lists its cells; 单位考核 shows 骏马 / 蜗牛; a leader reads without edit controls; 375 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { BASE_URL, DESKTOP, PASSWORD, PHONE, SHAOYANG_PLAN, apiSession, eventually, useBrowser, screenshot, signIn, watchConsole, settle } from './helpers.mjs';

const browser = useBrowser();

const ROUND_TITLE = 'E2E 2023年度省营商环境评价';
let roundId;
let planId;

/** The <input> of an antd InputNumber carrying `testId` (on the input itself or its wrapper). */
async function numberInput(page, testId) {
  const el = page.getByTestId(testId).first();
  await el.waitFor();
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first();
}

async function fillNumber(page, testId, value) {
  const input = await numberInput(page, testId);
  await input.fill(String(value));
  await input.press('Tab');
}

async function openTab(page, name) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** The server's template with two broken cells in 指标排名 (column D is 全省排名). */
async function brokenTemplate(id) {
  const res = await fetch(`${BASE_URL}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'office-shaoyang', password: PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const xlsx = await fetch(`${BASE_URL}/api/assessment-rounds/${id}/template.xlsx`, { headers: { cookie } });
  assert.equal(xlsx.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await xlsx.arrayBuffer());
  const sheet = wb.getWorksheet('指标排名');
  sheet.getCell('D3').value = '第三';
  sheet.getCell('D5').value = 99;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the office creates a round, enters ranks, sees the 约谈 and lifts it in a what-if', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');

  await page.getByRole('menuitem', { name: /评价/ }).click();
  await page.waitForURL((url) => url.pathname === '/assessment' && url.searchParams.has('plan'));
  planId = Number(new URL(page.url()).searchParams.get('plan'));
  await eventually('the 邵阳 plan is chosen', async () => ((await page.getByTestId('assess-plan').textContent()) ?? '').includes(SHAOYANG_PLAN));

  // 新建评价轮次
  await page.getByTestId('round-create').click();
  const modal = page.locator('.ant-modal');
  await modal.locator('#title').fill(ROUND_TITLE);
  await modal.locator('#period').fill('2023');
  await settle(page);
  await screenshot(page, 'desktop-assessment-new-round', { fullPage: false });
  await modal.getByRole('button', { name: '新建' }).click();
  await page.waitForURL((url) => /^\/assessment\/rounds\/\d+$/.test(url.pathname));
  roundId = Number(/\/rounds\/(\d+)/.exec(page.url())[1]);
  await page.getByTestId('entry-tab').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('tab'), 'entry');

  // 录入: 开办企业 3 (前5名, met), 办理建筑许可 2 (前3名, met), 获得电力 7 (前5名, missed), 纳税 12
  // (前4名, missed and in the 良好 band: 约谈, 不得评优 and 追责问责).
  await fillNumber(page, 'rank-开办企业', 3);
  await fillNumber(page, 'rank-办理建筑许可', 2);
  await fillNumber(page, 'rank-获得电力', 7);
  await fillNumber(page, 'rank-纳税', 12);
  const row = page.getByTestId('indicator-rank-table').locator('tr', { hasText: '获得电力' });
  await row.getByText('未达标').waitFor();
  await page.getByTestId('save-indicator-ranks').click();
  await page.getByText('指标排名已保存').waitFor();
  await fillNumber(page, 'place-rank-邵东市', 20);
  await page.getByTestId('save-place-ranks').click();
  await page.getByText('县市区、园区排名已保存').waitFor();
  await settle(page);
  await screenshot(page, 'desktop-assessment-entry');

  // A refused import names sheet, row and column and writes nothing.
  const bad = await brokenTemplate(roundId);
  await page.locator('input[type="file"]').setInputFiles({ name: 'ranks.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
  const list = page.getByTestId('import-problems');
  await list.waitFor();
  const listText = (await list.textContent()) ?? '';
  assert.ok(listText.includes('指标排名') && listText.includes('D') && listText.includes('第三'), listText);
  assert.equal(await list.locator('tbody tr.ant-table-row').count(), 2);
  await page.getByTestId('import-error').scrollIntoViewIfNeeded();
  await screenshot(page, 'desktop-assessment-import-errors', { fullPage: false });
  const asOffice = await apiSession('office-shaoyang');
  const stored = (await asOffice(`/api/assessment-rounds/${roundId}/results`)).body;
  assert.equal(stored.indicators.find((i) => i.name === '开办企业').rank, 3, 'the refused import wrote nothing');

  // 结果
  await openTab(page, '结果');
  const results = page.getByTestId('results-table');
  await results.locator('tr', { hasText: '获得电力' }).getByText('未达标').waitFor();
  await results.locator('tr', { hasText: '开办企业' }).getByText('达标', { exact: true }).waitFor();
  await page.getByTestId('chart-rank-radar').locator('canvas').waitFor();
  await page.getByTestId('chart-rank-bars').locator('canvas').waitFor();
  assert.equal(await page.getByTestId('results-export').getAttribute('href'), `/api/assessment-rounds/${roundId}/results.xlsx`);
  await settle(page);
  await screenshot(page, 'desktop-assessment-results');

  // 后果: 约谈 for 获得电力, on its lead unit among others.
  await openTab(page, '后果');
  const interview = page.getByTestId('consequence-group-interview').getByTestId('consequence').filter({ hasText: '获得电力' });
  await interview.waitFor();
  const interviewText = (await interview.textContent()) ?? '';
  assert.ok(interviewText.includes('国网邵阳供电公司'), 'the lead unit of 获得电力 is named');
  assert.ok(interviewText.includes('未达成年度目标（前5名）'), interviewText);
  assert.ok(interviewText.includes('进行约谈'), 'the rule text is quoted');
  await page.getByTestId('consequence-group-accountability').getByTestId('consequence').filter({ hasText: '纳税' }).getByText('主要负责人', { exact: true }).waitFor();
  await screenshot(page, 'desktop-assessment-consequences');

  // 模拟: 获得电力 reaches rank 4 → its 约谈 is removed; nothing is saved.
  await openTab(page, '模拟');
  await fillNumber(page, 'whatif-获得电力', 4);
  await page.getByTestId('whatif-run').click();
  const removed = page.getByTestId('whatif-removed');
  await removed.getByTestId('consequence').filter({ hasText: '获得电力' }).waitFor();
  assert.ok(((await removed.textContent()) ?? '').includes('约谈'));
  assert.equal(await page.getByTestId('whatif-added').getByTestId('consequence').count(), 0);
  await settle(page);
  await screenshot(page, 'desktop-assessment-whatif');
  const after = (await asOffice(`/api/assessment-rounds/${roundId}/results`)).body;
  assert.equal(after.indicators.find((i) => i.name === '获得电力').rank, 7, 'the what-if saved nothing');
  assert.ok(after.consequences.some((c) => c.action === 'interview' && c.subject === '获得电力'));

  // 表彰建议
  await openTab(page, '表彰建议');
  await page.getByTestId('awards-tab').getByText('开办企业').waitFor();
  await screenshot(page, 'desktop-assessment-awards');

  // 单位考核 (标准量化), seed 003's period.
  await page.goto(`${BASE_URL}/assessment/units?plan=${planId}&period=2023-06`);
  const table = page.getByTestId('unit-score-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  await table.locator('.assess-row-best').first().waitFor();
  await table.getByText('骏马').first().waitFor();
  await page.getByTestId('unit-worst').waitFor();
  await page.getByTestId('weights-form').waitFor();
  await screenshot(page, 'desktop-assessment-units');

  assert.deepEqual(problems, []);
  await context.close();
});

test('a leader sees the results but no edit controls', async () => {
  assert.ok(roundId, 'the first test created a round');
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'leader-shaoyang');
  await page.getByRole('menuitem', { name: /评价/ }).click();
  await page.getByTestId('round-list').getByText(ROUND_TITLE).waitFor();
  assert.equal(await page.getByTestId('round-create').count(), 0, 'no 新建评价轮次 for a leader');
  await screenshot(page, 'desktop-assessment-rounds', { fullPage: false });

  await page.goto(`${BASE_URL}/assessment/rounds/${roundId}?tab=entry`);
  await page.getByTestId('results-tab').waitFor();
  assert.equal(await page.getByRole('tab', { name: '录入' }).count(), 0, 'no 录入 tab');
  assert.equal(await page.getByTestId('round-edit').count(), 0, 'no 编辑');
  assert.equal(await page.getByTestId('save-indicator-ranks').count(), 0);
  await page.getByTestId('results-table').locator('tr', { hasText: '获得电力' }).getByText('未达标').waitFor();
  await openTab(page, '后果');
  await page.getByTestId('consequence-group-interview').getByTestId('consequence').filter({ hasText: '获得电力' }).waitFor();
  await screenshot(page, 'desktop-assessment-leader');

  await page.goto(`${BASE_URL}/assessment/units?plan=${planId}&period=2023-06`);
  await page.getByTestId('weights-view').waitFor();
  assert.equal(await page.getByTestId('weights-form').count(), 0, 'weights are read-only for a leader');

  // The API agrees: a leader may not write.
  const asLeader = await apiSession('leader-shaoyang');
  assert.equal((await asLeader(`/api/assessment-rounds/${roundId}`)).body.permissions.manage, false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the round reads well at 375 px', async () => {
  assert.ok(roundId, 'the first test created a round');
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/assessment/rounds/${roundId}?tab=results`);
  await page.getByTestId('results-table').locator('tr', { hasText: '获得电力' }).waitFor();
  await page.getByTestId('chart-rank-radar').locator('canvas').waitFor();
  await settle(page);
  const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
  assert.ok(width <= 376, `no sideways scrolling at 375 px (page is ${width} px wide)`);
  await screenshot(page, 'phone-assessment-results', { fullPage: false });
  await page.getByTestId('chart-rank-radar').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'phone-assessment-charts', { fullPage: false });
  await openTab(page, '后果');
  await page.getByTestId('consequence').first().waitFor();
  await screenshot(page, 'phone-assessment-consequences', { fullPage: false });
  await openTab(page, '录入');
  await page.getByTestId('indicator-rank-table').waitFor();
  assert.ok((await page.evaluate(() => globalThis.document.documentElement.scrollWidth)) <= 376, 'the entry table fits');
  await screenshot(page, 'phone-assessment-entry', { fullPage: false });
  await page.goto(`${BASE_URL}/assessment/units?plan=${planId}&period=2023-06`);
  await page.getByTestId('unit-score-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.ok((await page.evaluate(() => globalThis.document.documentElement.scrollWidth)) <= 376, 'the unit table scrolls inside its card');
  await screenshot(page, 'phone-assessment-units', { fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});
