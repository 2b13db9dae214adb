/**
 * Reading problems: the pool with its filters, one case with its timeline, and the figures
 * (rates by source, unit, county, indicator). Everything within the actor's scope; the
 * enterprise's contact details only for the office.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { caseLight, type CaseRules } from '../../../domain/cases/case-light.ts';
import { caseRates, repeatedCaseIds, type CaseFacts, type CaseRates } from '../../../domain/cases/case-rates.ts';
import { SOURCE_LABELS, type CaseSource, type CaseState } from '../../../domain/cases/case-model.ts';
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db } from '../../../db/client.ts';
import { indicators, regions, tasks, units, users } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { maySeeContact, visibleCases } from '../../policies/case.policy.ts';
import { caseFileViews, type CaseFileView } from './case-files.ts';
import { caseRulesOf } from './case-rules.ts';
import { loadCase, type CaseRow } from './create-case.ts';

export interface CaseFilter {
  planId?: number; source?: CaseSource; state?: CaseState[]; unitId?: number; placeRegionId?: number; indicatorId?: number;
  overdue?: boolean; q?: string; todo?: boolean; page: number; pageSize: number;
}

function filterSql(actor: Actor, f: CaseFilter, today: string): SQL | undefined {
  const escaped = f.q?.trim().replace(/[\\%_]/g, (m) => `\\${m}`);
  return and(
    visibleCases(actor),
    f.planId ? eq(cases.planId, f.planId) : undefined,
    f.source ? eq(cases.source, f.source) : undefined,
    f.state?.length ? inArray(cases.state, f.state) : undefined,
    f.unitId ? or(eq(cases.leadUnitId, f.unitId), sql`${f.unitId} = any(${cases.coUnitIds})`) : undefined,
    f.placeRegionId ? eq(cases.placeRegionId, f.placeRegionId) : undefined,
    f.indicatorId ? eq(cases.indicatorId, f.indicatorId) : undefined,
    f.overdue ? and(isNull(cases.finishedOn), lt(cases.dueOn, today)) : undefined,
    f.todo ? inArray(cases.state, ['assigned', 'handling']) : undefined,
    escaped ? or(ilike(cases.title, `%${escaped}%`), ilike(cases.finding, `%${escaped}%`), ilike(cases.refNo, `%${escaped}%`), ilike(cases.enterpriseName, `%${escaped}%`)) : undefined,
  );
}

export interface CaseView extends Omit<CaseRow, 'createdAt' | 'createdBy' | 'importBatch'> {
  createdAt: string;
  leadUnitName: string | null;
  coUnitNames: string[];
  placeRegionName: string | null;
  indicatorName: string | null;
  tasks: { id: number; seq: number; text: string }[];
  light: Light;
  lightReason: string;
}

/** Presents rows for the actor (names resolved, contact hidden from everyone but the office, light on `today`). */
export async function presentCases(db: Db, actor: Actor, rows: CaseRow[], today: string, calendar: WorkCalendar): Promise<CaseView[]> {
  const unitIds = [...new Set(rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]).filter((u): u is number => u !== null))];
  const regionIds = [...new Set(rows.map((r) => r.placeRegionId).filter((r): r is number => r !== null))];
  const taskIds = [...new Set(rows.flatMap((r) => r.taskIds))];
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId).filter((r): r is number => r !== null))];
  const unitNames = new Map((unitIds.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : []).map((u) => [u.id, u.name]));
  const regionNames = new Map((regionIds.length ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, regionIds)) : []).map((u) => [u.id, u.name]));
  const taskRows = taskIds.length ? await db.select({ id: tasks.id, seq: tasks.seq, text: tasks.text }).from(tasks).where(inArray(tasks.id, taskIds)) : [];
  const indNames = new Map((indicatorIds.length ? await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(inArray(indicators.id, indicatorIds)) : []).map((u) => [u.id, u.name]));
  const rulesByPlan = new Map<number | null, CaseRules>();
  const out: CaseView[] = [];
  for (const r of rows) {
    if (!rulesByPlan.has(r.planId)) rulesByPlan.set(r.planId, await caseRulesOf(db, r.planId));
    const { createdAt, createdBy: _by, importBatch: _batch, ...rest } = r;
    const l = r.state === 'registered' ? { light: 'green' as const, reason: '尚未交办' } : caseLight(r, today, calendar, rulesByPlan.get(r.planId));
    out.push({
      ...rest, contact: maySeeContact(actor) ? r.contact : null, createdAt: createdAt.toISOString(),
      leadUnitName: r.leadUnitId ? unitNames.get(r.leadUnitId) ?? null : null, coUnitNames: r.coUnitIds.map((u) => unitNames.get(u) ?? ''),
      placeRegionName: r.placeRegionId ? regionNames.get(r.placeRegionId) ?? null : null, indicatorName: r.indicatorId ? indNames.get(r.indicatorId) ?? null : null,
      tasks: r.taskIds.map((id) => taskRows.find((t) => t.id === id)).filter((t) => t !== undefined), light: l.light, lightReason: l.reason,
      // A unit sees that the office reviewed suggestions, not the office's working notes on them.
      suggestions: actor.role === 'unit' ? [] : r.suggestions,
    });
  }
  return out;
}

