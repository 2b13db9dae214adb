// One draft schema (issue 18): a draft the office saves must be one the review screen can show.
// Before, the commit-time validator had its own shape and let through fields the review schema
// refuses, so the save succeeded and every later view of the import failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, upload } from '../testing/imports.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface View { id: number; draft: { tasks: Record<string, unknown>[]; warnings?: unknown[] }; problem: unknown }
interface Err { code: string; message: string; details?: { path?: string } }

const PLAN = `# 邵阳市2023年营商环境补充任务清单

## 一、政务环境

（1）推进不动产登记“一窗办理”，一般登记办理时间压缩至3个工作日以内。（责任单位：市自然资源和规划局。时间节点：2023年3月）

（2）推行惠企政策“免申即享”，兑现时间不超过10个工作日。（责任单位：市税务局。时间节点：2023年6月）
`;

describe.each(databaseKinds())('saving an edited draft on %s', (kind) => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-shaoyang');
  });
  afterAll(async () => { await t.close(); });

  it('refuses a field the review screen cannot show, naming it, and the import stays viewable', async () => {
    const uploaded = await upload(t.app, office, 'supplement.md', PLAN);
    expect(uploaded.status).toBe(201);
    const view = uploaded.json<View>();
    const cases: [(d: View['draft']) => void, string, RegExp][] = [
      [(d) => { d.tasks[0] = { ...d.tasks[0], indicator: 7 }; }, 'tasks.0.indicator', /^第1项任务的“一级指标”不正确：/],
      [(d) => { d.warnings = [{ ref: { line: 3 } }]; }, 'warnings.0.message', /^第1条提示的“内容”不正确：/],
    ];
    for (const [edit, path, message] of cases) {
      const draft = structuredClone(view.draft);
      edit(draft);
      const res = await send<Err>(t.app, 'PUT', `/api/imports/${view.id}/draft`, office, draft);
      expect([res.status, res.body.code, res.body.details?.path]).toEqual([400, 'PLAN_DRAFT_INVALID', path]);
      expect(res.body.message).toMatch(message);
      const again = await getJson<View>(t.app, `/api/imports/${view.id}`, office);
      expect([again.status, again.body.draft.tasks[0]?.text]).toEqual([200, view.draft.tasks[0]?.text]);
    }
  });
});
