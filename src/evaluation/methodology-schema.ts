/**
 * The shape of a methodology as data (fixtures/methodology/*.methodology.json), checked with zod
 * when it is loaded: a wrong frontier or a group that names a missing component must fail at load,
 * not silently produce a different score.
 */
import { z } from 'zod';
import { EVALUATION_ERRORS, evaluationError, formatPath } from './errors.ts';

const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'key must be snake_case ASCII');
const Finite = z.number().refine(Number.isFinite, 'must be a finite number');

const TransformSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear') }),
  // DB2020: the total tax and contribution rate score is the clamped linear score ^ 0.8.
  z.strictObject({ kind: z.literal('power'), exponent: z.number().positive() }),
]);

const ComponentSchema = z
  .strictObject({
    key: Key,
    label: z.string().min(1),
    unit: z.string(),
    best: Finite,
    worst: Finite,
    transform: TransformSchema.default({ kind: 'linear' }),
    note: z.string().optional(),
  })
  .refine((c) => c.best !== c.worst, { message: 'best and worst must differ' });

/** zero: scores 0; exclude: left out of its group's mean; zero-topic: the whole topic scores 0. */
const TextValueSchema = z.strictObject({
  text: z.string().min(1),
  effect: z.enum(['zero', 'exclude', 'zero-topic']),
  components: z.array(Key).optional(),
  note: z.string().optional(),
});

const AuxiliarySchema = z.strictObject({
  key: Key,
  label: z.string().min(1),
  unit: z.string(),
  note: z.string().optional(),
});

/** A raw value counts only when every listed auxiliary input is reported and below its limit. */
const GateRuleSchema = z.strictObject({
  kind: z.literal('gate'),
  component: Key,
  requires: z.array(z.strictObject({ input: Key, below: Finite })).min(1),
  otherwise: Finite,
  note: z.string().optional(),
});

const AggregationSchema = z.discriminatedUnion('kind', [
  // Mean of group means; a group whose members are all excluded is dropped (DB2020 postfiling).
  z.strictObject({ kind: z.literal('group-mean'), groups: z.array(z.array(Key).min(1)).optional(), note: z.string().optional() }),
  // Score of the sum of indices: 100 * sum(raw - worst) / sum(best - worst) (DB2020 credit, investors).
  z.strictObject({ kind: z.literal('index-sum'), note: z.string().optional() }),
  z.strictObject({ kind: z.literal('weighted'), weights: z.record(Key, z.number().nonnegative()), note: z.string().optional() }),
]);

const TopicSchema = z.strictObject({
  key: Key,
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  scope: z.array(z.string()).optional(),
  weight: z.number().nonnegative().default(1),
  components: z.array(ComponentSchema).min(1),
  auxiliary: z.array(AuxiliarySchema).default([]),
  rules: z.array(GateRuleSchema).default([]),
  textValues: z.array(TextValueSchema).default([]),
  aggregation: AggregationSchema,
  note: z.string().optional(),
});

const MethodologyBaseSchema = z.strictObject({
  id: Key,
  version: z.string().min(1),
  label: z.string().min(1),
  edition: z.string().optional(),
  source: z.string().optional(),
  textValues: z.array(TextValueSchema).default([]),
  topics: z.array(TopicSchema).min(1),
  overall: z.strictObject({
    kind: z.enum(['mean', 'weighted']),
    topics: z.array(Key).min(1),
    note: z.string().optional(),
  }),
  tolerance: z.strictObject({ component: z.number().nonnegative(), topic: z.number().nonnegative() }).optional(),
});

type Ctx = z.core.$RefinementCtx<z.output<typeof MethodologyBaseSchema>>;

function checkTopic(topic: z.output<typeof TopicSchema>, at: (string | number)[], ctx: Ctx): void {
  const keys = new Set<string>();
  const issue = (message: string, ...path: (string | number)[]): void => ctx.addIssue({ code: 'custom', message, path: [...at, ...path] });
  topic.components.forEach((c, i) => (keys.has(c.key) ? issue(`duplicate component ${c.key}`, 'components', i) : keys.add(c.key)));
  const aux = new Set(topic.auxiliary.map((a) => a.key));
  for (const a of aux) if (keys.has(a)) issue(`auxiliary input ${a} clashes with a component`, 'auxiliary');
  const agg = topic.aggregation;
  if (agg.kind === 'group-mean' && agg.groups) {
    const seen = agg.groups.flat();
    if (seen.length !== keys.size || new Set(seen).size !== seen.length || seen.some((k) => !keys.has(k))) {
      issue('groups must name every component exactly once', 'aggregation', 'groups');
    }
  }
  if (agg.kind === 'weighted') {
    const named = Object.keys(agg.weights);
    if (named.length !== keys.size || named.some((k) => !keys.has(k))) issue('weights must name every component', 'aggregation', 'weights');
    if (Object.values(agg.weights).every((w) => w === 0)) issue('at least one weight must be positive', 'aggregation', 'weights');
  }
  topic.rules.forEach((r, i) => {
    if (!keys.has(r.component)) issue(`rule names unknown component ${r.component}`, 'rules', i);
    for (const q of r.requires) if (!aux.has(q.input)) issue(`rule names unknown auxiliary input ${q.input}`, 'rules', i);
  });
  topic.textValues.forEach((t, i) => {
    for (const k of t.components ?? []) if (!keys.has(k)) issue(`text value names unknown component ${k}`, 'textValues', i);
    if (t.effect === 'exclude' && agg.kind === 'index-sum') issue('an index sum cannot exclude a component', 'textValues', i);
  });
}

/** The methodology schema with cross-reference checks (groups, weights, rules, overall topics). */
export const MethodologySchema = MethodologyBaseSchema.superRefine((m, ctx) => {
  const topicKeys = new Set<string>();
  m.topics.forEach((t, i) => {
    if (topicKeys.has(t.key)) ctx.addIssue({ code: 'custom', message: `duplicate topic ${t.key}`, path: ['topics', i] });
    topicKeys.add(t.key);
    checkTopic(t, ['topics', i], ctx);
  });
  for (const k of m.overall.topics) {
    if (!topicKeys.has(k)) ctx.addIssue({ code: 'custom', message: `overall names unknown topic ${k}`, path: ['overall', 'topics'] });
  }
});

export type Methodology = z.output<typeof MethodologySchema>;
export type MethodologyTopic = Methodology['topics'][number];
export type MethodologyComponent = MethodologyTopic['components'][number];
export type TextValueRule = MethodologyTopic['textValues'][number];

/** Validates methodology data; throws EVALUATION_METHODOLOGY_INVALID naming the first bad field. */
export function parseMethodology(data: unknown, source = 'methodology'): Methodology {
  const result = MethodologySchema.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const path = formatPath(first?.path ?? []);
  throw evaluationError(EVALUATION_ERRORS.methodologyInvalid, `评价方法数据无效：${first?.message ?? ''}`, `${source}:${path}`, {
    issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  });
}
