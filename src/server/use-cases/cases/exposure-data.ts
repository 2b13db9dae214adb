/**
 * The problems a document names: for a plan and a period, the cases overdue on the day, those
 * whose enterprise said 不满意 and those returned for rework in the period — the 通报曝光 section
 * of the 月通报 and the 督查情况通报.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { caseOverdue } from '../../../domain/cases/case-light.ts';
import { caseRates, repeatedCaseIds } from '../../../domain/cases/case-rates.ts';
import { CASE_SOURCES, SOURCE_LABELS } from '../../../domain/cases/case-model.ts';
import type { Period } from '../../../domain/supervision/periods.ts';
import { addDays, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db } from '../../../db/client.ts';
import { units } from '../../../db/schema.ts';
import { caseExposureBlocks, hasExposure, type CaseExposureData, type ExposedCase, type InspectionNoticeData } from '../../../reports/index.ts';
import type { ReportDocument } from '../../../reports/index.ts';
import { issueInfo, regionWord, type PlanWithRegion } from '../documents/issuing-office.ts';

async function planCases(db: Db, planId: number, until: string) {
  return db.select({ c: cases, unit: units.name }).from(cases).leftJoin(units, eq(units.id, cases.leadUnitId)).where(and(eq(cases.planId, planId), lte(cases.foundOn, until)));
}

/** The cases to expose for the period, as of `day` (the day after its close for a past period). */
export async function caseExposureData(db: Db, planId: number, period: Period, day: string, calendar: WorkCalendar): Promise<CaseExposureData> {
  const rows = await planCases(db, planId, period.end);
  const ids = rows.map((r) => r.c.id);
  const events = ids.length ? await db.select({ caseId: caseEvents.caseId, step: caseEvents.step, details: caseEvents.details }).from(caseEvents)
    .where(and(inArray(caseEvents.caseId, ids), inArray(caseEvents.step, ['return', 'visit']), gte(caseEvents.day, period.start), lte(caseEvents.day, period.end))) : [];
  const view = (r: (typeof rows)[number], reason: string): ExposedCase => ({ title: r.c.title, source: SOURCE_LABELS[r.c.source], refNo: r.c.refNo, leadUnit: r.unit ?? '—', dueOn: r.c.dueOn, reason });
  const overdue = rows.filter((r) => r.c.leadUnitId !== null && caseOverdue(r.c, day))
    .map((r) => view(r, `超期未办结 ${calendar.workdaysBetween(r.c.dueOn!, day)} 个工作日`));
  const dissatisfied = rows.filter((r) => events.some((e) => e.caseId === r.c.id && e.step === 'visit' && e.details?.satisfaction === 'dissatisfied')).map((r) => view(r, '企业回访不满意'));
  const returned = rows.map((r) => ({ r, n: events.filter((e) => e.caseId === r.c.id && e.step === 'return').length })).filter((x) => x.n > 0).map(({ r, n }) => view(r, `退回重办 ${n} 次`));
  return { overdue, dissatisfied, returned };
}

/** The 月通报 with its 通报曝光 section (before the signature) when the period has cases to name. */
export async function withCaseExposure(db: Db, model: ReportDocument, planId: number, period: Period, day: string, calendar: WorkCalendar): Promise<ReportDocument> {
  // A notice for a past period speaks as of its close (the day after), like its other figures.
  const data = await caseExposureData(db, planId, period, day > period.end ? addDays(period.end, 1) : day, calendar);
  if (!hasExposure(data)) return model;
  const at = model.blocks.findIndex((b) => b.kind === 'signature');
  const n = model.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length + 1;
  const blocks = [...model.blocks];
  blocks.splice(at < 0 ? blocks.length : at, 0, ...caseExposureBlocks(data, n));
  return { ...model, blocks };
}

/** The data of a 督查情况通报 for a plan and period. */
export async function inspectionNoticeData(db: Db, plan: PlanWithRegion, period: Period, today: string, calendar: WorkCalendar): Promise<InspectionNoticeData> {
  const day = period.end < today ? period.end : today;
  const rows = (await planCases(db, plan.id, day)).filter((r) => r.c.foundOn >= period.start);
  const facts = rows.map(({ c }) => ({ id: c.id, dueOn: c.dueOn, finishedOn: c.finishedOn, replied: c.repliedOn !== null, returns: c.returns, satisfaction: c.satisfaction, enterpriseKey: c.creditCode ?? c.enterpriseName, category: c.category, foundOn: c.foundOn }));
  const rates = caseRates(facts, day, repeatedCaseIds(facts));
  const bySource = CASE_SOURCES.map((s) => {
    const of = rows.filter((r) => r.c.source === s);
    return { source: SOURCE_LABELS[s], found: of.length, finished: of.filter((r) => r.c.finishedOn !== null).length, closed: of.filter((r) => r.c.state === 'closed').length };
  }).filter((s) => s.found > 0);
  return {
    issue: issueInfo(plan, day), periodLabel: period.label, regionWord: regionWord(plan.regionLevel), bySource,
    rates: { onTimeRate: rates.onTimeRate, satisfactionRate: rates.satisfactionRate, returnRate: rates.returnRate },
    exposure: await caseExposureData(db, plan.id, period, day, calendar),
  };
}
