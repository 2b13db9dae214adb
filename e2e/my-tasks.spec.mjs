/* global document, window -- page.evaluate callbacks run in the browser */
// 我的任务 of a county government (冷水滩区, 100+ tasks) on a 390 px phone: search, filters, urgency
// order, grouping by plan and paging, every total recomputed from the unfiltered API list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, apiSession, eventually, screenshot, signIn, useBrowser } from './helpers.mjs';

const browser = useBrowser();
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** Every console error (a failed resource too) and React/antd warning. */
function strictConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
    if (msg.type() === 'warning' && /antd|React|Warning/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function shownMyTotal(page) {
  return Number((await page.getByTestId('my-task-total').textContent())?.trim());
}

test('a county finds its urgent tasks on a 390 px phone', async () => {
  const api = await apiSession('county-lengshuitan');
  const all = (await api('/api/my-tasks')).body.items;
  assert.ok(all.length > 50, `the county has many tasks (${all.length})`);

  const context = await browser.newContext(PHONE_390);
  const page = await context.newPage();
  const problems = strictConsole(page);
  await signIn(page, 'county-lengshuitan');
  await page.goto(`${BASE_URL}/my-tasks`);
  await page.getByTestId('my-task-total').waitFor();
  assert.equal(await shownMyTotal(page), all.length, 'the total is every task of the unit');
  // Most urgent first: the first card is overdue when any task is.
  // Every task of the unit, page by page (other browser tests may have given it more than one page).
  const search = { items: [] };
  for (let page = 1; ; page++) {
    const body = (await api(`/api/my-tasks/search?group=none&pageSize=200&page=${page}`)).body;
    search.items.push(...body.items);
    if (body.items.length < 200) break;
  }
  const anyOverdue = search.items.some((i) => i.overdue);
  if (anyOverdue) assert.match((await page.getByTestId('my-task').first().getAttribute('class')) ?? '', /is-overdue/);
  // Paging: 50 cards on the first page, the rest on the next ones.
  assert.equal(await page.getByTestId('my-task').count(), Math.min(50, all.length));
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px too wide)`);
  await screenshot(page, 'phone-my-tasks-filters', { fullPage: false });

  // Search: the count equals the tasks whose text holds the word.
  const word = '企业';
  await page.getByTestId('my-task-filters').locator('input').first().fill(word);
  const expected = all.filter((t) => `${t.seq} ${t.text} ${t.planTitle}`.toLowerCase().includes(word)).length;
  await eventually(`search total ${expected}`, async () => (await shownMyTotal(page)) === expected);
  for (const text of await page.getByTestId('my-task').allTextContents()) assert.ok(text.includes(word) || /企业/.test(text));

  // Only overdue ones: each card says so.
  await page.getByTestId('my-task-due').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已逾期' }).click();
  // The same match as the search (number, text and plan title).
  const overdue = search.items.filter((i) => i.overdue && `${i.seq} ${i.text} ${i.planTitle}`.toLowerCase().includes(word)).length;
  await eventually(`overdue total ${overdue}`, async () => (await shownMyTotal(page)) === overdue);
  assert.equal(new URL(page.url()).searchParams.get('due'), 'overdue');
  await screenshot(page, 'phone-my-tasks-overdue', { fullPage: false });

  // Clear, group by plan, page 2.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await eventually('all again', async () => (await shownMyTotal(page)) === all.length);
  await page.getByTestId('my-task-group').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '按方案分组' }).click();
  await page.locator('[data-testid^="group-plan-"]').first().waitFor();
  if (all.length > 50) {
    const first = await page.getByTestId('my-task').first().getAttribute('data-task-id');
    await page.locator('.my-task-pages .ant-pagination-next').click();
    await eventually('page 2', async () => (await page.getByTestId('my-task').first().getAttribute('data-task-id')) !== first);
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  }
  assert.deepEqual(problems, [], 'no console errors');
  await context.close();

  const desk = await browser.newContext(DESKTOP);
  const wide = await desk.newPage();
  await signIn(wide, 'county-lengshuitan');
  await wide.goto(`${BASE_URL}/my-tasks?due=overdue`);
  await wide.getByTestId('my-task-total').waitFor();
  await screenshot(wide, 'desktop-my-tasks-filters', { fullPage: false });
  await desk.close();
});
