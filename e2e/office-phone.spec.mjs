import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, launchBrowser, watchConsole } from './helpers.mjs';
import { planFlow } from './plan-flow.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('office user filters the 邵阳 plan and opens a task (375 px phone)', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await planFlow(page, { phone: true, shot: 'phone' });
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});
