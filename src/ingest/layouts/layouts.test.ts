// Layouts the seeds lack: prose variants and tables with other column orders or merged cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument, TableCell } from '../document-model.ts';
import { draftFromDocument, parseDocument } from '../index.ts';
import type { ProseTask, TableTask } from '../plan-draft.ts';

const FIXTURES = join(import.meta.dirname, '..', '__fixtures__');
const parse = (name: string) => parseDocument({ bytes: new Uint8Array(readFileSync(join(FIXTURES, name))), fileName: name });

describe('prose layouts', () => {
  it('（责任部门：…）, 1. numbering restarting per section, cover notice', async () => {
    const d = await parse('prose-restart-dept.txt');
    const tasks = d.tasks as ProseTask[];
    expect(d.plan).toMatchObject({ doc_number: '某政办发〔2025〕3号', issued_on: '2025-02-08', title: '某市2025年优化营商环境攻坚行动方案', year: 2025 });
    expect(d.sections).toEqual([{ seq: 1, title: '提升政务服务效能' }, { seq: 2, title: '降低企业经营成本' }]);
    expect(tasks.map((t) => [t.seq, t.seq_cn, t.section_seq])).toEqual([[1, '1.', 1], [2, '2.', 1], [3, '1.', 2], [4, '2.', 2]]);
    expect(tasks[1]).toMatchObject({ lead_units: ['市行政审批服务局'], responsible_units: ['市数据局'], responsible_units_open: true });
    expect(tasks[3]?.text).toBe('规范涉企收费，开展专项检查不少于2次。');
  });
  it('（责任单位：…。时间节点：…）, （1） and 1． under 一、 sections', async () => {
    const tasks = (await parse('prose-units-deadline.md')).tasks as ProseTask[];
    expect(tasks.map((t) => [t.seq_cn, t.section_seq, t.deadline])).toEqual([['（1）', 1, '2025-03'], ['（2）', 1, '2025-06'], ['1．', 2, '2025'], ['2．', 2, null]]);
    expect(tasks[1]).toMatchObject({ lead_units: ['县发改局'], responsible_units: ['县财政局', '县工信局'] });
    expect(tasks[2]).toMatchObject({ units: ['县司法局'], notes: ['及相关执法部门'], responsible_units_open: true });
  });
  it('一、 items as tasks when there is no other level', async () => {
    const tasks = (await parse('prose-cn-comma.txt')).tasks as ProseTask[];
    expect(tasks.map((t) => t.seq_cn)).toEqual(['一、', '二、', '三、']);
    expect(tasks[0]?.units).toEqual(['区住建局', '区自然资源分局']);
  });
});

describe('table layouts', () => {
  it('columns in another order and a subset of columns', async () => {
    const tasks = (await parse('table-reordered.md')).tasks as TableTask[];
    expect(tasks.map((t) => [t.seq, t.deadline, t.responsible_units, t.responsible_units_open])).toEqual([
      [1, '2024-06', ['市市场监管局', '市行政审批服务局'], false],
      [2, '2024-09', ['市城管局', '市水务公司'], true],
      [3, '2024', ['市发改委'], true],
    ]);
  });
  it('merged cells given by mergedFrom (DOCX/XLSX) and a header repeated on the next page', () => {
    const cell = (text: string, mergedFrom?: { row: number; col: number }): TableCell => ({ text, ref: {}, ...(mergedFrom ? { mergedFrom } : {}) });
    const header = ['一级指标', '具体举措', '牵头单位', '责任单位', '完成时限'].map((t) => cell(t));
    const doc: SourceDocument = {
      format: 'docx',
      fileName: 'm.docx',
      warnings: [],
      blocks: [
        { kind: 'paragraph', text: '某市2024年重点任务', ref: {} },
        { kind: 'table', ref: { page: 1 }, rows: [header, [cell('1.开办企业'), cell('1.甲任务。'), cell('市市场监管局'), cell('市税务局'), cell('2024年6月')], [cell('', { row: 1, col: 0 }), cell('2.乙任务。'), cell('', { row: 1, col: 2 }), cell(''), cell('2024年9月')]] },
        { kind: 'table', ref: { page: 2 }, rows: [header, [cell('2.办理建筑许可'), cell('3.丙任务。'), cell('市住建局'), cell('市发改委'), cell('2024年7月')]] },
      ],
    };
    const d = draftFromDocument(doc);
    const tasks = d.tasks as TableTask[];
    expect(tasks.map((t) => [t.seq, t.indicator_seq, t.indicator, t.lead_units, t.responsible_units])).toEqual([
      [1, 1, '开办企业', ['市市场监管局'], ['市税务局']],
      [2, 1, '开办企业', ['市市场监管局'], []],
      [3, 2, '办理建筑许可', ['市住建局'], ['市发改委']],
    ]);
    expect(tasks[1]?.uncertain).toEqual([]);
  });
});
