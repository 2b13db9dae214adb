/* global document, window -- page.evaluate callbacks run in the browser */
// 导入方案 (issue 3): upload a plan document, review and edit the draft, map a unit, commit; a file
// that cannot be read shows the API's message; re-import a revised file and apply the diff; at 375 px
// the review screen stays within the window (the task table scrolls inside its card).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, DESKTOP, PHONE, apiGet, eventually, useBrowser, screenshot, signIn, waitForTotal, watchConsole } from './helpers.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SEED = join(root, 'fixtures/seeds/001_918f3dbd45cf2deb.txt');
const SEED_000 = join(root, 'fixtures/seeds/000_23aeba6d139cf540.txt');
const TITLE = '永州市优化营商环境2022年度重点任务实施方案（导入测试）';
const EDITED_TEXT = '深化企业开办标准化规范化改革，推行“一窗办、一网办、一次办”，企业开办全流程压缩至1个工作日办结（审核时修改）。';
const NEW_NAME = '市数据资源局';
const MAPPED_TO = '市发改委';

const browser = useBrowser();

async function uploadSeed(page, file = SEED) {
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(file);
  await page.waitForURL(/\/imports\/\d+$/, { timeout: 60_000 });
  await page.getByTestId('import-review').waitFor();
}

async function assertNoSidewaysScroll(page, where) {
  // A phone widens its layout viewport to fit overflowing content, so compare with the device width too.
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  const width = PHONE.viewport.width;
  assert.ok(scrollWidth <= width && innerWidth <= width, `${where}: page is ${scrollWidth}px wide (layout viewport ${innerWidth}px) on a ${width}px phone`);
}

/** A signed-in page in a fresh browser context, with console problems collected. */
async function signedInPage(viewport, user) {
  const context = await browser.newContext(viewport);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, user);
  return { context, page, problems };
}

/** Leaves an inline editor (blur saves it) by clicking a neutral spot. */
async function blur(page) {
  await page.getByTestId('draft-total').click();
}

