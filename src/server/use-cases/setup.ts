/**
 * First set-up of a production database: `yingshang init` creates the first administrator (and,
 * on an empty database, the top region it administers). The password is typed or generated, and
 * must be changed at the first sign-in.
 */
import { count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { regions, users } from '../../db/schema.ts';
import { generatePassword } from '../auth/generate-password.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { appError } from '../../domain/errors.ts';
import { insertUser } from './users.ts';

export type RegionLevel = (typeof regions.$inferSelect)['level'];

export interface InitInput {
  login: string;
  displayName: string;
  /** Typed by the operator; generated when absent. */
  password?: string;
  /** The region the administrator covers: found by name, or created as the top region. */
  regionName?: string;
  regionLevel?: RegionLevel;
}

export interface InitResult { userId: number; regionId: number; regionName: string; password: string; generated: boolean; regionCreated: boolean }

/** Creates the first administrator; refuses (SETUP_ALREADY_DONE) once any account exists. */
export async function initAdministrator(db: Db, input: InitInput): Promise<InitResult> {
  const password = input.password ?? generatePassword();
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) throw appError('SETUP_ALREADY_DONE');
    let region: { id: number; name: string } | undefined;
    let regionCreated = false;
    if (input.regionName) {
      [region] = await tx.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.name, input.regionName)).limit(1);
      if (!region) {
        if (!input.regionLevel) throw appError('VALIDATION_FAILED', `区域“${input.regionName}”不存在；新建时请用 --level 指定级别（province / city / county / district / park）`, { field: 'level' });
        [region] = await tx.insert(regions).values({ name: input.regionName, level: input.regionLevel }).returning({ id: regions.id, name: regions.name });
        regionCreated = true;
      }
    } else {
      const roots = await tx.select({ id: regions.id, name: regions.name }).from(regions).where(isNull(regions.parentId));
      if (roots.length !== 1) throw appError('VALIDATION_FAILED', roots.length ? `数据库中有多个顶级区域，请用 --region 指定管理员所属区域` : '数据库中还没有区域，请用 --region 和 --level 指定顶级区域（如 --region 邵阳市 --level city）', { field: 'region' });
      region = roots[0];
    }
    if (!region) throw appError('INTERNAL');
    const userId = await insertUser(tx, null, {
      login: input.login, displayName: input.displayName, password, role: 'admin', regionId: region.id, mustChangePassword: true,
    }, passwordHash);
    if (regionCreated) await audit(tx, { actorUserId: null, action: 'region.create', entity: 'region', entityId: region.id, details: { name: region.name, level: input.regionLevel } });
    await audit(tx, { actorUserId: null, action: 'setup.init', entity: 'user', entityId: userId, details: { login: input.login, regionId: region.id, generated: input.password === undefined } });
    return { userId, regionId: region.id, regionName: region.name, password, generated: input.password === undefined, regionCreated };
  });
}
