/**
 * 简报 / 专报 material: the highlights units and the office marked on the period's progress
 * reports, and the practice notes the office typed (seed 003: 战斗动态 by 县市区 / 市直部门, then
 * 战术借鉴). Also the 报 / 发 lines of both kinds, which follow the region's level.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Period } from '../../../domain/supervision/periods.ts';
import { parsePeriod } from '../../../domain/supervision/periods.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { practiceNotes } from '../../../db/document-schema.ts';
import { regions, tasks, units } from '../../../db/schema.ts';
import { progressReports } from '../../../db/supervision-schema.ts';
import { instructionSentence, officeTodo, type BulletinDistribution, type BulletinItem, type WorkBulletinData } from '../../../reports/index.ts';
import { documentInstructions } from './instruction-data.ts';
import { issuerName, type PlanWithRegion } from './issuing-office.ts';

/** Group headings of 战斗动态 (seed 003). */
export const GROUP_LABELS = { county: '县市区', department: '市直部门', tactic: '战术借鉴' } as const;

const within = (inner: Period, outer: Period): boolean => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Highlights of reports about the period: a report of a period inside it, or — when units report
 * on a longer cycle than the document (monthly reports, 旬 brief) — one submitted during it.
 */
export async function reportHighlights(db: Db, planId: number, period: Period): Promise<BulletinItem[]> {
  const rows = await db.select({ period: progressReports.period, highlight: progressReports.highlight, submittedAt: progressReports.submittedAt, unit: units.name, unitKind: units.kind, seq: tasks.seq })
    .from(progressReports).innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(units, eq(units.id, progressReports.unitId))
    .where(and(eq(tasks.planId, planId), isNotNull(progressReports.highlight), inArray(progressReports.state, ['submitted', 'accepted'])))
    .orderBy(asc(tasks.seq), asc(progressReports.submittedAt));
  const seen = new Set<string>();
  const items: BulletinItem[] = [];
  for (const r of rows) {
    const p = parsePeriod(r.period);
    const text = r.highlight?.trim() ?? '';
    if (!p || !text || seen.has(text)) continue;
    const submitted = r.submittedAt ? chinaDate(r.submittedAt) : null;
    const longer = p.start <= period.start && p.end >= period.end && !(p.start === period.start && p.end === period.end);
    if (!within(p, period) && !(longer && submitted !== null && submitted >= period.start && submitted <= period.end)) continue;
    seen.add(text);
    items.push({ unit: r.unit, group: r.unitKind === 'government' ? GROUP_LABELS.county : GROUP_LABELS.department, text });
  }
  return items;
}

/**
 * 战斗动态 from the period's accepted progress reports when nobody marked a highlight: each lead
 * unit's first accepted report (plan order) of the period, at most `perGroup` units per group, as
 * the unit wrote its work done.
 */
async function acceptedReportItems(db: Db, planId: number, period: Period, perGroup = 6): Promise<BulletinItem[]> {
  const rows = await db.select({ period: progressReports.period, workDone: progressReports.workDone, unit: units.name, unitKind: units.kind })
    .from(progressReports).innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(units, eq(units.id, progressReports.unitId))
    .where(and(eq(tasks.planId, planId), eq(progressReports.state, 'accepted'), eq(progressReports.role, 'lead')))
    .orderBy(asc(tasks.seq), asc(progressReports.version));
  const seen = new Set<string>();
  const items: BulletinItem[] = [];
  for (const r of rows) {
    const p = parsePeriod(r.period);
    const text = r.workDone.trim();
    if (!p || !within(p, period) || !text || seen.has(r.unit)) continue;
    const group = r.unitKind === 'government' ? GROUP_LABELS.county : GROUP_LABELS.department;
    if (items.filter((i) => i.group === group).length >= perGroup) continue;
    seen.add(r.unit);
    items.push({ unit: r.unit, group, text });
  }
  return items;
}

/** The office's practice notes for the plan and period, by group, in the order they were entered. */
export async function periodPracticeNotes(db: Db, planId: number, periodKey: string): Promise<{ group: keyof typeof GROUP_LABELS; label: string | null; text: string }[]> {
  const rows = await db.select({ group: practiceNotes.group, text: practiceNotes.text, unit: units.name, region: regions.name })
    .from(practiceNotes).leftJoin(units, eq(units.id, practiceNotes.unitId)).leftJoin(regions, eq(regions.id, practiceNotes.regionId))
    .where(and(eq(practiceNotes.planId, planId), eq(practiceNotes.period, periodKey))).orderBy(asc(practiceNotes.id));
  return rows.map((r) => ({ group: r.group, label: r.unit ?? r.region, text: r.text }));
}