test('office imports the 永州 plan: preview 121 tasks, edit, map a unit, commit, re-import a revision', async () => {
  const { context, page, problems } = await signedInPage(DESKTOP, 'office-yongzhou');

  // From the 方案 list to the import screen.
  await page.goto(`${BASE_URL}/plans`);
  await page.getByTestId('import-plan').click();
  await page.waitForURL(/\/imports$/);
  await page.getByRole('heading', { name: '导入方案' }).waitFor();
  await screenshot(page, 'import-upload');

  await uploadSeed(page);
  await eventually('121 tasks in the preview', async () => /共 121 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  assert.equal(await page.locator('.draft-task-table .ant-table-tbody tr.ant-table-row').count(), 20, 'first page of the preview');
  await screenshot(page, 'import-review', { fullPage: false });

  // Metadata: a distinct title so the demo plan stays the only one with its name.
  await page.getByLabel('方案标题').fill(TITLE);

  // Edit one cell: the first task's text.
  await page.getByTestId('cell-text-0').click();
  await page.getByTestId('cell-text-0-input').fill(EDITED_TEXT);
  await blur(page);
  await eventually('edited text shown', async () => ((await page.getByTestId('cell-text-0').textContent()) ?? '').includes('审核时修改'));

  // Add a responsible unit the catalogue does not know: it appears unmatched in the mapping panel.
  await page.getByTestId('cell-responsible-0').click();
  await page.locator('[data-testid="cell-responsible-0-input"] input').fill(NEW_NAME);
  await page.keyboard.press('Enter');
  await blur(page);
  await eventually('new unit shown as a tag', async () => ((await page.getByTestId('cell-responsible-0').textContent()) ?? '').includes(NEW_NAME));

  await page.getByTestId('save-draft').click();
  await page.locator('.ant-message', { hasText: '修改已保存' }).waitFor();
  const row = page.locator(`[data-testid="unit-map-row"][data-name="${NEW_NAME}"]`);
  await row.waitFor();
  assert.ok(await row.evaluate((el) => el.classList.contains('unit-map-open')), 'the new name is not matched');

  // Map it to an existing unit and keep the name as that unit's alias.
  await row.locator('.unit-map-select').click();
  await page.keyboard.type(MAPPED_TO);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: MAPPED_TO }).first().click();
  await row.getByRole('button', { name: '添加为别名' }).click();
  await page.locator('.ant-message', { hasText: '添加为' }).waitFor();
  await row.getByRole('button', { name: '已添加为别名' }).waitFor();
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-unit-mapping', { fullPage: false });

  // Commit: one call, then the new plan with all tasks.
  await page.getByTestId('commit-import').click();
  await page.waitForURL(/\/plans\/\d+$/, { timeout: 60_000 });
  const planId = Number(new URL(page.url()).pathname.split('/')[2]);
  await page.getByTestId('plan-header').waitFor();
  await waitForTotal(page, 121);
  assert.match((await page.getByTestId('plan-header').textContent()) ?? '', /导入测试/);
  const first = (await apiGet(page, `/api/plans/${planId}/tasks?pageSize=1`)).body.items[0];
  assert.equal(first.text, EDITED_TEXT, 'the edited text was imported');
  // Task–unit links keep the name as written, resolved to the chosen unit; no unit of that name was created.
  const units = (await apiGet(page, '/api/units')).body.items;
  const target = units.find((u) => u.name === MAPPED_TO);
  assert.ok(target?.aliases.includes(NEW_NAME), 'the written name is now an alias of the chosen unit');
  assert.ok(!units.some((u) => u.name === NEW_NAME), 'no unit was created for the mapped name');
  assert.equal(first.responsibleUnits.find((u) => u.name === NEW_NAME)?.id, target.id, 'the written name links to the chosen unit');
  await screenshot(page, 'import-committed-plan', { fullPage: false });

  // Re-import the original file as a revision of the imported plan: task 1's text differs.
  await page.getByTestId('upload-revision').click();
  await page.waitForURL((url) => url.pathname === '/imports' && url.searchParams.get('plan') === String(planId));
  await uploadSeed(page);
  const diff = page.getByTestId('import-diff');
  await diff.waitFor();
  const changed = page.getByTestId('diff-changed');
  assert.match((await changed.textContent()) ?? '', /审核时修改/, 'the changed text is shown from → to');
  await screenshot(page, 'import-diff', { fullPage: false });
  await page.getByTestId('apply-diff').click();
  await page.waitForURL(new RegExp(`/plans/${planId}$`), { timeout: 60_000 });
  await waitForTotal(page, 121);
  const revised = (await apiGet(page, `/api/plans/${planId}/tasks?pageSize=1`)).body.items[0];
  assert.ok(!revised.text.includes('审核时修改'), 'the revision replaced the edited text');

  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});

test('a file that is not a plan shows the server message', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'office-yongzhou');
  await page.goto(`${BASE_URL}/imports`);
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles({ name: 'garbage.pdf', mimeType: 'application/pdf', buffer: randomBytes(4096) });
  const error = page.getByTestId('import-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /garbage\.pdf.*无法读取/);
  assert.match(new URL(page.url()).pathname, /^\/imports$/, 'stays on the upload screen');
  await screenshot(page, 'import-error', { fullPage: false });
  await context.close();
});

