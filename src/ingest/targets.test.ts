import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './index.ts';
import { extractTargets } from './targets.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures');

interface ExpectedTarget {
  task_seq: number;
  metric: string;
  comparator: string;
  value: number;
  value_max?: number;
  unit: string;
}

const key = (seq: number, t: { comparator: string; value: number; value_max?: number; unit: string }): string =>
  `${seq}|${t.comparator}|${t.value}|${t.value_max ?? ''}|${t.unit}`;

describe('extractTargets', () => {
  it.each([
    ['企业开办全流程压缩至1个工作日办结。', { metric: '企业开办全流程', comparator: 'le', value: 1, unit: '个工作日' }],
    ['非接触式办税比例达到95%以上。', { metric: '非接触式办税比例', comparator: 'ge', value: 95, unit: '%' }],
    ['城网用户平均停电时间不超过5小时。', { metric: '城网用户平均停电时间', comparator: 'le', value: 5, unit: '小时' }],
    ['污染地块安全利用率不低于92%。', { metric: '污染地块安全利用率', comparator: 'ge', value: 92, unit: '%' }],
    ['进出口合规成本降至220至280美元之间。', { metric: '进出口合规成本', comparator: 'range', value: 220, value_max: 280, unit: '美元' }],
  ])('%s', (text, expected) => {
    const [t] = extractTargets(text);
    expect(t).toMatchObject(expected);
    expect(text.slice(t?.span[0], t?.span[1])).toBe(t?.source);
  });

  it('leaves out years, service hours and scopes', () => {
    expect(extractTargets('到2022年底，提供7*24小时在线服务，对200米以内的用户实行备案制，1000人以上学校全部建立辅导室。')).toEqual([]);
  });

  it('seed 001 against the hand-checked list: precision and recall ≥ 0.9', async () => {
    const name = readdirSync(join(ROOT, 'seeds')).find((f) => f.startsWith('001_')) ?? '';
    const draft = await parseDocument({ bytes: new Uint8Array(readFileSync(join(ROOT, 'seeds', name))), fileName: name });
    const expected = (JSON.parse(readFileSync(join(ROOT, 'targets', '001.targets.json'), 'utf8')) as { targets: ExpectedTarget[] }).targets;
    const want = new Set(expected.map((t) => key(t.task_seq, t)));
    const got = draft.tasks.flatMap((task) => task.targets.map((t) => key(task.seq, t)));
    const hits = got.filter((k) => want.has(k)).length;
    const precision = hits / got.length;
    const recall = new Set(got.filter((k) => want.has(k))).size / want.size;
    const missed = [...want].filter((k) => !got.includes(k));
    const extra = got.filter((k) => !want.has(k));
    console.log(`001 targets: ${got.length} extracted, ${want.size} expected, precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`);
    console.log(`  missed: ${missed.join('  ')}\n  extra: ${extra.join('  ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
