import { describe, expect, it } from 'vitest';
import { renderDocx } from '../index.ts';
import { buildInspectionNotice, caseExposureBlocks, hasExposure } from './case-exposure.ts';

const issue = { issuer: '邵阳市优化营商环境工作领导小组办公室', docNumber: null, date: '2023-07-03', addressee: '各县市区人民政府，市直有关单位', cc: [], printed: null };
const overdue = { title: '开办登记需多次跑腿', source: '12345政企通', refNo: 'GD001', leadUnit: '市市场监管局', dueOn: '2023-06-20', reason: '超期未办结 5 个工作日' };

describe('通报曝光 and 督查情况通报', () => {
  it('names each exposed case with its unit and reason, in text and table', () => {
    const blocks = caseExposureBlocks({ overdue: [overdue], dissatisfied: [], returned: [{ ...overdue, refNo: null, reason: '退回重办 2 次' }] }, 6);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '通报曝光' });
    const text = JSON.stringify(blocks);
    expect(text).toContain('超期未办结1件');
    expect(text).toContain('12345政企通（GD001）反映的“开办登记需多次跑腿”问题，主办单位市市场监管局，超期未办结 5 个工作日');
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows.length : 0).toBe(2);
    expect(hasExposure({ overdue: [], dissatisfied: [], returned: [] })).toBe(false);
  });

  it('builds a stand-alone 督查情况通报 that renders as GB/T 9704 DOCX', async () => {
    const doc = buildInspectionNotice({
      issue, periodLabel: '2023年6月', regionWord: '全市', bySource: [{ source: '专项督查', found: 3, finished: 2, closed: 1 }, { source: '12345政企通', found: 2, finished: 1, closed: 1 }],
      rates: { onTimeRate: 66.7, satisfactionRate: 100, returnRate: null }, exposure: { overdue: [overdue], dissatisfied: [], returned: [] },
    });
    expect(doc.kind).toBe('inspection-notice');
    expect(doc.title).toBe('关于2023年6月全市营商环境督查发现问题整改情况的通报');
    expect(JSON.stringify(doc.blocks)).toContain('共发现营商环境问题5件，已办结3件，已销号2件。按期办结率66.7%，企业满意率100%，退回重办率—');
    const bytes = await renderDocx(doc);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
