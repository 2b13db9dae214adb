import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_LABELS, actionLabel, auditDetailsText, entityLabel } from './labels-audit.ts';
import { comparatorSymbol, periodWords, targetBound, targetGoal } from './labels.ts';
import { chineseIssueMessage, chineseLocaleError, pathSegments, validationSentence, whereOf } from './labels-validation.ts';
import { planImportFromDraft } from './plan-import.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ASCII_WORD = /[A-Za-z_]{2,}/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('comparators and targets', () => {
  it('shows ≤ ≥ = and never the stored code', () => {
    expect(targetGoal({ comparator: 'ge', value: 200, unit: '项' })).toBe('目标 ≥ 200项');
    expect(targetGoal({ comparator: 'le', value: 3, unit: '个工作日' })).toBe('目标 ≤ 3个工作日');
    expect(targetBound({ comparator: 'eq', value: 100, unit: '%' })).toBe('= 100%');
    expect(targetBound({ comparator: 'range', value: 220, valueMax: 280, unit: '美元' })).toBe('220–280美元');
    expect(targetBound({ comparator: 'le', value: 0.1 + 0.2, unit: '天' })).toBe('≤ 0.3天');
    for (const c of ['le', 'ge', 'eq', 'range', 'lt']) expect(targetGoal({ comparator: c, value: 1, unit: '个' })).not.toMatch(/\b(le|ge|eq|lt|range)\b/);
    expect(comparatorSymbol('nonsense')).toBe('');
  });

  it('names periods in words', () => {
    expect(periodWords('2023-06')).toBe('2023年6月');
    expect(periodWords('2023-06-2')).toBe('2023年6月中旬');
    expect(periodWords('2023-Q2')).toBe('2023年第二季度');
    expect(periodWords('2023-H1')).toBe('2023年上半年');
    expect(periodWords('2023-07-06')).toBe('2023年7月6日');
    expect(periodWords('2023')).toBe('2023年');
  });
});

describe('audit actions and details', () => {
  // Every action string the server writes (literal `action: '…'`, the report/urge templates and
  // request-audit's download table) has a Chinese name.
  it('names every action the server writes', () => {
    const written = new Set<string>();
    for (const file of [...sourceFiles(join(SRC, 'server')), ...sourceFiles(join(SRC, 'db'))]) {
      const text = readFileSync(file, 'utf8');
      if (!/\baudit\(/.test(text)) continue;
      for (const m of text.matchAll(/'([a-z_]+\.[a-z_.-]+)'/g)) if (m[1] && !m[1].includes('..') && !/\.(ts|json|js)$/.test(m[1])) written.add(m[1]);
    }
    for (const kind of ['reminder', 'order']) written.add(`urge.${kind}`);
    for (const decision of ['accept', 'return']) written.add(`report.${decision}`);
    expect(written.size).toBeGreaterThan(50);
    const missing = [...written].filter((a) => !(a in ACTION_LABELS));
    expect(missing).toEqual([]);
    for (const label of Object.values(ACTION_LABELS)) expect(label).not.toMatch(ASCII_WORD);
  });

  it('never shows an action code, even one it does not know', () => {
    expect(actionLabel('document.issue')).toBe('印发公文');
    expect(actionLabel('instruction.create')).toBe('领导批示操作');
    expect(actionLabel('zzz.unknown')).toBe('其他操作');
    expect(entityLabel('document')).toBe('公文');
    expect(entityLabel('mystery')).toBe('对象');
  });

  it('writes details as a sentence without ids', () => {
    const urge = auditDetailsText('urge.order', { urgeId: 1, number: '邵督〔2023〕3号', unitId: 7, addressedTo: 7 });
    expect(urge).toBe('编号：邵督〔2023〕3号');
    expect(urge).not.toMatch(/urgeId|unitId|: 1/);
    expect(auditDetailsText('report.return', { reportId: 4, period: '2023-06', version: 2, comment: '请补充佐证' }))
      .toBe('期间：2023年6月；版本：第2版；意见：请补充佐证');
    expect(auditDetailsText('document.issue', { kind: 'monthly-notice', period: '2023-06', number: '邵优办〔2023〕6号', pdf: true }))
      .toBe('类别：月通报；编号：邵优办〔2023〕6号；期间：2023年6月；PDF：已生成');
    expect(auditDetailsText('task.update', { seq: 3, before: { text: 'a', deadlineRaw: '2023年6月' }, after: { text: 'b', deadlineRaw: '2023年6月' } }))
      .toBe('修改了具体举措；任务序号：第3项');
    expect(auditDetailsText('region.rename', { before: '双清区', after: '双清新区' })).toBe('由「双清区」改为「双清新区」');
    expect(auditDetailsText('request.denied', { method: 'GET', route: '/api/x/:id', path: '/api/x/1', status: 403, code: 'FORBIDDEN', ip: '10.0.0.1' }))
      .toBe('状态码：403；来源地址：10.0.0.1');
    expect(auditDetailsText('x', null)).toBe('');
  });
});

describe('validation messages', () => {
  it('names the row and the column', () => {
    expect(whereOf(['tasks', 1, 'seq'])).toBe('第2行「序号」');
    expect(whereOf(pathSegments('/tasks/0/targets/1/comparator'))).toBe('第1行「量化目标」第2项「比较方式」');
    expect(whereOf(['plan', 'year'])).toBe('方案信息「年度」');
    expect(whereOf(['leadUnitIds', 0])).toBe('「牵头单位」第1项');
    expect(whereOf(['somethingInternal'])).toBe('「该项」');
  });

  it('says what is wrong in words, never a type name', () => {
    const schema = z.object({ tasks: z.array(z.object({ seq: z.string(), n: z.number().int().max(9), comparator: z.enum(['le', 'ge']), d: z.string().min(1) })) });
    const parsed = schema.safeParse({ tasks: [{ seq: 'a', n: 1, comparator: 'le', d: 'x' }, { seq: null, n: 12, comparator: 'lt', d: '' }] }, { reportInput: true, error: chineseLocaleError });
    expect(parsed.success).toBe(false);
    const lines = parsed.error!.issues.map((i) => validationSentence(i.path, i.message));
    expect(lines).toEqual(['第2行「序号」不能为空', '第2行「该项」不能大于9', '第2行「比较方式」应为以下之一：≤（不超过）、≥（不低于）', '第2行「该项」不能为空']);
    for (const line of lines) expect(line).not.toMatch(/string|null|tasks|期望/);
    expect(chineseIssueMessage({ code: 'invalid_type', expected: 'number', input: 'x' })).toBe('应为数字');
    expect(chineseIssueMessage({ code: 'too_big', origin: 'string', maximum: 200 })).toBe('不能超过200个字');
    expect(chineseIssueMessage({ code: 'invalid_format', format: 'date' })).toMatch(/^日期格式不正确/);
  });

  it('names the task and field of a bad draft in words', () => {
    expect(() => planImportFromDraft({ plan: { title: 'x', year: 2023 }, tasks: [{ seq: 1, text: 'a' }, { seq: null, text: 'b' }] }))
      .toThrow('第2项任务的“序号”不正确：不能为空');
    expect(() => planImportFromDraft({ plan: { title: 'x', year: 2023 }, tasks: [{ seq: 1, text: 'a', deadline: '2023年6月' }] }))
      .toThrow('第1项任务的“完成时限”不正确：应写作 2023、2023-06 或 2023-06-30');
  });
});
