/**
 * Re-import diff: a revised plan document's tasks against the plan already in the database.
 * Tasks are paired by (indicator, seq) when their texts still look alike, then by text
 * similarity (numbering shifts when a task is inserted or removed), then by (indicator, seq)
 * alone (a task rewritten in place). Pure, so the review screen and `apply` agree.
 */

/** A task in the comparable shape shared by drafts and stored plans. */
export interface DiffTask {
  seq: number;
  indicatorSeq: number | null;
  subIndicatorCode: string | null;
  subIndicator: string | null;
  text: string;
  leader: string | null;
  leadUnits: string[];
  responsibleUnits: string[];
  responsibleUnitsOpen: boolean;
  deadline: string | null;
  deadlineRaw: string | null;
  annualTarget: string | null;
  basis: string[];
  remarks: string | null;
  notes: string[];
}

/** A stored task: the comparable fields plus its id. */
export interface StoredDiffTask extends DiffTask { id: number }

export type DiffField = keyof DiffTask;

export interface FieldChange { from: unknown; to: unknown }

export interface ChangedTask {
  /** The seq in the revised document (what `apply` names). */
  seq: number;
  /** The stored task it updates. */
  taskId: number;
  previousSeq: number;
  text: string;
  fields: Partial<Record<DiffField, FieldChange>>;
}

export interface PlanDiff {
  added: DiffTask[];
  changed: ChangedTask[];
  removed: StoredDiffTask[];
  unchanged: number;
}

const COMPARED: DiffField[] = [
  'seq', 'indicatorSeq', 'subIndicatorCode', 'subIndicator', 'text', 'leader', 'leadUnits', 'responsibleUnits',
  'responsibleUnitsOpen', 'deadline', 'deadlineRaw', 'annualTarget', 'basis', 'remarks', 'notes',
];

// Below this Dice score two texts are different tasks: a deadline or a few words edited in a
// 60-character measure keeps the score well above 0.8; unrelated measures of one indicator share
// boilerplate (推进、实现、办理) and score around 0.2–0.35.
const SIMILAR = 0.5;

function bigrams(text: string): Map<string, number> {
  const s = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  if (s.length === 1) out.set(s, 1);
  return out;
}

/** Dice coefficient of character bigrams (0 … 1), insensitive to spacing and punctuation. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 1 : (2 * common) / total;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields in which a stored task and its revised version differ. */
export function changedFields(stored: DiffTask, revised: DiffTask): Partial<Record<DiffField, FieldChange>> {
  const fields: Partial<Record<DiffField, FieldChange>> = {};
  for (const f of COMPARED) if (!sameValue(stored[f], revised[f])) fields[f] = { from: stored[f], to: revised[f] };
  return fields;
}

const key = (t: DiffTask): string => `${t.indicatorSeq ?? ''}|${t.seq}`;

/** Pairs revised tasks (indices into `revised`) with stored tasks; see the module comment. */
function pairTasks(revised: readonly DiffTask[], stored: readonly StoredDiffTask[]): Map<number, StoredDiffTask> {
  const pairs = new Map<number, StoredDiffTask>();
  const used = new Set<number>();
  const byKey = new Map(stored.map((s) => [key(s), s]));
  const sim = new Map<string, number>();
  const similarity = (i: number, s: StoredDiffTask): number => {
    const k = `${i}:${s.id}`;
    let v = sim.get(k);
    if (v === undefined) sim.set(k, (v = textSimilarity(revised[i]?.text ?? '', s.text)));
    return v;
  };
  const take = (i: number, s: StoredDiffTask): void => { pairs.set(i, s); used.add(s.id); };

  revised.forEach((r, i) => {
    const s = byKey.get(key(r));
    if (s && similarity(i, s) >= SIMILAR) take(i, s);
  });
  const candidates: { i: number; s: StoredDiffTask; score: number; tie: number }[] = [];
  revised.forEach((r, i) => {
    if (pairs.has(i)) return;
    for (const s of stored) {
      if (used.has(s.id)) continue;
      const score = similarity(i, s);
      if (score >= SIMILAR) candidates.push({ i, s, score, tie: (s.indicatorSeq === r.indicatorSeq ? 0 : 1_000_000) + Math.abs(s.seq - r.seq) });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.tie - b.tie);
  for (const c of candidates) if (!pairs.has(c.i) && !used.has(c.s.id)) take(c.i, c.s);
  revised.forEach((r, i) => {
    const s = byKey.get(key(r));
    if (!pairs.has(i) && s && !used.has(s.id)) take(i, s);
  });
  return pairs;
}

/** Compares a revised document's tasks with the stored plan's tasks. */
export function diffPlan(revised: readonly DiffTask[], stored: readonly StoredDiffTask[]): PlanDiff {
  const pairs = pairTasks(revised, stored);
  const diff: PlanDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  revised.forEach((r, i) => {
    const s = pairs.get(i);
    if (!s) {
      diff.added.push(r);
      return;
    }
    const fields = changedFields(s, r);
    if (Object.keys(fields).length === 0) diff.unchanged++;
    else diff.changed.push({ seq: r.seq, taskId: s.id, previousSeq: s.seq, text: r.text, fields });
  });
  const paired = new Set([...pairs.values()].map((s) => s.id));
  diff.removed = stored.filter((s) => !paired.has(s.id));
  return diff;
}
