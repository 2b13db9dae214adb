/**
 * What the leader cockpit (领导驾驶舱) counts, read once per request: the supervision state of every
 * task (the stored lights of lights.ts, the 预警 board's), the tasks' indicators and units, the places
 * (counties, districts, parks) of the plan's region with the units in each, the latest assessment
 * round's indicator ranks, and the recorded lights of earlier periods.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { jsonRow } from '../../../db/queries/json-row.ts';
import { plans } from '../../../db/schema.ts';
import { PLACE_KINDS } from '../assessment/assessment-settings.ts';
import { currentPlanStatus } from '../supervision/lights.ts';
import type { TaskStatus } from '../supervision/plan-status.ts';

export interface CockpitTask extends TaskStatus {
  text: string;
  indicatorName: string | null;
  leadUnits: { id: number; name: string }[];
  responsibleUnits: { id: number; name: string }[];
}

export interface CockpitData {
  day: string;
  period: string;
  tasks: CockpitTask[];
  indicators: { id: number; seq: number; name: string; annualTarget: string | null }[];
  places: { regionId: number; name: string; kind: string; unitIds: number[] }[];
  /** Collective units (各县市区政府) → their member units. */
  members: Map<number, number[]>;
  round: { id: number; title: string; ranks: Map<number, number> } | null;
  /** Recorded lights of earlier periods: period → task id → light. */
  history: Map<string, Map<number, TaskStatus['light']>>;
}

/** The one row of the cockpit's read: each part a JSON array (positional, to keep it small). */
interface CockpitRow {
  plan: [number];
  inds: [number, number, string, string | null][];
  /** Task id and text (the drill-down's lists only). */
  texts: [number, string][];
  /** Task id, unit id, role, unit name, in position order. */
  links: [number, number, 'lead' | 'responsible', string][];
  members: [number, number][];
  /** Places of the plan's region tree in region id order, each with the units of that region. */
  places: [number, string, string, number[]][];
  /** Recorded lights per period: period, task ids, lights. */
  history: [string, number[], TaskStatus['light'][]][];
  round: [number, string, [number, number][]] | null;
}

/**
 * The plan (when visible) and everything but the lights in one statement: one round trip instead
 * of ten, and JSON the driver parses natively instead of thousands of mapped rows. The plan's task
 * ids go in as an array (`= any(array(…))`): as a semi-join PostgreSQL scans all tasks in parallel.
 */
async function cockpitRow(db: Db, visible: SQL, withTexts: boolean): Promise<CockpitRow | undefined> {
  const kinds = sql.join(PLACE_KINDS.map((k) => sql`${k}`), sql`, `);
  const row = await jsonRow<CockpitRow>(db, sql`select json_build_array(${plans.id}) as plan,
    (select coalesce(json_agg(json_build_array(i.id, i.seq, i.name, i.annual_target) order by i.seq), '[]') from indicators i where i.plan_id = ${plans.id}) as inds,
    ${withTexts ? sql`(select coalesce(json_agg(json_build_array(t.id, t.text)), '[]') from tasks t where t.plan_id = ${plans.id})` : sql`'[]'::json`} as texts,
    (select coalesce(json_agg(json_build_array(tu.task_id, tu.unit_id, tu.role, u.name) order by tu.task_id, tu.position), '[]') from task_units tu join units u on u.id = tu.unit_id
      where tu.task_id = any(array(select t.id from tasks t where t.plan_id = ${plans.id}))) as links,
    (select coalesce(json_agg(json_build_array(m.collective_id, m.member_id)), '[]') from unit_memberships m) as members,
    (with recursive tree(id) as (select ${plans.regionId} union select r.id from regions r join tree on r.parent_id = tree.id)
      select coalesce(json_agg(json_build_array(r.id, r.name, r.level, (select coalesce(json_agg(u.id), '[]') from units u where u.region_id = r.id)) order by r.id), '[]')
      from regions r where r.id in (select id from tree) and r.level::text in (${kinds})) as places,
    (select coalesce(json_agg(json_build_array(h.period, h.ids, h.lights)), '[]') from (
      select tl.period, array_agg(tl.task_id) as ids, array_agg(tl.light) as lights from task_lights tl
      where tl.task_id = any(array(select t.id from tasks t where t.plan_id = ${plans.id})) group by tl.period) h) as history,
    (select json_build_array(r.id, r.title, (select coalesce(json_agg(json_build_array(k.indicator_id, k.rank)), '[]') from assessment_indicator_ranks k where k.round_id = r.id))
      from assessment_rounds r where r.plan_id = ${plans.id} order by r.period desc, r.id desc limit 1) as round
    from ${plans} where ${visible}`);
  return row;
}

/**
 * Loads everything the cockpit of the plan `visible` selects (one plan, in the caller's scope)
 * counts on `day`, or null when there is none; the tasks' texts (which the figures do not show)
 * only `withTexts`.
 */
export async function loadCockpitData(db: Db, visible: SQL, day: string, calendar: WorkCalendar, withTexts = true): Promise<CockpitData | null> {
  // Read before the lights: the current period's recorded lights, which a refresh may rewrite, are not used.
  const row = await cockpitRow(db, visible, withTexts);
  if (!row) return null;
  const planId = row.plan[0];
  // The stored lights (the 预警 board's), computed and stored where stale.
  const status = await currentPlanStatus(db, planId, day, calendar);
  const period = status.period;
  const inds = row.inds.map(([id, seq, name, annualTarget]) => ({ id, seq, name, annualTarget }));
  const indName = new Map(inds.map((i) => [i.id, i.name]));
  const textOf = new Map(row.texts);
  const unitsOf = new Map<number, Pick<CockpitTask, 'leadUnits' | 'responsibleUnits'>>();
  for (const [taskId, id, role, name] of row.links) {
    let own = unitsOf.get(taskId);
    if (!own) unitsOf.set(taskId, (own = { leadUnits: [], responsibleUnits: [] }));
    (role === 'lead' ? own.leadUnits : own.responsibleUnits).push({ id, name });
  }
  // Field by field rather than spread: a literal of known shape is several times cheaper (a province plan's hundreds).
  const cockpitTasks = status.tasks.map((t): CockpitTask => {
    const own = unitsOf.get(t.taskId);
    return {
      taskId: t.taskId, seq: t.seq, indicatorId: t.indicatorId, plannedDueOn: t.plannedDueOn, dueOn: t.dueOn, ongoing: t.ongoing, completedOn: t.completedOn,
      deadlinePassed: t.deadlinePassed, overdue: t.overdue, nearDue: t.nearDue, lateReport: t.lateReport, light: t.light, reasons: t.reasons, note: t.note,
      text: textOf.get(t.taskId) ?? '', indicatorName: t.indicatorId === null ? null : (indName.get(t.indicatorId) ?? null),
      leadUnits: own?.leadUnits ?? [], responsibleUnits: own?.responsibleUnits ?? [],
    };
  });
  const members = new Map<number, number[]>();
  for (const [c, m] of row.members) {
    const list = members.get(c);
    if (list) list.push(m);
    else members.set(c, [m]);
  }
  const history = new Map<string, Map<number, TaskStatus['light']>>();
  for (const [p, ids, lights] of row.history) {
    if (p === period) continue;
    history.set(p, new Map(ids.map((id, i) => [id, lights[i]!])));
  }
  const round = row.round ? { id: row.round[0], title: row.round[1], ranks: new Map(row.round[2]) } : null;
  return {
    day, period, tasks: cockpitTasks, indicators: inds, members, round, history,
    places: row.places.map(([regionId, name, kind, unitIds]) => ({ regionId, name, kind, unitIds })),
  };
}
