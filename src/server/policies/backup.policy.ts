/** Who may take a full backup: it holds every region's data and every password hash. */
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';

/** The platform administrator, or the office of the top (province) region. */
export function mayBackup(actor: Actor): boolean {
  return (actor.role as string) === 'admin' || (actor.role === 'office' && actor.region.level === 'province');
}

/** Throws FORBIDDEN unless the actor may take a backup. */
export function assertMayBackup(actor: Actor): void {
  if (!mayBackup(actor)) throw appError('FORBIDDEN', '只有管理员或省级优化办可以下载数据库备份');
}
