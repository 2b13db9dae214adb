/* global window -- page.evaluate callbacks run in the browser */
// 公文 in the browser: the office drafts a 月通报 for 邵阳 2023-06, edits a paragraph, saves, issues it
// (number, read-only), downloads the DOCX; 典型做法 and the responsibility table; the leader reads the
// list without edit buttons; the issued document and the list at 375 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, PASSWORD, PHONE, SHAOYANG_PLAN, apiGet, useBrowser, screenshot, signIn, watchConsole, settle } from './helpers.mjs';

const browser = useBrowser();

const NUMBER = /邵优化通〔\d{4}〕\d+号/;

/** Picks an option of the antd Select marked with data-testid `testId`. */
async function pick(page, testId, label) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${label}$`) }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** A JSON POST as `login`, outside the browser. */
async function apiPost(login, path, body) {
  const res = await fetch(`${BASE_URL}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  assert.ok(res.ok, `login ${login}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${BASE_URL}${path}`, { method: 'POST', headers: { cookie, 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

let issued; // { id, number, planId } of the 月通报 the first test issues
let draftId; // the 季度小结 draft the leader test creates

test('the office drafts a 月通报, edits a paragraph, issues it and downloads the DOCX', async () => {
  const ctx = await browser.newContext(DESKTOP);
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.locator('.ant-menu-item', { hasText: '公文' }).click();
  await page.waitForURL((url) => url.pathname === '/documents');
  await page.getByTestId('doc-plan').getByText(SHAOYANG_PLAN).waitFor();
  await page.getByTestId('doc-generate').waitFor();

  // 月通报 is the default kind; the period is month + year.
  await pick(page, 'doc-kind', '月通报');
  await pick(page, 'doc-period-year', '2023年');
  await pick(page, 'doc-period-sub', '6月');
  await screenshot(page, 'desktop-documents-generate', { fullPage: false });
  await page.getByTestId('doc-generate-submit').click();
  await page.waitForURL((url) => /^\/documents\/\d+$/.test(url.pathname));
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const preview = page.getByTestId('doc-preview');
  await preview.locator('.gw-page').first().waitFor();
  assert.ok(((await preview.textContent()) ?? '').includes('2023年6月'), 'the preview is the June 2023 notice');
  assert.equal(await page.getByTestId('doc-status').textContent(), '草稿');
  await settle(page);
  await screenshot(page, 'desktop-document-draft', { fullPage: false });

  // Edit the first paragraph in the side panel and save: the preview shows the new text.
  const edited = '为压实工作责任，现将2023年6月全市优化营商环境重点任务推进情况通报如下（浏览器测试修改）：';
  const paragraph = page.getByTestId('doc-edit-paragraph').first().locator('textarea').first();
  await paragraph.fill(edited);
  await page.locator('.doc-dirty').waitFor();
  // Unsaved: the browser's back button asks first; 留在此页 keeps the page and the edit.
  await page.evaluate(() => window.history.back());
  const leave = page.locator('.ant-modal-confirm', { hasText: '离开此页？' });
  await leave.waitFor();
  assert.ok(((await leave.textContent()) ?? '').includes('文稿的修改尚未保存'), 'the prompt says what would be lost');
  await screenshot(page, 'document-leave-prompt', { fullPage: false });
  await page.getByTestId('leave-cancel').click();
  await leave.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).pathname, `/documents/${id}`, 'still on the draft');
  assert.equal(await paragraph.inputValue(), edited, 'the edit is kept');
  await page.locator('.doc-dirty').waitFor();
  assert.equal(await page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  }), true, 'closing the tab is asked too');
  await page.getByTestId('doc-save').click();
  await preview.getByText('（浏览器测试修改）').waitFor();
  await page.locator('.doc-dirty').waitFor({ state: 'detached' });
  const saved = (await apiGet(page, `/api/documents/${id}`)).body;
  assert.ok(saved.model.blocks.some((b) => b.kind === 'paragraph' && b.runs.some((r) => r.text === edited)), 'the edit is stored');
  assert.equal(saved.status, 'draft');

  // 印发: confirm; the number appears and nothing is editable any more.
  await page.getByTestId('doc-issue').click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.getByText('印发后将编定文号').waitFor();
  await settle(page);
  await screenshot(page, 'desktop-document-issue-confirm', { fullPage: false });
  await confirm.getByRole('button', { name: '印发' }).click();
  // Issuing converts the whole notice (body and task-list attachments) to PDF with LibreOffice:
  // on a loaded CI machine that takes longer than the default 30 s.
  const number = (await page.getByTestId('doc-number').textContent({ timeout: 120_000 })) ?? '';
  assert.match(number, NUMBER, `the number ${number}`);
  assert.equal(await page.getByTestId('doc-status').textContent(), '已印发');
  assert.equal(await page.getByTestId('doc-editor').count(), 0, 'no editor once issued');
  assert.equal(await page.getByTestId('doc-save').count(), 0, 'no 保存 once issued');
  assert.equal(await page.getByTestId('doc-issue').count(), 0, 'no 印发 once issued');
  assert.equal(await page.getByTestId('doc-regenerate').count(), 0, 'no 重新生成 once issued');
  assert.ok(((await preview.textContent()) ?? '').includes(number), 'the preview carries the number');
  const after = (await apiGet(page, `/api/documents/${id}`)).body;
  assert.equal(after.status, 'issued');
  assert.equal(after.number, number);
  assert.deepEqual(after.permissions, { edit: false, issue: false });
  await settle(page);
  await screenshot(page, 'desktop-document-issued', { fullPage: false });

  // 下载 DOCX: the archived file, a zip (PK…).
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/documents/${id}/docx`)),
    page.waitForEvent('download'),
    page.getByTestId('doc-download-docx').click(),
  ]);
  assert.equal(response.status(), 200);
  assert.match(download.suggestedFilename(), /\.docx$/);
  assert.ok(download.suggestedFilename().includes(number), 'the file name carries the number');
  const docx = readFileSync(await download.path());
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'the DOCX is a zip');

  // Back in the list: the issued notice with its number.
  await page.getByRole('link', { name: '公文' }).first().click();
  await page.waitForURL((url) => url.pathname === '/documents');
  const row = page.locator(`[data-testid="doc-issued"] [data-doc-id="${id}"]`);
  await row.waitFor();
  assert.ok(((await row.textContent()) ?? '').includes(number));
  await screenshot(page, 'desktop-documents-list');
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  issued = { id, number, planId: saved.planId };
  await ctx.close();
});

test('典型做法: the office adds, edits and deletes a note; the plan page exports the responsibility table', async () => {
  assert.ok(issued, 'the first test issued a document');
  const ctx = await browser.newContext(DESKTOP);
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/documents?plan=${issued.planId}&tab=notes&period=2023-06`);
  await page.getByTestId('practice-notes').waitFor();
  await page.getByTestId('note-add').click();
  const modal = page.locator('.ant-modal').filter({ hasText: '录入典型做法' });
  await modal.getByTestId('note-text').fill('大祥区推行“拿地即开工”，项目审批时间压缩一半。');
  await modal.getByRole('button', { name: '保存' }).click();
  const item = page.locator('[data-testid="notes-county"] [data-testid="note-item"]', { hasText: '拿地即开工' });
  await item.waitFor();
  await item.getByTestId('note-edit').click();
  const editModal = page.locator('.ant-modal').filter({ hasText: '修改典型做法' });
  await editModal.getByTestId('note-text').fill('大祥区推行“拿地即开工”，项目审批时间压缩60%。');
  await editModal.getByRole('button', { name: '保存' }).click();
  await page.locator('[data-testid="note-item"]', { hasText: '压缩60%' }).waitFor();
  const notes = (await apiGet(page, `/api/plans/${issued.planId}/practice-notes?period=2023-06`)).body.items;
  assert.ok(notes.some((n) => n.group === 'county' && n.text.includes('压缩60%')), 'the edit is stored');
  await settle(page);
  await screenshot(page, 'desktop-practice-notes');
  await page.locator('[data-testid="note-item"]', { hasText: '压缩60%' }).getByTestId('note-delete').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await page.locator('[data-testid="note-item"]', { hasText: '压缩60%' }).waitFor({ state: 'detached' });

  // The plan page: 导出责任分工表, six-column layout.
  await page.goto(`${BASE_URL}/plans/${issued.planId}`);
  await page.getByTestId('export-responsibility').click();
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/responsibility-table.xlsx?layout=six')),
    page.waitForEvent('download'),
    page.locator('.ant-dropdown:visible').getByText('六列（永州式）').click(),
  ]);
  assert.equal(response.status(), 200);
  assert.match(download.suggestedFilename(), /责任分工表\.xlsx$/);
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK', 'the XLSX is a zip');
  await screenshot(page, 'desktop-plan-export', { fullPage: false });
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await ctx.close();
});

