import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, apiGet, useBrowser, screenshot, signIn } from './helpers.mjs';

const browser = useBrowser();

test('office creates a unit user; a taken login shows the API message', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'office-shaoyang');
  await page.goto(`${BASE_URL}/users`);
  await page.locator('.ant-table-row').first().waitFor();

  const fill = async (login) => {
    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.getByRole('dialog');
    await modal.locator('#login').fill(login);
    await modal.locator('#displayName').fill('测试联络员');
    await modal.locator('#password').fill('Yingshang@2026-test');
    await modal.locator('#unitId').click();
    await page.keyboard.type('市市场监管局');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市市场监管局' }).first().click();
    await screenshot(page, 'desktop-create-user', { fullPage: false });
    await modal.getByRole('button', { name: '创建' }).click();
    return modal;
  };

  await fill('e2e-liaison');
  await page.locator('.ant-table-row', { hasText: 'e2e-liaison' }).waitFor();
  const users = (await apiGet(page, '/api/users')).body.items;
  const created = users.find((u) => u.login === 'e2e-liaison');
  assert.equal(created?.unit?.name, '市市场监管局');
  assert.equal(created?.role, 'unit');

  const modal = await fill('e2e-liaison');
  const alert = modal.locator('.ant-alert-error');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /[\u4e00-\u9fff]/, 'a Chinese message for a taken login');
  await context.close();
});

test('changing the password with a wrong current password shows the message and keeps the session', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, 'leader-shaoyang');
  assert.equal(await page.locator('.app-sider .ant-menu-item', { hasText: '用户' }).count(), 0, 'no 用户 menu for a leader');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const modal = page.getByRole('dialog');
  await modal.locator('#currentPassword').fill('not-my-password');
  await modal.locator('#newPassword').fill('Another@2026-pass');
  await modal.locator('#confirm').fill('Another@2026-pass');
  await modal.getByRole('button', { name: '保存' }).click();
  const alert = modal.locator('.ant-alert-error');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /[\u4e00-\u9fff]/);
  await screenshot(page, 'desktop-change-password', { fullPage: false });
  assert.equal(new URL(page.url()).pathname, '/', 'a wrong current password does not sign the user out');
  await context.close();
});

test('times show in Beijing time in a browser whose time zone is UTC', async () => {
  const context = await browser.newContext({ ...DESKTOP, timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, 'office-shaoyang');
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'UTC');
  await page.goto(`${BASE_URL}/users`);
  await page.locator('.ant-table-row').first().waitFor();
  const firstRow = (await page.locator('.ant-table-row').first().textContent()) ?? '';
  const user = (await apiGet(page, '/api/users')).body.items.find((u) => u.createdAt && firstRow.includes(u.login));
  assert.ok(user, 'the first row is a user the API lists, with a creation time');
  // Beijing is UTC+8 all year: its wall clock is UTC's read 8 hours later.
  const b = new Date(Date.parse(user.createdAt) + 8 * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  const beijing = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
  const row = page.locator('.ant-table-row', { hasText: user.login }).first();
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.ok(text.includes(beijing), `the row shows ${beijing} (北京时间), got: ${text}`);
  await context.close();
});
