/**
 * The access matrix: every operation of docs/openapi.json, called by each attacker profile
 * (outsider, unit user, unit head, county in a collective, another city's office, leader) against
 * 邵阳市's records. Records hold canaries — unique strings that only their rightful readers may
 * ever receive — and every answer is searched for them; state changes by profiles without the
 * right must all be refused. Prints how many requests were tried and how many leaks were found.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { plans, regions, taskUnits, tasks, units, users } from '../../db/schema.ts';
import { notifications } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';
import { sampleBody, type JsonSchema } from './openapi-sample.ts';

interface Operation { method: string; path: string; query: { name: string; required: boolean }[]; body: JsonSchema | null; binary: boolean }

const openapi = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
};

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(), path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required })),
        body: content['application/json']?.schema ?? null, binary: !!content['application/octet-stream'],
      });
    }
  }
  return out;
}

type Profile = 'outsider' | 'unit' | 'head' | 'county' | 'otherOffice' | 'leader';
const PROFILES: Record<Profile, string | null> = { outsider: null, unit: 'unit-scjg', head: 'head-scjg', county: 'county-lengshuitan', otherOffice: 'office-yongzhou', leader: 'leader-shaoyang' };

// Canaries and the attacker profiles allowed to receive each (the owners are not attackers).
const CANARY = { sharedExtension: 'CANARY-SHARED-EXT-5a0c', sharedUrge: 'CANARY-SHARED-URGE-e7b1', report: 'CANARY-REPORT-7f31', file: 'CANARY-FILE-2c88', extension: 'CANARY-EXT-91ad', urge: 'CANARY-URGE-44e0', document: 'CANARY-DOC-b5c2', round: 'CANARY-ROUND-0d17', importDraft: 'CANARY-IMPORT-6e5a', channel: 'canary-channel-3f9b' } as const;
const MAY_SEE: Record<keyof typeof CANARY, Profile[]> = {
  // On a task 市市场监管局 leads and 市税务局 shares: the lead sees the tax office's reports, never its
  // extension requests or the urges addressed to it.
  sharedExtension: ['leader'], sharedUrge: ['leader'],
  report: ['leader'], file: ['leader'], extension: ['leader'], urge: ['leader'], document: ['leader'], round: ['leader'], importDraft: [], channel: [],
};
// Operations that change nothing or only the caller's own session (checked elsewhere).
// Public by design: the API description, and the mode and date the sign-in page shows (the demo banner).
const PUBLIC_READS = new Set(['GET /api/openapi.json', 'GET /api/system', 'GET /api/session'] /* the sign-in probe answers {signedIn:false} */);
const HARMLESS = new Set(['POST /api/session', 'DELETE /api/session', 'PUT /api/me/password', 'POST /api/assessment-rounds/{id}/what-if']);
// Writes a profile rightly makes: 市市场监管局 (unit and head) leads the shared task and reports on it.
// The 邵阳 leader writes 领导批示 on 邵阳's tasks, reports and documents: that is the leader's right.
const RIGHTFUL = new Set(['leader POST /api/instructions ', 'unit POST /api/tasks/{id}/reports sharedTask', 'head POST /api/tasks/{id}/reports sharedTask', 'unit POST /api/tasks/{id}/extension-requests sharedTask', 'head POST /api/tasks/{id}/extension-requests sharedTask']);

