/**
 * Test support for the access matrix: a plausible request body for an OpenAPI (JSON Schema) body
 * schema, so a refusal shows the authorisation at work rather than a validation error. Ids the
 * schema asks for are taken from the context (the records under attack).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

const NAMED: Record<string, unknown> = {
  period: '2023-06', login: 'attacker-made', password: 'Attacker@2026x', displayName: '攻击者', target: 'attacker@evil.example',
  decision: 'accept', approve: true, accept: true, comment: '同意', reply: '已办理', message: '请办理', title: '伪造', text: '伪造内容',
  workDone: '伪造进展', reason: '伪造理由', progress: '伪造', alias: '伪造简称', status: 'done', percent: 100,
};

function scalar(schema: JsonSchema, name: string, context: Record<string, number>): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (name in context && (type === 'integer' || type === 'number')) return context[name];
  if (name in NAMED) return NAMED[name];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'string') {
    if (schema.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(schema.pattern ?? '')) return '2099-12-31';
    return 'x'.repeat(Math.max(schema.minLength ?? 1, 3));
  }
  return null;
}

/** A sample value for `schema`; `name` is the property it fills (for ids and known fields). */
export function sampleBody(schema: JsonSchema, context: Record<string, number>, name = ''): unknown {
  const pick = schema.anyOf ?? schema.oneOf;
  if (pick?.length) return sampleBody(pick.find((s) => s.type !== 'null') ?? pick[0]!, context, name);
  if (schema.allOf?.length) return sampleBody(Object.assign({}, ...schema.allOf) as JsonSchema, context, name);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      if (schema.required?.includes(key) || key in context || key in NAMED) out[key] = sampleBody(value, context, key);
    }
    return out;
  }
  if (type === 'array') return schema.items ? [sampleBody(schema.items, context, name)] : [];
  return scalar(schema, name, context);
}
