import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, plans, tasks, users } from '../../db/schema.ts';
import { progressReports, taskLights } from '../../db/supervision-schema.ts';
import { loadGold } from '../../ingest/testing/gold-render-model.ts';
import { seedFile, send, upload } from '../testing/imports.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface Diff {
  added: { seq: number; text: string; deadline: string | null }[];
  changed: { seq: number; taskId: number; previousSeq: number; fields: Record<string, { from: unknown; to: unknown }> }[];
  removed: { seq: number; id: number; reportCount: number }[];
  unchanged: number;
}
interface View { id: number; targetPlanId: number | null; diff?: Diff }
interface Err { code: string; details?: { tasks?: { seq: number }[]; seqs?: number[] } }
interface Applied { planId: number; added: { seq: number; taskId: number }[]; changed: { seq: number; taskId: number }[]; removed: { seq: number; taskId: number }[] }

// Tasks of seed 001, counted in its hand-checked gold file.
const SEED_TASKS = (loadGold('001').tasks as unknown[]).length;
const NEW_TASK = '\t\t122.建立营商环境“体验官”制度，每季度组织企业代表体验办事流程，问题整改率达到100%。\t2022年12月\t\t';

/** Seed 001 as the office revises it: task 4 dropped, task 5 due in October, task 122 added. */
function revisedSeed001(): Buffer {
  const lines = seedFile('001').bytes.toString('utf8').split('\n');
  const revised = lines.filter((l) => !l.startsWith('\t\t4.通过政府采购'))
    .map((l) => (l.startsWith('\t\t5.对新办纳税人') ? l.replace('2022 年 6 月', '2022 年 10 月') : l))
    .flatMap((l) => (l.startsWith('\t\t121.') ? [l, NEW_TASK] : [l]));
  return Buffer.from(revised.join('\n'));
}

