import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { BASE_URL, DESKTOP, PASSWORD, SHAOYANG_PLAN, YONGZHOU_PLAN, apiGet, eventually, useBrowser, screenshot, signIn, watchConsole } from './helpers.mjs';

const browser = useBrowser();

/** The row of a login in the users table. */
const row = (page, login) => page.locator('.ant-table-row', { hasText: login });

test('the administrator creates, edits, resets, disables and enables an account; the user must change the reset password', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'admin', PASSWORD);
  const menu = page.locator('.app-sider');
  await menu.getByText('系统管理').waitFor();
  assert.equal(await menu.getByText('审核').count(), 0, 'the administrator does not review reports');
  await menu.getByText('用户').click();
  await page.locator('.ant-table-row').first().waitFor();

  // 新建用户 (a unit liaison of 市税务局), with a typed initial password.
  await page.getByRole('button', { name: '新建用户' }).click();
  const create = page.getByRole('dialog');
  await create.locator('#login').fill('e2e-admin-made');
  await create.locator('#displayName').fill('税务联络员');
  await create.locator('#password').fill('Chushi2026mima');
  await create.locator('#regionId').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '邵阳市' }).first().click();
  await create.locator('#unitId').click();
  await page.keyboard.type('市税务局');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市税务局' }).first().click();
  await create.getByRole('button', { name: '创建' }).click();
  await row(page, 'e2e-admin-made').waitFor();
  await row(page, 'e2e-admin-made').getByText('待改初始密码').waitFor();

  // 编辑: make the liaison the unit's head.
  await row(page, 'e2e-admin-made').getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /编辑用户/ });
  await edit.getByText('单位负责人', { exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await row(page, 'e2e-admin-made').getByText('负责人', { exact: true }).waitFor();
  const listed = (await apiGet(page, '/api/users')).body.items.find((u) => u.login === 'e2e-admin-made');
  assert.equal(listed.unitHead, true);

  // 重置密码: the temporary password is shown once.
  await row(page, 'e2e-admin-made').getByRole('button', { name: '重置密码' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '重置' }).click();
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  const temporary = ((await shown.locator('code').textContent()) ?? '').trim();
  assert.match(temporary, /^\S{16}$/);
  await screenshot(page, 'desktop-admin-reset-password', { fullPage: false });
  await page.getByRole('button', { name: '我已记下' }).click();

  // 停用 then 启用.
  await row(page, 'e2e-admin-made').getByRole('button', { name: '停用' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '停用' }).click();
  await row(page, 'e2e-admin-made').getByText('已停用').waitFor();
  const refused = await fetch(`${BASE_URL}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'e2e-admin-made', password: temporary }) });
  assert.equal((await refused.json()).code, 'AUTH_DISABLED');
  await row(page, 'e2e-admin-made').getByRole('button', { name: '启用' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '启用' }).click();
  await row(page, 'e2e-admin-made').getByText('正常').waitFor();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  await screenshot(page, 'desktop-admin-users');
  assert.deepEqual(problems, []);

  // The user signs in with the temporary password and must change it before anything else.
  const other = await browser.newContext(DESKTOP);
  const userPage = await other.newPage();
  await signIn(userPage, 'e2e-admin-made', temporary);
  const forced = userPage.getByRole('dialog', { name: '请修改初始密码' });
  await forced.waitFor();
  assert.equal(await forced.locator('.ant-modal-close').count(), 0, 'the forced change cannot be dismissed');
  await forced.locator('#currentPassword').fill(temporary);
  await forced.locator('#newPassword').fill('Xinmima2026ok');
  await forced.locator('#confirm').fill('Xinmima2026ok');
  await forced.getByRole('button', { name: '保存' }).click();
  await forced.waitFor({ state: 'detached' });
  await userPage.locator('.app-sider').getByText('我的任务').waitFor();
  const me = await apiGet(userPage, '/api/me');
  assert.equal(me.body.mustChangePassword, false);
  assert.equal(me.body.permissions.confirmExtensions, true);
  await other.close();
  await context.close();
});

/** A users template (the sheet the server expects) with the given rows from row 3. */
async function usersWorkbook(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户');
  ws.getRow(2).values = ['登录账号', '姓名', '角色', '区域', '单位', '单位负责人', '初始密码'];
  rows.forEach((r, i) => { ws.getRow(3 + i).values = r; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('bulk import: a file with 3 bad rows is refused row by row; a correct one lists the initial passwords', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'admin', PASSWORD);
  await page.goto(`${BASE_URL}/users`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByRole('button', { name: '批量导入' }).click();
  const dialog = page.getByRole('dialog', { name: '批量导入用户' });
  const file = async (name, rows) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await usersWorkbook(rows) });
  await dialog.locator('input[type=file]').setInputFiles(await file('bad.xlsx', [
    ['e2e-bulk-1', '联络员一', '单位', '邵阳市', '市税务局', '', ''],
    ['e2e-bulk-2', '联络员二', '科长', '邵阳市', '', '', ''],
    ['e2e-bulk-3', '', '领导', '邵阳市', '', '', ''],
    ['e2e-bulk-4', '联络员四', '单位', '火星市', '市税务局', '', ''],
  ]));
  const refused = dialog.getByTestId('user-import-error');
  await refused.waitFor();
  const problemRows = await refused.locator('.ant-table-row').allTextContents();
  assert.equal(problemRows.length, 3);
  assert.match(problemRows[0], /^4C（角色）/);
  assert.match(problemRows[1], /^5B（姓名）/);
  assert.match(problemRows[2], /^6D（区域）.*火星市/);
  await screenshot(page, 'desktop-admin-import-refused', { fullPage: false });
  const users = (await apiGet(page, '/api/users')).body.items;
  assert.equal(users.filter((u) => u.login.startsWith('e2e-bulk')).length, 0, 'nothing written');

  await dialog.locator('input[type=file]').setInputFiles(await file('good.xlsx', [
    ['e2e-bulk-1', '联络员一', '单位', '邵阳市', '市税务局', '否', ''],
    ['e2e-bulk-2', '联络员二', '领导', '邵阳市', '', '', ''],
  ]));
  const result = dialog.getByTestId('user-import-result');
  await result.waitFor();
  assert.equal(await result.locator('.ant-table-row').count(), 2);
  assert.equal(await result.locator('code').count(), 2, 'generated initial passwords are shown');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await page.locator('.app-content .ant-table-row', { hasText: 'e2e-bulk-2' }).waitFor();
  await context.close();
});

test('区域与单位: the administrator adds a county, adds two units, renames one and merges them', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'admin', PASSWORD);
  await page.locator('.app-sider').getByText('区域与单位').click();
  await page.locator('.ant-tree-node-content-wrapper', { hasText: '邵阳市（市）' }).click();
  await page.getByRole('button', { name: '新增下级区域' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.locator('#name').fill('测试县');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.locator('.ant-tree-node-content-wrapper', { hasText: '测试县（县）' }).click();

  for (const name of ['测试县发改局', '测试县物价局']) {
    await page.getByRole('button', { name: '新增单位' }).click();
    dialog = page.getByRole('dialog', { name: '新增单位' });
    await dialog.locator('#name').fill(name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-table-row', { hasText: name }).waitFor();
    await dialog.waitFor({ state: 'detached' });
  }
  await page.locator('.ant-table-row', { hasText: '测试县发改局' }).getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog', { name: /编辑单位/ });
  await eventually('the edit form shows the unit', async () => { const v = await dialog.locator('#name').inputValue(); if (v !== '测试县发改局') throw new Error(`value ${v} dialogs ${await page.getByRole('dialog').count()}`); return true; });
  await dialog.locator('#name').fill('测试县发展和改革局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  const kept = page.locator('.ant-table-row', { hasText: '测试县发展和改革局' });
  await kept.getByText('测试县发改局').waitFor();

  await kept.getByRole('button', { name: '合并…' }).click();
  dialog = page.getByRole('dialog', { name: /合并到/ });
  await dialog.getByTestId('merge-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '测试县物价局' }).click();
  await dialog.getByRole('button', { name: '合并' }).click();
  await kept.getByText('测试县物价局').waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 1, 'the merged unit is gone');
  await screenshot(page, 'desktop-admin-directory');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the office edits a task in place and the change shows in its timeline', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-shaoyang');
  const plan = (await apiGet(page, '/api/plans')).body.items.find((p) => p.title === SHAOYANG_PLAN);
  const tasks = (await apiGet(page, `/api/tasks?plan=${plan.id}&pageSize=100&page=3`)).body.items;
  const task = tasks[tasks.length - 1];
  await page.goto(`${BASE_URL}/tasks/${task.id}`);
  await page.getByRole('button', { name: '编辑任务' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑任务' });
  await dialog.locator('#text').fill(`${task.text}（浏览器测试修订）`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('（浏览器测试修订）').first().waitFor();
  await page.getByRole('tab', { name: '时间线' }).click();
  await page.getByText('修改任务').first().waitFor();
  const detail = await apiGet(page, `/api/tasks/${task.id}`);
  assert.match(detail.body.text, /（浏览器测试修订）$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('方案设置: the office changes the reporting cycle and an indicator annual target (and puts them back)', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-yongzhou');
  const plan = (await apiGet(page, '/api/plans')).body.items.find((p) => p.title === YONGZHOU_PLAN);
  const original = (await apiGet(page, `/api/plans/${plan.id}/supervision`)).body;
  const first = (await apiGet(page, `/api/plans/${plan.id}`)).body.indicators.find((i) => i.kind === 'indicator');
  await page.goto(`${BASE_URL}/plans/${plan.id}`);
  const open = async () => {
    await page.getByRole('button', { name: '方案设置' }).click();
    return page.getByRole('dialog', { name: '方案设置' });
  };
  const setCycle = async (label) => {
    const dialog = await open();
    // The option list animates open; pick again until the select shows the choice.
    await eventually(`the cycle ${label} is chosen`, async () => {
      if ((await dialog.getByText(label, { exact: true }).count()) > 0) return true;
      await dialog.locator('#cycle').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click({ timeout: 2000 });
      return (await dialog.getByText(label, { exact: true }).count()) > 0;
    }, 20_000);
    await dialog.getByRole('button', { name: '保存督办设置' }).click();
    await page.getByText('督办设置已保存').first().waitFor();
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'detached' });
  };
  await setCycle('季报');
  assert.equal((await apiGet(page, `/api/plans/${plan.id}/supervision`)).body.cycle, 'quarter');
  await setCycle({ xun: '旬报', month: '月报', quarter: '季报' }[original.cycle]);
  assert.deepEqual((await apiGet(page, `/api/plans/${plan.id}/supervision`)).body, original);

  const dialog = await open();
  await dialog.getByRole('tab', { name: '年度目标' }).click();
  const input = dialog.locator('.ant-table-row').first().locator('input');
  await input.fill('全省前3名');
  await input.press('Enter');
  await page.getByText(`已保存“${first.name}”的年度目标`).first().waitFor();
  const saved = (await apiGet(page, `/api/plans/${plan.id}`)).body.indicators.find((i) => i.id === first.id);
  assert.equal(saved.annualTarget, '全省前3名');
  await page.evaluate(async ({ id, target }) => {
    await fetch(`/api/indicators/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ annualTarget: target }) });
  }, { id: first.id, target: first.annualTarget });
  assert.deepEqual(problems, []);
  await context.close();
});
