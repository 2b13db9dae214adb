/**
 * Excel exports of the boards: 单位考核 (unit assessment of a period), the leader cockpit's tables,
 * and the office's audit log. Each takes its figures from the use case behind the screen.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { auditLog, users } from '../../../db/schema.ts';
import type { ListSheet } from '../../../reports/xlsx/list-sheet.ts';
import { render } from '../../files/render-pool.ts';
import type { SheetColumn } from '../../../reports/xlsx/sheet-style.ts';
import type { Actor } from '../../auth/actor.ts';
import { visibleAuditEntries } from '../../policies/activity.policy.ts';
import { assertOffice } from '../../policies/report.policy.ts';
import { unitAssessment } from '../assessment/unit-assessment.ts';
import { cockpitFigures, type Figures } from '../cockpit/cockpit.ts';
import type { CockpitData } from '../cockpit/cockpit-data.ts';
import { actionLabel, auditDetailsText, entityLabel } from '../../../domain/labels-audit.ts';
import { asOfDay, cnDateTime } from './export-labels.ts';
import type { ExportFile } from './plan-exports.ts';

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const N = (header: string, width = 8): SheetColumn => ({ header, width, align: 'center' });

/** 单位考核 of a period, ranked. */
export async function exportUnitAssessment(db: Db, actor: Actor, plan: { id: number; title: string }, period: string | undefined, now: Date, calendar: WorkCalendar): Promise<ExportFile> {
  const view = await unitAssessment(db, actor, plan.id, period, now, calendar);
  const sheet: ListSheet = {
    name: '单位考核', title: `${plan.title} 单位考核（标准量化）`, asOf: view.period.label, filters: [],
    columns: [N('排名', 6), { header: '单位', width: 24 }, N('任务数'), N('按时报送率', 10), N('完成率'), N('逾期任务'), N('退回报告'), N('延期申请'), N('得分')],
    rows: view.units.map((u) => [u.rank ?? '', u.unit, u.tasks, pct(u.onTimeReportRate), pct(u.completionRate), u.overdueTasks, u.returnedReports, u.extensions, u.score === null ? '' : Math.round(u.score * 10) / 10]),
  };
  return { fileName: `${plan.title}-单位考核（${view.period.label}）.xlsx`, bytes: await render({ kind: 'list-workbook', sheets: [sheet] }) };
}

const FIGURE_COLUMNS: SheetColumn[] = [N('任务数'), N('已办结'), N('完成率'), N('绿灯'), N('黄灯'), N('红灯'), N('逾期'), N('迟报')];
const figureCells = (f: Figures) => [f.total, f.done, `${f.completionRate}%`, f.green, f.yellow, f.red, f.overdue, f.lateReport];

/** The cockpit's tables, one sheet each. */
export async function exportCockpit(data: CockpitData, plan: { title: string }): Promise<ExportFile> {
  const c = cockpitFigures(data);
  const asOf = asOfDay(c.day);
  const sheet = (name: string, first: SheetColumn, rows: (string | number)[][], extra: SheetColumn[] = []): ListSheet => ({
    name, title: `${plan.title} 领导驾驶舱·${name}`, asOf, filters: [], columns: [first, ...FIGURE_COLUMNS, ...extra], rows,
  });
  const sheets = [
    sheet('按指标', { header: '一级指标', width: 24 }, c.byIndicator.map((i) => [i.name, ...figureCells(i), i.annualTarget ?? '', i.latestRank ?? '', i.atRisk ? '有风险' : '']),
      [{ header: '年度目标', width: 14 }, N('最近排名'), N('目标风险')]),
    sheet('按牵头单位', { header: '牵头单位', width: 24 }, c.byLeadUnit.map((u) => [u.name, ...figureCells(u)])),
    sheet('按县市区园区', { header: '县市区、园区', width: 20 }, c.byPlace.map((p) => [p.name, ...figureCells(p)])),
    sheet('趋势', { header: '报告期', width: 14 }, c.trend.map((t) => [t.period, ...figureCells(t)])),
    sheet('落后单位', { header: '单位', width: 24 }, c.lagging.map((u) => [u.name, ...figureCells(u)])),
  ];
  return { fileName: `${plan.title}-领导驾驶舱（${c.day}）.xlsx`, bytes: await render({ kind: 'list-workbook', sheets }) };
}

export const AUDIT_EXPORT_LIMIT = 20_000;

/** The office's audit log (newest first, at most AUDIT_EXPORT_LIMIT rows), optionally of one action. */
export async function exportAudit(db: Db, actor: Actor, action: string | undefined, now: Date): Promise<ExportFile> {
  assertOffice(actor);
  const rows = await db.select({ at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details, actor: users.displayName })
    .from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(visibleAuditEntries(actor), action ? eq(auditLog.action, action) : undefined)).orderBy(desc(auditLog.id)).limit(AUDIT_EXPORT_LIMIT);
  const sheet: ListSheet = {
    name: '审计日志', title: '审计日志', asOf: asOfDay(chinaDate(now)), filters: action ? [`操作：${actionLabel(action)}`] : [],
    columns: [{ header: '时间', width: 18 }, { header: '操作人', width: 18 }, { header: '操作', width: 20 }, { header: '对象', width: 12 }, { header: '详情', width: 60 }],
    // The same sentences as the audit page (src/domain/labels-audit.ts): one home for the names.
    rows: rows.map((r) => [cnDateTime(r.at), r.actor ?? '系统', actionLabel(r.action), `${entityLabel(r.entity)}${r.entityId ? ` ${r.entityId}` : ''}`, auditDetailsText(r.action, r.details)]),
  };
  return { fileName: `审计日志（${chinaDate(now)}）.xlsx`, bytes: await render({ kind: 'list-workbook', sheets: [sheet] }) };
}


