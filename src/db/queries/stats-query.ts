/**
 * Dashboard figures: counts by indicator and by deadline month within the caller's task scope;
 * 逾期 and 临期 come from the supervision model (effective deadline, completion, the plan's own
 * 临期 window), the same rules as the 预警 board and the documents. One statement: each part a JSON
 * aggregate, so a busy server pays one round trip and maps no rows.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { isOngoingDeadline } from '../../domain/deadline.ts';
import { effectiveDueOn, isNearDue, isOverdue } from '../../domain/supervision/due-dates.ts';
import { periodContaining } from '../../domain/supervision/periods.ts';
import { DEFAULT_LIGHT_RULES } from '../../domain/supervision/task-light.ts';
import type { Db } from '../client.ts';
import { indicators, plans, tasks, units } from '../schema.ts';
import { jsonRow } from './json-row.ts';
import { planSupervision } from '../supervision-schema.ts';
import { supervisionOf } from './supervision-of.ts';

export interface TaskStats {
  taskCount: number;
  dueThisMonth: number;
  overdue: number;
  /** 临期: not done, due within the plan's yellowWithinDays. */
  nearDue: number;
  byIndicator: { indicatorId: number; name: string; count: number }[];
  byDeadline: { month: string; count: number }[];
}

/** The scopes of the dashboard's caller: the plans, units and tasks it sees. */
export interface StatsScopes { plans: SQL; units: SQL; tasks: SQL }

export interface DashboardStats extends TaskStats {
  planCount: number;
  unitCount: number;
  /** The ids of the counted tasks (the visible tasks of the plan, when one is chosen). */
  taskIds: number[];
}

/** What the one statement returns, positional: counts, task rows, indicator groups, month groups. */
interface StatsRow {
  counts: [number, number];
  /** id, due_on, deadline, extended due date, completed, the plan's 临期 window. */
  rows: [number, string | null, string | null, string | null, boolean, number | null][];
  inds: [number, string, number][];
  months: [string, number][];
}

/**
 * The dashboard's figures for the visible tasks (optionally of one plan) as of `today`
 * (YYYY-MM-DD), with the caller's plan and unit counts: one statement.
 */
export async function taskStats(db: Db, scopes: StatsScopes, planId: number | undefined, today: string): Promise<DashboardStats> {
  const scope = and(scopes.tasks, planId === undefined ? undefined : eq(tasks.planId, planId));
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthEnd = periodContaining(today, 'month').end;
  const ts = supervisionOf(db);
  const taskRows = db.select({ r: sql`json_build_array(${tasks.id}, ${tasks.dueOn}, ${tasks.deadline}, ${ts.extendedDueOn}, ${ts.completedAt} is not null, ${planSupervision.yellowWithinDays})`.as('r') })
    .from(tasks).leftJoinLateral(ts, sql`true`).leftJoin(planSupervision, eq(planSupervision.planId, tasks.planId))
    .where(scope);
  const byIndicator = db.select({ id: sql`${indicators.id}`.as('id'), name: sql`${indicators.name}`.as('name'), n: sql`count(*)`.as('n'), planId: sql`${indicators.planId}`.as('plan_id'), seq: sql`${indicators.seq}`.as('seq') })
    .from(tasks).innerJoin(indicators, eq(indicators.id, tasks.indicatorId)).where(scope)
    .groupBy(indicators.id, indicators.name, indicators.seq, indicators.planId);
  const month = sql`to_char(${tasks.dueOn}, 'YYYY-MM')`;
  const byDeadline = db.select({ month: sql`${month}`.as('month'), n: sql`count(*)`.as('n') })
    .from(tasks).where(and(scope, sql`${tasks.dueOn} is not null`)).groupBy(month);
  const row = (await jsonRow<StatsRow>(db, sql`select
    json_build_array((select count(*) from ${plans} where ${scopes.plans}), (select count(*) from ${units} where ${scopes.units})) as counts,
    (select coalesce(json_agg(q.r), '[]') from (${taskRows}) q) as rows,
    (select coalesce(json_agg(json_build_array(q.id, q.name, q.n) order by q.plan_id, q.seq), '[]') from (${byIndicator}) q) as inds,
    (select coalesce(json_agg(json_build_array(q.month, q.n) order by q.month), '[]') from (${byDeadline}) q) as months`))!;
  let dueThisMonth = 0;
  let overdue = 0;
  let nearDue = 0;
  for (const [, dueOn, deadline, extendedDueOn, completed, yellowWithinDays] of row.rows) {
    const due = effectiveDueOn({ plannedDueOn: dueOn, extendedDueOn, ongoing: isOngoingDeadline(deadline) });
    if (due !== null && due >= monthStart && due <= monthEnd) dueThisMonth++;
    if (isOverdue(due, completed, today)) overdue++;
    if (isNearDue(due, completed, today, yellowWithinDays ?? DEFAULT_LIGHT_RULES.yellowWithinDays)) nearDue++;
  }
  return {
    planCount: row.counts[0], unitCount: row.counts[1], taskCount: row.rows.length, dueThisMonth, overdue, nearDue,
    byIndicator: row.inds.map(([indicatorId, name, count]) => ({ indicatorId, name, count })),
    byDeadline: row.months.map(([m, count]) => ({ month: m, count })),
    taskIds: row.rows.map((r) => r[0]),
  };
}
