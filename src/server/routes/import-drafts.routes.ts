/** The import drafts an office has not finished (导入方案 lists them to resume or discard). */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { planImports } from '../../db/import-schema.ts';
import { users } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { assertMayImport, visibleImports } from '../policies/import.policy.ts';
import { errorResponses } from './common.schema.ts';

const DraftSummary = z.object({
  id: z.number(), fileName: z.string(), format: z.string(), createdAt: z.string(), updatedAt: z.string(),
  createdBy: z.string().describe('上传人'), title: z.string().nullable().describe('草稿中的方案标题'), tasks: z.number().describe('草稿中的任务数'),
  targetPlanId: z.number().nullable().describe('重新导入时对应的方案'),
});

function draftFacts(draft: unknown): { title: string | null; tasks: number } {
  const d = draft as { plan?: { title?: unknown }; tasks?: unknown } | null;
  return { title: typeof d?.plan?.title === 'string' && d.plan.title ? d.plan.title : null, tasks: Array.isArray(d?.tasks) ? d.tasks.length : 0 };
}

export function importDraftRoutes(app: App, ctx: AppContext): void {
  app.get('/api/import-drafts', {
    schema: { tags: ['方案导入'], summary: '未完成的导入草稿（最近修改的在前）', response: { 200: z.object({ items: z.array(DraftSummary) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    assertMayImport(actor);
    const rows = await ctx.db.select({
      id: planImports.id, fileName: planImports.fileName, format: planImports.format, createdAt: planImports.createdAt, updatedAt: planImports.updatedAt,
      createdBy: users.displayName, draft: planImports.draft, targetPlanId: planImports.targetPlanId,
    }).from(planImports).innerJoin(users, eq(users.id, planImports.createdBy))
      .where(and(visibleImports(actor), eq(planImports.status, 'draft'))).orderBy(desc(planImports.updatedAt), desc(planImports.id)).limit(100);
    return {
      items: rows.map((r) => ({
        id: r.id, fileName: r.fileName, format: r.format, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
        createdBy: r.createdBy, targetPlanId: r.targetPlanId, ...draftFacts(r.draft),
      })),
    };
  });
}
