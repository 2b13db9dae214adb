/**
 * A batch 督办单 (one record per unit, covering several of its tasks) printed as a document: the
 * title names every covered task and the body states each one, not only the first. Expected texts
 * come from the tasks' own API records, not from the document code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../reports/index.ts';
import { demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Unreported { units: { unitId: number; name: string; taskIds: number[] }[] }
interface Batch { items: { urgeId: number; unitId: number; number: string; taskIds: number[] }[] }
interface TaskView { id: number; seq: number; text: string }

/** Every text run of the document's paragraphs and headings, in order. */
function texts(model: ReportDocument): string[] {
  return model.blocks.flatMap((b) => ('runs' in b && Array.isArray(b.runs) ? [b.runs.map((r: { text: string }) => r.text).join('')] : []));
}

describe('a batch 督办单 as a document (pglite)', () => {
  let t: TestApp;
  let office = '';
  beforeAll(async () => {
    process.env.SOFFICE_PATH = 'off';
    t = await demoApp('pglite');
    office = await signIn(t.app, 'office-shaoyang');
  }, 120_000);
  afterAll(async () => { await t.close(); });

  it('states every task the order covers, in plan order', async () => {
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', office)).body.items;
    const plan = plans.find((p) => p.title.startsWith('邵阳市'));
    expect(plan).toBeDefined();
    const list = (await getJson<Unreported>(t.app, `/api/plans/${plan!.id}/unreported-units`, office)).body;
    const unit = list.units.find((u) => u.taskIds.length >= 3);
    expect(unit, 'a unit with three or more unreported tasks').toBeDefined();
    const batch = await t.app.inject({
      method: 'POST', url: '/api/supervision/batch-urges', headers: { cookie: office },
      payload: { planId: plan!.id, kind: 'order', unitIds: [unit!.unitId], message: '请逐项说明进展', replyBy: '2023-06-30' },
    });
    expect(batch.statusCode).toBe(201);
    const [order] = batch.json<Batch>().items;
    expect(order?.taskIds.length).toBe(unit!.taskIds.length);

    const res = await t.app.inject({
      method: 'POST', url: `/api/plans/${plan!.id}/documents`, headers: { cookie: office },
      payload: { kind: 'supervision-order', period: '2023-06', orderId: order!.urgeId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<{ title: string; model: ReportDocument }>();
    const covered = await Promise.all(order!.taskIds.map(async (id) => (await getJson<TaskView>(t.app, `/api/tasks/${id}`, office)).body));
    const bySeq = [...covered].sort((a, b) => a.seq - b.seq);
    expect(doc.title).toContain(`第${bySeq.map((x) => x.seq).join('、')}项任务`);
    const body = texts(doc.model);
    // One paragraph per task, in plan order, each quoting the task's text.
    const stated = bySeq.map((x) => body.findIndex((p) => p.includes(`第${x.seq}项任务（`) && p.includes(`“${x.text}”`)));
    expect(stated.every((i) => i >= 0), `paragraph of each task: ${stated.join(', ')}`).toBe(true);
    expect([...stated].sort((a, b) => a - b)).toEqual(stated);
    expect(JSON.stringify(doc.model.blocks)).toContain(order!.number);
  }, 120_000);
});
