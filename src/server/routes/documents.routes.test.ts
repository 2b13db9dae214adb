import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays, chinaDate, WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { assessmentIndicatorRanks, assessmentPlaceRanks, assessmentRounds } from '../../db/assessment-schema.ts';
import { indicators, plans, regions, tasks, units, users } from '../../db/schema.ts';
import { parseDocument } from '../../ingest/index.ts';
import { inspectDocx } from '../../reports/__fixtures__/docx-inspect.ts';
import type { ReportDocument } from '../../reports/index.ts';
import { sofficePath } from '../use-cases/documents/pdf.ts';
import { recordPlanLights } from '../use-cases/supervision/lights.ts';
import { progressReports } from '../../db/supervision-schema.ts';
import { planProgress } from '../use-cases/documents/task-progress.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Doc { id: number; status: string; number: string | null; title: string; kind: string; model: ReportDocument; html: string; hasPdf: boolean; permissions: { edit: boolean }; notes: string[] }
interface ErrorBody { code: string; message: string }

const modelText = (m: ReportDocument): string => JSON.stringify(m.blocks);

describe.each(databaseKinds())('documents from the database on %s', (kind) => {
  let t: TestApp;
  let planId: number;
  let yongzhouId: number;
  const cookies: Record<string, string> = {};
  const taskId: Record<number, number> = {};
  const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };
  const bytes = async (who: string, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
    return { status: res.statusCode, body: res.rawPayload, type: res.headers['content-type'] };
  };

  beforeAll(async () => {
    // PDFs are converted only where a test looks at them: LibreOffice costs seconds per file.
    process.env.SOFFICE_PATH = 'off';
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const db = t.database.db;
    planId = (await db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
    yongzhouId = (await db.select().from(plans).where(eq(plans.year, 2022)))[0]!.id;
    for (const seq of [1, 3, 5]) taskId[seq] = (await db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, seq))))[0]!.id;
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['unit', 'unit-scjg'], ['yongzhou', 'office-yongzhou'], ['hunan', 'office-hunan']] as const) {
      cookies[who] = await signIn(t.app, login);
    }
    // May's lights are kept for the trend; then 市市场监管局 reports tasks 1 and 5 done and the office accepts them.
    await recordPlanLights(db, planId, '2023-05-15', new WorkCalendar());
    at('2023-06-20');
    for (const seq of [1, 5]) {
      const filed = await send('unit', 'POST', `/api/tasks/${taskId[seq]}/reports`, {
        period: '2023-06', status: 'done', percent: 100, workDone: '已全面完成', highlight: seq === 1 ? '企业开办实现全流程一日办结' : null, submit: true,
      });
      expect(filed.statusCode).toBe(201);
      expect((await send('office', 'POST', `/api/reports/${filed.json<{ id: number }>().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
      expect((await send('office', 'POST', `/api/tasks/${taskId[seq]}/completion`, { accept: true })).statusCode).toBe(204);
    }
    const scjg = (await db.select().from(units).where(eq(units.name, '市市场监管局')))[0]!.id;
    expect((await send('office', 'POST', `/api/tasks/${taskId[3]}/urges`, { kind: 'order', unitId: scjg, message: '请于期限内完成系统对接并书面回复', replyBy: '2023-06-30' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    delete process.env.SOFFICE_PATH;
    await t.close();
  });

  it('drafts a 月通报 with the month\'s rates, edits it, issues it with a number and freezes it', async () => {
    at('2023-07-03');
    const created = await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' });
    expect(created.statusCode).toBe(201);
    const draft = created.json<Doc>();
    expect(draft).toMatchObject({ status: 'draft', number: null, kind: 'monthly-notice', permissions: { edit: true } });
    // Of the tasks due by 30 June, task 1 was accepted on time and task 5 (due April) late.
    const due = (await t.database.db.select().from(tasks).where(eq(tasks.planId, planId))).filter((x) => x.dueOn !== null && x.dueOn <= '2023-06-30').length;
    const pct = (n: number) => `${(Math.round((n / due) * 1000) / 10).toFixed(1)}%`;
    const rates = `已到期${due}项，已办结2项，完成率${pct(2)}；其中按时办结1项，按时完成率${pct(1)}`;
    expect(modelText(draft.model)).toContain(rates);
    // The preview's markup splits the title between words and wraps figures in no-wrap spans.
    expect(draft.html.replace(/<[^>]+>/g, '')).toContain('关于2023年6月全市优化营商环境重点任务推进情况的通报');
    const trend = draft.model.blocks.find((b) => b.kind === 'chart' && b.chart.type === 'line');
    // Month by month from the plan's start (never before it); nothing was done before June, so those months read 0.
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.id, planId));
    const start = plan!.issuedOn ?? '2023-01-01';
    const months = ['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31'].filter((end) => end >= start);
    expect(trend?.kind === 'chart' ? trend.chart.categories : []).toEqual([...months.map((m) => `${Number(m.slice(5, 7))}月`), '6月']);
    const dueBy = async (end: string) => (await t.database.db.select().from(tasks).where(eq(tasks.planId, planId))).filter((x) => x.dueOn !== null && x.dueOn <= end).length;
    const zeros = await Promise.all(months.map(async (m) => ((await dueBy(m)) > 0 ? 0 : null)));
    expect(trend?.kind === 'chart' ? trend.chart.series[0]?.values : []).toEqual([...zeros, Math.round((2 / due) * 1000) / 10]);

    const edited: ReportDocument = { ...draft.model, blocks: [...draft.model.blocks] };
    const at0 = edited.blocks.findIndex((b) => b.kind === 'paragraph');
    edited.blocks[at0] = { kind: 'paragraph', indent: true, runs: [{ text: '经市优化办研究，现将6月重点任务推进情况通报如下：' }] };
    const put = await send('office', 'PUT', `/api/documents/${draft.id}`, { model: edited });
    expect(put.statusCode).toBe(200);
    expect(put.json<Doc>().html).toContain('经市优化办研究');
    expect((await send('office', 'PUT', `/api/documents/${draft.id}`, { model: { ...edited, blocks: [] } })).json<ErrorBody>().code).toBe('REPORT_DOCUMENT_INVALID');
    expect((await send('office', 'PUT', `/api/documents/${draft.id}`, { model: { ...edited, kind: 'commendation' } })).json<ErrorBody>().code).toBe('REPORT_DOCUMENT_INVALID');

    at('2023-07-05');
    const issued = await send('office', 'POST', `/api/documents/${draft.id}/issue`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json<Doc>()).toMatchObject({ status: 'issued', number: '邵优化通〔2023〕1号', permissions: { edit: false } });
    const docx = await bytes('leader', `/api/documents/${draft.id}/docx`);
    expect(docx.status).toBe(200);
    const parts = await inspectDocx(new Uint8Array(docx.body));
    const all = parts.paragraphs.map((p) => p.text).join('\n');
    for (const s of ['邵优化通〔2023〕1号', '2023年6月', '邵阳市2023年营商环境创优提质行动实施方案', rates, '经市优化办研究']) expect(all).toContain(s);
    // Dated by its period (the month's last day), not by the day it was drafted or issued.
    expect(draft.model.date).toBe('2023-06-30');
    expect(parts.paragraphs.map((p) => p.text)).toContain('2023年6月30日');
    expect(all).not.toContain('2023年7月5日');

    // Frozen: edits, regeneration and a second issue are refused; a new draft leaves it alone.
    expect((await send('office', 'PUT', `/api/documents/${draft.id}`, { model: edited })).statusCode).toBe(409);
    expect((await send('office', 'POST', `/api/documents/${draft.id}/regenerate`)).json<ErrorBody>().code).toBe('DOCUMENT_ALREADY_ISSUED');
    expect((await send('office', 'POST', `/api/documents/${draft.id}/issue`)).statusCode).toBe(409);
    expect((await send('office', 'DELETE', `/api/documents/${draft.id}`)).statusCode).toBe(409);
    at('2023-07-06');
    const again = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' })).json<Doc>();
    expect((await send('office', 'POST', `/api/documents/${again.id}/regenerate`)).statusCode).toBe(200);
    expect(Buffer.compare((await bytes('office', `/api/documents/${draft.id}/docx`)).body, docx.body)).toBe(0);
    const second = (await send('office', 'POST', `/api/documents/${again.id}/issue`)).json<Doc>();
    expect(second.number).toBe('邵优化通〔2023〕2号');
    // A date chosen for the draft is printed and kept through regeneration and issue.
    const chosen = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06', date: '2023-07-04' })).json<Doc>();
    expect(chosen.model.blocks.find((b) => b.kind === 'signature')).toMatchObject({ date: '2023-07-04' });
    expect((await send('office', 'POST', `/api/documents/${chosen.id}/regenerate`)).json<Doc>().model.date).toBe('2023-07-04');
    const chosenIssued = (await send('office', 'POST', `/api/documents/${chosen.id}/issue`)).json<Doc>();
    expect(chosenIssued.model.blocks.find((b) => b.kind === 'record')).toMatchObject({ printed: { on: '2023-07-04' } });
    expect((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06', date: '2023/07/04' })).statusCode).toBe(400);
    const list = (await getJson<{ items: { id: number; status: string }[] }>(t.app, `/api/plans/${planId}/documents`, cookies.leader!)).body.items;
    expect(list.map((d) => d.id).sort()).toEqual([draft.id, again.id, chosen.id].sort());
  });

  it('archives a PDF when LibreOffice is installed, and says so when it is not', async () => {
    at('2023-07-10');
    const draft = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'quarterly-summary', period: '2023-Q2' })).json<Doc>();
    expect(draft.title).toBe('全市优化营商环境重点任务2023年第二季度工作小结');
    delete process.env.SOFFICE_PATH;
    const canConvert = kind === 'pglite' && sofficePath() !== null;
    process.env.SOFFICE_PATH = canConvert ? '' : 'off';
    try {
      const issued = (await send('office', 'POST', `/api/documents/${draft.id}/issue`)).json<Doc>();
      expect(issued.hasPdf).toBe(canConvert);
      // The list says the same without loading the archived files.
      const list = JSON.parse((await bytes('office', `/api/plans/${planId}/documents`)).body.toString('utf8')) as { items: Doc[] };
      const listed = list.items.find((d) => d.id === draft.id);
      expect(listed?.hasPdf).toBe(canConvert);
      const pdf = await bytes('office', `/api/documents/${draft.id}/pdf`);
      if (canConvert) expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      else expect(pdf.status).toBe(409);
    } finally {
      process.env.SOFFICE_PATH = 'off';
    }
  }, 120_000);

  it('builds the 工作专报 from highlights and practice notes, numbered by 期', async () => {
    const shuangqing = (await t.database.db.select().from(regions).where(eq(regions.name, '双清区')))[0]!.id;
    const note = await send('office', 'POST', `/api/plans/${planId}/practice-notes`, { period: '2023-06', group: 'county', regionId: shuangqing, text: '推行“企业开办+N”套餐服务。' });
    expect(note.statusCode).toBe(201);
    await send('office', 'POST', `/api/plans/${planId}/practice-notes`, { period: '2023-06', group: 'tactic', text: '以清单化管理推动任务落地。' });
    expect((await send('leader', 'POST', `/api/plans/${planId}/practice-notes`, { period: '2023-06', group: 'tactic', text: 'x' })).statusCode).toBe(403);
    expect((await getJson(t.app, `/api/plans/${planId}/practice-notes`, cookies.unit!)).status).toBe(404);
    const notes = (await getJson<{ items: { id: number; region: { name: string } | null }[] }>(t.app, `/api/plans/${planId}/practice-notes?period=2023-06`, cookies.leader!)).body.items;
    expect(notes[0]?.region?.name).toBe('双清区');

    const draft = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'work-bulletin', period: '2023-06' })).json<Doc>();
    const text = modelText(draft.model);
    for (const s of ['【战斗动态】', '双清区：', '推行“企业开办+N”套餐服务', '市市场监管局：', '企业开办实现全流程一日办结', '【战术借鉴】', '第　期']) expect(text).toContain(s);
    // 战略安排 has no data: it is there, flagged for the office, and the draft cannot be issued so.
    expect(text).toContain('【战略安排】');
    expect(text).toContain('【待补充】2023年6月没有录入的领导批示：请填写党委、政府');
    // The draft tells the office what is left to write, above the editor.
    expect(draft.notes).toEqual([expect.stringMatching(/^2023年6月没有录入的领导批示：请填写党委、政府/)]);
    expect(text).toContain('本期编发1条县市区工作动态、1条市直部门工作动态、1条外地经验做法');
    expect(text).not.toContain('暂无');
    const refused = await send('office', 'POST', `/api/documents/${draft.id}/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>()).toMatchObject({ code: 'DOCUMENT_INCOMPLETE', message: expect.stringContaining('1处【待补充】') as unknown });
    const written: ReportDocument = {
      ...draft.model,
      blocks: draft.model.blocks.map((b) => (b.kind === 'paragraph' && b.runs.some((r) => r.text.startsWith('【待补充】')) ? { ...b, runs: [{ text: '市委常委会专题研究部署优化营商环境工作。' }] } : b)),
    };
    expect((await send('office', 'PUT', `/api/documents/${draft.id}`, { model: written })).statusCode).toBe(200);
    const issued = (await send('office', 'POST', `/api/documents/${draft.id}/issue`)).json<Doc>();
    expect(issued.number).toBe('2023年第1期');
    expect(modelText(issued.model)).toContain('"issueLabel":"第1期"');
    expect(issued.title).toContain('（第1期）');
  });

  it('prints a 督办单 with its order\'s number and a 表彰通报 from the results given', async () => {
    const order = await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'supervision-order', period: '2023-06' });
    expect(order.statusCode).toBe(201);
    const orderDoc = order.json<Doc>();
    expect(orderDoc.model.blocks[0]).toMatchObject({ kind: 'redHeader', docNumber: '邵优化督〔2023〕1号' });
    const orderText = modelText(orderDoc.model);
    expect(orderText).toContain('请于期限内完成系统对接并书面回复');
    // Chinese dates in the text, the reply date once, 抄送 to an organ (not the leader by name).
    expect(orderText).toMatch(/截至2023年\d{1,2}月\d{1,2}日/);
    expect(orderText).not.toMatch(/截至\d{4}-/);
    expect(orderText.match(/书面报送/g)).toHaveLength(1);
    expect(orderText).toContain('"label":"抄送","text":"邵阳市人民政府办公室。"');
    expect((await send('office', 'POST', `/api/documents/${orderDoc.id}/issue`)).json<Doc>().number).toBe('邵优化督〔2023〕1号');
    expect((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'supervision-order', period: '2023-05' })).json<ErrorBody>().code).toBe('DOCUMENT_DATA_MISSING');

    // An indicator with no overdue task on the report date (its lead unit is nobody's worst laggard).
    const progress = await planProgress(t.database.db, planId, addDays(chinaDate(t.clock.now), -1), new WorkCalendar(), chinaDate(t.clock.now));
    const clean = (await t.database.db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(indicators.seq))
      .find((i) => !progress.tasks.some((x) => x.indicatorSeq === i.seq && x.overdue))!;
    const results = { indicators: [{ seq: clean.seq, rank: 2 }, { seq: 2, rank: 12 }], places: [{ name: '邵东市', kind: 'county', rank: 3 }, { name: '新邵县', kind: 'county', rank: 40 }] };
    const praise = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'commendation', period: '2023', results })).json<Doc>();
    const text = modelText(praise.model);
    expect(text).toContain(`${clean.name}指标`);
    expect(text).toContain('邵东市（排名第三）');
    expect(text).not.toContain('新邵县');
    expect((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'commendation', period: '2023' })).json<ErrorBody>().code).toBe('DOCUMENT_DATA_MISSING');

    // Once the period's assessment round is entered, the results come from it.
    const db = t.database.db;
    const [round] = await db.insert(assessmentRounds).values({ planId, title: '2023年度省营商环境评价', period: '2023', fieldSizes: { indicator: 14, county: 86, district: 36, park: 134 } }).returning();
    const [wugang] = await db.select().from(regions).where(eq(regions.name, '武冈市'));
    await db.insert(assessmentIndicatorRanks).values({ roundId: round!.id, indicatorId: clean.id, rank: 3 });
    await db.insert(assessmentPlaceRanks).values({ roundId: round!.id, regionId: wugang!.id, kind: 'county', rank: 5 });
    const fromRound = modelText((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'commendation', period: '2023' })).json<Doc>().model);
    expect(fromRound).toContain(`${clean.name}指标`);
    expect(fromRound).toContain('武冈市（排名第五）');
  });

  it('commends no indicator\'s worst laggard, explains the place groups and flags units without practices', async () => {
    const db = t.database.db;
    const inds = await db.select().from(indicators).where(eq(indicators.planId, planId));
    const [round] = await db.insert(assessmentRounds).values({ planId, title: '2023年度省营商环境评价（复核）', period: '2023', fieldSizes: { indicator: 14, county: 86, district: 36, park: 134 } }).returning();
    await db.insert(assessmentIndicatorRanks).values(inds.map((i) => ({ roundId: round!.id, indicatorId: i.id, rank: 1 })));
    const [shuangqing] = await db.select().from(regions).where(eq(regions.name, '双清区'));
    const [wugang] = await db.select().from(regions).where(eq(regions.name, '武冈市'));
    await db.insert(assessmentPlaceRanks).values([{ roundId: round!.id, regionId: wugang!.id, kind: 'county', rank: 2 }, { roundId: round!.id, regionId: shuangqing!.id, kind: 'district', rank: 1 }]);
    const doc = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'commendation', period: '2023' })).json<Doc>().model;
    const lines = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : b.kind === 'heading' ? [b.number + b.text] : []));
    // The overdue tasks per indicator and lead unit on the report date, counted here from the supervision model.
    const asOf = addDays(chinaDate(t.clock.now), -1);
    const progress = await planProgress(db, planId, asOf, new WorkCalendar(), chinaDate(t.clock.now));
    let checked = 0;
    let dropped = 0;
    for (const ind of inds) {
      const red: Record<string, number> = {};
      for (const task of progress.tasks) if (task.indicatorSeq === ind.seq && task.overdue) for (const u of task.leadUnits) red[u] = (red[u] ?? 0) + 1;
      const top = Math.max(0, ...Object.values(red));
      const worst = Object.keys(red).filter((u) => top > 0 && red[u] === top);
      const at = lines.findIndex((l) => l.replace(/^（[一二三四五六七八九十]+）/, '') === `${ind.name}指标`);
      if (ind.leadUnits.every((u) => worst.includes(u))) {
        expect(at).toBe(-1);
        dropped += 1;
        continue;
      }
      const award = lines[at + 1] ?? '';
      for (const u of worst) expect(award).not.toMatch(new RegExp(`[：、]${u}[、；。]`));
      checked += worst.length;
    }
    expect(checked + dropped).toBeGreaterThan(0);
    expect(lines.filter((l) => /^（[一二三四五六七八九十]+）.+指标$/.test(l)).length).toBe(inds.length - dropped);
    const note = lines.findIndex((l) => l.startsWith('省营商环境评价对县（市）、区分组评价、分别排名（参评县（市）组86个、区组36个）'));
    expect(note).toBeGreaterThan(-1);
    expect(lines.slice(note + 1, note + 5)).toEqual(['（一）县（市）', '武冈市（排名第二）', '（二）区', '双清区（排名第一）']);
    // 双清区's June note (the 工作专报 test) is its practice; 武冈市 has none and is flagged for the office.
    expect(lines.some((l) => /^[一二三四五六七八九十]+、双清区。推行“企业开办\+N”套餐服务。$/.test(l))).toBe(true);
    expect(lines.some((l) => /^[一二三四五六七八九十]+、武冈市。【待补充】武冈市在2023年尚无录入的典型经验做法/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('三、【待补充】'))).toBe(true);
  });

  it('checks periods against kinds and keeps units out, leaders read-only', async () => {
    expect((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'dekad-brief', period: '2023-06' })).json<ErrorBody>().code).toBe('PERIOD_INVALID');
    const brief = await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'dekad-brief', period: '2023-06-2' });
    expect(brief.json<Doc>().title).toBe('邵阳市优化营商环境工作简报（第　期）');
    const id = brief.json<Doc>().id;
    expect((await send('leader', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' })).statusCode).toBe(403);
    expect((await send('leader', 'PUT', `/api/documents/${id}`, { model: brief.json<Doc>().model })).statusCode).toBe(403);
    expect((await send('leader', 'POST', `/api/documents/${id}/issue`)).statusCode).toBe(403);
    expect((await getJson(t.app, `/api/documents/${id}`, cookies.leader!)).status).toBe(200);
    expect((await send('unit', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' })).statusCode).toBe(404);
    expect((await getJson(t.app, `/api/documents/${id}`, cookies.unit!)).status).toBe(404);
    expect((await bytes('unit', `/api/documents/${id}/docx`)).status).toBe(404);
    expect((await getJson(t.app, `/api/documents/${id}`, cookies.yongzhou!)).status).toBe(404);
    expect((await send('office', 'DELETE', `/api/documents/${id}`)).statusCode).toBe(204);
  });

  it('carries the period\'s 领导批示 and what was done into the 月通报 and the 工作专报\'s 战略安排', async () => {
    at('2023-06-21');
    const written = await send('leader', 'POST', '/api/instructions', { targetKind: 'task', targetId: taskId[3], text: '请市场监管局本月底前拿出具体措施' });
    expect(written.statusCode).toBe(201);
    at('2023-06-26');
    expect((await send('unit', 'POST', `/api/instructions/${written.json<{ id: number }>().id}/answer`, { text: '已制定方案，7月25日前完成' })).statusCode).toBe(204);
    const [leader] = await t.database.db.select().from(users).where(eq(users.login, 'leader-shaoyang'));
    const said = `2023年6月21日，${leader!.displayName}对第3项任务批示：“请市场监管局本月底前拿出具体措施”。`;
    at('2023-07-03');
    const notice = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' })).json<Doc>().model;
    const lines = notice.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : b.kind === 'heading' ? [b.number + b.text] : []));
    const head = lines.findIndex((l) => /^[一二三四五六七]、领导批示落实情况$/.test(l));
    expect(head).toBeGreaterThan(-1);
    expect(lines[head + 1]).toBe(`${said}市市场监管局2023年6月26日报告：已制定方案，7月25日前完成。`);
    // May has no instruction: no such section.
    const may = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-05' })).json<Doc>().model;
    expect(modelText(may)).not.toContain('领导批示落实情况');
    const bulletin = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'work-bulletin', period: '2023-06' })).json<Doc>();
    const strategy = modelText(bulletin.model);
    expect(strategy).toContain(said);
    expect(strategy).not.toContain('没有录入的领导批示');
    // The first half compares with the year before's second half, and carries the instruction too.
    const half = modelText((await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'half-year-review', period: '2023-H1' })).json<Doc>().model);
    expect(half).not.toContain('较上半年');
    expect(half).toContain(said);
  });

  it('fills 战斗动态 from the period\'s accepted reports when nobody marked a highlight', async () => {
    const db = t.database.db;
    at('2023-05-26');
    const filed = await send('unit', 'POST', `/api/tasks/${taskId[3]}/reports`, { period: '2023-05', status: 'in_progress', percent: 60, workDone: '完成登记系统与税务系统对接测试', submit: true });
    expect(filed.statusCode).toBe(201);
    expect((await send('office', 'POST', `/api/reports/${filed.json<{ id: number }>().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    const rows = await db.select({ unit: units.name, kind: units.kind, workDone: progressReports.workDone, seq: tasks.seq, version: progressReports.version })
      .from(progressReports).innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(units, eq(units.id, progressReports.unitId))
      .where(and(eq(tasks.planId, planId), eq(progressReports.period, '2023-05'), eq(progressReports.state, 'accepted'), eq(progressReports.role, 'lead')));
    rows.sort((a, b) => a.seq - b.seq || a.version - b.version);
    const first = rows.find((r) => r.kind !== 'government' && r.workDone.trim() !== '');
    expect(first).toBeDefined();
    const bulletin = (await send('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'work-bulletin', period: '2023-05' })).json<Doc>();
    const lines = bulletin.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(lines).toContain(`${first!.unit}：${first!.workDone.trim()}`);
    expect(lines.join('')).not.toContain('市直部门未报送工作动态');
  });

  it('exports the responsibility table in the plan\'s layout, read back to the same tasks', async () => {
    const ten = await bytes('office', `/api/plans/${planId}/responsibility-table.xlsx`);
    expect(ten.type).toContain('spreadsheetml');
    const draft = await parseDocument({ bytes: new Uint8Array(ten.body), fileName: '责任分工表.xlsx' });
    const stored = await t.database.db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.seq);
    expect(draft.tasks.map((x) => [x.seq, x.text, x.deadline_raw ?? null])).toEqual(stored.map((x) => [x.seq, x.text, x.deadlineRaw]));
    const six = await bytes('hunan', `/api/plans/${yongzhouId}/responsibility-table.xlsx`);
    const yz = await parseDocument({ bytes: new Uint8Array(six.body), fileName: '重点任务.xlsx' });
    expect(yz.tasks).toHaveLength(121);
    expect((await bytes('unit', `/api/plans/${planId}/responsibility-table.xlsx?layout=six`)).status).toBe(404);
  });
});
