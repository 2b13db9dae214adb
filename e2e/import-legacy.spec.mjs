// 导入方案 from legacy files (issue 18): an office uploads an Excel 97 sheet (.xls, and the same as
// WPS's .et) with a merged title row, section rows and 序号 restarting per section; the review
// screen shows every task. A statistics export is refused with the server's message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from 'xlsx';
import { BASE_URL, DESKTOP, eventually, signIn, useBrowser, watchConsole } from './helpers.mjs';

const browser = useBrowser();

function sheet(aoa, merges) {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' });
}

const across = (r) => ({ s: { r, c: 0 }, e: { r, c: 4 } });
const PLAN = sheet([
  ['永州市2025年优化营商环境重点任务清单'],
  ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'],
  ['一、开办企业'],
  ['1', '推行企业开办全程网办。', '市市场监管局', '市公安局、市税务局', '2025年6月'],
  ['2', '推行企业登记住所申报承诺制。', '市市场监管局', '市自然资源规划局', '2025年9月'],
  ['二、获得电力'],
  ['1', '低压小微企业用电报装“零投资”。', '国网永州供电公司', '市发改委', '2025年3月'],
], [across(0), across(2), across(5)]);
const STATISTICS = sheet([
  ['办件量统计'],
  ['序号', '单位', '受理量', '办结量'],
  ['1', '市市场监管局', '12', '12'],
  ['2', '市税务局', '0', '0'],
  ['3', '市公安局', '0', '0'],
], []);

test('office imports a plan from .xls and .et; a statistics export is refused', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, 'office-yongzhou');
  for (const name of ['重点任务清单.xls', '重点任务清单.et']) {
    await page.goto(`${BASE_URL}/imports`);
    await page.getByRole('heading', { name: '导入方案' }).waitFor();
    await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles({ name, mimeType: 'application/vnd.ms-excel', buffer: PLAN });
    await page.waitForURL(/\/imports\/\d+$/, { timeout: 60_000 });
    await eventually(`${name}: 3 tasks in the preview`, async () => /共 3 项任务/.test((await page.getByTestId('draft-total').textContent()) ?? ''));
  }
  await page.goto(`${BASE_URL}/imports`);
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles({ name: '办件量统计.xls', mimeType: 'application/vnd.ms-excel', buffer: STATISTICS });
  const error = page.getByTestId('import-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /办件量统计\.xls.*统计报表/);
  assert.deepEqual(problems, [], 'no console errors or React/antd warnings');
  await context.close();
});
