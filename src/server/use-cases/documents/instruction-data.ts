/**
 * The 领导批示 of a document's period (periodInstructions) as the reports engine takes them: who
 * wrote each, on which task, and the units' answers, dated in China time.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Period } from '../../../domain/supervision/periods.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { instructions } from '../../../db/instruction-schema.ts';
import { tasks, users } from '../../../db/schema.ts';
import type { InstructionRecord } from '../../../reports/index.ts';
import { periodInstructions } from '../instructions/instructions.ts';

/** The period's instructions, oldest first, with their authors' names and the tasks' numbers. */
export async function documentInstructions(db: Db, planId: number, period: Period): Promise<InstructionRecord[]> {
  const list = await periodInstructions(db, planId, period.start, period.end);
  if (!list.length) return [];
  const authors = await db.select({ id: instructions.id, by: users.displayName }).from(instructions).innerJoin(users, eq(users.id, instructions.createdBy))
    .where(inArray(instructions.id, list.map((i) => i.id)));
  const taskIds = list.flatMap((i) => (i.taskId === null ? [] : [i.taskId]));
  const seqs = taskIds.length ? await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).where(inArray(tasks.id, taskIds)) : [];
  return list.map((i) => ({
    by: authors.find((a) => a.id === i.id)?.by ?? '',
    on: chinaDate(new Date(i.createdAt)),
    text: i.text,
    taskSeq: seqs.find((s) => s.id === i.taskId)?.seq ?? null,
    answers: i.answers.map((a) => ({ unit: a.unit, on: chinaDate(new Date(a.answeredAt)), text: a.text })),
  }));
}
