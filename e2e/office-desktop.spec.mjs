import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, apiGet, useBrowser, screenshot, signIn, waitForTotal, watchConsole } from './helpers.mjs';
import { planFlow } from './plan-flow.mjs';

const browser = useBrowser();

test('office user filters the 邵阳 plan and opens a task (desktop)', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  const { planId } = await planFlow(page, { phone: false, shot: 'desktop' });

  // The indicator tree filters by indicator and keeps it in the URL.
  await page.goto(`${BASE_URL}/plans/${planId}`);
  await page.locator('.indicator-tree .ant-tree-node-content-wrapper', { hasText: '获得电力' }).first().click();
  await page.waitForURL((url) => url.searchParams.has('indicator'));
  const indicator = new URL(page.url()).searchParams.get('indicator');
  const count = (await apiGet(page, `/api/plans/${planId}/tasks?indicator=${indicator}&pageSize=1`)).body.total;
  await waitForTotal(page, count);

  // The page number is in the URL too.
  await page.goto(`${BASE_URL}/plans/${planId}`);
  await page.locator('.task-table .ant-pagination-item-2').click();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  const secondPage = (await apiGet(page, `/api/plans/${planId}/tasks?page=2&pageSize=20`)).body.items;
  await page.locator(`.task-table tr[data-row-key="${secondPage[0].id}"]`).waitFor();
  await page.reload();
  await page.locator(`.task-table tr[data-row-key="${secondPage[0].id}"]`).waitFor();
  assert.equal(await page.locator('.task-table .ant-pagination-item-active').textContent(), '2', 'reload stays on page 2');

  // Fields the importer was unsure of are marked, with a hint on hover.
  const firstPage = (await apiGet(page, `/api/plans/${planId}/tasks?pageSize=20`)).body.items;
  const unsure = firstPage.find((t) => t.uncertain.length > 0);
  if (unsure) {
    await page.goto(`${BASE_URL}/plans/${planId}`);
    const row = page.locator(`.task-table tr[data-row-key="${unsure.id}"]`);
    await row.locator('[data-uncertain]').first().hover();
    await page.locator('.ant-tooltip', { hasText: '导入时不确定，请核对' }).waitFor();
    await screenshot(page, 'desktop-uncertain', { fullPage: false });
  }

  // The all-tasks page with a shared drawer link.
  await page.goto(`${BASE_URL}/tasks?plan=${planId}&task=${firstPage[0].id}`);
  await page.locator('.ant-drawer-open [data-testid="task-detail"]').waitFor();
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await page.locator('.task-table .ant-table-row').first().waitFor();
  await screenshot(page, 'desktop-tasks');

  await page.goto(`${BASE_URL}/units`);
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, 'desktop-units');
  await page.goto(`${BASE_URL}/users`);
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, 'desktop-users');

  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});

test('the prose plan hides empty columns and shows sections', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'office-hunan');
  const plans = (await apiGet(page, '/api/plans')).body.items;
  const prose = plans.find((p) => p.layout === 'prose');
  assert.ok(prose, 'office-hunan sees the provincial prose plan');
  await page.goto(`${BASE_URL}/plans/${prose.id}`);
  await waitForTotal(page, prose.taskCount);
  await page.locator('.task-table .ant-table-row').first().waitFor();
  const headers = await page.locator('.task-table thead th').allTextContents();
  assert.ok(headers.includes('部分'), `prose plans call the first level 部分: ${headers.join('|')}`);
  assert.ok(!headers.includes('责任领导'), 'no 责任领导 column in a prose plan');
  await screenshot(page, 'desktop-prose-plan');
  await context.close();
});
