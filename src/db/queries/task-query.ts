/**
 * Reading tasks: the filtered, paged task list and single tasks, with their unit links. The caller
 * passes the visibility condition from the task policy, so scoping can never be forgotten.
 */
import { and, asc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
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

/** The task's unit links, lead and responsible, in position order, as one JSON value of the row. */
const unitLinks = sql<{ id: number; name: string; role: 'lead' | 'responsible' }[] | null>`(select json_agg(json_build_object('id', ${taskUnits.unitId}, 'name', ${taskUnits.writtenName}, 'role', ${taskUnits.role}) order by ${taskUnits.role}, ${taskUnits.position}) from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id})`;

function toRecord(r: TaskRow & { units: { id: number; name: string; role: 'lead' | 'responsible' }[] | null }): TaskRecord {
  const leadUnits: UnitRef[] = [];
  const responsibleUnits: UnitRef[] = [];
  for (const u of r.units ?? []) (u.role === 'lead' ? leadUnits : responsibleUnits).push({ id: u.id, name: u.name });
  return {
    id: r.id, planId: r.planId, seq: r.seq, seqCn: r.seqCn,
    indicator: r.indicatorId === null ? null : { id: r.indicatorId, seq: r.indicatorSeq ?? 0, name: r.indicatorName ?? '', kind: r.indicatorKind ?? 'indicator' },
    subIndicatorCode: r.subIndicatorCode, subIndicator: r.subIndicator, text: r.text, leader: r.leader, leadUnits, responsibleUnits,
    responsibleUnitsOpen: r.responsibleUnitsOpen, deadline: r.deadline, deadlineRaw: r.deadlineRaw, annualTarget: r.annualTarget,
    basis: r.basis, remarks: r.remarks, notes: r.notes, uncertain: r.uncertain.map(camelField),
  };
}

/**
 * One page of tasks matching the filter within the visibility condition, with the total count —
 * one statement: the page walks the (plan, seq) index and stops after it, each row brings its unit
 * links (a correlated subquery through the links' key), and the true total is an uncorrelated
 * count of task ids (evaluated once, no sort, no wide rows; a window count(*) over () would read
 * and sort every visible task for each page). A page past the end counts on its own.
 */
export async function listTasks(db: Db, visible: SQL, filter: TaskFilter, page: number, pageSize: number): Promise<{ items: TaskRecord[]; total: number }> {
  const where = and(visible, ...filterConditions(filter));
  const total = sql<number>`(select count(*) from ${tasks} where ${where})`.mapWith(Number);
  const rows = await db.select({ ...taskColumns, units: unitLinks, total }).from(tasks).leftJoin(indicators, eq(indicators.id, tasks.indicatorId)).where(where)
    .orderBy(asc(tasks.planId), asc(tasks.seq)).limit(pageSize).offset((page - 1) * pageSize);
  if (rows[0]) return { items: rows.map(toRecord), total: rows[0].total };
  if (page === 1) return { items: [], total: 0 };
  const [counted] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tasks).where(where);
  return { items: [], total: counted?.n ?? 0 };
}

/** One task within the visibility condition, with its plan's title, or null. */
export async function findTask(db: Db, visible: SQL, id: number): Promise<(TaskRecord & { plan: { id: number; title: string; regionId: number } }) | null> {
  const [row] = await db
    .select({ ...taskColumns, units: unitLinks, planTitle: plans.title, planRegionId: plans.regionId })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(indicators, eq(indicators.id, tasks.indicatorId))
    .where(and(eq(tasks.id, id), visible));
  if (!row) return null;
  return { ...toRecord(row), plan: { id: row.planId, title: row.planTitle, regionId: row.planRegionId } };
}