/** 报 / 发 lines of a region's 简报 and 专报. */
export function distributionFor(plan: PlanWithRegion): BulletinDistribution {
  const lead = { province: '省', city: '市', county: '县', district: '区', park: '园区' }[plan.regionLevel];
  const below = plan.regionLevel === 'province' ? '各市州人民政府' : plan.regionLevel === 'city' ? '各县市区人民政府' : '各乡镇人民政府、街道办事处';
  return {
    reportTo: [`${lead}委、${lead}政府主要领导`, `${lead}优化营商环境工作领导小组组长、副组长`],
    distributeTo: [below, `${lead}直有关单位`],
    contact: null,
  };
}

/**
 * 编者按 from what the issue carries: how many 县市区 and 市直部门 items and outside practices; with
 * none of them, the office writes it (the draft says so).
 */
export function editorNote(periodLabel: string, planTitle: string, counties: number, departments: number, tactics: number): string {
  const parts = [counties ? `${counties}条县市区工作动态` : '', departments ? `${departments}条市直部门工作动态` : '', tactics ? `${tactics}条外地经验做法` : ''].filter((p) => p !== '');
  if (!parts.length) return officeTodo(`${periodLabel}尚无报送的工作动态和经验做法，请填写编者按。`);
  return `${periodLabel}，各地各部门围绕《${planTitle}》确定的目标任务攻坚克难、真抓实干。本期编发${parts.join('、')}，供各地各部门学习借鉴。`;
}

/** The 工作专报 of a period: 战斗动态 from highlights and county / department notes, 战术借鉴 from the office's notes. */
export async function workBulletinData(db: Db, plan: PlanWithRegion, period: Period, date: string): Promise<WorkBulletinData> {
  const notes = await periodPracticeNotes(db, plan.id, period.key);
  const highlights = await reportHighlights(db, plan.id, period);
  const noteItems = (group: 'county' | 'department'): BulletinItem[] => notes.filter((n) => n.group === group).map((n) => ({ unit: n.label, group: GROUP_LABELS[group], text: n.text }));
  // Counties first, then departments, as seed 003 groups 战斗动态.
  const battle = [...noteItems('county'), ...highlights.filter((h) => h.group === GROUP_LABELS.county), ...noteItems('department'), ...highlights.filter((h) => h.group === GROUP_LABELS.department)];
  const tactics = notes.filter((n) => n.group === 'tactic').map((n) => ({ unit: null, group: null, text: n.label ? `${n.label}：${n.text}` : n.text }));
  // Every part of seed 003 appears; a part the data cannot fill is flagged for the office (not
  // left out or filled with “暂无”), and the draft cannot be issued until it is written or removed.
  const todo = (what: string, group: string | null = null): BulletinItem => ({ unit: null, group, text: officeTodo(what) });
  // Without notes or highlights, the units' accepted reports of the period say what they did.
  const reported = battle.length ? [] : await acceptedReportItems(db, plan.id, period);
  const counties = [...battle, ...reported].filter((b) => b.group === GROUP_LABELS.county);
  const departments = [...battle, ...reported].filter((b) => b.group === GROUP_LABELS.department);
  // 战略安排: the leaders' instructions of the period (the office adds meetings and documents).
  const strategy = (await documentInstructions(db, plan.id, period)).map((i) => ({ unit: null, group: null, text: instructionSentence(i) }));
  const sections = [
    { heading: '战略安排', items: strategy.length ? strategy : [todo(`${period.label}没有录入的领导批示：请填写党委、政府及优化营商环境工作领导小组的部署安排（会议、文件、领导批示）；没有的删除本节。`)] },
    {
      heading: '战斗动态',
      items: [
        ...(counties.length ? counties : [todo(`${period.label}各县市区未报送工作动态，请补充或删除本组。`, GROUP_LABELS.county)]),
        ...(departments.length ? departments : [todo(`${period.label}市直部门未报送工作动态，请补充或删除本组。`, GROUP_LABELS.department)]),
      ],
    },
    { heading: '战术借鉴', items: tactics.length ? tactics : [todo('请填写可供借鉴的经验做法（在“工作动态”中录入“战术借鉴”）；没有的删除本节。')] },
  ];
  return {
    ...distributionFor(plan),
    masthead: { title: `${plan.regionName}优化营商环境工作专报`, issueNo: 0, issuer: issuerName(plan), date },
    editorNote: editorNote(period.label, plan.title, counties.length, departments.length, tactics.length),
    sections,
  };
}
