/**
 * Reading tasks: the filtered, paged task list and single tasks, with their unit links. The caller
 * passes the visibility condition from the task policy, so scoping can never be forgotten.
 */
import { and, asc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { CaseSource } from '../../domain/cases/case-model.ts';
import { caseEvents, cases, planCaseRules } from '../case-schema.ts';
import { indicators, plans, taskUnits, tasks } from '../schema.ts';
import { planSupervision, progressReports, taskSupervision, taskTargets } from '../supervision-schema.ts';

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

/** A lead unit's filed report as the task's light reads it (state and status in filing order). */
export interface FiledReport { unitId: number; period: string; role: 'lead' | 'responsible'; state: 'submitted' | 'accepted' | 'returned'; status: string; workDone: string; problems: string }

/** A case linked to the task, with its 回访 and 答复 events up to the day (in time order). */
export interface LinkedCase {
  id: number; source: CaseSource; refNo: string | null; title: string; dueOn: string | null; finishedOn: string | null;
  events: { caseId: number; step: string; details: Record<string, unknown> | null }[];
}

/** One task with everything its detail page shows and its light needs, as read in one statement. */
export interface TaskDetailRecord {
  task: TaskRecord & { plan: { id: number; title: string; regionId: number } };
  plan: { id: number; year: number; createdAt: Date };
  plannedDueOn: string | null;
  targets: { id: number; metric: string; comparator: string; value: number; valueMax: number | null; unit: string; source: string }[];
  /** The plan's supervision settings; null before they were first saved (the caller creates the defaults). */
  settings: typeof planSupervision.$inferSelect | null;
  supervision: { extendedDueOn: string | null; completedAt: Date | null; doneOn: string | null };
  /** Status of the lead unit's latest accepted report (the evidence for 办结), or null. */
  latestAcceptedLeadStatus: string | null;
  /** Reports submitted, accepted or returned by the end of `day`, oldest submission first. */
  filedReports: FiledReport[];
  caseLightRule: string | null;
  cases: LinkedCase[];
}

/**
 * One task within the visibility condition with what its detail shows on `day` — targets, plan,
 * supervision settings and state, the reports and cases its light is computed from — in one
 * statement: each part is a subquery keyed by the task (or its plan) through an index, so the
 * page costs one round trip instead of one per table. Null when not visible.
 */
export async function findTaskDetail(db: Db, visible: SQL, id: number, day: string): Promise<TaskDetailRecord | null> {
  const end = new Date(`${day}T23:59:59.999+08:00`);
  const targets = sql<TaskDetailRecord['targets']>`(select coalesce(json_agg(json_build_object('id', ${taskTargets.id}, 'metric', ${taskTargets.metric}, 'comparator', ${taskTargets.comparator},
    'value', ${taskTargets.value}, 'valueMax', ${taskTargets.valueMax}, 'unit', ${taskTargets.unit}, 'source', ${taskTargets.source}) order by ${taskTargets.position}), '[]'::json)
    from ${taskTargets} where ${taskTargets.taskId} = ${tasks.id})`;
  const latestAccepted = sql<string | null>`(select ${progressReports.status} from ${progressReports}
    where ${progressReports.taskId} = ${tasks.id} and ${progressReports.role} = 'lead' and ${progressReports.state} = 'accepted' order by ${progressReports.submittedAt} desc limit 1)`;
  const filed = sql<FiledReport[]>`(select coalesce(json_agg(json_build_object('unitId', ${progressReports.unitId}, 'period', ${progressReports.period}, 'role', ${progressReports.role},
    'state', ${progressReports.state}, 'status', ${progressReports.status}, 'workDone', ${progressReports.workDone}, 'problems', ${progressReports.problems}) order by ${progressReports.submittedAt}, ${progressReports.id}), '[]'::json)
    from ${progressReports} where ${progressReports.taskId} = ${tasks.id} and ${progressReports.state} in ('submitted', 'accepted', 'returned') and ${progressReports.submittedAt} <= ${end.toISOString()}::timestamptz)`;
  const caseRule = sql<string | null>`(select ${planCaseRules.taskLightRule} from ${planCaseRules} where ${planCaseRules.planId} = ${tasks.planId})`;
  const events = sql`(select coalesce(json_agg(json_build_object('caseId', ${caseEvents.caseId}, 'step', ${caseEvents.step}, 'details', ${caseEvents.details}) order by ${caseEvents.at}, ${caseEvents.id}), '[]'::json)
    from ${caseEvents} where ${caseEvents.caseId} = ${cases.id} and ${caseEvents.step} in ('visit', 'accept') and ${caseEvents.day} <= ${day})`;
  const linkedCases = sql<LinkedCase[]>`(select coalesce(json_agg(json_build_object('id', ${cases.id}, 'source', ${cases.source}, 'refNo', ${cases.refNo}, 'title', ${cases.title},
    'dueOn', ${cases.dueOn}, 'finishedOn', ${cases.finishedOn}, 'events', ${events}) order by ${cases.id}), '[]'::json)
    from ${cases} where ${cases.planId} = ${tasks.planId} and ${tasks.id} = any(${cases.taskIds}) and ${cases.foundOn} <= ${day})`;
  const [row] = await db
    .select({
      ...taskColumns, units: unitLinks, planTitle: plans.title, planRegionId: plans.regionId, planYear: plans.year, planCreatedAt: plans.createdAt, plannedDueOn: tasks.dueOn,
      targets, settings: planSupervision, extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt, doneOn: taskSupervision.doneOn,
      latestAccepted, filed, caseRule, linkedCases,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(indicators, eq(indicators.id, tasks.indicatorId))
    .leftJoin(planSupervision, eq(planSupervision.planId, tasks.planId))
    .leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(and(eq(tasks.id, id), visible));
  if (!row) return null;
  return {
    task: { ...toRecord(row), plan: { id: row.planId, title: row.planTitle, regionId: row.planRegionId } },
    plan: { id: row.planId, year: row.planYear, createdAt: row.planCreatedAt },
    plannedDueOn: row.plannedDueOn, targets: row.targets, settings: row.settings,
    supervision: { extendedDueOn: row.extendedDueOn, completedAt: row.completedAt, doneOn: row.doneOn },
    latestAcceptedLeadStatus: row.latestAccepted, filedReports: row.filed, caseLightRule: row.caseRule, cases: row.linkedCases,
  };
}
