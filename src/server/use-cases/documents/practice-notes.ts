/**
 * Practice notes (典型做法 / 工作动态) the office enters for a period's 工作专报 and 简报: grouped
 * as seed 003 groups them (县市区, 市直部门, 战术借鉴), optionally naming the unit or place.
 */
import { and, asc, eq } from 'drizzle-orm';
import { parsePeriod } from '../../../domain/supervision/periods.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { practiceNotes } from '../../../db/document-schema.ts';
import { regions, units } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertDocumentWriter } from '../../policies/document.policy.ts';
import { documentPlan } from './documents.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

export interface PracticeNoteInput {
  period: string;
  group: 'county' | 'department' | 'tactic';
  unitId?: number | null;
  regionId?: number | null;
  text: string;
}

/** A note with the names of its unit and place. */
export interface PracticeNoteView {
  id: number; planId: number; period: string; group: PracticeNoteInput['group'];
  unit: { id: number; name: string } | null; region: { id: number; name: string } | null; text: string; createdAt: string;
}

async function checkInput(db: Db, actor: Actor, input: PracticeNoteInput): Promise<void> {
  if (!parsePeriod(input.period)) throw appError('PERIOD_INVALID', `期间“${input.period}”不正确：写作 2023-06、2023-06-2（旬）、2023-Q2、2023-H1 或 2023`, { field: 'period' });
  if (input.unitId) {
    const [u] = await db.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), anyOf(units.regionId, actor.regionIds)));
    if (!u) throw appError('UNIT_NOT_FOUND', undefined, { field: 'unitId' });
  }
  if (input.regionId && !actor.regionIds.includes(input.regionId)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
}

/** The plan's notes, optionally of one period, in the order they were entered. */
export async function listPracticeNotes(db: Db, actor: Actor, planId: number, period?: string): Promise<PracticeNoteView[]> {
  await documentPlan(db, actor, planId);
  const rows = await db.select({ n: practiceNotes, unitName: units.name, regionName: regions.name }).from(practiceNotes)
    .leftJoin(units, eq(units.id, practiceNotes.unitId)).leftJoin(regions, eq(regions.id, practiceNotes.regionId))
    .where(and(eq(practiceNotes.planId, planId), period ? eq(practiceNotes.period, period) : undefined)).orderBy(asc(practiceNotes.id));
  return rows.map(({ n, unitName, regionName }) => ({
    id: n.id, planId: n.planId, period: n.period, group: n.group, text: n.text, createdAt: n.createdAt.toISOString(),
    unit: n.unitId !== null && unitName !== null ? { id: n.unitId, name: unitName } : null,
    region: n.regionId !== null && regionName !== null ? { id: n.regionId, name: regionName } : null,
  }));
}

async function viewOf(db: Db, actor: Actor, planId: number, id: number): Promise<PracticeNoteView> {
  const view = (await listPracticeNotes(db, actor, planId)).find((n) => n.id === id);
  if (!view) throw appError('PRACTICE_NOTE_NOT_FOUND');
  return view;
}

/** Adds a note to a plan (offices). */
export async function addPracticeNote(db: Db, actor: Actor, planId: number, input: PracticeNoteInput, now: Date): Promise<PracticeNoteView> {
  await documentPlan(db, actor, planId);
  assertDocumentWriter(actor);
  await checkInput(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(practiceNotes).values({
      planId, period: input.period, group: input.group, unitId: input.unitId ?? null, regionId: input.regionId ?? null, text: input.text,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    }).returning({ id: practiceNotes.id });
    if (!row) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'practice_note.add', entity: 'plan', entityId: planId, details: { noteId: row.id, period: input.period, group: input.group } });
    return row.id;
  });
  return viewOf(db, actor, planId, id);
}

async function loadNote(db: Db, actor: Actor, id: number): Promise<typeof practiceNotes.$inferSelect> {
  const [note] = await db.select().from(practiceNotes).where(eq(practiceNotes.id, id));
  if (!note) throw appError('PRACTICE_NOTE_NOT_FOUND');
  await documentPlan(db, actor, note.planId).catch(() => { throw appError('PRACTICE_NOTE_NOT_FOUND'); });
  assertDocumentWriter(actor);
  return note;
}

/** Replaces a note's content (offices). */
export async function updatePracticeNote(db: Db, actor: Actor, id: number, input: PracticeNoteInput, now: Date): Promise<PracticeNoteView> {
  const note = await loadNote(db, actor, id);
  await checkInput(db, actor, input);
  await db.transaction(async (tx) => {
    await tx.update(practiceNotes).set({ period: input.period, group: input.group, unitId: input.unitId ?? null, regionId: input.regionId ?? null, text: input.text, updatedAt: now })
      .where(eq(practiceNotes.id, id));
    await audit(tx, { actorUserId: actor.userId, action: 'practice_note.edit', entity: 'plan', entityId: note.planId, details: { noteId: id } });
  });
  return viewOf(db, actor, note.planId, id);
}

/** Removes a note (offices). */
export async function deletePracticeNote(db: Db, actor: Actor, id: number): Promise<void> {
  const note = await loadNote(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(practiceNotes).where(eq(practiceNotes.id, id));
    await audit(tx, { actorUserId: actor.userId, action: 'practice_note.delete', entity: 'plan', entityId: note.planId, details: { noteId: id, text: note.text } });
  });
}
