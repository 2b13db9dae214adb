/**
 * Per-family accuracy over a corpus of plan documents: how many documents of each layout family
 * get the right task count, and their mean field accuracy (from scoreDraft). A document that the
 * engine refuses counts as a wrong count with accuracy 0, so refusals cannot flatter the table.
 */
import type { ScoreReport } from './score.ts';

export interface DocScore {
  id: string;
  family: string;
  format: string;
  /** null when the engine refused the document (the error message is kept). */
  report: ScoreReport | null;
  error?: string;
}

export interface FamilyScore {
  family: string;
  docs: number;
  countRight: number;
  /** Mean over documents of the overall field accuracy. */
  accuracy: number;
  /** Mean F1 of lead_units and responsible_units together (the units the issue asks for). */
  unitsF1: number;
}

function unitsF1(r: ScoreReport): number {
  const f = r.fields.filter((x) => x.field === 'lead_units' || x.field === 'responsible_units');
  return f.length === 0 ? 1 : f.reduce((s, x) => s + (x.f1 ?? x.accuracy), 0) / f.length;
}

/** Groups document scores by family (first appearance order), plus an `all` row. */
export function familyScores(scores: DocScore[]): FamilyScore[] {
  const families = [...new Set(scores.map((s) => s.family))];
  const row = (family: string, xs: DocScore[]): FamilyScore => ({
    family,
    docs: xs.length,
    countRight: xs.filter((s) => s.report && s.report.taskCount.draft === s.report.taskCount.gold).length,
    accuracy: xs.reduce((sum, s) => sum + (s.report?.overallAccuracy ?? 0), 0) / Math.max(1, xs.length),
    unitsF1: xs.reduce((sum, s) => sum + (s.report ? unitsF1(s.report) : 0), 0) / Math.max(1, xs.length),
  });
  return [...families.map((f) => row(f, scores.filter((s) => s.family === f))), row('all', scores)];
}

/** The table as plain text (test output, bench output, the issue's closing note). */
export function formatFamilyTable(rows: FamilyScore[], title: string): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
  return [
    title,
    `${'family'.padEnd(16)} docs  count right  field acc  units F1`,
    ...rows.map((r) => `${r.family.padEnd(16)} ${String(r.docs).padStart(4)}  ${`${r.countRight}/${r.docs}`.padStart(11)}  ${pct(r.accuracy)}    ${pct(r.unitsF1)}`),
  ].join('\n');
}