describe.each(databaseKinds())('access matrix on %s', (kind) => {
  let t: TestApp;
  const cookies: Partial<Record<Profile, string>> = {};
  const ids: Record<string, number> = {};
  const owner: Record<string, string> = {};

  const call = (cookie: string | undefined, method: string, url: string, payload?: unknown, binary = false) => t.app.inject({
    method: method as 'GET', url,
    headers: { ...(cookie ? { cookie } : {}), ...(binary ? { 'content-type': 'application/octet-stream' } : {}) },
    ...(payload === undefined ? {} : { payload: binary ? Buffer.from(typeof payload === 'string' ? payload : '') : (payload as object) }),
  });

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-06-20T09:00:00+08:00');
    const db = t.database.db;
    for (const login of ['office-shaoyang', 'unit-sy-tax']) owner[login] = await signIn(t.app, login);
    for (const [p, login] of Object.entries(PROFILES)) if (login) cookies[p as Profile] = await signIn(t.app, login);
    const [plan] = await db.select().from(plans).where(eq(plans.year, 2023));
    const [region] = await db.select().from(regions).where(eq(regions.name, '邵阳市'));
    const [tax] = await db.select().from(units).where(and(eq(units.name, '市税务局'), eq(units.regionId, region!.id)));
    const [scjg] = await db.select().from(units).where(and(eq(units.name, '市市场监管局'), eq(units.regionId, region!.id)));
    // A task of 市税务局 that 市市场监管局 has nothing to do with, due after the clock.
    const scjgTasks = db.select({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.unitId, scjg!.id));
    const [task] = await db.select({ id: tasks.id }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
      .where(and(eq(tasks.planId, plan!.id), eq(taskUnits.unitId, tax!.id), notInArray(tasks.id, scjgTasks), inArray(tasks.dueOn, ['2023-09-30', '2023-10-31', '2023-11-30', '2023-12-31']))).orderBy(tasks.id).limit(1);
    const taxTasks = db.select({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.unitId, tax!.id));
    const [shared] = await db.select({ id: tasks.id }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
      .where(and(eq(tasks.planId, plan!.id), eq(taskUnits.unitId, scjg!.id), eq(taskUnits.role, 'lead'), inArray(tasks.id, taxTasks), inArray(tasks.dueOn, ['2023-09-30', '2023-10-31', '2023-11-30', '2023-12-31']))).orderBy(tasks.id).limit(1);
    Object.assign(ids, { plan: plan!.id, region: region!.id, tax: tax!.id, task: task!.id, sharedTask: shared!.id });

    const as = async (login: string, method: string, url: string, payload?: unknown, binary = false) => {
      const res = await call(owner[login], method, url, payload, binary);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.body ? res.json<{ id: number }>() : { id: 0 };
    };
    const report = await as('unit-sy-tax', 'POST', `/api/tasks/${ids.task}/reports`, { period: '2023-06', status: 'in_progress', percent: 30, workDone: CANARY.report });
    ids.report = report.id;
    ids.attachment = (await as('unit-sy-tax', 'POST', `/api/reports/${report.id}/attachments?fileName=evidence.txt`, CANARY.file, true)).id;
    await as('unit-sy-tax', 'POST', `/api/reports/${report.id}/submit`);
    ids.extension = (await as('unit-sy-tax', 'POST', `/api/tasks/${ids.task}/extension-requests`, { reason: CANARY.extension, proposedDueOn: '2024-06-30', progress: '推进中' })).id;
    await as('unit-sy-tax', 'POST', `/api/tasks/${ids.sharedTask}/extension-requests`, { reason: CANARY.sharedExtension, proposedDueOn: '2024-06-30', progress: '推进中' });
    await as('office-shaoyang', 'POST', `/api/tasks/${ids.sharedTask}/urges`, { kind: 'reminder', unitId: tax!.id, message: CANARY.sharedUrge });
    ids.urge = (await as('office-shaoyang', 'POST', `/api/tasks/${ids.task}/urges`, { kind: 'reminder', unitId: tax!.id, message: CANARY.urge })).id;
    const doc = await call(owner['office-shaoyang'], 'POST', `/api/plans/${ids.plan}/documents`, { kind: 'monthly-notice', period: '2023-06' });
    const model = doc.json<{ id: number; model: { blocks: { kind: string }[] } }>();
    // A paragraph in the body, before the signature (the 版记 must stay last).
    model.model.blocks.splice(model.model.blocks.findIndex((b) => b.kind === 'signature'), 0, { kind: 'paragraph', indent: true, runs: [{ text: CANARY.document }] } as { kind: string });
    await as('office-shaoyang', 'PUT', `/api/documents/${model.id}`, { model: model.model });
    ids.document = model.id;
    ids.round = (await as('office-shaoyang', 'POST', `/api/plans/${ids.plan}/assessment-rounds`, { title: CANARY.round, period: '2023' })).id;
    ids.import = (await as('office-shaoyang', 'POST', `/api/imports?fileName=plan.md`, `# ${CANARY.importDraft}邵阳市2023年补充任务\n\n## 一、政务环境\n\n（1）推进不动产登记“一窗办理”。（责任单位：市税务局。时间节点：2023年9月）\n\n（2）推行惠企政策“免申即享”。（责任单位：市税务局。时间节点：2023年9月）\n`, true)).id;
    ids.channel = (await as('office-shaoyang', 'POST', '/api/notification-channels', { regionId: region!.id, kind: 'email', target: `${CANARY.channel}@shaoyang.gov.cn` })).id;
    const [taxUser] = await db.select().from(users).where(eq(users.login, 'unit-sy-tax'));
    ids.notification = (await db.select().from(notifications).where(eq(notifications.userId, taxUser!.id)))[0]!.id;
    ids.practiceNote = (await as('office-shaoyang', 'POST', `/api/plans/${ids.plan}/practice-notes`, { period: '2023-06', group: 'department', unitId: tax!.id, text: `典型做法${CANARY.document}` })).id;
  });
  afterAll(async () => { await t.close(); });

  const ID_BY_SEGMENT: Record<string, string | string[]> = {
    plans: 'plan', tasks: ['task', 'sharedTask'], reports: 'report', attachments: 'attachment', documents: 'document', 'assessment-rounds': 'round', imports: 'import',
    urges: 'urge', 'extension-requests': 'extension', notifications: 'notification', 'notification-channels': 'channel', units: 'tax', 'practice-notes': 'practiceNote',
  };

  /** The URLs to try for an operation: one per record of its kind under attack. */
  function urls(op: Operation): [string, string][] {
    const segment = op.path.split('/')[2] ?? '';
    const keys = op.path.includes('{id}') ? [ID_BY_SEGMENT[segment] ?? ''].flat() : [''];
    return keys.map((k) => [url(op, k), k]);
  }

  function url(op: Operation, idKey: string): string {
    const path = op.path.replace('{id}', String(ids[idKey] ?? 999_999));
    const query = op.query.map((q) => {
      const value = { fileName: 'x.txt', period: '2023', plan: String(ids.plan), layout: 'ten', q: '', page: '1', pageSize: '200' }[q.name];
      return value === undefined ? null : `${q.name}=${value}`;
    }).filter(Boolean);
    return query.length ? `${path}?${query.join('&')}` : path;
  }

  it('no profile receives what it may not see, and none changes what it may not change', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(70);
    const leaks: string[] = [];
    let tried = 0;
    const refusals: Record<number, number> = {};
    const context = { regionId: ids.region!, unitId: ids.tax!, planId: ids.plan!, indicatorId: 1 };
    // Reads first (every profile, every operation), then state changes (which may not succeed).
    for (const phase of ['read', 'write'] as const) {
      for (const op of ops.filter((o) => (o.method === 'GET') === (phase === 'read'))) {
        const key = `${op.method} ${op.path}`;
        for (const profile of Object.keys(PROFILES) as Profile[]) {
          if (phase === 'write' && HARMLESS.has(key)) continue;
          if (phase === 'write' && key === 'POST /api/notifications/{id}/read' && profile === 'outsider') continue;
          const payload = op.binary ? CANARY.file : op.body ? sampleBody(op.body, context) : undefined;
          for (const [target, idKey] of urls(op)) {
          const res = await call(cookies[profile], op.method, target, payload, op.binary);
          tried++;
          if (res.statusCode >= 400) refusals[res.statusCode] = (refusals[res.statusCode] ?? 0) + 1;
          const body = res.body;
          for (const [name, canary] of Object.entries(CANARY) as [keyof typeof CANARY, string][]) {
            if (body.includes(canary) && !MAY_SEE[name].includes(profile)) leaks.push(`${profile} ${key} → ${res.statusCode} reveals ${name}`);
          }
          if (res.statusCode < 300 && profile === 'outsider' && !PUBLIC_READS.has(key)) leaks.push(`outsider ${key} → ${res.statusCode}`);
          if (res.statusCode < 300 && phase === 'write' && !RIGHTFUL.has(`${profile} ${key} ${idKey}`)) leaks.push(`${profile} ${key} → ${res.statusCode} changed 邵阳市's data`);
          // Profiles with nothing in 邵阳市 may not read any of its records by id.
          if (res.statusCode < 300 && phase === 'read' && (profile === 'county' || profile === 'otherOffice') && op.path.includes('{id}')) leaks.push(`${profile} ${key} → ${res.statusCode}`);
          }
        }
      }
    }
    console.log(`[access-matrix] ${kind}: ${ops.length} operations × ${Object.keys(PROFILES).length} profiles → ${tried} requests, refusals ${JSON.stringify(refusals)}, leaks ${leaks.length}`);
    expect(leaks).toEqual([]);
    // Every operation × every profile: minutes on a busy machine, more with each new route.
  }, 600_000);
});
