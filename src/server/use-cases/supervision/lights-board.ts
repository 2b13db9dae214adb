/**
 * The 预警 board of a plan: every task's light with counts by indicator, by unit and per period.
 * The lights come from the stored ones (lights.ts), everything else from one statement.
 */
import { sql } from 'drizzle-orm';
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { jsonRow } from '../../../db/queries/json-row.ts';
import { plans } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { visiblePlan } from '../../policies/plan.policy.ts';
import { currentPlanStatus } from './lights.ts';

/** The board's one read: the plan, [indicator id, name] by seq, [unit id, name, linked task ids], [period, light, count]. */
interface BoardRow { plan: [number]; inds: [number, string][]; units: [number, string, number[]][]; history: [string, Light, number][] }

/** localeCompare's order, its collator made once (localeCompare builds one per call: most of the board's sort). */
const byLocale = new Intl.Collator();

/** The board of a plan the actor sees on `today`, or null when the plan is not visible. */
export async function lightsBoard(db: Db, actor: Actor, planId: number, today: string, calendar: WorkCalendar) {
  // The plan (if visible), its indicators, each unit's linked tasks and the recorded lights per
  // period counted in the database: one statement besides the lights (the task ids as an array:
  // a join would have PostgreSQL scan the whole tasks table in parallel).
  const board = await jsonRow<BoardRow>(db, sql`select json_build_array(${plans.id}) as plan,
    (select coalesce(json_agg(json_build_array(i.id, i.name) order by i.seq), '[]') from indicators i where i.plan_id = ${plans.id}) as inds,
    (select coalesce(json_agg(json_build_array(x.unit_id, x.name, x.ids)), '[]') from (
      select tu.unit_id, u.name, array_agg(tu.task_id) as ids from task_units tu join units u on u.id = tu.unit_id
      where tu.task_id = any(array(select t.id from tasks t where t.plan_id = ${plans.id})) group by tu.unit_id, u.name) x) as units,
    (select coalesce(json_agg(json_build_array(h.period, h.light, h.n)), '[]') from (
      select tl.period, tl.light, count(*)::int as n from task_lights tl
      where tl.task_id = any(array(select t.id from tasks t where t.plan_id = ${plans.id})) group by tl.period, tl.light) h) as history
    from ${plans} where ${visiblePlan(actor, planId)}`);
  if (!board) return null;
  // The lights the daily job stored (stale or missing ones computed and stored now), not the plan's year of reports.
  const { period, tasks: status } = await currentPlanStatus(db, board.plan[0], today, calendar);
  const lightOf = new Map(status.map((t) => [t.taskId, t.light]));
  const zero = () => ({ green: 0, yellow: 0, red: 0, done: 0 });
  const byIndicator = board.inds.map(([indicatorId, name]) => ({ indicatorId, name, ...zero() }));
  const indicatorOf = new Map(byIndicator.map((i) => [i.indicatorId, i]));
  for (const t of status) {
    const ind = t.indicatorId === null ? undefined : indicatorOf.get(t.indicatorId);
    if (ind) ind[t.light]++;
  }
  // A unit counts a task once per link (lead and responsible: twice), as the links are listed.
  const byUnit = board.units.map(([unitId, name, ids]) => {
    const u = { unitId, name, ...zero() };
    for (const id of ids) u[lightOf.get(id) ?? 'green']++;
    return u;
  });
  // Trend: earlier periods counted in the database; the current one is what was just read (and stored).
  const trend = new Map<string, ReturnType<typeof zero>>();
  for (const [p, light, n] of board.history) {
    if (p === period) continue;
    const c = trend.get(p) ?? zero();
    c[light] += n;
    trend.set(p, c);
  }
  if (status.length) {
    const c = zero();
    for (const t of status) c[t.light]++;
    trend.set(period, c);
  }
  return {
    period,
    tasks: status.map((t) => ({ taskId: t.taskId, seq: t.seq, indicatorId: t.indicatorId, light: t.light, reasons: t.reasons })),
    byIndicator, byUnit: byUnit.sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unitId - b.unitId),
    trend: [...trend.entries()].map(([p, c]) => ({ period: p, ...c })).sort((a, b) => byLocale.compare(a.period, b.period)),
  };
}
