import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../cli/commands/evaluate.command.ts';
import { SAMPLE_TOPIC_SCORES, sampleDb2020Topics } from './test-support/db2020-sample.ts';

const dir = mkdtempSync(join(tmpdir(), 'yingshang-evaluate-'));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `input-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

interface Printed {
  places: { id: string; overall: number | null; rank: number | null; topics: Record<string, { score: number; components: Record<string, number | null> }> }[];
  groups: Printed['places'];
}

const valid = {
  methodology: 'db2020',
  places: [
    { id: 'shanghai', topics: sampleDb2020Topics() },
    { id: 'beijing', topics: { ...sampleDb2020Topics(), getting_credit: { strength_of_legal_rights_index: 4, depth_of_credit_information_index: 6 } } },
    { id: 'partial', topics: { getting_credit: { strength_of_legal_rights_index: 12, depth_of_credit_information_index: 8 } } },
  ],
  groups: [{ id: 'china', members: { beijing: 0.45, shanghai: 0.55 } }],
};

describe('yingshang evaluate FILE', () => {
  it('prints unrounded scores, ranks by overall, null overall → null rank, groups ranked among groups', async () => {
    expect(await run([file(valid)])).toBe(0);
    expect(err).toBe('');
    const printed = JSON.parse(out) as Printed;
    expect(printed.places.map((p) => [p.id, p.rank])).toEqual([['shanghai', 1], ['beijing', 2], ['partial', null]]);
    const sh = printed.places[0];
    const mean = Object.values(SAMPLE_TOPIC_SCORES).reduce((a, b) => a + b, 0) / 10;
    expect(sh?.overall).toBeCloseTo(mean, 10);
    expect(sh?.topics.getting_credit).toEqual({ score: 60, components: { strength_of_legal_rights_index: expect.closeTo(33.333333333, 8) as number, depth_of_credit_information_index: 100 } });
    expect(printed.places[2]).toMatchObject({ overall: null, rank: null, topics: { getting_credit: { score: 100 } } });
    const bj = printed.places[1]?.overall ?? 0;
    expect(printed.groups).toHaveLength(1);
    expect(printed.groups[0]).toMatchObject({ id: 'china', rank: 1 });
    expect(printed.groups[0]?.overall).toBeCloseTo(0.45 * bj + 0.55 * (sh?.overall ?? 0), 10);
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown topic', { methodology: 'db2020', places: [{ id: 'bj', topics: { employing_workers: {} } }] }, /^EVALUATION_UNKNOWN_TOPIC: .*"bj".*employing_workers.*\(places\[0\]\.topics\.employing_workers\)$/],
    ['unknown component', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_electricity: { ...sampleDb2020Topics().getting_electricity, saidy: 1 } } }] }, /^EVALUATION_UNKNOWN_COMPONENT: .*"bj".*getting_electricity.*saidy.*\(places\[0\]\.topics\.getting_electricity\.saidy\)$/],
    ['missing value', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_credit: { strength_of_legal_rights_index: 4 } } }] }, /^EVALUATION_MISSING_VALUE: .*"bj".*getting_credit.*depth_of_credit_information_index/],
    ['null value', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_credit: { strength_of_legal_rights_index: 4, depth_of_credit_information_index: null } } }] }, /^EVALUATION_MISSING_VALUE: .*depth_of_credit_information_index/],
    ['wrong type', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_credit: { strength_of_legal_rights_index: true, depth_of_credit_information_index: 1 } } }] }, /^EVALUATION_INPUT_INVALID: 地区 "bj" 的指标 getting_credit 的 strength_of_legal_rights_index 应为数字.*true \(places\[0\]\.topics\.getting_credit\.strength_of_legal_rights_index\)$/],
    ['unknown text value', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_credit: { strength_of_legal_rights_index: 'N/A', depth_of_credit_information_index: 1 } } }] }, /^EVALUATION_UNKNOWN_TEXT_VALUE: .*"bj".*getting_credit.*strength_of_legal_rights_index.*"N\/A"/],
    ['text value on the wrong component', { methodology: 'db2020', places: [{ id: 'bj', topics: { paying_taxes: { ...sampleDb2020Topics().paying_taxes, payments: 'No VAT' } } }] }, /^EVALUATION_UNKNOWN_TEXT_VALUE: .*payments/],
    ['topic not an object', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_credit: 'No Practice' } }] }, /^EVALUATION_INPUT_INVALID: .*"bj".*getting_credit.*\(places\[0\]\.topics\.getting_credit\)$/],
    ['text auxiliary', { methodology: 'db2020', places: [{ id: 'bj', topics: { getting_electricity: { ...sampleDb2020Topics().getting_electricity, saidi: 'n/a' } } }] }, /^EVALUATION_INPUT_INVALID: .*saidi/],
    ['unknown methodology', { methodology: 'db2030', places: [] }, /^EVALUATION_UNKNOWN_METHODOLOGY: .*db2030/],
    ['duplicate place', { methodology: 'db2020', places: [{ id: 'a', topics: {} }, { id: 'a', topics: {} }] }, /^EVALUATION_DUPLICATE_ID: .*"a".*places\[1\]\.id/],
    ['unknown group member', { methodology: 'db2020', places: [{ id: 'a', topics: {} }], groups: [{ id: 'g', members: { a: 0.5, b: 0.5 } }] }, /^EVALUATION_UNKNOWN_MEMBER: .*"g".*"b"/],
    ['non-positive weight', { methodology: 'db2020', places: [{ id: 'a', topics: {} }], groups: [{ id: 'g', members: { a: 0 } }] }, /^EVALUATION_INPUT_INVALID: .*groups\[0\]\.members\.a/],
    ['unknown top-level key', { methodology: 'db2020', place: [] }, /^EVALUATION_INPUT_INVALID: /],
    ['invalid JSON', '{"methodology": "db2020", places: [', /^EVALUATION_INPUT_NOT_JSON: /],
  ];
  for (const [name, content, pattern] of bad) {
    it(`${name} → exit 1, one line on stderr, nothing on stdout`, async () => {
      expect(await run([file(content)])).toBe(1);
      expect(out).toBe('');
      expect(err.endsWith('\n')).toBe(true);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err.trimEnd()).toMatch(pattern);
    });
  }

  it('missing file → EVALUATION_FILE_UNREADABLE', async () => {
    expect(await run([join(dir, 'nope.json')])).toBe(1);
    expect(err).toMatch(/^EVALUATION_FILE_UNREADABLE: .*nope\.json.*ENOENT/);
  });

  it('no file or extra arguments → usage, exit 2', async () => {
    expect(await run([])).toBe(2);
    expect(await run(['a.json', 'b.json'])).toBe(2);
    expect(err).toMatch(/EVALUATION_USAGE/);
  });

  it('works end to end through bin/yingshang.mjs (spawned)', () => {
    const ok = spawnSync(process.execPath, ['bin/yingshang.mjs', 'evaluate', file(valid)], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Printed).places[0]?.id).toBe('shanghai');
    const ko = spawnSync(process.execPath, ['bin/yingshang.mjs', 'evaluate', file({ methodology: 'db2020', places: [{ id: 'x', topics: { nope: {} } }] })], { encoding: 'utf8' });
    expect(ko.status).not.toBe(0);
    expect(ko.stdout).toBe('');
    expect(ko.stderr.trim().split('\n')).toHaveLength(1);
  });
});
