/**
 * The lights of a plan's tasks for the current period: computed by the daily job (and kept per
 * period for trends), marked stale by the events that change them (a report filed or reviewed, a
 * completion accepted, an extension decided, a deadline edited), and read by the 预警 board and
 * 我的任务 from the table. A task whose stored light is missing or stale (not computed today, or
 * marked by an event) is computed on read and stored, so a board is right even before the day's
 * job has run.
 */
import { and, asc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { schedulePeriodContaining } from '../../../domain/supervision/plan-periods.ts';
import type { Light, LightRules } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { ambientNow } from '../../../db/clock.ts';
import { tasks } from '../../../db/schema.ts';
import { supervisionOf } from '../../../db/queries/supervision-of.ts';
import { taskLights } from '../../../db/supervision-schema.ts';
import { deadlineFacts, planSchedules, planStatus, type ScheduleAndRules, type TaskStatus } from './plan-status.ts';

export interface TaskLightRow { taskId: number; light: Light; reasons: string[] }

/** What is stored per task and period: the light with what else needs the reports (late report, the lead's latest note). */
interface StoredStatus extends TaskLightRow { lateReport: boolean; note: string | null }

/** A stored light counts as stale from this moment on (an event changed what it depends on). */
const STALE = new Date(0);

/** Lights of a plan's tasks (or of some of them) on `today`, computed from the supervision model (plan-status.ts). */
export async function planLights(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<{ period: string; lights: TaskLightRow[] }> {
  const { period, tasks: status } = await computedStatus(db, planId, today, calendar, taskIds);
  return { period, lights: status.map((t) => ({ taskId: t.taskId, light: t.light, reasons: t.reasons })) };
}

/** Statuses of a plan's tasks (or of some of them) on `today`, computed from the supervision model (plan-status.ts). */
async function computedStatus(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<{ period: string; tasks: TaskStatus[] }> {
  const status = await planStatus(db, planId, today, calendar, taskIds ? { taskIds } : {});
  return { period: schedulePeriodContaining(status.schedule, today).key, tasks: status.tasks };
}

/**
 * Stores the statuses as one JSON parameter unpacked in SQL: a plan's 400 rows as a multi-row
 * VALUES list cost 2,800 bound parameters, which the query builder and the driver spent more time
 * on than PostgreSQL spent storing them (the daily job, issue 20).
 */
async function storeStatus(db: Db, period: string, rows: readonly StoredStatus[], now: Date): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows.map((l) => ({ task_id: l.taskId, light: l.light, reasons: l.reasons, late_report: l.lateReport, note: l.note })));
  await db.execute(sql`insert into ${taskLights} (task_id, period, light, reasons, late_report, note, computed_at)
    select x.task_id, ${period}, x.light, x.reasons, x.late_report, x.note, ${now.toISOString()}::timestamptz
    from json_to_recordset(${json}::json) as x(task_id integer, light light, reasons text[], late_report boolean, note text)
    on conflict (task_id, period) do update set light = excluded.light, reasons = excluded.reasons, late_report = excluded.late_report, note = excluded.note, computed_at = excluded.computed_at`);
}

/** Computes the lights and stores them as the current period's lights (idempotent): the daily job. */
export async function recordPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar, now: Date = new Date(`${today}T12:00:00+08:00`)): Promise<{ period: string; counts: Record<Light, number> }> {
  const { period, tasks: computed } = await computedStatus(db, planId, today, calendar);
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const l of computed) counts[l.light]++;
  await storeStatus(db, period, computed, now);
  return { period, counts };
}

/** Up to this many stale or missing lights are computed alone (an event marked a task or two). */
const FEW = 20;

/** Whole-plan refreshes in flight per database and plan-day: concurrent readers wait for one. */
const inFlight = new WeakMap<Db, Map<string, Promise<void>>>();

/**
 * Computes and stores every light of a plan; readers that find the same plan stale meanwhile
 * wait for this one instead of computing it again (the morning's first 1,000 users would).
 */
async function refreshPlan(db: Db, planId: number, today: string, calendar: WorkCalendar, period: string): Promise<void> {
  const running = inFlight.get(db) ?? new Map<string, Promise<void>>();
  inFlight.set(db, running);
  const key = `${planId}|${today}`;
  let job = running.get(key);
  if (!job) {
    job = (async () => {
      const fresh = await computedStatus(db, planId, today, calendar);
      await storeStatus(db, period, fresh.tasks, ambientNow());
    })().finally(() => running.delete(key));
    running.set(key, job);
  }
  await job;
}

/**
 * The current status of a plan's tasks (all, or `taskIds`) in seq order, read from the stored
 * lights: the light, reasons, late report and note as stored; due dates, completion, overdue and
 * 临期 from the tasks' own rows through the same rule (deadlineFacts). Tasks whose stored light is
 * missing or stale are computed now and stored (the whole plan, once, when many are). The one reader of stored lights: the 预警 board,
 * 我的任务, the cockpit, the dashboard and the documents of a running period all come through here.
 */
