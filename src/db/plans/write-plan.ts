/**
 * Writing an imported plan: plan, indicators, tasks, task–unit links and quantitative targets,
 * with the units resolved (mapped by the office, matched, or created) in the plan's region. Runs in
 * the caller's transaction, so an import is all or nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { deadlineDueOn, guessUnitKind, type ImportedTask, type PlanImport } from '../../domain/plan-import.ts';
import { matchUnit, type CanonicalUnit } from '../../domain/unit-names.ts';
import type { Target } from '../../ingest/plan-draft.ts';
import { audit } from '../audit.ts';
import type { Db, Tx } from '../client.ts';
import { indicators, plans, taskUnits, tasks, units } from '../schema.ts';
import { taskTargets } from '../supervision-schema.ts';

/** What the office chose for a written unit name on the review screen: an existing unit or a new one. */
export type UnitChoice = number | 'new';

export interface ResolverOptions {
  /** Written name → unit id or 'new'; names not listed are matched or created. */
  mapping?: ReadonlyMap<string, UnitChoice>;
  /** Regions whose units a mapping may name (the office's scope); default: the plan's region. */
  mappableRegionIds?: readonly number[];
  /** Also match by the unit dictionary (市住建局 → 市住房和城乡建设局), not only by exact name or alias. */
  fuzzy?: boolean;
}

/** A quantitative target ready for `task_targets`. */
export interface PlanTarget { metric: string; comparator: string; value: number; valueMax: number | null; unit: string; source: string }

/** The units of one region as a matching catalogue (ids as strings, as `matchUnit` wants them). */
export async function regionCatalogue(db: Db | Tx, regionId: number): Promise<CanonicalUnit[]> {
  const rows = await db.select({ id: units.id, name: units.name, aliases: units.aliases }).from(units).where(eq(units.regionId, regionId));
  return rows.map((r) => ({ id: String(r.id), name: r.name, aliases: r.aliases }));
}

/** Resolves written unit names to unit ids of one region, creating units it has not seen. */
export class UnitResolver {
  private readonly byName = new Map<string, number>();
  private readonly resolved = new Map<string, number>();
  private catalogue: CanonicalUnit[] | null = null;
  /** Units created while resolving (the review screen's "new", or unknown names). */
  readonly created: { id: number; name: string }[] = [];

  constructor(private readonly tx: Tx, private readonly regionId: number, private readonly options: ResolverOptions = {}) {}

  private async load(): Promise<CanonicalUnit[]> {
    const catalogue = await regionCatalogue(this.tx, this.regionId);
    for (const u of catalogue) {
      this.byName.set(u.name, Number(u.id));
      for (const a of u.aliases ?? []) if (!this.byName.has(a)) this.byName.set(a, Number(u.id));
    }
    this.catalogue = catalogue;
    return catalogue;
  }

  /** The id of the unit written as `name` in this region (mapping, name or alias, match), created if new. */
  async resolve(name: string): Promise<number> {
    const catalogue = this.catalogue ?? (await this.load());
    const resolved = this.resolved.get(name);
    if (resolved !== undefined) return resolved;
    // The office's choice wins over an exact name: it may link 市住建局 to a differently named unit.
    const choice = this.options.mapping?.get(name);
    let id: number | null = choice === undefined ? (this.byName.get(name) ?? null) : null;
    if (typeof choice === 'number') id = await this.mapped(name, choice);
    else if (id === null && choice === undefined && this.options.fuzzy) {
      const matched = matchUnit(name, catalogue);
      id = matched === null ? null : Number(matched);
    }
    id ??= await this.create(name);
    this.resolved.set(name, id);
    return id;
  }

  // A mapped id is checked when first used, inside the transaction: a bad mapping rolls the import back.
  private async mapped(name: string, unitId: number): Promise<number> {
    const scope = this.options.mappableRegionIds ?? [this.regionId];
    const [row] = await this.tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), inArray(units.regionId, [...scope])));
    if (!row) throw new AppError('IMPORT_MAPPING_INVALID', `单位“${name}”对应的单位（编号 ${unitId}）不存在或不在本辖区内。`, { name, unitId });
    return row.id;
  }

  private async create(name: string): Promise<number> {
    const [created] = await this.tx.insert(units).values({ regionId: this.regionId, name, kind: guessUnitKind(name) })
      .onConflictDoNothing().returning({ id: units.id });
    if (created) this.created.push({ id: created.id, name });
    const id = created?.id ?? (await this.tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, this.regionId), eq(units.name, name))))[0]?.id;
    if (id === undefined) throw new Error(`unit ${name} could not be created`);
    return id;
  }
}

/** A target as drafts write it (snake_case; the engine's `Target` and a reviewed draft's alike). */
export type DraftTarget = Pick<Target, 'metric' | 'comparator' | 'value' | 'unit' | 'source'> & { value_max?: number | null };

