import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, useBrowser, watchConsole } from './helpers.mjs';
import { planFlow } from './plan-flow.mjs';

const browser = useBrowser();

test('office user filters the 邵阳 plan and opens a task (375 px phone)', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await planFlow(page, { phone: true, shot: 'phone' });
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});