export async function currentPlanStatus(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<CurrentStatus> {
  const status = (await currentPlansStatus(db, new Map([[planId, taskIds]]), today, calendar)).get(planId);
  if (!status) throw new Error(`plan ${planId} not found`);
  return status;
}

export interface CurrentStatus { period: string; rules: LightRules; tasks: TaskStatus[] }

/**
 * currentPlanStatus of several plans at once (each of all its tasks or of the listed ones): the
 * schedules in one statement and the stored lights of all the tasks in one, whatever the number of
 * plans; only plans with missing or stale lights cost more (computed and stored as one plan's are).
 */
export async function currentPlansStatus(db: Db, scopes: ReadonlyMap<number, number[] | undefined>, today: string, calendar: WorkCalendar): Promise<Map<number, CurrentStatus>> {
  const schedules = await planSchedules(db, [...scopes.keys()]);
  const periodOf = new Map([...schedules].map(([planId, s]) => [planId, schedulePeriodContaining(s.schedule, today).key]));
  const read = (planIds: number[]) => storedRows(db, planIds.map((p) => [p, scopes.get(p)] as const), periodOf, today);
  const rowsOf = await read([...periodOf.keys()]);
  // Many missing (a plan the daily job does not keep, first read of the day): the whole plan once.
  const whole = [...rowsOf].filter(([, rows]) => rows.filter((r) => r.light === null).length > FEW).map(([planId]) => planId);
  for (const planId of whole) await refreshPlan(db, planId, today, calendar, periodOf.get(planId) as string);
  if (whole.length) for (const [planId, rows] of await read(whole)) rowsOf.set(planId, rows);
  const out = new Map<number, CurrentStatus>();
  for (const [planId, rows] of rowsOf) {
    const period = periodOf.get(planId) as string;
    const { rules } = schedules.get(planId) as ScheduleAndRules;
    const missing = rows.filter((r) => r.light === null).map((r) => r.taskId);
    const computed = new Map<number, TaskStatus>();
    if (missing.length) {
      const fresh = await computedStatus(db, planId, today, calendar, missing);
      await storeStatus(db, period, fresh.tasks, ambientNow());
      for (const t of fresh.tasks) computed.set(t.taskId, t);
    }
    const tasksOut = rows.flatMap((r): TaskStatus[] => {
      const done = computed.get(r.taskId);
      if (done) return [done];
      if (r.light === null) return [];
      const facts = deadlineFacts(r, today, { yellowWithinDays: rules.yellowWithinDays });
      return [{ taskId: r.taskId, seq: r.seq, indicatorId: r.indicatorId, ...facts, lateReport: r.lateReport ?? false, light: r.light, reasons: r.reasons ?? [], note: r.note }];
    });
    out.set(planId, { period, rules, tasks: tasksOut });
  }
  return out;
}

/** The tasks of the plans (all, or the listed ones) with today's stored light of their plan's period, per plan in seq order. */
async function storedRows(db: Db, scopes: ReadonlyArray<readonly [number, number[] | undefined]>, periodOf: ReadonlyMap<number, string>, today: string) {
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  const scope = or(...scopes.map(([planId, taskIds]) => and(eq(tasks.planId, planId), taskIds ? inArray(tasks.id, taskIds.length ? taskIds : [-1]) : undefined)));
  // One period for all (the usual case) is a plain parameter; else each task's plan picks its own.
  const periods = [...new Set(scopes.map(([planId]) => periodOf.get(planId) as string))];
  const period = periods.length === 1 ? sql`${periods[0]}` : sql`(case ${tasks.planId} ${sql.join(scopes.map(([planId]) => sql`when ${planId}::int then ${periodOf.get(planId)}`), sql` `)} end)`;
  const ts = supervisionOf(db);
  const rows = await db.select({
    taskId: tasks.id, planId: tasks.planId, seq: tasks.seq, indicatorId: tasks.indicatorId, plannedDueOn: tasks.dueOn, deadline: tasks.deadline,
    extendedDueOn: ts.extendedDueOn, completedAt: ts.completedAt, doneOn: ts.doneOn,
    light: taskLights.light, reasons: taskLights.reasons, lateReport: taskLights.lateReport, note: taskLights.note,
  }).from(tasks).leftJoinLateral(ts, sql`true`)
    .leftJoin(taskLights, and(eq(taskLights.taskId, tasks.id), eq(taskLights.period, period), gte(taskLights.computedAt, dayStart)))
    .where(scope).orderBy(asc(tasks.planId), asc(tasks.seq));
  const out = new Map<number, typeof rows>(scopes.map(([planId]) => [planId, []]));
  for (const r of rows) out.get(r.planId)?.push(r);
  return out;
}

/**
 * The current period's stored lights of a plan's tasks (all, or `taskIds`); those missing or stale
 * are computed now and stored.
 */
export async function currentPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<{ period: string; lights: TaskLightRow[] }> {
  const { period, tasks: status } = await currentPlanStatus(db, planId, today, calendar, taskIds);
  return { period, lights: status.map((t) => ({ taskId: t.taskId, light: t.light, reasons: t.reasons })) };
}

/** Marks a task's stored lights stale, in the transaction of the event that changes them. */
export async function markLightsStale(tx: Tx | Db, taskId: number): Promise<void> {
  await tx.update(taskLights).set({ computedAt: STALE }).where(and(eq(taskLights.taskId, taskId), gte(taskLights.computedAt, new Date(ambientNow().getTime() - 120 * 86_400_000))));
}

/** Marks the stored lights of several tasks stale (a case linked to them changed). */
export async function markTasksLightsStale(tx: Tx | Db, taskIds: readonly number[]): Promise<void> {
  if (!taskIds.length) return;
  await tx.update(taskLights).set({ computedAt: STALE }).where(inArray(taskLights.taskId, [...new Set(taskIds)]));
}

/** Marks every stored light of a plan stale (a plan-wide rule that feeds the lights changed). */
export async function markPlanLightsStale(tx: Tx | Db, planId: number): Promise<void> {
  await tx.update(taskLights).set({ computedAt: STALE }).where(inArray(taskLights.taskId, tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId))));
}
