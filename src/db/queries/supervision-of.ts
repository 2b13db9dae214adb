/**
 * A task's supervision row (extension, completion) as a lateral subquery keyed by the task. Joined
 * plainly to one plan's tasks (or laterally without the LIMIT, which PostgreSQL flattens into a
 * plain join), PostgreSQL hashes the whole province's task_supervision table; looked up per task
 * it reads only the plan's rows through the primary key.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { tasks } from '../schema.ts';
import { taskSupervision } from '../supervision-schema.ts';

/** Join with `.leftJoinLateral(supervisionOf(db), sql\`true\`)`. */
export function supervisionOf(db: Db | Tx) {
  return db.select({ extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt, doneOn: taskSupervision.doneOn })
    .from(taskSupervision).where(eq(taskSupervision.taskId, tasks.id)).limit(1).as('ts');
}
