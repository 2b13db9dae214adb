/** What every screen may need before signing in: whether this server runs the demo, and on which date. */
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import type { App, AppContext } from '../context.ts';

export const SystemSchema = z.object({
  mode: z.enum(['demo', 'production']).describe('demo：演示数据，服务器时钟设定为演示日期；production：正式运行'),
  demo: z.object({
    today: z.string().describe('演示日期（YYYY-MM-DD，北京时间）'),
    notice: z.string().describe('界面横幅文字，如“演示数据：当前日期设定为2023年7月6日”'),
  }).nullable(),
  today: z.string().describe('服务器当前日期（北京时间，演示模式下为演示日期）'),
});

export function systemRoutes(app: App, ctx: AppContext): void {
  app.get('/api/system', {
    config: { public: true },
    schema: { tags: ['会话'], summary: '运行模式与当前日期', security: [], response: { 200: SystemSchema } },
  }, () => {
    return Promise.resolve({ mode: ctx.demo ? 'demo' as const : 'production' as const, demo: ctx.demo, today: chinaDate(ctx.now()) });
  });
}
