/** GET /api/workbench: the signed-in user's 待办 by role, with the menu badges. */
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { officeWorkbench } from './office-workbench.ts';
import { unitWorkbench } from './unit-workbench.ts';
import type { Workbench, WorkSection } from './workbench-types.ts';

const countOf = (sections: WorkSection[], key: string) => sections.find((s) => s.key === key)?.count ?? 0;

export async function workbench(db: Db, actor: Actor, now: Date, calendar: WorkCalendar): Promise<Workbench> {
  if (actor.role === 'admin') throw appError('FORBIDDEN', '管理员没有督办工作台');
  const today = chinaDate(now);
  const sections = actor.role === 'unit' ? await unitWorkbench(db, actor, today, calendar) : await officeWorkbench(db, actor, today, calendar);
  // A leader reads; only what the office itself acts on is counted on its menu.
  const total = sections.reduce((n, s) => n + s.count, 0);
  return {
    role: actor.role, today, sections,
    badges: { workbench: total, review: actor.role === 'office' ? countOf(sections, 'review') : 0, myTasks: countOf(sections, 'due') + countOf(sections, 'returned') },
  };
}
