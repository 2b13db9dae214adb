/**
 * The 典型经验做法 attachment of a 表彰通报 (seed 004): for each award, what the commended units
 * and places did, from the practice notes the office entered for periods inside the commended one.
 * An award whose lead unit (or place) has no note gets a 【待补充】 line naming it, so the office
 * sees the gap in the draft and cannot issue it before writing or removing that line.
 */
import { and, asc, eq } from 'drizzle-orm';
import { parsePeriod, type Period } from '../../../domain/supervision/periods.ts';
import type { Db } from '../../../db/client.ts';
import { practiceNotes } from '../../../db/document-schema.ts';
import { regions, units } from '../../../db/schema.ts';
import { joinNames, officeTodo, sentence, type CommendationData } from '../../../reports/index.ts';

/** One award as the attachment needs it: its line's heading and whose notes belong to it. */
export interface PracticeAward {
  heading: string;
  /** Units commended in the award (牵头 and 重点责任). */
  units: string[];
  /** Units (or the place) whose missing note the office is told about. */
  leadUnits: string[];
  /** The place, for an award of section 二. */
  place: string | null;
}

/** A note of a period inside `period`, with its unit's and place's names. */
export interface PeriodNote {
  unit: string | null;
  region: string | null;
  text: string;
}

/** The plan's county and department notes of every period inside `period`, in the order entered. */
async function notesWithin(db: Db, planId: number, period: Period): Promise<PeriodNote[]> {
  const rows = await db.select({ period: practiceNotes.period, group: practiceNotes.group, text: practiceNotes.text, unit: units.name, region: regions.name })
    .from(practiceNotes).leftJoin(units, eq(units.id, practiceNotes.unitId)).leftJoin(regions, eq(regions.id, practiceNotes.regionId))
    .where(and(eq(practiceNotes.planId, planId))).orderBy(asc(practiceNotes.id));
  return rows.filter((r) => {
    const p = parsePeriod(r.period);
    return r.group !== 'tactic' && p !== null && p.start >= period.start && p.end <= period.end;
  }).map((r) => ({ unit: r.unit, region: r.region, text: r.text }));
}

/** The attachment's lines, one per award: the notes of its units, and a flag for each lead without one. */
export function practiceLines(awards: readonly PracticeAward[], notes: readonly PeriodNote[], periodLabel: string): CommendationData['practices'] {
  return awards.map((a) => {
    const mine = notes.filter((n) => (a.place !== null ? n.region === a.place : n.unit !== null && a.units.includes(n.unit)));
    const text = mine.map((n) => sentence(n.unit && !n.text.startsWith(n.unit) ? `${n.unit}${n.text}` : n.text)).join('');
    const has = (u: string) => mine.some((n) => (a.place !== null ? n.region === u : n.unit === u));
    const missing = a.leadUnits.filter((u) => !has(u));
    const flag = missing.length
      ? officeTodo(`${joinNames(missing)}在${periodLabel}尚无录入的典型经验做法（在“工作动态”中按单位录入后重新生成，或在此直接填写），没有的删除本条。`)
      : '';
    return { heading: a.heading, text, ...(flag ? { flag } : {}) };
  });
}

/** The 典型经验做法 of a 表彰通报's awards in `period`. */
export async function practiceAttachment(db: Db, planId: number, period: Period, awards: readonly PracticeAward[]): Promise<CommendationData['practices']> {
  return practiceLines(awards, await notesWithin(db, planId, period), period.label);
}
