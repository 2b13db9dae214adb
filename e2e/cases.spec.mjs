// The problem loop in the browser: the office registers and 交办 a 12345 problem on a desktop, the
// 主办 unit 签收, attaches its 整改 evidence and 答复 on a phone, the office downloads it, 审核, 回访 and
// 销号; the pool and statistics screens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, DESKTOP, PASSWORD, PHONE, apiSession, eventually, useBrowser, screenshot, signIn, watchConsole } from './helpers.mjs';

const browser = useBrowser();

async function apiPoster(login) {
  const res = await fetch(`${BASE_URL}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  assert.ok(res.ok, `login ${login}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (path, body) => {
    const r = await fetch(`${BASE_URL}${path}`, { method: 'POST', headers: { cookie, 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
}

test('office 交办 → unit 签收/答复 on a phone → office 审核/回访/销号', async () => {
  const asOffice = await apiSession('office-shaoyang');
  const plan = (await asOffice('/api/plans')).body.items.find((p) => p.year === 2023);
  const post = await apiPoster('office-shaoyang');
  const created = await post('/api/cases', {
    source: 'hotline', refNo: `E2E-${Date.now()}`, kind: 'consult', title: '企业反映开办登记需多次跑腿', finding: '企业反映开办企业登记需多次跑腿，一网通办平台无法提交材料',
    foundOn: '2023-07-05', enterpriseName: '邵阳某科技有限公司', contact: '李女士 13900000000', planId: plan.id,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.case.id;

  const desk = await browser.newContext(DESKTOP);
  const office = await desk.newPage();
  const officeProblems = watchConsole(office);
  await signIn(office, 'office-shaoyang');
  await office.goto(`${BASE_URL}/cases/${id}`);
  await office.getByTestId('case-actions').waitFor();
  await office.getByTestId('assign-lead').click();
  await office.keyboard.type('市市场监管局');
  await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市市场监管局' }).first().click();
  await office.getByTestId('case-assign').click();
  await eventually('state 待签收', async () => (await office.getByTestId('case-state').textContent()) === '待签收');
  await screenshot(office, 'case-office-assigned');

  const phone = await browser.newContext(PHONE);
  const unit = await phone.newPage();
  const unitProblems = watchConsole(unit);
  await signIn(unit, 'unit-scjg');
  await unit.goto(`${BASE_URL}/my-cases`);
  await unit.getByTestId('case-card').filter({ hasText: '企业反映开办登记需多次跑腿' }).first().click();
  await unit.getByTestId('case-sign').click();
  await eventually('state 办理中', async () => (await unit.getByTestId('case-state').textContent()) === '办理中');
  // The contact is the office's only.
  assert.ok(!(await unit.content()).includes('13900000000'), 'no contact for the unit');
  // The 整改 evidence, from the phone, before the reply.
  await unit.getByTestId('case-files').locator('input[type=file]').setInputFiles({ name: '整改照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('整改前后对比照片') });
  await unit.getByTestId('case-file').filter({ hasText: '整改照片.jpg' }).waitFor();
  await screenshot(unit, 'case-unit-phone-evidence', { fullPage: false });
  await unit.getByTestId('case-text').fill('已联系企业，现场指导一次性提交材料，登记当日办结。');
  await unit.getByTestId('case-reply').click();
  await eventually('state 待审核', async () => (await unit.getByTestId('case-state').textContent()) === '待审核');
  await screenshot(unit, 'case-unit-phone-replied', { fullPage: false });

  await office.reload();
  // The office sees the unit's evidence and downloads it, byte for byte.
  const evidence = office.getByTestId('case-file').filter({ hasText: '整改照片.jpg' });
  assert.ok(((await evidence.textContent()) ?? '').includes('市市场监管局'), 'evidence names the unit');
  const download = await office.request.get(`${BASE_URL}${await evidence.locator('a').getAttribute('href')}`);
  assert.equal((await download.body()).toString(), '整改前后对比照片');
  await office.getByTestId('case-accept').click();
  await eventually('state 待回访', async () => (await office.getByTestId('case-state').textContent()) === '待回访');
  await office.getByTestId('case-visit').click();
  await eventually('state 待销号', async () => (await office.getByTestId('case-state').textContent()) === '待销号');
  await office.getByTestId('case-close').click();
  await eventually('state 已销号', async () => (await office.getByTestId('case-state').textContent()) === '已销号');
  const timeline = (await office.getByTestId('case-timeline').textContent()) ?? '';
  for (const step of ['登记', '交办', '签收', '整改/答复', '审核通过', '回访', '销号']) assert.ok(timeline.includes(step), `timeline has ${step}`);
  await screenshot(office, 'case-office-closed');

  await office.goto(`${BASE_URL}/cases?plan=${plan.id}`);
  await office.getByTestId('case-table').waitFor();
  await screenshot(office, 'case-pool');
  // The pool's overdue filter, and the first case registered (with the demo year, one of its hundred).
  await office.goto(`${BASE_URL}/cases?plan=${plan.id}&overdue=true`);
  await office.getByTestId('case-table').waitFor();
  await screenshot(office, 'case-pool-overdue');
  const first = (await asOffice(`/api/cases?planId=${plan.id}&pageSize=200`)).body.items.reduce((a, b) => (a.id < b.id ? a : b));
  await office.goto(`${BASE_URL}/cases/${first.id}`);
  await office.getByTestId('case-timeline').waitFor();
  await screenshot(office, 'case-page-first');
  await office.goto(`${BASE_URL}/cases/stats?plan=${plan.id}`);
  await office.getByTestId('case-rates').waitFor();
  const rates = (await office.getByTestId('case-rates').textContent()) ?? '';
  const stats = (await asOffice(`/api/cases/stats?planId=${plan.id}`)).body.all;
  assert.ok(rates.includes(`问题 ${stats.total} 件`), rates);
  await screenshot(office, 'case-stats');
  const phoneStats = await phone.newPage();
  await phoneStats.goto(`${BASE_URL}/my-cases?all=true`);
  await phoneStats.getByTestId('case-card').first().waitFor();
  await screenshot(phoneStats, 'case-unit-phone-list', { fullPage: false });
  assert.deepEqual(officeProblems, []);
  assert.deepEqual(unitProblems, []);
  await desk.close();
  await phone.close();
});
