import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, YONGZHOU_PLAN, apiGet, apiSession, useBrowser, screenshot, signIn, waitForTotal } from './helpers.mjs';

const browser = useBrowser();

test('a unit user sees only its own tasks and gets 404 outside its scope', async () => {
  // Ids of a plan and a task the unit user must not see, looked up as the Yongzhou office.
  const asYongzhou = await apiSession('office-yongzhou');
  const yongzhou = (await asYongzhou('/api/plans')).body.items.find((p) => p.title === YONGZHOU_PLAN);
  assert.ok(yongzhou, 'office-yongzhou sees the Yongzhou plan');
  const foreignTask = (await asYongzhou(`/api/plans/${yongzhou.id}/tasks?pageSize=1`)).body.items[0];

  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'unit-scjg');
  const me = (await apiGet(page, '/api/me')).body;
  assert.ok(me.unit, 'unit-scjg belongs to a unit');

  await page.goto(`${BASE_URL}/tasks`);
  const all = (await apiGet(page, '/api/tasks?pageSize=200')).body;
  assert.ok(all.total > 0, 'the unit has tasks');
  await waitForTotal(page, all.total);
  for (const task of all.items) {
    const units = [...task.leadUnits, ...task.responsibleUnits].map((u) => u.id);
    assert.ok(units.includes(me.unit.id), `task ${task.id} involves ${me.unit.name}`);
  }
  assert.equal(await page.locator('.app-sider .ant-menu-item', { hasText: '用户' }).count(), 0, 'no 用户 menu for a unit user');
  await screenshot(page, 'unit-tasks');

  await page.goto(`${BASE_URL}/plans/${yongzhou.id}`);
  await page.getByTestId('not-found').waitFor();
  assert.match((await page.getByTestId('not-found').textContent()) ?? '', /方案不存在/);
  await screenshot(page, 'unit-plan-404');

  await page.goto(`${BASE_URL}/tasks/${foreignTask.id}`);
  await page.getByTestId('not-found').waitFor();
  await page.goto(`${BASE_URL}/tasks?task=${foreignTask.id}`);
  await page.locator('.ant-drawer-open [data-testid="not-found"]').waitFor();
  await context.close();
});
