// 考核规则 per plan in the browser: 永州's results say it has no rules (no 邵阳 文号) and link to 方案设置,
// where the office picks seed 000's template, edits the basis and a band, saves; the results then
// cite 永州's own basis.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, YONGZHOU_PLAN, apiGet, eventually, useBrowser, screenshot, signIn, watchConsole } from './helpers.mjs';

const browser = useBrowser();

/** POST/PUT with the page's session (same origin, as the web app would). */
function apiSend(page, method, path, body) {
  return page.evaluate(async ({ m, p, b }) => {
    const res = await fetch(p, { method: m, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
    return { status: res.status, body: await res.json() };
  }, { m: method, p: path, b: body });
}

test('永州 without rules says so; the office picks the template, edits it and the results follow', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-yongzhou');
  const plan = (await apiGet(page, '/api/plans')).body.items.find((p) => p.title === YONGZHOU_PLAN);
  assert.ok(plan, 'the 永州 plan is listed');
  const indicator = (await apiGet(page, `/api/plans/${plan.id}`)).body.indicators.find((i) => i.kind === 'indicator');
  const round = await apiSend(page, 'POST', `/api/plans/${plan.id}/assessment-rounds`, { title: 'E2E 永州2022年度评价', period: '2022' });
  assert.equal(round.status, 201);
  assert.equal((await apiSend(page, 'PUT', `/api/assessment-rounds/${round.body.id}/indicator-ranks`, { items: [{ indicatorId: indicator.id, rank: 13 }] })).status, 200);

  await page.goto(`${BASE_URL}/assessment/rounds/${round.body.id}`);
  await page.getByRole('tab', { name: /^后果/ }).click();
  const tab = page.getByTestId('consequences-tab');
  await tab.getByText('本方案未设置考核规则').waitFor();
  assert.ok(!((await page.content()).includes('邵市政办函')), 'no 邵阳 文号 on 永州 results');
  await tab.getByRole('link', { name: '设置考核规则' }).click();

  const form = page.getByTestId('assessment-rules-form');
  await form.waitFor();
  await form.getByTestId('rule-template').click();
  await page.getByTitle(/邵阳市2023年考核规则/).click();
  await form.getByTestId('rule-rows').waitFor();
  await form.getByLabel('规则名称', { exact: true }).fill('永州市2022年考核规则');
  await form.getByLabel('考核依据', { exact: true }).fill('永州市2022年实施方案 考核办法');
  await screenshot(page, 'desktop-plan-rules', { fullPage: false });
  await form.getByRole('button', { name: '保存考核规则' }).click();
  await page.getByText('考核规则已保存').waitFor();

  const results = await eventually('the results follow the saved rules', async () => {
    const r = (await apiGet(page, `/api/assessment-rounds/${round.body.id}/results`)).body;
    return r.rules?.source === '永州市2022年实施方案 考核办法' ? r : null;
  });
  // Rank 13 of 14 is in the template's 良好 band (11—14): 不得评优 and 追责问责 for the indicator.
  assert.deepEqual(results.consequences.filter((c) => c.subject === indicator.name).map((c) => c.action).sort(), ['accountability', 'no-excellent-rating']);
  assert.ok(!JSON.stringify(results).includes('邵市政办函'));
  assert.deepEqual(problems, []);
  await context.close();
});