/** Targets keyed by task seq, from draft tasks as the engine writes them (snake_case). */
export function targetsBySeq(draftTasks: readonly { seq: number; targets?: readonly DraftTarget[] | null }[]): Map<number, PlanTarget[]> {
  return new Map(draftTasks.map((t) => [t.seq, (t.targets ?? []).map((g) => ({
    metric: g.metric, comparator: g.comparator, value: g.value, valueMax: g.value_max ?? null, unit: g.unit, source: g.source,
  }))]));
}

/** The `tasks` row of an imported task (also used when a re-import adds or updates tasks). */
export function taskRow(planId: number, indicatorId: number | null, t: ImportedTask): typeof tasks.$inferInsert {
  return {
    planId, indicatorId, seq: t.seq, seqCn: t.seqCn, subIndicatorCode: t.subIndicatorCode, subIndicator: t.subIndicator, text: t.text,
    leader: t.leader, deadline: t.deadline, deadlineRaw: t.deadlineRaw, dueOn: deadlineDueOn(t.deadline), annualTarget: t.annualTarget,
    basis: t.basis, remarks: t.remarks, notes: t.notes, responsibleUnitsOpen: t.units.open, uncertain: t.uncertain,
  };
}

/**
 * The task–unit links of a task, written names kept, units resolved. Two written forms of one
 * unit in the same role (a source slip, or a name the office mapped onto a unit already listed)
 * give one link, so the unit's tasks and reminders are not counted twice.
 */
export async function unitLinks(resolver: UnitResolver, taskId: number, t: ImportedTask): Promise<(typeof taskUnits.$inferInsert)[]> {
  const links: (typeof taskUnits.$inferInsert)[] = [];
  for (const [role, names] of [['lead', t.units.lead], ['responsible', t.units.responsible]] as const) {
    const seen = new Set<number>();
    for (const name of names) {
      const unitId = await resolver.resolve(name);
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      links.push({ taskId, unitId, role, position: seen.size - 1, writtenName: name });
    }
  }
  return links;
}

/** `task_targets` rows of a task, in the order the text states them. */
export function targetRows(taskId: number, targets: readonly PlanTarget[]): (typeof taskTargets.$inferInsert)[] {
  return targets.map((g, position) => ({ taskId, position, ...g }));
}

// Chunked inserts: one statement per row would cost a round trip each on PostgreSQL.
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export interface InsertPlanOptions {
  /** Resolver with the office's mapping; default: exact names and aliases, unknown names created. */
  resolver?: UnitResolver;
  /** Quantitative targets by task seq. */
  targets?: ReadonlyMap<number, readonly PlanTarget[]>;
  /** When the plan entered the platform (the server's clock); its supervision starts then. */
  createdAt?: Date;
}

/** Inserts a whole plan in the given region and returns its id. */
export async function insertPlan(
  tx: Tx, regionId: number, plan: PlanImport, actorUserId: number | null, source: Record<string, unknown>, options: InsertPlanOptions = {},
): Promise<number> {
  const [created] = await tx.insert(plans).values({
    regionId, title: plan.title, issuer: plan.issuer, docNumber: plan.docNumber, issuedOn: plan.issuedOn, year: plan.year,
    layout: plan.layout, responsibleUnitsNote: plan.responsibleUnitsNote, basis: plan.basis, source,
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
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

  const taskRows = await tx.insert(tasks).values(plan.tasks.map((t) => taskRow(planId, t.indicatorSeq === null ? null : (indicatorIds.get(t.indicatorSeq) ?? null), t)))
    .returning({ id: tasks.id, seq: tasks.seq });
  const taskIdBySeq = new Map(taskRows.map((r) => [r.seq, r.id]));

  const resolver = options.resolver ?? new UnitResolver(tx, regionId);
  const links: (typeof taskUnits.$inferInsert)[] = [];
  const targets: (typeof taskTargets.$inferInsert)[] = [];
  for (const t of plan.tasks) {
    const taskId = taskIdBySeq.get(t.seq);
    if (taskId === undefined) continue;
    links.push(...(await unitLinks(resolver, taskId, t)));
    targets.push(...targetRows(taskId, options.targets?.get(t.seq) ?? []));
  }
  await insertChunked(links, (chunk) => tx.insert(taskUnits).values(chunk));
  await insertChunked(targets, (chunk) => tx.insert(taskTargets).values(chunk));
  await audit(tx, {
    actorUserId, action: 'plan.import', entity: 'plan', entityId: planId,
    details: { title: plan.title, tasks: plan.tasks.length, targets: targets.length, unitsCreated: resolver.created.length, ...source },
  });
  return planId;
}

/** Number of plans in the database (used to decide whether demo data is needed). */
export async function countPlans(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(plans);
  return row?.n ?? 0;
}
