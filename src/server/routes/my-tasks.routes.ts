/** 我的任务 as a searchable, filtered, urgency-sorted and paged list (the unit's tasks of today). */
import { z } from 'zod';
import { MY_TASK_GROUPS, isOverdue, myTaskPage } from '../../domain/supervision/my-task-list.ts';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { myTasks } from '../use-cases/supervision/work-queues.ts';
import { errorResponses } from './common.schema.ts';

const MyTaskQuery = z.object({
  q: z.string().max(100).optional().describe('搜索：序号、任务内容或方案名称'),
  plan: z.coerce.number().int().positive().optional().describe('方案'),
  light: z.enum(['red', 'yellow', 'green', 'done']).optional().describe('预警灯'),
  state: z.enum(MY_TASK_GROUPS).optional().describe('本期报告状态：todo 待填报、draft 草稿、returned 被退回、submitted 已提交、accepted 已通过'),
  due: z.enum(['overdue', 'week', 'month']).optional().describe('时限：overdue 已逾期、week 7日内到期、month 30日内到期'),
  role: z.enum(['lead', 'responsible']).optional().describe('本单位角色：牵头或责任'),
  task: z.coerce.number().int().positive().optional().describe('只取这一项任务（打开填报时）'),
  group: z.enum(['state', 'plan', 'none']).default('state').describe('分组排序：按报告状态、按方案或不分组；组内按紧急程度'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const MyTaskItem = z.object({
  taskId: z.number(), planId: z.number(), planTitle: z.string(), seq: z.number(), text: z.string(), role: z.enum(['lead', 'responsible']), dueOn: z.string().nullable(),
  period: z.object({ key: z.string(), label: z.string(), dueOn: z.string(), late: z.boolean().describe('本期报告已过截止日仍未报送') }),
  report: z.object({ id: z.number(), state: z.string(), version: z.number(), status: z.string(), percent: z.number() }).nullable(), light: z.string().nullable(),
  overdue: z.boolean().describe('任务已过完成时限或本期报告逾期'),
});

const MyTaskPageSchema = z.object({
  items: z.array(MyTaskItem), total: z.number(), page: z.number(), pageSize: z.number(),
  counts: z.object({ todo: z.number(), draft: z.number(), returned: z.number(), submitted: z.number(), accepted: z.number() }),
  plans: z.array(z.object({ id: z.number(), title: z.string(), count: z.number() })),
  overdue: z.number(), period: z.object({ label: z.string(), dueOn: z.string() }).nullable().describe('各项任务同一报告期时的报告期'),
});

export function myTaskRoutes(app: App, ctx: AppContext): void {
  app.get('/api/my-tasks/search', {
    schema: {
      tags: ['进展报告'], summary: '我的任务：搜索、筛选、按紧急程度排序、分页',
      description: '逾期和待报的在前，再按最近的截止日期；total 为筛选后的总数，counts 为各报告状态的数量（不受 state 筛选影响）。',
      querystring: MyTaskQuery, response: { 200: MyTaskPageSchema, ...errorResponses },
    },
  }, async (request) => {
    const { group, page, pageSize, task, ...filter } = request.query;
    const today = chinaDate(ctx.now());
    const all = await myTasks(ctx.db, requireActor(request), today, ctx.calendar);
    const scoped = task === undefined ? all : all.filter((t) => t.taskId === task);
    const result = myTaskPage(scoped, filter, group, page, pageSize, today);
    const periods = new Map(all.map((t) => [t.period.key, t.period]));
    const only = periods.size === 1 ? [...periods.values()][0] : undefined;
    return {
      ...result,
      items: result.items.map((t) => ({ ...t, overdue: isOverdue(t, today) })),
      period: only ? { label: only.label, dueOn: only.dueOn } : null,
    };
  });
}
