// Adding and deleting rows of a draft under review (pure: the review page keeps the draft).
import type { Draft, DraftTask } from '../../api/imports.ts';

/** Whether the draft is a prose plan (tasks grouped in 部分) rather than a table with 一级指标. */
export function isProse(draft: Draft): boolean {
  return !draft.indicators?.length && Boolean(draft.sections?.length);
}

/** The groups a task may belong to: the draft's 一级指标, or its 部分 for a prose plan. */
export function groupOptions(draft: Draft): { value: number; label: string }[] {
  if (isProse(draft)) return (draft.sections ?? []).map((s) => ({ value: s.seq, label: `${s.seq}. ${s.title}` }));
  return (draft.indicators ?? []).map((i) => ({ value: i.seq, label: `${i.seq}. ${i.name}` }));
}

/** The patch that moves a task to another group (null: none). */
export function groupPatch(draft: Draft, seq: number | null): Partial<DraftTask> {
  if (isProse(draft)) return { section_seq: seq };
  const indicator = draft.indicators?.find((i) => i.seq === seq);
  return { indicator_seq: seq, indicator: indicator?.name ?? null };
}

/** An empty task numbered `seq`, in the group of `like` (the row it is inserted after). */
function emptyTask(draft: Draft, seq: number, like: DraftTask | undefined): DraftTask {
  const group = isProse(draft) ? { section_seq: like?.section_seq ?? null } : { indicator_seq: like?.indicator_seq ?? null, indicator: like?.indicator ?? null };
  return {
    seq, text: '', ...group, lead_units: [], responsible_units: [], responsible_units_open: false,
    deadline: null, deadline_raw: null, targets: [], uncertain: ['text'],
  };
}

/**
 * Inserts an empty task after row `after` (-1: at the top; undefined: at the end). It takes the next
 * number; the tasks after it that would collide move up by one, as the plan's numbering does.
 */
export function insertTask(draft: Draft, after?: number): { draft: Draft; index: number } {
  const tasks = draft.tasks;
  const end = after === undefined || after >= tasks.length - 1;
  if (end) {
    const seq = tasks.reduce((m, t) => Math.max(m, Number.isFinite(t.seq) ? t.seq : 0), 0) + 1;
    return { draft: { ...draft, tasks: [...tasks, emptyTask(draft, seq, tasks.at(-1))] }, index: tasks.length };
  }
  const prev = after >= 0 ? tasks[after] : undefined;
  const seq = prev ? prev.seq + 1 : 1;
  const shifted = tasks.map((t, i) => (i > after && t.seq >= seq ? { ...t, seq: t.seq + 1 } : t));
  const next = [...shifted.slice(0, after + 1), emptyTask(draft, seq, prev ?? tasks[0]), ...shifted.slice(after + 1)];
  return { draft: { ...draft, tasks: next }, index: after + 1 };
}

/** Removes row `index`; the other tasks keep their numbers. */
export function deleteTask(draft: Draft, index: number): Draft {
  return { ...draft, tasks: draft.tasks.filter((_, i) => i !== index) };
}
