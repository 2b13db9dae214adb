/* global document, window -- page.evaluate callbacks run in the browser */
// The office user's main flow on the plan page, run at desktop and at phone size.
import assert from 'node:assert/strict';
import { SHAOYANG_PLAN, apiGet, canvasSettled, chooseUnit, eventually, screenshot, searchParams, settle, shownTotal, signIn, waitForTotal } from './helpers.mjs';

async function openNav(page, phone, label) {
  // Exact text: 方案 must not also match 导入方案.
  const exact = new RegExp(`^\\s*${label}\\s*$`);
  if (phone) {
    await page.getByTestId('nav-toggle').click();
    await page.locator('.ant-drawer-open .ant-menu-item', { hasText: exact }).click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await settle(page); // the drawer's slide-out animation
  } else {
    await page.locator('.app-sider .ant-menu-item', { hasText: exact }).click();
  }
}

/** No loading overlay left (a stuck spinner would fail here) and no dropdown open. */
async function settled(page) {
  await page.locator('.ant-spin-blur, .ant-table-loading').first().waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await settle(page);
}

async function assertNoSidewaysScroll(page, where) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px window`);
}

/** Signs in as office-shaoyang, opens the 邵阳 plan, filters, reloads, opens a task. */
export async function planFlow(page, { phone, shot }) {
  // Phone pages are very tall; the first screen is what matters for a look.
  const full = { fullPage: !phone };
  await signIn(page, 'office-shaoyang');
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  await canvasSettled(page.getByTestId('chart-indicators').locator('canvas')); // the bar animation, before the screenshot
  await screenshot(page, `${shot}-dashboard`, full);
  if (phone) await assertNoSidewaysScroll(page, 'dashboard');

  await openNav(page, phone, '方案');
  await page.waitForURL(/\/plans$/);
  await page.getByRole('link', { name: SHAOYANG_PLAN }).first().waitFor();
  await screenshot(page, `${shot}-plans`, full);
  await page.getByRole('link', { name: SHAOYANG_PLAN }).first().click();
  await page.waitForURL(/\/plans\/\d+/);
  const planId = Number(new URL(page.url()).pathname.split('/')[2]);
  await page.getByTestId('plan-header').waitFor();
  await waitForTotal(page, 204);
  await settled(page);
  await screenshot(page, `${shot}-plan`, full);
  if (phone) await assertNoSidewaysScroll(page, 'plan page');

  // Text search: the count matches the API and the filter is in the URL.
  const q = '营业执照';
  await page.locator('.filter-search input').fill(q);
  await page.locator('.filter-search input').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  const byText = (await apiGet(page, `/api/plans/${planId}/tasks?q=${encodeURIComponent(q)}&pageSize=1`)).body.total;
  assert.ok(byText > 0 && byText < 204, `search ${q} should narrow the plan, API says ${byText}`);
  await waitForTotal(page, byText);

  await page.reload();
  await waitForTotal(page, byText);
  assert.equal(await page.locator('.filter-search input').inputValue(), q, 'reload keeps the search text');

  // Unit filter (text cleared first), kept in the URL across a reload.
  await page.getByRole('button', { name: '重置' }).click();
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await waitForTotal(page, 204);
  if (phone) await page.locator('.filter-toggle').click();
  await chooseUnit(page, '市市场监管局');
  await page.waitForURL((url) => url.searchParams.has('unit'));
  const unitId = searchParams(page).get('unit');
  const byUnit = (await apiGet(page, `/api/plans/${planId}/tasks?unit=${unitId}&pageSize=1`)).body.total;
  assert.ok(byUnit > 0 && byUnit < 204, `unit filter should narrow the plan, API says ${byUnit}`);
  await waitForTotal(page, byUnit);
  await page.reload();
  await waitForTotal(page, byUnit);
  if (phone) await page.locator('.filter-toggle').click();
  assert.match((await page.locator('.filter-unit').textContent()) ?? '', /市市场监管局/, 'reload keeps the chosen unit');

  // Narrow to the tasks the unit leads.
  await page.locator('.filter-role').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '牵头' }).click();
  await page.waitForURL((url) => url.searchParams.get('role') === 'lead');
  const asLead = (await apiGet(page, `/api/plans/${planId}/tasks?unit=${unitId}&role=lead&pageSize=1`)).body.total;
  assert.ok(asLead > 0 && asLead <= byUnit, `lead tasks ${asLead} of ${byUnit}`);
  await waitForTotal(page, asLead);
  await settled(page);
  await screenshot(page, `${shot}-plan-filtered`, full);

  // Open the first task: the drawer shows its fields and the URL can be shared.
  const first = phone ? page.locator('.task-card').first() : page.locator('.task-table .ant-table-row').first();
  await first.click();
  await page.waitForURL((url) => url.searchParams.has('task'));
  const taskId = Number(searchParams(page).get('task'));
  const task = (await apiGet(page, `/api/tasks/${taskId}`)).body;
  const detail = page.locator('.ant-drawer-open [data-testid="task-detail"]');
  await detail.waitFor();
  const text = (await detail.textContent()) ?? '';
  assert.ok(text.includes(task.text), 'drawer shows the task text');
  for (const unit of [...task.leadUnits, ...task.responsibleUnits]) assert.ok(text.includes(unit.name), `drawer lists unit ${unit.name}`);
  assert.ok(task.leadUnits.some((u) => u.name === '市市场监管局'), 'the opened task is led by the chosen unit');
  if (task.deadlineRaw) assert.ok(text.includes(task.deadlineRaw), 'drawer shows the deadline');
  for (const b of task.basis) assert.ok(text.includes(b), `drawer shows basis ${b}`);
  assert.ok(text.includes(task.plan.title), 'drawer names the plan');
  await settle(page);
  await screenshot(page, `${shot}-task-drawer`, { fullPage: false });

  await page.reload();
  await page.locator('.ant-drawer-open [data-testid="task-detail"]').waitFor();
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.waitForURL((url) => !url.searchParams.has('task'));
  assert.equal(searchParams(page).get('unit'), unitId, 'closing the drawer keeps the filters');
  await eventually('total after closing drawer', async () => (await shownTotal(page)) === asLead);
  return { planId };
}
