// Acceptance: the seed documents against their hand-checked gold files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './index.ts';
import { formatScoreReport, scoreDraft } from './scoring/score.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures');

function seedFile(prefix: string): string {
  const name = readdirSync(join(ROOT, 'seeds')).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return join(ROOT, 'seeds', name);
}

const CASES = [
  { id: '000', minAccuracy: 0.97, tasks: 204 },
  { id: '001', minAccuracy: 0.99, tasks: 121 },
  { id: '002', minAccuracy: 0.99, tasks: 38 },
];

describe('seed documents against gold', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.tasks} tasks, field accuracy ≥ ${c.minAccuracy}`, async () => {
      const path = seedFile(c.id);
      const draft = await parseDocument({ bytes: new Uint8Array(readFileSync(path)), fileName: path.split('/').pop() ?? path });
      const gold: unknown = JSON.parse(readFileSync(join(ROOT, 'gold', `${c.id}.json`), 'utf8'));
      const report = scoreDraft(JSON.parse(JSON.stringify(draft)), gold);
      console.log(formatScoreReport(c.id, report));
      expect(report.taskCount).toEqual({ draft: c.tasks, gold: c.tasks });
      expect(report.overallAccuracy).toBeGreaterThanOrEqual(c.minAccuracy);
      expect(report.plan.every((f) => f.exact === f.compared)).toBe(true);
    });
  }

  it('001 indicators and 002 sections match gold exactly', async () => {
    for (const [id, key] of [['001', 'indicators'], ['002', 'sections']] as const) {
      const path = seedFile(id);
      const draft = await parseDocument({ bytes: new Uint8Array(readFileSync(path)), fileName: 'x.txt' });
      const gold = JSON.parse(readFileSync(join(ROOT, 'gold', `${id}.json`), 'utf8')) as Record<string, unknown>;
      expect(draft[key]).toEqual(gold[key]);
    }
  });
});