test('the leader reads the list and the documents without edit buttons', async () => {
  assert.ok(issued, 'the first test issued a document');
  // A draft too, so the leader's list has both sections filled.
  const draft = await apiPost('office-shaoyang', `/api/plans/${issued.planId}/documents`, { kind: 'quarterly-summary', period: '2023-Q2' });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  draftId = draft.body.id;

  const ctx = await browser.newContext(DESKTOP);
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'leader-shaoyang');
  await page.locator('.ant-menu-item', { hasText: '公文' }).click();
  await page.waitForURL((url) => url.pathname === '/documents');
  await page.locator(`[data-testid="doc-issued"] [data-doc-id="${issued.id}"]`).waitFor();
  await page.locator(`[data-testid="doc-drafts"] [data-doc-id="${draft.body.id}"]`).waitFor();
  assert.equal(await page.getByTestId('doc-generate').count(), 0, 'no 生成公文 for a leader');
  assert.equal(await page.getByTestId('doc-edit').count(), 0, 'no 编辑 for a leader');
  assert.equal(await page.getByTestId('doc-delete').count(), 0, 'no 删除 for a leader');
  await screenshot(page, 'desktop-documents-leader');

  // The draft opens read-only: preview and downloads only.
  await page.locator(`[data-doc-id="${draft.body.id}"] a`, { hasText: '查看' }).click();
  await page.getByTestId('doc-preview').locator('.gw-page').first().waitFor();
  for (const testId of ['doc-editor', 'doc-save', 'doc-issue', 'doc-regenerate', 'doc-delete']) {
    assert.equal(await page.getByTestId(testId).count(), 0, `no ${testId} for a leader`);
  }
  await page.getByTestId('doc-download-docx').waitFor();
  // What the data could not fill (【待补充】) is listed above the document, as the draft response says.
  assert.ok(draft.body.notes.length > 0, 'the Q2 summary leaves parts to the office');
  const notes = page.getByTestId('doc-notes');
  await notes.waitFor();
  assert.ok(((await notes.textContent()) ?? '').includes(draft.body.notes[0]), 'the first note is shown');
  await screenshot(page, 'desktop-document-notes', { fullPage: false });
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await ctx.close();
});