describe.each(databaseKinds())('re-import of a revised plan on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let planId: number;
  let idsBySeq: Map<number, number>;
  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-yongzhou');
    const db = t.database.db;
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.title, '永州市优化营商环境2022年度重点任务实施方案'));
    planId = plan?.id ?? 0;
    idsBySeq = new Map((await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).where(eq(tasks.planId, planId))).map((r) => [r.seq, r.id]));
    const [user] = await db.select({ id: users.id, unitId: users.unitId }).from(users).where(eq(users.login, 'county-lengshuitan'));
    // Work already attached to tasks: reports on tasks 1 and 4, a light on task 5.
    for (const seq of [1, 4]) {
      await db.insert(progressReports).values({
        taskId: idsBySeq.get(seq) ?? 0, unitId: user?.unitId ?? 0, period: '2022-06', version: 1, role: 'responsible', status: 'in_progress',
        percent: 40, workDone: `任务 ${seq} 已开展`, createdBy: user?.id ?? 0,
      });
    }
    await db.insert(taskLights).values({ taskId: idsBySeq.get(5) ?? 0, period: '2022-06', light: 'yellow' });
  });
  afterAll(async () => { await t.close(); });

  it('diffs the revision against the stored plan and applies the chosen changes in place', async () => {
    const res = await upload(t.app, office, 'revised.txt', revisedSeed001(), `&targetPlanId=${planId}`);
    expect(res.status).toBe(201);
    const view = res.json<View>();
    expect(view.targetPlanId).toBe(planId);
    const diff = view.diff;
    expect(diff?.added.map((a) => [a.seq, a.deadline])).toEqual([[122, '2022-12']]);
    expect(diff?.changed.map((c) => [c.seq, c.taskId, Object.keys(c.fields)])).toEqual([[5, idsBySeq.get(5), ['deadline', 'deadlineRaw']]]);
    expect(diff?.changed[0]?.fields.deadline).toEqual({ from: '2022-06', to: '2022-10' });
    expect(diff?.removed.map((r) => [r.seq, r.id, r.reportCount])).toEqual([[4, idsBySeq.get(4), 1]]);
    // Every task of the seed but the removed 4 and the changed 5.
    expect(diff?.unchanged).toBe(SEED_TASKS - 2);

    const stale = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, { added: [123] });
    expect([stale.status, stale.body.code]).toEqual([409, 'IMPORT_CHANGE_UNKNOWN']);
    const refused = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, { added: [122], changed: [5], removed: [4] });
    expect([refused.status, refused.body.code, refused.body.details?.tasks?.map((x) => x.seq)]).toEqual([409, 'IMPORT_TASK_HAS_REPORTS', [4]]);
    const db = t.database.db;
    expect(await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId))).toHaveLength(SEED_TASKS);

    const applied = await send<Applied>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, { added: [122], changed: [5], removed: [4], force: true });
    expect(applied.status).toBe(200);
    expect(applied.body.changed).toEqual([{ seq: 5, taskId: idsBySeq.get(5) }]);
    expect(applied.body.removed).toEqual([{ seq: 4, taskId: idsBySeq.get(4) }]);

    const after = await db.select({ id: tasks.id, seq: tasks.seq, deadline: tasks.deadline, dueOn: tasks.dueOn }).from(tasks).where(eq(tasks.planId, planId));
    expect(after).toHaveLength(SEED_TASKS - 1 + 1); // one removed, one added
    const bySeq = new Map(after.map((r) => [r.seq, r]));
    for (const seq of [1, 2, 3, 5, 6, 100, 121]) expect([seq, bySeq.get(seq)?.id]).toEqual([seq, idsBySeq.get(seq)]);
    expect(bySeq.get(5)).toMatchObject({ deadline: '2022-10', dueOn: '2022-10-31' });
    expect(bySeq.has(4)).toBe(false);
    expect(bySeq.get(122)?.id).toBe(applied.body.added[0]?.taskId);
    const reports = await db.select({ taskId: progressReports.taskId }).from(progressReports);
    expect(reports.map((r) => r.taskId)).toEqual([idsBySeq.get(1)]);
    expect(await db.select().from(taskLights).where(eq(taskLights.taskId, idsBySeq.get(5) ?? 0))).toHaveLength(1);
    const audits = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog)
      .where(inArray(auditLog.action, ['task.reimport_add', 'task.reimport_change', 'task.reimport_remove']));
    expect(audits.map((a) => a.action).sort()).toEqual(['task.reimport_add', 'task.reimport_change', 'task.reimport_remove']);
    const again = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, {});
    expect(again.body.code).toBe('IMPORT_NOT_DRAFT');
  });

  it('refuses an addition whose number is still taken, and a plain import cannot be applied', async () => {
    // The stored plan now has task 122 (体验官); the next revision inserts an unrelated task 122 and
    // moves 体验官 to 123. Adding 122 without applying that renumbering would reuse a taken number.
    const seed = seedFile('001');
    const inserted = '\t\t122.全面推行涉企违法行为轻微免罚清单制度，首次轻微违法依法不予处罚。\t2022年12月\t\t';
    const lines = seed.bytes.toString('utf8').split('\n')
      .flatMap((l) => (l.startsWith('\t\t121.') ? [l, inserted, NEW_TASK.replace('122.', '123.')] : [l]));
    const view = (await upload(t.app, office, 'revised-2.txt', Buffer.from(lines.join('\n')), `&targetPlanId=${planId}`)).json<View>();
    expect(view.diff?.added.map((a) => a.seq)).toEqual([4, 122]);
    expect(view.diff?.changed.map((c) => [c.seq, c.previousSeq])).toEqual([[5, 5], [123, 122]]);
    expect(view.diff?.removed).toEqual([]);
    const collide = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, { added: [122] });
    expect([collide.status, collide.body.code, collide.body.details?.seqs]).toEqual([409, 'IMPORT_SEQ_CONFLICT', [122]]);
    const applied = await send<Applied>(t.app, 'POST', `/api/imports/${view.id}/apply`, office, { added: [122], changed: [123] });
    expect(applied.status).toBe(200);
    const moved = await t.database.db.select({ id: tasks.id, seq: tasks.seq, text: tasks.text }).from(tasks)
      .where(and(eq(tasks.planId, planId), inArray(tasks.seq, [122, 123])));
    const bySeq = new Map(moved.map((m) => [m.seq, m]));
    expect(bySeq.get(122)?.text).toContain('轻微免罚');
    expect(bySeq.get(123)?.id).toBe(view.diff?.changed[1]?.taskId);
    const plain = (await upload(t.app, office, seed.fileName, seed.bytes)).json<View>();
    expect((await send<Err>(t.app, 'POST', `/api/imports/${plain.id}/apply`, office, {})).body.code).toBe('IMPORT_NO_TARGET_PLAN');
  });
});
