/**
 * The methodologies shipped with the platform, as data under fixtures/methodology/, validated
 * with zod the first time each is asked for.
 */
import db2020Data from '../../fixtures/methodology/db2020.methodology.json' with { type: 'json' };
import chinaData from '../../fixtures/methodology/china-template.methodology.json' with { type: 'json' };
import { EVALUATION_ERRORS, evaluationError } from './errors.ts';
import { parseMethodology } from './methodology-schema.ts';
import type { Methodology } from './methodology-schema.ts';

const BUILT_IN: Readonly<Record<string, unknown>> = {
  db2020: db2020Data,
  china_template: chinaData,
};

const cache = new Map<string, Methodology>();

/** Ids of the built-in methodologies. */
export function methodologyIds(): string[] {
  return Object.keys(BUILT_IN);
}

/** Returns a built-in methodology by id; throws EVALUATION_UNKNOWN_METHODOLOGY for an unknown id. */
export function getMethodology(id: string): Methodology {
  const hit = cache.get(id);
  if (hit) return hit;
  const data = Object.hasOwn(BUILT_IN, id) ? BUILT_IN[id] : undefined;
  if (data === undefined) {
    throw evaluationError(EVALUATION_ERRORS.unknownMethodology, `未知的评价方法 "${id}"，可用：${methodologyIds().join('、')}`, 'methodology', { id });
  }
  const m = parseMethodology(data, `${id}.methodology.json`);
  cache.set(id, m);
  return m;
}
