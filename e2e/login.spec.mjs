import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, PASSWORD, useBrowser, screenshot } from './helpers.mjs';

const browser = useBrowser();

test('a wrong password shows the API message; a deep link survives login', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();

  // Not signed in: a deep link goes to login and comes back afterwards.
  await page.goto(`${BASE_URL}/tasks?q=${encodeURIComponent('营业执照')}`);
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('next'));

  const expected = await fetch(`${BASE_URL}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'leader-shaoyang', password: 'wrong-password' }),
  }).then((r) => r.json());
  await page.locator('#login').fill('leader-shaoyang');
  await page.locator('#password').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const alert = page.locator('.ant-alert-error');
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), expected.message, 'the API message is shown as is');
  assert.match(expected.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
  await screenshot(page, 'login-error');

  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === '/tasks' && url.searchParams.get('q') === '营业执照');
  await page.getByTestId('task-total').waitFor();

  // Sign out from the user menu.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await context.close();
});

test('the login page logs no console error before sign-in (the session probe answers 200)', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const probe = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/session' && res.request().method() === 'GET');
  await page.goto(`${BASE_URL}/login`);
  assert.equal((await probe).status(), 200);
  await page.locator('#login').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(errors, [], 'no red console line on the login page');
  // A deep link before sign-in goes to login, quietly too.
  await page.goto(`${BASE_URL}/my-tasks`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(errors, [], 'no red console line after a deep link either');
  await context.close();
});
