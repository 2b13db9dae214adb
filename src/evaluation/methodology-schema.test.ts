import { describe, expect, it } from 'vitest';
import db2020 from '../../fixtures/methodology/db2020.methodology.json' with { type: 'json' };
import { getMethodology } from './methodologies.ts';
import { parseMethodology } from './methodology-schema.ts';

type Data = typeof db2020;
const clone = (): Data => structuredClone(db2020);
const rejects = (mutate: (d: Data) => void, pattern: RegExp): void => {
  const d = clone();
  mutate(d);
  expect(() => parseMethodology(d, 'test')).toThrow(pattern);
};

describe('methodology data is validated at load', () => {
  it('accepts the shipped files', () => {
    expect(getMethodology('db2020').topics).toHaveLength(10);
    expect(getMethodology('china_template').topics).toHaveLength(18);
  });

  it('rejects an unknown methodology id', () => {
    expect(() => getMethodology('db2030')).toThrow(/未知的评价方法 "db2030"/);
  });

  it('rejects bad data, naming the field', () => {
    rejects((d) => { (d.topics[0]?.components[0] ?? { best: 0 }).best = 18; }, /best and worst must differ.*topics\[0\]\.components\[0\]/);
    rejects((d) => { d.topics[0]?.aggregation.groups?.pop(); }, /groups must name every component exactly once/);
    rejects((d) => { d.overall.topics.push('employing_workers'); }, /overall names unknown topic employing_workers/);
    rejects((d) => { d.topics[2]?.rules?.[0]?.requires.push({ input: 'saidx', below: 1 }); }, /unknown auxiliary input saidx/);
    rejects((d) => { d.topics.push(structuredClone(d.topics[0]) as Data['topics'][number]); }, /duplicate topic starting_a_business/);
    rejects((d) => { Object.assign(d, { extra: 1 }); }, /EVALUATION_METHODOLOGY_INVALID|Unrecognized key/);
  });
});
