/**
 * Writing an imported plan: plan, indicators, tasks and task–unit links, with the units resolved
 * (or created) in the plan's region. Runs in the caller's transaction, so an import is all or nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { deadlineDueOn, guessUnitKind, type PlanImport } from '../../domain/plan-import.ts';
import { audit } from '../audit.ts';
import type { Tx } from '../client.ts';
import { indicators, plans, taskUnits, tasks, units } from '../schema.ts';

/** Resolves written unit names to unit ids of one region, creating units it has not seen. */
export class UnitResolver {
  private readonly byName = new Map<string, number>();
  private loaded = false;

  constructor(private readonly tx: Tx, private readonly regionId: number) {}

  private async load(): Promise<void> {
    const rows = await this.tx.select({ id: units.id, name: units.name, aliases: units.aliases }).from(units).where(eq(units.regionId, this.regionId));
    for (const r of rows) {
      this.byName.set(r.name, r.id);
      for (const a of r.aliases) if (!this.byName.has(a)) this.byName.set(a, r.id);
    }
    this.loaded = true;
  }

  /** The id of the unit written as `name` in this region (matching name or alias), created if new. */
  async resolve(name: string): Promise<number> {
    if (!this.loaded) await this.load();
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const [created] = await this.tx.insert(units).values({ regionId: this.regionId, name, kind: guessUnitKind(name) })
      .onConflictDoNothing().returning({ id: units.id });
    const id = created?.id ?? (await this.tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, this.regionId), eq(units.name, name))))[0]?.id;
    if (id === undefined) throw new Error(`unit ${name} could not be created`);
    this.byName.set(name, id);
    return id;
  }
}

/** Inserts a whole plan in the given region and returns its id. */
export async function insertPlan(tx: Tx, regionId: number, plan: PlanImport, actorUserId: number | null, source: Record<string, unknown>): Promise<number> {
  const [created] = await tx.insert(plans).values({
    regionId, title: plan.title, issuer: plan.issuer, docNumber: plan.docNumber, issuedOn: plan.issuedOn, year: plan.year,
    layout: plan.layout, responsibleUnitsNote: plan.responsibleUnitsNote, basis: plan.basis, source,
  }).returning({ id: plans.id });
  if (!created) throw new Error('plan insert returned nothing');
  const planId = created.id;

  const indicatorIds = new Map<number, number>();
  if (plan.indicators.length) {
    const rows = await tx.insert(indicators).values(plan.indicators.map((i) => ({
      planId, seq: i.seq, kind: i.kind, name: i.name, scope: i.scope, leader: i.leader, annualTarget: i.annualTarget, aliases: i.aliases, leadUnits: i.leadUnits,
    }))).returning({ id: indicators.id, seq: indicators.seq });
    for (const r of rows) indicatorIds.set(r.seq, r.id);
  }

  const taskRows = await tx.insert(tasks).values(plan.tasks.map((t) => ({
    planId, indicatorId: t.indicatorSeq === null ? null : (indicatorIds.get(t.indicatorSeq) ?? null), seq: t.seq, seqCn: t.seqCn,
    subIndicatorCode: t.subIndicatorCode, subIndicator: t.subIndicator, text: t.text, leader: t.leader,
    deadline: t.deadline, deadlineRaw: t.deadlineRaw, dueOn: deadlineDueOn(t.deadline), annualTarget: t.annualTarget,
    basis: t.basis, remarks: t.remarks, notes: t.notes, responsibleUnitsOpen: t.units.open, uncertain: t.uncertain,
  }))).returning({ id: tasks.id, seq: tasks.seq });
  const taskIdBySeq = new Map(taskRows.map((r) => [r.seq, r.id]));

  const resolver = new UnitResolver(tx, regionId);
  const links: (typeof taskUnits.$inferInsert)[] = [];
  for (const t of plan.tasks) {
    const taskId = taskIdBySeq.get(t.seq);
    if (taskId === undefined) continue;
    for (const [role, names] of [['lead', t.units.lead], ['responsible', t.units.responsible]] as const) {
      for (const [position, name] of names.entries()) links.push({ taskId, unitId: await resolver.resolve(name), role, position, writtenName: name });
    }
  }
  // Insert links in chunks: one statement per task would cost a round trip each on PostgreSQL.
  for (let i = 0; i < links.length; i += 500) await tx.insert(taskUnits).values(links.slice(i, i + 500));
  await audit(tx, { actorUserId, action: 'plan.import', entity: 'plan', entityId: planId, details: { title: plan.title, tasks: plan.tasks.length, ...source } });
  return planId;
}

/** Number of plans in the database (used to decide whether demo data is needed). */
export async function countPlans(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(plans);
  return row?.n ?? 0;
}