/** One page of the pool and the true total. */
export async function listCases(db: Db, actor: Actor, f: CaseFilter, today: string, calendar: WorkCalendar): Promise<{ items: CaseView[]; total: number }> {
  const where = filterSql(actor, f, today);
  const [total] = await db.select({ n: count() }).from(cases).where(where);
  const rows = await db.select().from(cases).where(where).orderBy(desc(cases.foundOn), desc(cases.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { items: await presentCases(db, actor, rows, today, calendar), total: total?.n ?? 0 };
}

export interface CaseEventView { id: number; step: string; day: string; at: string; actorName: string | null; unitName: string | null; text: string; details: Record<string, unknown> | null }

/** One case with its timeline (oldest first). */
export async function caseDetail(db: Db, actor: Actor, caseId: number, today: string, calendar: WorkCalendar): Promise<{ case: CaseView; events: CaseEventView[]; files: CaseFileView[] }> {
  const row = await loadCase(db, actor, caseId);
  const [view] = await presentCases(db, actor, [row], today, calendar);
  const events = await db.select({ e: caseEvents, actorName: users.displayName, unitName: units.name }).from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId)).leftJoin(units, eq(units.id, caseEvents.unitId))
    .where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return {
    case: view!,
    events: events.map(({ e, actorName, unitName }) => ({ id: e.id, step: e.step, day: e.day, at: e.at.toISOString(), actorName, unitName, text: e.text, details: e.details })),
    files: await caseFileViews(db, caseId),
  };
}

export interface RateGroup extends CaseRates { key: string; name: string }

/** Figures of the visible cases (optionally of one plan) grouped by source, 主办 unit, county and indicator. */
export async function caseStatistics(db: Db, actor: Actor, planId: number | undefined, today: string): Promise<{ all: CaseRates; bySource: RateGroup[]; byUnit: RateGroup[]; byCounty: RateGroup[]; byIndicator: RateGroup[] }> {
  const rows = await db.select({ c: cases, unitName: units.name, unitRegionId: units.regionId }).from(cases).leftJoin(units, eq(units.id, cases.leadUnitId))
    .where(and(visibleCases(actor), planId ? eq(cases.planId, planId) : undefined));
  const regionIds = [...new Set(rows.map((r) => r.c.placeRegionId ?? r.unitRegionId ?? r.c.regionId))];
  const regionNames = new Map((regionIds.length ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, regionIds)) : []).map((r) => [r.id, r.name]));
  const indicatorIds = [...new Set(rows.map((r) => r.c.indicatorId).filter((i): i is number => i !== null))];
  const indNames = new Map((indicatorIds.length ? await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(inArray(indicators.id, indicatorIds)) : []).map((r) => [r.id, r.name]));
  const facts = rows.map(({ c }): CaseFacts => ({
    id: c.id, dueOn: c.dueOn, finishedOn: c.finishedOn, replied: c.repliedOn !== null, returns: c.returns, satisfaction: c.satisfaction,
    enterpriseKey: c.creditCode ?? c.enterpriseName, category: c.category, foundOn: c.foundOn,
  }));
  const repeated = repeatedCaseIds(facts);
  const group = (keyOf: (i: number) => { key: string; name: string } | null): RateGroup[] => {
    const groups = new Map<string, { name: string; items: CaseFacts[] }>();
    rows.forEach((_r, i) => {
      const k = keyOf(i);
      if (!k) return;
      const g = groups.get(k.key) ?? { name: k.name, items: [] };
      g.items.push(facts[i]!);
      groups.set(k.key, g);
    });
    return [...groups.entries()].map(([key, g]) => ({ key, name: g.name, ...caseRates(g.items, today, repeated) })).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  };
  return {
    all: caseRates(facts, today, repeated),
    bySource: group((i) => ({ key: rows[i]!.c.source, name: SOURCE_LABELS[rows[i]!.c.source] })),
    byUnit: group((i) => (rows[i]!.c.leadUnitId ? { key: String(rows[i]!.c.leadUnitId), name: rows[i]!.unitName ?? '' } : null)),
    byCounty: group((i) => {
      const id = rows[i]!.c.placeRegionId ?? rows[i]!.unitRegionId ?? rows[i]!.c.regionId;
      return { key: String(id), name: regionNames.get(id) ?? '' };
    }),
    byIndicator: group((i) => (rows[i]!.c.indicatorId ? { key: String(rows[i]!.c.indicatorId), name: indNames.get(rows[i]!.c.indicatorId) ?? '' } : null)),
  };
}