test('at 375 px the list is cards and the issued page fits the screen', async () => {
  assert.ok(issued, 'the first test issued a document');
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/documents?plan=${issued.planId}`);
  const card = page.locator(`.doc-card[data-doc-id="${issued.id}"]`);
  await card.waitFor();
  assert.ok(((await card.textContent()) ?? '').includes(issued.number));
  await screenshot(page, 'phone-documents-list');

  await card.getByRole('link').first().click();
  await page.getByTestId('doc-number').waitFor();
  const preview = page.getByTestId('doc-preview');
  await preview.locator('.gw-page').first().waitFor();
  await settle(page);
  const widths = await page.evaluate(() => ({ doc: globalThis.document.documentElement.scrollWidth, view: globalThis.innerWidth }));
  assert.ok(widths.doc <= widths.view, `no sideways scrolling (${widths.doc} > ${widths.view})`);
  const box = await preview.locator('.gw-page').first().boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, 'the printed page is scaled to the screen');
  await screenshot(page, 'phone-document-issued', { fullPage: false });

  // A draft on the phone: 预览 and 修改文字 are tabs.
  assert.ok(draftId, 'the leader test created a draft');
  await page.goto(`${BASE_URL}/documents/${draftId}`);
  await preview.locator('.gw-page').first().waitFor();
  await page.locator('.ant-tabs-tab', { hasText: '修改文字' }).click();
  await page.getByTestId('doc-edit-title').first().locator('textarea').waitFor();
  await settle(page);
  const draftWidths = await page.evaluate(() => ({ doc: globalThis.document.documentElement.scrollWidth, view: globalThis.innerWidth }));
  assert.ok(draftWidths.doc <= draftWidths.view, `no sideways scrolling on the draft (${draftWidths.doc} > ${draftWidths.view})`);
  await screenshot(page, 'phone-document-draft-edit', { fullPage: false });
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings on the phone');
  await ctx.close();
});