test('the review screen is usable at 375 px and 放弃 discards the draft', async () => {
  const { context, page, problems } = await signedInPage(PHONE, 'office-yongzhou');
  await page.goto(`${BASE_URL}/imports`);
  await page.getByRole('heading', { name: '导入方案' }).waitFor();
  await assertNoSidewaysScroll(page, 'upload screen');
  await screenshot(page, 'phone-import-upload', { fullPage: false });

  // The same bytes as a Markdown buffer: setInputFiles with a buffer, as a phone picker would give.
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles({ name: '001.md', mimeType: 'text/markdown', buffer: readFileSync(SEED) });
  await page.waitForURL(/\/imports\/\d+$/, { timeout: 60_000 });
  const importId = Number(new URL(page.url()).pathname.split('/')[2]);
  await eventually('121 tasks in the preview', async () => /共 121 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  await assertNoSidewaysScroll(page, 'review screen');
  const table = await page.locator('.draft-task-table .ant-table-content, .draft-task-table .ant-table-body').first().evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(table.scrollWidth > table.clientWidth, 'the task table scrolls sideways inside its container');
  await screenshot(page, 'phone-import-review', { fullPage: false });
  await page.getByTestId('draft-total').scrollIntoViewIfNeeded();
  await screenshot(page, 'phone-import-table', { fullPage: false });
  await page.getByTestId('unit-mapping').scrollIntoViewIfNeeded();
  await screenshot(page, 'phone-import-units', { fullPage: false });

  // An inline edit works on a phone too.
  await page.getByTestId('cell-deadline-0').click();
  await page.getByTestId('cell-deadline-0-input').fill('2022年8月底前');
  await page.getByTestId('cell-deadline-0-input').press('Enter');
  await eventually('deadline edited', async () => ((await page.getByTestId('cell-deadline-0').textContent()) ?? '').includes('2022年8月底前'));
  await assertNoSidewaysScroll(page, 'review screen after an edit');

  await page.getByRole('button', { name: '放弃' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '放弃' }).click();
  await page.waitForURL(/\/plans$/);
  const gone = await apiGet(page, `/api/imports/${importId}`);
  assert.equal(gone.body.status, 'discarded', 'the draft is discarded');
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});

test('warnings quote the source text they point at and jump to their task', async () => {
  const { context, page, problems } = await signedInPage(DESKTOP, 'office-shaoyang');
  await page.goto(`${BASE_URL}/imports`);
  await uploadSeed(page, SEED_000);
  await eventually('204 tasks in the preview', async () => /共 204 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  const warnings = page.getByTestId('import-warnings');
  await warnings.waitFor();
  const first = warnings.locator('.import-warning').first();
  const message = (await first.textContent()) ?? '';
  const quoted = /“(.+?)”/.exec(message)?.[1];
  assert.ok(quoted, `the first warning quotes the dropped text: ${message}`);
  assert.ok(((await first.getByTestId('warning-excerpt').textContent()) ?? '').includes(quoted), 'its excerpt shows the source line');
  assert.match((await first.locator('.import-warning-pos').textContent()) ?? '', /第\s*\d+\s*行/, 'with the line in the file');
  const taskWarning = warnings.locator('.import-warning', { has: page.locator('.import-warning-task') }).first();
  await taskWarning.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-warnings', { fullPage: false });
  assert.ok(((await taskWarning.getByTestId('warning-excerpt').textContent()) ?? '').length > 0, 'a task warning quotes the source too');
  const seqLabel = ((await taskWarning.locator('.import-warning-task').textContent()) ?? '').replace(/[^0-9]/g, '');
  await taskWarning.locator('.import-warning-task').click();
  const focused = page.locator('tr.draft-row-focus');
  await focused.waitFor();
  assert.ok(((await focused.textContent()) ?? '').includes(seqLabel), `查看任务 ${seqLabel} shows that task's row`);
  await page.getByRole('button', { name: '放弃' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '放弃' }).click();
  await page.waitForURL(/\/plans$/);
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});

test('review rows: delete, add, change the indicator, map a county government, ask before leaving, resume the saved draft', async () => {
  const { context, page, problems } = await signedInPage(DESKTOP, 'office-yongzhou');
  const COUNTY = '冷水滩区人民政府';
  const ADDED = '新增一项任务：建立营商环境问题快速响应机制（审核时添加）。';
  const unitsBefore = (await apiGet(page, '/api/units')).body.items;
  const county = unitsBefore.filter((u) => u.name === COUNTY);
  assert.equal(county.length, 1, 'the county government exists once');
  await page.goto(`${BASE_URL}/imports`);
  await uploadSeed(page);
  const importId = Number(new URL(page.url()).pathname.split('/')[2]);
  await eventually('121 tasks', async () => /共 121 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  const secondText = (await page.getByTestId('cell-text-1').textContent()) ?? '';
  await page.getByLabel('方案标题').fill(`${TITLE}（行编辑）`);

  // Delete row 2.
  await page.getByTestId('row-delete-1').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '删除' }).click();
  await eventually('120 tasks', async () => /共 120 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  assert.notEqual((await page.getByTestId('cell-text-1').textContent()) ?? '', secondText, 'row 2 is gone');

  // Add a task at the end: the table jumps to its page; write its text.
  await page.getByTestId('add-task').click();
  await eventually('121 tasks again', async () => /共 121 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  await page.getByTestId('cell-text-120').click();
  await page.getByTestId('cell-text-120-input').fill(ADDED);
  await blur(page);

  // Back to page 1: move task 1 to the second indicator, and give it the county government.
  await page.locator('.draft-task-table .ant-pagination-item-1').click();
  await page.getByTestId('cell-indicator-0').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(2);
  const indicatorLabel = ((await option.textContent()) ?? '').trim();
  await option.click();
  const indicatorName = indicatorLabel.replace(/^\d+\.\s*/, '');
  await eventually('indicator changed', async () => ((await page.getByTestId('cell-indicator-0').textContent()) ?? '').includes(indicatorName));
  // A quantitative target added by hand reads with ≤, never its code.
  await page.getByTestId('target-add-0').click();
  await page.getByTestId('target-add-0-metric').fill('不动产登记办理时间');
  await page.getByTestId('target-add-0-comparator').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '不超过' }).click();
  await page.getByRole('spinbutton', { name: '目标值' }).fill('2');
  await page.getByTestId('target-add-0-unit').fill('个工作日');
  await page.getByTestId('target-add-0-ok').click();
  await eventually('target shown', async () => ((await page.locator('[data-row-key="0"] .draft-targets').textContent()) ?? '').includes('不动产登记办理时间 ≤ 2个工作日'));
  await page.getByTestId('cell-responsible-0').click();
  await page.locator('[data-testid="cell-responsible-0-input"] input').fill(COUNTY);
  await page.keyboard.press('Enter');
  await blur(page);

  // Unsaved edits: the side menu asks first (stay), and so does the browser on unload.
  await page.locator('.ant-menu-item', { hasText: /^方案$/ }).click();
  await page.locator('.ant-modal-confirm', { hasText: '离开此页？' }).waitFor();
  await screenshot(page, 'import-leave-prompt', { fullPage: false });
  await page.getByRole('button', { name: '留在此页' }).click();
  assert.match(new URL(page.url()).pathname, new RegExp(`/imports/${importId}$`), 'still on the review');
  assert.equal(await page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  }), true, 'the browser is asked to confirm unload');

  await page.getByTestId('save-draft').click();
  await page.locator('.ant-message', { hasText: '修改已保存' }).waitFor();
  // The county government maps to the existing unit (not 新建单位).
  const row = page.locator(`[data-testid="unit-map-row"][data-name="${COUNTY}"]`);
  await row.waitFor();
  const chosen = (await row.locator('.unit-map-select').textContent()) ?? '';
  assert.ok(chosen.includes(COUNTY) && !chosen.includes('新建单位'), `mapped to the existing unit, not new (${chosen})`);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-county-mapping', { fullPage: false });

  // Saved: the menu leaves without asking; the import page lists the draft to resume it.
  await page.locator('.ant-menu-item', { hasText: /^方案$/ }).click();
  await page.waitForURL((url) => url.pathname === '/plans');
  await page.goto(`${BASE_URL}/imports`);
  const listed = page.locator(`[data-testid="import-draft"][data-import-id="${importId}"]`);
  await listed.waitFor();
  assert.match((await listed.textContent()) ?? '', /121 项任务/);
  await screenshot(page, 'import-drafts-list', { fullPage: false });
  await listed.getByRole('link', { name: '继续审核' }).click();
  await page.waitForURL(new RegExp(`/imports/${importId}$`));
  await eventually('resumed with 121 tasks', async () => /共 121 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));

  await page.getByTestId('commit-import').click();
  await page.waitForURL(/\/plans\/\d+$/, { timeout: 60_000 });
  const planId = Number(new URL(page.url()).pathname.split('/')[2]);
  const tasks = (await apiGet(page, `/api/plans/${planId}/tasks?pageSize=200`)).body.items;
  assert.equal(tasks.length, 121);
  assert.ok(!tasks.some((t) => t.text === secondText.trim()), 'the deleted task was not imported');
  assert.ok(tasks.some((t) => t.text === ADDED), 'the added task was imported');
  const first = tasks.find((t) => t.seq === 1);
  assert.equal(first.indicator?.name, indicatorName, 'task 1 moved to the chosen indicator');
  assert.equal(first.responsibleUnits.find((u) => u.name === COUNTY)?.id, county[0].id, 'the county government is the existing unit');
  const detail = (await apiGet(page, `/api/tasks/${first.id}`)).body;
  assert.ok(detail.targets.some((g) => g.metric === '不动产登记办理时间' && g.comparator === 'le' && g.value === 2 && g.unit === '个工作日'), 'the added target was imported');
  const unitsAfter = (await apiGet(page, '/api/units')).body.items;
  assert.equal(unitsAfter.filter((u) => u.name === COUNTY).length, 1, 'no duplicate county government');
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});
