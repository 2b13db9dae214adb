/**
 * GET /api/admin/backup: a backup of the embedded database taken by the running server — the one
 * process that may open a PGlite data directory — for `yingshang backup FILE --server URL`.
 */
import { Readable } from 'node:stream';
import { audit } from '../../db/audit.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayBackup } from '../policies/backup.policy.ts';

/** A stamp for file names: 20260612-0800 in China time. */
function stamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

export function backupRoutes(app: App, ctx: AppContext, dump?: () => Promise<Blob>): void {
  app.get('/api/admin/backup', {
    schema: { tags: ['运维'], summary: '下载数据库备份（嵌入式数据库；管理员或省级优化办）' },
  }, async (request, reply) => {
    const actor = requireActor(request);
    assertMayBackup(actor);
    if (!dump) throw appError('BACKUP_UNAVAILABLE');
    // Audited first, so the backup itself records who took it.
    await ctx.db.transaction((tx) => audit(tx, { actorUserId: actor.userId, action: 'database.backup', entity: 'database', details: { ip: request.ip } }));
    const blob = await dump();
    return reply.header('content-type', 'application/gzip').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`yingshang-backup-${stamp(ctx.now())}.tgz`)}`)
      .send(Readable.fromWeb(blob.stream()));
  });
}
