/**
 * Loads the demo data into an empty database (first start) or rebuilds it (`demo --reset`), in
 * one transaction: regions, the three seed plans (read by the ingest engine, as an office's
 * upload would be) with their units and targets, collectives and users.
 */
import { readFile } from 'node:fs/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { packageUrl } from '../../adapters/package-root.ts';
import { planImportFromDraft, type PlanImport } from '../../domain/plan-import.ts';
import { consequenceRuleTemplate } from '../../evaluation/index.ts';
import { parseDocument } from '../../ingest/index.ts';
import { planAssessmentSettings } from '../assessment-schema.ts';
import type { Db, Tx } from '../client.ts';
import { countPlans, insertPlan, targetsBySeq, type PlanTarget } from '../plans/write-plan.ts';
import { regions, unitMemberships, units, users } from '../schema.ts';
import { unitHeads } from '../supervision-schema.ts';
import { DEMO_COLLECTIVES, DEMO_PASSWORD, DEMO_PLANS, DEMO_REGIONS, DEMO_USERS, type DemoRegion } from './demo-data.ts';

const fixturesDir = packageUrl('fixtures/');

export interface DemoResult { loaded: boolean; plans: number; tasks: number; users: string[] }

interface DemoPlan { seed: string; region: string; rules: string | null; draft: PlanImport; targets: Map<number, PlanTarget[]> }

// Parsed once per process: tests build many demo databases and the documents never change.
let demoPlans: Promise<DemoPlan[]> | null = null;

function readDemoPlans(): Promise<DemoPlan[]> {
  demoPlans ??= Promise.all(DEMO_PLANS.map(async (p) => {
    const bytes = new Uint8Array(await readFile(new URL(`seeds/${p.seed}`, fixturesDir)));
    const parsed = await parseDocument({ bytes, fileName: p.seed });
    return { seed: p.seed, region: p.region, rules: 'rules' in p ? p.rules : null, draft: planImportFromDraft(parsed), targets: targetsBySeq(parsed.tasks) };
  }));
  // A failed read must not poison later calls (e.g. a test that fixes the file and retries).
  demoPlans.catch(() => { demoPlans = null; });
  return demoPlans;
}

async function insertRegions(tx: Tx, region: DemoRegion, parentId: number | null, ids: Map<string, number>): Promise<void> {
  const [row] = await tx.insert(regions).values({ name: region.name, level: region.level, parentId }).returning({ id: regions.id });
  if (!row) throw new Error(`region ${region.name} not inserted`);
  ids.set(region.name, row.id);
  for (const child of region.children ?? []) await insertRegions(tx, child, row.id, ids);
}

function childrenOf(name: string, root: DemoRegion = DEMO_REGIONS): DemoRegion[] {
  if (root.name === name) return root.children ?? [];
  for (const c of root.children ?? []) {
    const found = childrenOf(name, c);
    if (found.length) return found;
  }
  return [];
}

/** Each county/district of the collective's city gets a government unit that belongs to it. */
async function insertCollectives(tx: Tx, regionIds: Map<string, number>): Promise<void> {
  for (const c of DEMO_COLLECTIVES) {
    const cityId = regionIds.get(c.region) as number;
    const [collective] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, cityId), eq(units.name, c.name)));
    if (!collective) continue;
    for (const child of childrenOf(c.region).filter((r) => r.level !== 'park')) {
      const [gov] = await tx.insert(units).values({ regionId: regionIds.get(child.name) as number, name: `${child.name}人民政府`, kind: 'government' })
        .returning({ id: units.id });
      if (gov) await tx.insert(unitMemberships).values({ collectiveId: collective.id, memberId: gov.id });
    }
  }
}

async function insertUsers(tx: Tx, regionIds: Map<string, number>, passwordHash: string): Promise<void> {
  for (const u of DEMO_USERS) {
    const regionId = regionIds.get(u.region);
    if (regionId === undefined) throw new Error(`demo user ${u.login}: unknown region ${u.region}`);
    let unitId: number | null = null;
    if (u.unit) {
      // The unit belongs to the user's region or, for a city department, to that city.
      const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.name, u.unit), inArray(units.regionId, [regionId])));
      if (!unit) throw new Error(`demo user ${u.login}: unit ${u.unit} not found in ${u.region}`);
      unitId = unit.id;
    }
    const [created] = await tx.insert(users).values({ login: u.login, displayName: u.displayName, role: u.role, regionId, unitId, passwordHash }).returning({ id: users.id });
    if (u.head && created && unitId !== null) await tx.insert(unitHeads).values({ userId: created.id, unitId });
  }
}

async function wipe(tx: Tx): Promise<void> {
  await tx.execute(sql`truncate table audit_log, task_units, tasks, indicators, plans, sessions, login_attempts, users, unit_memberships, units, regions restart identity cascade`);
}
/** The plan's assessment rules from a template, as its office would pick them in 方案设置. */
async function insertPlanRules(tx: Tx, planId: number, template: string): Promise<void> {
  const rules = consequenceRuleTemplate(template);
  if (!rules) throw new Error(`rule template ${template} not found`);
  await tx.insert(planAssessmentSettings).values({ planId, consequenceRules: rules });
}

/**
 * Loads the demo data when the database has no plan (or always with `reset`). `hashPassword` is
 * passed in so the db layer does not depend on the server's auth module.
 */
export async function loadDemo(db: Db, options: { reset: boolean; hashPassword: (p: string) => Promise<string> }): Promise<DemoResult> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  const plans = await readDemoPlans();
  return db.transaction(async (tx) => {
    if (options.reset) await wipe(tx);
    else if ((await countPlans(tx)) > 0) return { loaded: false, plans: 0, tasks: 0, users: [] };
    const regionIds = new Map<string, number>();
    await insertRegions(tx, DEMO_REGIONS, null, regionIds);
    let taskCount = 0;
    for (const p of plans) {
      const planId = await insertPlan(tx, regionIds.get(p.region) as number, p.draft, null, { seed: p.seed, demo: true },
        // A seed plan is as if entered the day it was issued (or at the start of its year when the
        // document gives no date): supervised from then, as the demo year plays it.
        { targets: p.targets, createdAt: new Date(`${p.draft.issuedOn && p.draft.issuedOn.startsWith(String(p.draft.year)) ? p.draft.issuedOn : `${p.draft.year}-01-01`}T00:00:00+08:00`) });
      if (p.rules !== null) await insertPlanRules(tx, planId, p.rules);
      taskCount += p.draft.tasks.length;
    }
    await insertCollectives(tx, regionIds);
    await insertUsers(tx, regionIds, passwordHash);
    return { loaded: true, plans: plans.length, tasks: taskCount, users: DEMO_USERS.map((u) => u.login) };
  });
}
