/* global document, window -- page.evaluate callbacks run in the browser */
// The 工作台 around 待办: the office's counts equal the lists they open and the menu badge; 本期未报送
// 单位 and a batch 督办 of 20 units (one numbered order each); a unit's 工作台 at 390 px with 签收.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, PASSWORD, SHAOYANG_PLAN, apiSession, eventually, screenshot, signIn, useBrowser, watchConsole } from './helpers.mjs';

const browser = useBrowser();
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** Signs in outside the browser; returns a JSON sender (POST, PATCH …). */
async function apiSender(login) {
  const res = await fetch(`${BASE_URL}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  assert.ok(res.ok, `login ${login}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (method, path, body) => {
    const r = await fetch(`${BASE_URL}${path}`, { method, headers: { cookie, 'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: r.status === 204 ? null : await r.json() };
  };
}

/** The counts the tiles show, by section key. */
async function shownCounts(page) {
  const out = {};
  for (const tile of await page.locator('[data-testid^="wb-count-"]').all()) {
    const key = (await tile.getAttribute('data-testid')).replace('wb-count-', '');
    out[key] = Number(await tile.locator('.wb-tile-count').textContent());
  }
  return out;
}

/** Rows a section lists once expanded. */
async function listedRows(page, key) {
  const section = page.getByTestId(`wb-section-${key}`);
  const more = section.getByRole('button', { name: /展开全部/ });
  if (await more.count()) await more.click();
  return section.getByTestId('wb-item').count();
}

async function shaoyangPlanId(get) {
  const plans = (await get('/api/plans')).body.items;
  return plans.find((p) => p.title === SHAOYANG_PLAN).id;
}

test('the office workbench: every count equals its list, the API and the menu badge', async () => {
  const get = await apiSession('office-shaoyang');
  const api = (await get('/api/workbench')).body;
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  await page.getByTestId('wb-tiles').waitFor();
  const shown = await shownCounts(page);
  for (const s of api.sections) {
    assert.equal(shown[s.key], s.count, `${s.title}: tile = API`);
    const open = s.items.filter((i) => !i.done).length;
    assert.equal(s.count, open, `${s.title}: count = its open items`);
    assert.equal(await listedRows(page, s.key), s.items.length, `${s.title}: the list shows every item`);
  }
  assert.ok(shown.unreported > 0, 'units have not reported May');
  const badge = page.getByTestId('nav-badge-workbench');
  await eventually('the menu badge', async () => Number((await badge.textContent())?.replace(/\D/g, '')) === Math.min(api.badges.workbench, 99) || (api.badges.workbench > 99 && (await badge.textContent())?.includes('99+')));
  await page.getByTestId('chart-indicators').locator('canvas').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'workbench-office', { fullPage: false });

  // 一键催报 opens 本期未报送单位: its table lists what the tile counts for this plan.
  await page.getByTestId('wb-urge-all').click();
  await page.waitForURL(/\/workbench\/unreported/);
  const planId = await shaoyangPlanId(get);
  const list = (await get(`/api/plans/${planId}/unreported-units`)).body;
  await page.getByTestId('unreported-count').waitFor();
  assert.equal(await page.getByTestId('unreported-count').textContent(), `共 ${list.units.length} 个单位未报送`);
  const perPlan = api.sections.find((s) => s.key === 'unreported').items.filter((i) => i.planId === planId).length;
  assert.equal(perPlan, list.units.length);
  await screenshot(page, 'workbench-unreported');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a batch 督办 of 20 units: one numbered order each, all listed awaiting reply', async () => {
  const get = await apiSession('office-shaoyang');
  const planId = await shaoyangPlanId(get);
  const list = (await get(`/api/plans/${planId}/unreported-units`)).body;
  assert.ok(list.units.length >= 20, `${list.units.length} units unreported`);
  const before = (await get('/api/workbench')).body.sections.find((s) => s.key === 'orders').count;

  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/workbench/unreported?plan=${planId}`);
  const boxes = page.locator('[data-testid="unreported-table"] tbody .ant-checkbox-input');
  await boxes.first().waitFor();
  for (let i = 0; i < 20; i++) await boxes.nth(i).check();
  await page.getByTestId('order-selected').click();
  const modal = page.getByRole('dialog', { name: '批量下发督办单' });
  await modal.getByText('已选 20 个单位').waitFor();
  await modal.getByTestId('batch-message').fill('请于回复期限前报送本期进展，并说明未按期报送的原因。');
  const day = page.locator('.ant-picker-dropdown:visible .ant-picker-cell-in-view:not(.ant-picker-cell-disabled)').last();
  await eventually('the 回复期限 calendar', async () => {
    if (!(await day.isVisible())) await modal.locator('.ant-picker').click();
    return day.isVisible();
  }, 20_000);
  await day.click();
  await screenshot(page, 'workbench-batch-form', { fullPage: false });
  await modal.getByRole('button', { name: '下发' }).click();
  const result = modal.getByTestId('batch-result');
  await result.waitFor();
  await modal.getByText('已向 20 个单位下发督办单').waitFor();
  const numbers = (await result.locator('.ant-list-item .muted').allTextContents()).map((t) => t.trim());
  assert.equal(numbers.length, 20);
  const seqs = numbers.map((n) => Number(/〔\d{4}〕(\d+)号$/.exec(n)?.[1]));
  assert.deepEqual(seqs, seqs.map((_, k) => seqs[0] + k), 'consecutive numbers');
  assert.ok(numbers.every((n) => n.startsWith(numbers[0].split('〔')[0])), 'one region prefix');
  await screenshot(page, 'workbench-batch-done', { fullPage: false });
  await modal.getByRole('button', { name: '完成' }).click();

  const orders = (await get('/api/workbench')).body.sections.find((s) => s.key === 'orders');
  assert.equal(orders.count, before + 20);
  const listed = new Set(orders.items.map((i) => i.title.split(' · ')[0]));
  for (const n of numbers) assert.ok(listed.has(n), `${n} awaits its reply`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a unit workbench at 390 px: due this period, orders to answer, 签收 of a new task', async () => {
  // The office assigns 市税务局 to a task it did not have: a new task to sign for.
  const send = await apiSender('office-shaoyang');
  const get = await apiSession('office-shaoyang');
  const planId = await shaoyangPlanId(get);
  const asTax = await apiSession('unit-sy-tax');
  const me = (await asTax('/api/me')).body;
  const mine = new Set((await asTax('/api/my-tasks')).body.items.map((t) => t.taskId));
  const tasks = (await get(`/api/plans/${planId}/tasks?pageSize=200`)).body.items;
  const task = tasks.find((t) => !mine.has(t.id));
  const patched = await send('PATCH', `/api/tasks/${task.id}`, { responsibleUnitIds: [...task.responsibleUnits.map((u) => u.id), me.unit.id] });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const api = (await asTax('/api/workbench')).body;

  const context = await browser.newContext(PHONE_390);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'unit-sy-tax');
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId('wb-tiles').waitFor();
  const shown = await shownCounts(page);
  for (const s of api.sections) assert.equal(shown[s.key], s.count, `${s.title}: tile = API`);
  const receipt = page.locator(`[data-testid="wb-section-receipts"] [data-key="task-${task.id}-${me.unit.id}"]`);
  await receipt.waitFor();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `no sideways scroll (${scrollWidth} in ${innerWidth})`);
  await screenshot(page, 'workbench-unit-phone', { fullPage: false });
  await receipt.scrollIntoViewIfNeeded();
  await screenshot(page, 'workbench-unit-phone-receipts', { fullPage: false });
  await receipt.getByTestId('wb-sign').click();
  await receipt.waitFor({ state: 'detached' });
  const after = (await asTax('/api/workbench')).body.sections.find((s) => s.key === 'receipts');
  assert.equal(after.count, api.sections.find((s) => s.key === 'receipts').count - 1);
  assert.equal(Number(await page.getByTestId('wb-count-receipts').locator('.wb-tile-count').textContent()), after.count);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the 预警 board: select red tasks → 批量催办 to their lead units, one record per unit', async () => {
  const get = await apiSession('office-shaoyang');
  const planId = await shaoyangPlanId(get);
  const lights = (await get(`/api/plans/${planId}/lights`)).body;
  const red = lights.tasks.filter((t) => t.light === 'red');
  assert.ok(red.length >= 2, 'the board has red tasks');
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/warnings?plan=${planId}&light=red`);
  const rows = page.locator('[data-testid="light-tasks"] tbody tr.ant-table-row');
  await rows.first().waitFor();
  const seqs = [];
  for (let i = 0; i < 2; i++) {
    await rows.nth(i).locator('.ant-checkbox-input').check();
    seqs.push(Number((await rows.nth(i).locator('td').nth(1).textContent()).trim()));
  }
  const taskIds = seqs.map((s) => red.find((t) => t.seq === s).taskId);
  await page.getByTestId('batch-bar').getByText('所选 2 项').waitFor();
  await page.getByTestId('batch-remind').click();
  const modal = page.getByRole('dialog', { name: '批量催办' });
  await modal.getByRole('button', { name: '发送' }).click();
  const result = modal.getByTestId('batch-result');
  await result.waitFor();
  const names = (await result.locator('.ant-list-item > span:first-child').allTextContents()).map((t) => t.trim());
  await modal.getByText(`已向 ${names.length} 个单位发出催办`).waitFor();
  await screenshot(page, 'workbench-warnings-batch', { fullPage: false });
  // Every unit reached has the reminder on each selected task it leads; none twice.
  assert.equal(new Set(names).size, names.length);
  const reached = new Set();
  for (const id of taskIds) {
    for (const u of (await get(`/api/tasks/${id}/urges`)).body.items) if (u.kind === 'reminder' && (u.taskId === id || u.taskIds.includes(id))) reached.add(u.unitName);
  }
  assert.deepEqual([...reached].sort(), [...names].sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the office and the leader at 390 px: workbench and 本期未报送单位 fit the phone', async () => {
  for (const login of ['office-shaoyang', 'leader-shaoyang']) {
    const context = await browser.newContext(PHONE_390);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, login);
    await page.goto(`${BASE_URL}/`);
    await page.getByTestId('wb-tiles').waitFor();
    if (login === 'leader-shaoyang') {
      await page.getByRole('link', { name: '领导驾驶舱' }).waitFor();
      assert.equal(await page.getByTestId('wb-count-drafts').count(), 0, 'no import drafts for a leader');
    }
    const fits = async (where) => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      assert.ok(scrollWidth <= innerWidth, `${login} ${where}: ${scrollWidth}px wide in ${innerWidth}px`);
    };
    await fits('workbench');
    await screenshot(page, `workbench-${login}-phone`, { fullPage: false });
    await page.goto(`${BASE_URL}/workbench/unreported`);
    await page.getByTestId('unreported-count').waitFor();
    await fits('unreported');
    await screenshot(page, `workbench-unreported-${login}-phone`, { fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a batch 督办单 prints every task it covers, not only the first', async () => {
  const get = await apiSession('office-shaoyang');
  const send = await apiSender('office-shaoyang');
  const planId = await shaoyangPlanId(get);
  const unit = (await get(`/api/plans/${planId}/unreported-units`)).body.units.find((u) => u.taskIds.length >= 3);
  assert.ok(unit, 'a unit with at least three unreported tasks');
  const { today } = (await get('/api/system')).body;
  const issued = await send('POST', '/api/supervision/batch-urges', { planId, kind: 'order', unitIds: [unit.unitId], message: '请逐项说明未报送原因。', replyBy: today });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const [order] = issued.body.items;
  assert.deepEqual([...order.taskIds].sort((a, b) => a - b), [...unit.taskIds].sort((a, b) => a - b));
  const covered = await Promise.all(order.taskIds.map(async (id) => (await get(`/api/tasks/${id}`)).body));

  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  // Opened from the last covered task's page: the print still lists all of them.
  const from = order.taskIds[order.taskIds.length - 1];
  await page.goto(`${BASE_URL}/tasks/${from}/orders/${order.urgeId}`);
  const doc = page.getByTestId('order-doc');
  await doc.waitFor();
  await doc.getByTestId('order-task').first().waitFor();
  const shown = await doc.getByTestId('order-task').allTextContents();
  assert.equal(shown.length, covered.length);
  const bySeq = [...covered].sort((a, b) => a.seq - b.seq);
  bySeq.forEach((t, i) => {
    assert.ok(shown[i].includes(`任务 ${t.seqCn ?? t.seq}：`), `line ${i + 1} is task ${t.seq}: ${shown[i]}`);
    assert.ok(shown[i].includes(t.text), `task ${t.seq}'s text is printed`);
  });
  assert.ok(((await doc.textContent()) ?? '').includes(order.number));
  assert.ok(((await doc.textContent()) ?? '').includes(order.unitName));
  await screenshot(page, 'order-print-batch');
  assert.deepEqual(problems, []);
  await context.close();
});
