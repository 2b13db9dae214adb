/**
 * Scores a draft against a hand-checked gold file: task count, per-field exact-match accuracy,
 * F1 for list fields whose order carries no meaning, and overall field accuracy. The numbers are
 * the acceptance gate for import quality, so the rules are deliberately plain and strict.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Record_ = Record<string, unknown>;

export interface FieldScore {
  field: string;
  compared: number;
  exact: number;
  accuracy: number;
  /** Micro-averaged F1 over items, for unordered list fields. */
  f1?: number;
}

export interface ScoreReport {
  taskCount: { draft: number; gold: number };
  matchedTasks: number;
  fields: FieldScore[];
  plan: FieldScore[];
  overallAccuracy: number;
  /** Tasks (by seq) with at least one mismatching field, for inspection. */
  mismatches: { seq: unknown; fields: string[] }[];
}

/** List fields compared as multisets (F1) as well as exactly. */
export const UNORDERED_FIELDS = new Set(['responsible_units', 'lead_units', 'basis', 'units', 'notes', 'uncertain', 'aliases']);
// Fields the draft adds for its own purposes and gold files do not have.
const IGNORED_FIELDS = new Set(['targets']);

function canonical(value: unknown, unordered: boolean): string {
  if (Array.isArray(value) && unordered) return JSON.stringify([...(value as Json[])].map((v) => JSON.stringify(v)).sort());
  return JSON.stringify(value ?? null);
}

function multisetOverlap(a: unknown[], b: unknown[]): number {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(JSON.stringify(x), (counts.get(JSON.stringify(x)) ?? 0) + 1);
  let hit = 0;
  for (const x of a) {
    const k = JSON.stringify(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      hit++;
      counts.set(k, n - 1);
    }
  }
  return hit;
}

function asRecords(v: unknown): Record_[] {
  return Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Record_[]) : [];
}

/** Field-by-field comparison of two record lists already aligned. */
function scoreFields(pairs: [Record_ | undefined, Record_][]): { scores: FieldScore[]; wrong: Map<number, string[]> } {
  const fields = [...new Set(pairs.flatMap(([, g]) => Object.keys(g)))].filter((f) => !IGNORED_FIELDS.has(f));
  const wrong = new Map<number, string[]>();
  const scores = fields.map((field) => {
    const unordered = UNORDERED_FIELDS.has(field);
    let compared = 0;
    let exact = 0;
    let tp = 0;
    let nDraft = 0;
    let nGold = 0;
    pairs.forEach(([d, g], i) => {
      if (!(field in g)) return;
      compared++;
      const dv = d?.[field];
      const gv = g[field];
      if (d && canonical(dv, field === 'uncertain') === canonical(gv, field === 'uncertain')) exact++;
      else wrong.set(i, [...(wrong.get(i) ?? []), field]);
      if (unordered && Array.isArray(gv)) {
        const da = Array.isArray(dv) ? (dv as unknown[]) : [];
        tp += multisetOverlap(da, gv as unknown[]);
        nDraft += da.length;
        nGold += gv.length;
      }
    });
    const score: FieldScore = { field, compared, exact, accuracy: compared === 0 ? 1 : exact / compared };
    if (unordered) score.f1 = nDraft + nGold === 0 ? 1 : (2 * tp) / (nDraft + nGold);
    return score;
  });
  return { scores, wrong };
}

/** Compares a draft (as JSON) with a gold file (as JSON). Tasks are aligned by `seq`, else by position. */
export function scoreDraft(draft: unknown, gold: unknown): ScoreReport {
  const d = (draft ?? {}) as Record_;
  const g = (gold ?? {}) as Record_;
  const draftTasks = asRecords(d.tasks);
  const goldTasks = asRecords(g.tasks);
  const bySeq = new Map<unknown, Record_>();
  for (const t of draftTasks) if (!bySeq.has(t.seq)) bySeq.set(t.seq, t);
  const seqUnique = new Set(goldTasks.map((t) => t.seq)).size === goldTasks.length;
  const pairs: [Record_ | undefined, Record_][] = goldTasks.map((gt, i) => [seqUnique ? bySeq.get(gt.seq) : draftTasks[i], gt]);
  const { scores, wrong } = scoreFields(pairs);
  const planPair: [Record_ | undefined, Record_][] = [[(d.plan ?? {}) as Record_, (g.plan ?? {}) as Record_]];
  const plan = scoreFields(planPair).scores;
  const compared = scores.reduce((s, f) => s + f.compared, 0);
  const exact = scores.reduce((s, f) => s + f.exact, 0);
  return {
    taskCount: { draft: draftTasks.length, gold: goldTasks.length },
    matchedTasks: pairs.filter(([dt]) => dt !== undefined).length,
    fields: scores,
    plan,
    overallAccuracy: compared === 0 ? 1 : exact / compared,
    mismatches: [...wrong.entries()].map(([i, fields]) => ({ seq: goldTasks[i]?.seq, fields })),
  };
}

/** A plain-text report (one line per field) for test output and the command line. */
export function formatScoreReport(name: string, r: ScoreReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${name}: tasks ${r.taskCount.draft}/${r.taskCount.gold}, overall field accuracy ${pct(r.overallAccuracy)}`,
    ...r.fields.map((f) => `  ${f.field.padEnd(24)} ${pct(f.accuracy).padStart(7)} (${f.exact}/${f.compared})${f.f1 === undefined ? '' : `  F1 ${pct(f.f1)}`}`),
    `  plan: ${r.plan.map((f) => `${f.field}=${f.exact === f.compared ? 'ok' : 'WRONG'}`).join(' ')}`,
  ];
  return lines.join('\n');
}
