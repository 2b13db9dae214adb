/**
 * The people the demo year acts as: the office of a plan's region, and one contact per unit that
 * reports (the demo's own account where it has one, e.g. unit-scjg, so signing in as it shows its
 * own history). Units without one get an account `demo-u<unit id>` that cannot sign in (no
 * password), and a head `demo-head-<unit id>` when the unit's extension request needs confirming.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { DEMO_LOGIN_PREFIX } from '../../db/demo/demo-accounts.ts';
import { unitMemberships, units, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import { loadActor, type Actor } from '../auth/actor.ts';

// Not a valid argon2 hash: verification fails, so these accounts exist only as the demo's actors.
const NO_PASSWORD = '!demo-account-without-password';

export class DemoActors {
  private readonly cache = new Map<string, Actor>();

  constructor(private readonly db: Db) {}

  private async actor(key: string, userId: number): Promise<Actor> {
    const actor = await loadActor(this.db, userId);
    if (!actor) throw new Error(`demo actor ${key}: user ${userId} not found`);
    this.cache.set(key, actor);
    return actor;
  }

  /** The office account with this login (a demo account loaded with the seed plans). */
  async office(login: string): Promise<Actor> {
    const cached = this.cache.get(`office:${login}`);
    if (cached) return cached;
    const [user] = await this.db.select({ id: users.id }).from(users).where(eq(users.login, login));
    if (!user) throw new Error(`demo office ${login} not found`);
    return this.actor(`office:${login}`, user.id);
  }

  /** The unit a collective (各县市区政府) reports through: its first member; other units themselves. */
  private async actingUnit(unitId: number): Promise<number> {
    const [member] = await this.db.select({ id: unitMemberships.memberId }).from(unitMemberships)
      .where(eq(unitMemberships.collectiveId, unitId)).orderBy(unitMemberships.memberId).limit(1);
    return member?.id ?? unitId;
  }

  /** A reporting contact of the unit (not its head). */
  async unit(unitId: number): Promise<Actor> {
    const cached = this.cache.get(`unit:${unitId}`);
    if (cached) return cached;
    const acting = await this.actingUnit(unitId);
    const heads = this.db.select({ id: unitHeads.userId }).from(unitHeads);
    const [existing] = await this.db.select({ id: users.id }).from(users)
      .where(and(eq(users.unitId, acting), eq(users.role, 'unit'))).orderBy(users.id);
    const isHead = existing ? (await heads.where(eq(unitHeads.userId, existing.id))).length > 0 : false;
    const id = existing && !isHead ? existing.id : await this.createUser(acting, `${DEMO_LOGIN_PREFIX}u${acting}`, '联络员');
    return this.actor(`unit:${unitId}`, id);
  }

  /** A head of the unit, who confirms its extension requests. */
  async head(unitId: number): Promise<Actor> {
    const cached = this.cache.get(`head:${unitId}`);
    if (cached) return cached;
    const acting = await this.actingUnit(unitId);
    const [existing] = await this.db.select({ id: unitHeads.userId }).from(unitHeads).where(eq(unitHeads.unitId, acting)).limit(1);
    let id = existing?.id;
    if (id === undefined) {
      id = await this.createUser(acting, `${DEMO_LOGIN_PREFIX}head-${acting}`, '负责人');
      await this.db.insert(unitHeads).values({ userId: id, unitId: acting });
    }
    return this.actor(`head:${unitId}`, id);
  }

  private async createUser(unitId: number, login: string, title: string): Promise<number> {
    const [found] = await this.db.select({ id: users.id }).from(users).where(eq(users.login, login));
    if (found) return found.id;
    const [unit] = await this.db.select().from(units).where(eq(units.id, unitId));
    if (!unit) throw new Error(`demo unit ${unitId} not found`);
    const [created] = await this.db.insert(users).values({ login, displayName: `${unit.name}${title}（演示）`, role: 'unit', regionId: unit.regionId, unitId, passwordHash: NO_PASSWORD })
      .returning({ id: users.id });
    if (!created) throw new Error(`demo user ${login} not created`);
    return created.id;
  }
}

