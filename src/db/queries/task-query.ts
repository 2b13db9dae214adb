/**
 * Reading tasks: the filtered, paged task list and single tasks, with their unit links. The caller
 * passes the visibility condition from the task policy, so scoping can never be forgotten.
 */
import { and, asc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { indicators, plans, taskUnits, tasks } from '../schema.ts';

export interface TaskFilter {
  planId?: number;
  indicatorId?: number;
  subIndicator?: string;
  unitId?: number;
  role?: 'lead' | 'responsible';
  /** 'YYYY-MM': tasks due in or after this month. */
  deadlineFrom?: string;
  /** 'YYYY-MM': tasks due in or before this month. */
  deadlineTo?: string;
  q?: string;
}

export interface UnitRef { id: number; name: string }

export interface TaskRecord {
  id: number;
  planId: number;
  seq: number;
  seqCn: string | null;
  indicator: { id: number; seq: number; name: string; kind: 'indicator' | 'section' } | null;
  subIndicatorCode: string | null;
  subIndicator: string | null;
  text: string;
  leader: string | null;
  leadUnits: UnitRef[];
  responsibleUnits: UnitRef[];
  responsibleUnitsOpen: boolean;
  deadline: string | null;
  deadlineRaw: string | null;
  annualTarget: string | null;
  basis: string[];
  remarks: string | null;
  notes: string[];
  uncertain: string[];
}

function monthStart(ym: string): string {
  return `${ym}-01`;
}

function monthEnd(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(last).padStart(2, '0')}`;
}

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(f: TaskFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.planId !== undefined) conds.push(eq(tasks.planId, f.planId));
  if (f.indicatorId !== undefined) conds.push(eq(tasks.indicatorId, f.indicatorId));
  if (f.subIndicator !== undefined) conds.push(eq(tasks.subIndicator, f.subIndicator));
  if (f.unitId !== undefined) {
    const roleCond = f.role ? sql` and ${taskUnits.role} = ${f.role}` : sql``;
    conds.push(sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.unitId} = ${f.unitId}${roleCond})`);
  }
  if (f.deadlineFrom) conds.push(gte(tasks.dueOn, monthStart(f.deadlineFrom)));
  if (f.deadlineTo) conds.push(lte(tasks.dueOn, monthEnd(f.deadlineTo)));
  if (f.q) {
    const p = likePattern(f.q.trim());
    // The unit names are looked up per candidate task (a correlated scalar subquery through the
    // links' primary key), so a search within one plan never hashes all task–unit links.
    const c = or(ilike(tasks.text, p), ilike(tasks.subIndicator, p), ilike(tasks.remarks, p),
      sql`coalesce((select bool_or(${taskUnits.writtenName} ilike ${p}) from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id}), false)`);
    if (c) conds.push(c);
  }
  return conds;
}

const taskColumns = {
  id: tasks.id, planId: tasks.planId, seq: tasks.seq, seqCn: tasks.seqCn,
  indicatorId: indicators.id, indicatorSeq: indicators.seq, indicatorName: indicators.name, indicatorKind: indicators.kind,
  subIndicatorCode: tasks.subIndicatorCode, subIndicator: tasks.subIndicator, text: tasks.text, leader: tasks.leader,
  responsibleUnitsOpen: tasks.responsibleUnitsOpen, deadline: tasks.deadline, deadlineRaw: tasks.deadlineRaw,
  annualTarget: tasks.annualTarget, basis: tasks.basis, remarks: tasks.remarks, notes: tasks.notes, uncertain: tasks.uncertain,
};

interface TaskRow {
  id: number; planId: number; seq: number; seqCn: string | null;
  indicatorId: number | null; indicatorSeq: number | null; indicatorName: string | null; indicatorKind: 'indicator' | 'section' | null;
  subIndicatorCode: string | null; subIndicator: string | null; text: string; leader: string | null;
  responsibleUnitsOpen: boolean; deadline: string | null; deadlineRaw: string | null; annualTarget: string | null;
  basis: string[]; remarks: string | null; notes: string[]; uncertain: string[];
}

/** Import flags name draft fields in snake_case (responsible_units); the API speaks camelCase. */
function camelField(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

async function attachUnits(db: Db, rows: TaskRow[]): Promise<TaskRecord[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.select().from(taskUnits).where(inArray(taskUnits.taskId, ids)).orderBy(asc(taskUnits.taskId), asc(taskUnits.role), asc(taskUnits.position))
    : [];
  const byTask = new Map<number, { lead: UnitRef[]; responsible: UnitRef[] }>();
  for (const l of links) {
    let entry = byTask.get(l.taskId);
    if (!entry) byTask.set(l.taskId, (entry = { lead: [], responsible: [] }));
    entry[l.role].push({ id: l.unitId, name: l.writtenName });
  }
  return rows.map((r) => ({
    id: r.id, planId: r.planId, seq: r.seq, seqCn: r.seqCn,
    indicator: r.indicatorId === null ? null : { id: r.indicatorId, seq: r.indicatorSeq ?? 0, name: r.indicatorName ?? '', kind: r.indicatorKind ?? 'indicator' },
    subIndicatorCode: r.subIndicatorCode, subIndicator: r.subIndicator, text: r.text, leader: r.leader,
    leadUnits: byTask.get(r.id)?.lead ?? [], responsibleUnits: byTask.get(r.id)?.responsible ?? [],
    responsibleUnitsOpen: r.responsibleUnitsOpen, deadline: r.deadline, deadlineRaw: r.deadlineRaw, annualTarget: r.annualTarget,
    basis: r.basis, remarks: r.remarks, notes: r.notes, uncertain: r.uncertain.map(camelField),
  }));
}

/** One page of tasks matching the filter within the visibility condition, with the total count. */
export async function listTasks(db: Db, visible: SQL, filter: TaskFilter, page: number, pageSize: number): Promise<{ items: TaskRecord[]; total: number }> {
  const where = and(visible, ...filterConditions(filter));
  // The page walks the (plan, seq) index and stops after it; the true total is a separate count
  // of task ids only (no sort, no wide rows) — a window count(*) over () would read and sort
  // every visible task for each page.
  const [rows, counted] = await Promise.all([
    db.select(taskColumns).from(tasks).leftJoin(indicators, eq(indicators.id, tasks.indicatorId)).where(where)
      .orderBy(asc(tasks.planId), asc(tasks.seq)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tasks).where(where),
  ]);
  return { items: await attachUnits(db, rows), total: counted[0]?.n ?? 0 };
}

/** One task within the visibility condition, with its plan's title, or null. */
export async function findTask(db: Db, visible: SQL, id: number): Promise<(TaskRecord & { plan: { id: number; title: string; regionId: number } }) | null> {
  const [row] = await db
    .select({ ...taskColumns, planTitle: plans.title, planRegionId: plans.regionId })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(indicators, eq(indicators.id, tasks.indicatorId))
    .where(and(eq(tasks.id, id), visible));
  if (!row) return null;
  const [record] = await attachUnits(db, [row]);
  return record ? { ...record, plan: { id: row.planId, title: row.planTitle, regionId: row.planRegionId } } : null;
}
