/**
 * 我的任务 as a list an official works through: search, filters (plan, light, report state, due
 * window, role), sorted by urgency (overdue and due first, then by deadline), optionally grouped,
 * and paged with the true total. Pure: the server applies it to the unit's tasks of today.
 */

export type MyTaskGroup = 'todo' | 'draft' | 'returned' | 'submitted' | 'accepted';
export type DueWindow = 'overdue' | 'week' | 'month';
export type Grouping = 'state' | 'plan' | 'none';

export const MY_TASK_GROUPS: MyTaskGroup[] = ['todo', 'draft', 'returned', 'submitted', 'accepted'];

export interface MyTaskItem {
  taskId: number;
  planId: number;
  planTitle: string;
  seq: number;
  text: string;
  role: 'lead' | 'responsible';
  /** The task's deadline that counts now (YYYY-MM-DD), null when it has none. */
  dueOn: string | null;
  period: { key: string; label: string; dueOn: string; late: boolean };
  report: { state: string } | null;
  light: string | null;
}

export interface MyTaskFilter {
  q?: string;
  plan?: number;
  light?: string;
  state?: MyTaskGroup;
  due?: DueWindow;
  role?: 'lead' | 'responsible';
}

/** The report-state group of an item: 待填报 when nothing is written for the period yet. */
export function groupOf(item: MyTaskItem): MyTaskGroup {
  const state = item.report?.state;
  return state === 'draft' || state === 'returned' || state === 'submitted' || state === 'accepted' ? state : 'todo';
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function reportOwed(item: MyTaskItem): boolean {
  const g = groupOf(item);
  return g === 'todo' || g === 'draft' || g === 'returned';
}

/** The task's deadline has passed and it is not done, or the period's report is late. */
export function isOverdue(item: MyTaskItem, today: string): boolean {
  if (item.light === 'done') return false;
  return item.period.late || (item.dueOn !== null && item.dueOn < today);
}

/** The earliest date something is due: the report owed this period, or the task's deadline. */
function nextDue(item: MyTaskItem): string | null {
  const dates = [reportOwed(item) ? item.period.dueOn : null, item.light === 'done' ? null : item.dueOn].filter((d): d is string => d !== null);
  return dates.length ? dates.sort()[0] ?? null : null;
}

/** 0 overdue, 1 report owed, 2 reported and running, 3 done. */
export function urgencyRank(item: MyTaskItem, today: string): number {
  if (isOverdue(item, today)) return 0;
  if (reportOwed(item)) return 1;
  return item.light === 'done' ? 3 : 2;
}

function withinWindow(item: MyTaskItem, today: string, due: DueWindow): boolean {
  if (due === 'overdue') return isOverdue(item, today);
  const next = nextDue(item);
  if (next === null) return false;
  return next <= addDays(today, due === 'week' ? 7 : 30);
}

/** Items matching every given filter except the state (the state buttons count over these). */
export function filterMyTasks<T extends MyTaskItem>(items: readonly T[], filter: MyTaskFilter, today: string): T[] {
  const words = (filter.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.plan !== undefined && item.planId !== filter.plan) return false;
    if (filter.light !== undefined && item.light !== filter.light) return false;
    if (filter.role !== undefined && item.role !== filter.role) return false;
    if (filter.due !== undefined && !withinWindow(item, today, filter.due)) return false;
    if (words.length) {
      const hay = `${item.seq} ${item.text} ${item.planTitle}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Most urgent first: overdue, then reports owed, by the nearest due date; done last. */
export function compareUrgency(a: MyTaskItem, b: MyTaskItem, today: string): number {
  const rank = urgencyRank(a, today) - urgencyRank(b, today);
  if (rank) return rank;
  const da = nextDue(a) ?? '9999-12-31';
  const db = nextDue(b) ?? '9999-12-31';
  return da.localeCompare(db) || a.planId - b.planId || a.seq - b.seq;
}

/** Sorted by urgency, within groups when grouped (state groups in their fixed order, plans by id). */
export function sortMyTasks<T extends MyTaskItem>(items: readonly T[], grouping: Grouping, today: string): T[] {
  const groupKey = (item: MyTaskItem): number => (grouping === 'state' ? MY_TASK_GROUPS.indexOf(groupOf(item)) : grouping === 'plan' ? item.planId : 0);
  return [...items].sort((a, b) => groupKey(a) - groupKey(b) || compareUrgency(a, b, today));
}

export interface MyTaskPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Per report-state group, over the items matching the other filters. */
  counts: Record<MyTaskGroup, number>;
  /** The plans of the unit's tasks (for the plan filter) with how many match the filters. */
  plans: { id: number; title: string; count: number }[];
  overdue: number;
}

/** One page of 我的任务: filtered, counted, sorted and sliced. */
export function myTaskPage<T extends MyTaskItem>(all: readonly T[], filter: MyTaskFilter, grouping: Grouping, page: number, pageSize: number, today: string): MyTaskPage<T> {
  const withoutPlan: MyTaskFilter = { ...filter, plan: undefined };
  const matching = filterMyTasks(all, filter, today);
  const counts = Object.fromEntries(MY_TASK_GROUPS.map((g) => [g, 0])) as Record<MyTaskGroup, number>;
  for (const item of matching) counts[groupOf(item)] += 1;
  const chosen = filter.state ? matching.filter((i) => groupOf(i) === filter.state) : matching;
  const planCounts = new Map<number, { id: number; title: string; count: number }>();
  for (const item of all) if (!planCounts.has(item.planId)) planCounts.set(item.planId, { id: item.planId, title: item.planTitle, count: 0 });
  for (const item of filterMyTasks(all, withoutPlan, today)) {
    const entry = planCounts.get(item.planId);
    if (entry && (!filter.state || groupOf(item) === filter.state)) entry.count += 1;
  }
  const sorted = sortMyTasks(chosen, grouping, today);
  const start = (page - 1) * pageSize;
  return {
    items: sorted.slice(start, start + pageSize), total: sorted.length, page, pageSize, counts,
    plans: [...planCounts.values()], overdue: chosen.filter((i) => isOverdue(i, today)).length,
  };
}
