/**
 * A year in the life of one fresh plan, driven through the HTTP API under the injectable clock:
 * the office imports a six-task plan on 10 January 2024 (day dates, a quarter, a month without a
 * year, 长期坚持 and no deadline at all); units report every month — on time, late (补报), or not
 * at all; a responsible unit's report is returned and filed again before the lead consolidates it;
 * the office returns a lead report (its evidence stays with version 2); extensions are granted and
 * refused; the office urges; tasks finish early, late and on an extended deadline. At chosen dates
 * every surface — the 预警 board, the dashboard, the monthly notice's stated counts and red list,
 * the unit assessment — is checked against the figures recomputed from the raw events in
 * testing/year-ledger.ts. Problems (cases) run alongside (testing/year-cases.ts): on time, overdue
 * and urged, returned, 不满意 and reopened, extended; their rates by unit, county and source, their
 * lights, the linked tasks' lights and the notice's 通报曝光 are checked against testing/case-ledger.ts.
 * Any one surface that disagrees fails the test.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../domain/supervision/work-calendar.ts';
import { auditLog, taskUnits, tasks, units } from '../db/schema.ts';
import { notifications, reportAttachments } from '../db/supervision-schema.ts';
import { runReminders } from './use-cases/supervision/reminders.ts';
import { upload } from './testing/imports.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from './testing/test-app.ts';
import { monthByKey, YearLedger, type LedgerReport } from './testing/year-ledger.ts';
import { CaseLedger } from './testing/case-ledger.ts';
import { checkCases, exposureLines, scheduleCases } from './testing/year-cases.ts';

const PLAN = `# 邵阳市2024年营商环境攻坚任务清单

## 一、政务环境

（1）推进企业开办全程网办，开办时间压缩至1个工作日。（牵头单位：市市场监管局；责任单位：市税务局。时间节点：2024年3月）

（2）推行惠企政策“免申即享”。（牵头单位：市税务局。时间节点：2024年6月30日）

（3）完成市场主体登记系统升级。（牵头单位：市市场监管局。时间节点：2024年二季度）

（4）开展涉企检查专项清理。（牵头单位：市市场监管局。时间节点：6月底前）

（5）持续改进窗口服务作风。（牵头单位：市市场监管局。时间节点：长期坚持）

（6）编制营商环境政策汇编。（牵头单位：市税务局）
`;

const calendar = new WorkCalendar();
const CHECKS = ['2024-01-20', '2024-02-20', '2024-03-15', '2024-04-10', '2024-05-10', '2024-06-20', '2024-06-30', '2024-07-08', '2024-08-12', '2024-09-01', '2024-09-15', '2024-09-30', '2024-10-15', '2024-12-20', '2025-01-10'];
const LOGIN: Record<string, string> = { office: 'office-shaoyang', scjg: 'unit-scjg', tax: 'unit-sy-tax', head: 'head-scjg' };
const UNIT_NAME: Record<string, string> = { scjg: '市市场监管局', tax: '市税务局' };

interface Report { id: number; state: string; version: number; consolidates: number[]; attachments: { fileName: string }[] }
interface Paragraph { kind: 'paragraph'; runs: { text: string }[] }
interface Table { kind: 'table'; caption?: string; rows: string[][] }
type Block = Paragraph | Table | { kind: string };

describe.each(databaseKinds())('a year in the life of one plan on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  const cookies: Record<string, string> = {};
  const taskId: Record<string, number> = {};
  const ledger = new YearLedger('2024-01-10', 2024, calendar);
  const caseLedger = new CaseLedger(calendar);
  ledger.pressure = (key, day, cutoff, known) => caseLedger.presses(key, day, cutoff, known);
  const events: { day: string; order: number; run: () => Promise<void> }[] = [];
  const failures: string[] = [];

  const at = (day: string, hour = '09:00') => { t.clock.now = new Date(`${day}T${hour}:00+08:00`); };
  const today = () => new Date(t.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  async function call<T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status?: number): Promise<T> {
    const res = await t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });
    if (status !== undefined ? res.statusCode !== status : res.statusCode >= 300) throw new Error(`${today()} ${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json<T>() : undefined) as T;
  }
  const on = (day: string, run: () => Promise<void>, order = 0) => events.push({ day, order, run });

  /** The lead unit files its report for a period (accepted by the office the same day unless told). */
  function leadReport(task: string, unit: string, period: string, day: string, status = 'in_progress', review: 'accept' | 'none' = 'accept') {
    on(day, async () => {
      const r = await call<Report>(unit, 'POST', `/api/tasks/${taskId[task]}/reports`, { period, status, percent: status === 'done' ? 100 : 50, workDone: `${period}推进情况`, submit: true });
      const entry: LedgerReport = { task, unit: UNIT_NAME[unit]!, period, role: 'lead', submittedOn: day, status, state: 'submitted' };
      ledger.reports.push(entry);
      if (review === 'accept') {
        await call('office', 'POST', `/api/reports/${r.id}/review`, { decision: 'accept' });
        entry.state = 'accepted';
      }
    });
  }
  function complete(task: string, day: string) {
    on(day, async () => {
      await call('office', 'POST', `/api/tasks/${taskId[task]}/completion`, { accept: true, comment: '同意办结' }, 204);
      const done = ledger.reports.filter((r) => r.task === task && r.role === 'lead' && r.state === 'accepted' && r.status === 'done').at(-1);
      ledger.completions.push({ task, doneOn: done!.submittedOn, reviewedOn: day });
    }, 1);
  }

  function schedule() {
    const months = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2024-${m}`);
    const fileDay = (period: string) => calendar.addWorkdays(monthByKey(period).end, 1);
    // T1: finished early. The responsible unit's report is returned and filed again; the lead's
    // draft still names version 1 and carries evidence; the office returns it once, then accepts.
    on('2024-03-01', async () => {
      const v1 = await call<Report>('tax', 'POST', `/api/tasks/${taskId.t1}/reports`, { period: '2024-02', status: 'in_progress', percent: 80, workDone: '完成税务登记对接', submit: true });
      const draft = await call<Report>('scjg', 'POST', `/api/tasks/${taskId.t1}/reports`, { period: '2024-02', status: 'done', percent: 100, workDone: '全程网办已上线，开办时间1个工作日', consolidates: [v1.id] });
      await call('scjg', 'POST', `/api/reports/${v1.id}/review`, { decision: 'return', comment: '请补充数据' });
      const v2 = await call<Report>('tax', 'POST', `/api/tasks/${taskId.t1}/reports`, { period: '2024-02', status: 'in_progress', percent: 90, workDone: '完成税务登记对接，附数据', submit: true });
      const file = await t.app.inject({ method: 'POST', url: `/api/reports/${draft.id}/attachments?fileName=${encodeURIComponent('上线通知.pdf')}`, payload: Buffer.from('%PDF-1.4 evidence'), headers: { cookie: cookies.scjg!, 'content-type': 'application/octet-stream' } });
      expect(file.statusCode).toBe(201);
      const submitted = await call<Report>('scjg', 'POST', `/api/reports/${draft.id}/submit`, {});
      // Consolidation after a returned and resubmitted member report takes its new version.
      expect(submitted.consolidates).toEqual([v2.id]);
      ledger.reports.push({ task: 't1', unit: '市税务局', period: '2024-02', role: 'responsible', submittedOn: '2024-03-01', status: 'in_progress', state: 'returned' },
        { task: 't1', unit: '市税务局', period: '2024-02', role: 'responsible', submittedOn: '2024-03-01', status: 'in_progress', state: 'submitted' });
      ledger.reports.push({ task: 't1', unit: '市市场监管局', period: '2024-02', role: 'lead', submittedOn: '2024-03-01', status: 'done', state: 'submitted' });
    });
    on('2024-03-05', async () => {
      const list = await call<{ items: Report[] }>('office', 'GET', `/api/tasks/${taskId.t1}/reports`);
      const lead = list.items.find((r) => r.state === 'submitted' && r.attachments.length > 0);
      await call('office', 'POST', `/api/reports/${lead!.id}/review`, { decision: 'return', comment: '请补充验收意见' });
      ledger.reports.find((r) => r.task === 't1' && r.role === 'lead')!.state = 'returned';
      const v2 = await call<Report>('scjg', 'POST', `/api/tasks/${taskId.t1}/reports`, { period: '2024-02', status: 'done', percent: 100, workDone: '全程网办已上线，附验收意见', consolidates: lead!.consolidates, submit: true });
      // The returned report's evidence stays with version 2.
      expect([v2.version, (await call<{ items: Report[] }>('office', 'GET', `/api/tasks/${taskId.t1}/reports`)).items.find((r) => r.id === v2.id)?.attachments.map((a) => a.fileName)]).toEqual([2, ['上线通知.pdf']]);
      await call('office', 'POST', `/api/reports/${v2.id}/review`, { decision: 'accept' });
      ledger.reports.push({ task: 't1', unit: '市市场监管局', period: '2024-02', role: 'lead', submittedOn: '2024-03-05', status: 'done', state: 'accepted' });
    });
    complete('t1', '2024-03-12');
    // T2: finished late — June's 已完成 report is filed on 10 July, after the deadline and late.
    for (const p of months.slice(0, 4)) leadReport('t2', 'tax', p, fileDay(p));
    leadReport('t2', 'tax', '2024-06', '2024-07-10', 'done');
    complete('t2', '2024-07-15');
    // T3: extension to 30 September granted; done on the extended deadline's side.
    for (const p of months.slice(0, 6)) leadReport('t3', 'scjg', p, fileDay(p));
    leadReport('t3', 'scjg', '2024-08', fileDay('2024-08'), 'done');
    complete('t3', '2024-09-10');
    extension('t3', '2024-06-10', '2024-09-30', true);
    // T4: extension refused, urged, never finished.
    for (const p of months) leadReport('t4', 'scjg', p, fileDay(p));
    extension('t4', '2024-06-20', '2024-08-31', false);
    on('2024-07-05', async () => {
      const [link] = await t.database.db.select({ unitId: taskUnits.unitId }).from(taskUnits).where(and(eq(taskUnits.taskId, taskId.t4!), eq(taskUnits.role, 'lead')));
      await call('office', 'POST', `/api/tasks/${taskId.t4}/urges`, { kind: 'reminder', unitId: link!.unitId, message: '请加快推进涉企检查清理' }, 201);
    });
    // T5: ongoing, reported every month.
    for (const p of months) leadReport('t5', 'scjg', p, fileDay(p));
    // T6: no deadline; April's report filed late (补报), July's never.
    for (const p of months) if (p !== '2024-04' && p !== '2024-07') leadReport('t6', 'tax', p, fileDay(p));
    leadReport('t6', 'tax', '2024-04', '2024-05-20');
    // 补报: the office sees April's report came in late, March's on time.
    on('2024-05-20', async () => {
      const list = await call<{ items: (Report & { period: string; filedLate: boolean; reportDueOn: string })[] }>('office', 'GET', `/api/tasks/${taskId.t6}/reports`);
      expect(list.items.filter((r) => ['2024-03', '2024-04'].includes(r.period)).map((r) => [r.period, r.filedLate, r.reportDueOn]))
        .toEqual([['2024-04', true, ledger.reportDue('2024-04')], ['2024-03', false, ledger.reportDue('2024-03')]]);
    }, 1);
    // After the approved extension, the task page shows the extended deadline, and the unit may ask
    // again from it although the plan's own deadline (30 June) has passed; the refused one may not.
    on('2024-07-02', async () => {
      const t3 = await call<{ supervision: { dueOn: string; plannedDueOn: string; extended: boolean }; permissions: { requestExtension: boolean } }>('scjg', 'GET', `/api/tasks/${taskId.t3}`);
      expect([t3.supervision, t3.permissions.requestExtension]).toEqual([expect.objectContaining({ dueOn: '2024-09-30', plannedDueOn: '2024-06-30', extended: true }), true]);
      const t4 = await call<{ supervision: { overdue: boolean }; permissions: { requestExtension: boolean } }>('scjg', 'GET', `/api/tasks/${taskId.t4}`);
      expect([t4.supervision.overdue, t4.permissions.requestExtension]).toEqual([true, false]);
    });
    on('2024-12-31', async () => {
      const t5 = await call<{ supervision: { ongoing: boolean; overdue: boolean; dueOn: string | null } }>('scjg', 'GET', `/api/tasks/${taskId.t5}`);
      expect(t5.supervision).toMatchObject({ ongoing: true, overdue: false, dueOn: null });
    });
    // The office widens its 临期 window to 30 days from August: every surface follows the plan's rule.
    on('2024-08-01', async () => {
      const settings = await call<Record<string, unknown>>('office', 'GET', `/api/plans/${planId}/supervision`);
      await call('office', 'PUT', `/api/plans/${planId}/supervision`, { ...settings, yellowWithinDays: 30 });
      ledger.yellowWithinDays = 30;
    });
    scheduleCases({ database: t.database, planId: () => planId, taskId, call, on }, caseLedger);
    for (const day of CHECKS) on(day, () => checkEverySurface(day), 2);
  }

  function extension(task: string, day: string, newDueOn: string, approve: boolean) {
    on(day, async () => {
      const req = await call<{ id: number }>('scjg', 'POST', `/api/tasks/${taskId[task]}/extension-requests`, { reason: '系统供应商排期延后', proposedDueOn: newDueOn, progress: '已完成70%' }, 201);
      await call('head', 'POST', `/api/extension-requests/${req.id}/confirm`, {});
      await call('office', 'POST', `/api/extension-requests/${req.id}/decision`, approve ? { approve: true, newDueOn } : { approve: false, comment: '不符合延期条件' });
      if (approve) ledger.extensions.push({ task, newDueOn, decidedOn: day });
    });
  }

  async function checkEverySurface(day: string) {
    at(day, '18:00');
    const agree = (surface: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.push(`${day} ${surface}: shows ${JSON.stringify(actual)}, events say ${JSON.stringify(expected)}`);
    };
    await checkCases({ database: t.database, planId: () => planId, taskId, call, on }, caseLedger, day, agree);
    const keys = ledger.tasks.map((x) => x.key);
    const board = await call<{ tasks: { taskId: number; light: string }[] }>('office', 'GET', `/api/plans/${planId}/lights`);
    agree('预警 board lights', keys.map((k) => board.tasks.find((b) => b.taskId === taskId[k])?.light), keys.map((k) => ledger.light(k, day)));
    const stats = await call<{ overdue: number; nearDue: number; dueThisMonth: number }>('office', 'GET', `/api/stats?plan=${planId}`);
    agree('dashboard', { overdue: stats.overdue, nearDue: stats.nearDue, dueThisMonth: stats.dueThisMonth }, ledger.stats(day));
    const month = monthByKey(day.slice(0, 7));
    const last = monthByKey(new Date(Date.parse(`${month.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7));
    if (last.start >= '2024-01-01') {
      const doc = await call<{ model: { blocks: Block[] } }>('office', 'POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: last.key }, 201);
      agree(`月通报 ${last.key}`, noticeFigures(doc.model.blocks), ledger.notice(last.key, day));
      agree(`月通报 ${last.key} 通报曝光`, exposureLines(doc.model.blocks), caseLedger.exposure(last, day));
      const assessment = await call<{ units: { unit: string; onTimeReportRate: number; completionRate: number; overdueTasks: number }[] }>('office', 'GET', `/api/plans/${planId}/unit-assessment?period=${last.key}`);
      const expected = ledger.unitFigures(last.key, day);
      agree(`unit assessment ${last.key}`, Object.fromEntries(assessment.units.map((u) => [u.unit, { onTimeReportRate: round(u.onTimeReportRate), completionRate: round(u.completionRate), overdueTasks: u.overdueTasks }]).sort()),
        Object.fromEntries(Object.entries(expected).map(([u, f]) => [u, { onTimeReportRate: round(f.onTimeReportRate), completionRate: round(f.completionRate), overdueTasks: f.overdueTasks }]).sort()));
    }
  }

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    for (const [who, login] of Object.entries(LOGIN)) cookies[who] = await signIn(t.app, login);
    at('2024-01-10');
    const draft = await upload(t.app, cookies.office!, '攻坚任务清单.md', PLAN);
    expect(draft.status).toBe(201);
    const view = draft.json<{ id: number; warnings: { message: string }[] }>();
    // The month without a year is read in the plan's year and marked for review, quoting the text.
    expect(view.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('6月底前'));
    const commit = await call<{ planId: number }>('office', 'POST', `/api/imports/${view.id}/commit`, {}, 201);
    planId = commit.planId;
    const rows = await t.database.db.select().from(tasks).where(eq(tasks.planId, planId));
    for (const r of rows) taskId[`t${r.seq}`] = r.id;
    const links = await t.database.db.select({ taskId: taskUnits.taskId, role: taskUnits.role, name: units.name }).from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId));
    for (const r of rows.sort((a, b) => a.seq - b.seq)) {
      const mine = links.filter((l) => l.taskId === r.id);
      ledger.tasks.push({
        key: `t${r.seq}`, seq: r.seq, plannedDueOn: r.dueOn, ongoing: r.deadline === 'ongoing',
        lead: mine.find((l) => l.role === 'lead')!.name, responsible: mine.filter((l) => l.role === 'responsible').map((l) => l.name),
      });
    }
    expect(rows.sort((a, b) => a.seq - b.seq).map((r) => [r.deadlineRaw, r.dueOn])).toEqual([
      ['2024年3月', '2024-03-31'], ['2024年6月30日', '2024-06-30'], ['2024年二季度', '2024-06-30'], ['6月底前', '2024-06-30'], ['长期坚持', null], [null, null],
    ]);
    schedule();
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  it('shows the same figures on every surface as the raw events, all year', async () => {
    // No report is owed, and nobody reminded, for January: the plan came in on 10 January.
    expect(await runReminders(t.database.db, '2024-02-02', calendar)).toEqual([]);
    const inbox = await t.database.db.select({ title: notifications.title }).from(notifications);
    expect(inbox.filter((n) => n.title.includes('2024年1月'))).toEqual([]);
    events.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
    for (const e of events) {
      at(e.day);
      await e.run();
    }
    expect(failures).toEqual([]);
    // Everything was stamped by the injectable clock, not the machine's: the import's audit row,
    // the inbox messages and the evidence file all carry simulated 2024 times.
    const [imported] = await t.database.db.select({ at: auditLog.at }).from(auditLog).where(and(eq(auditLog.action, 'plan.import'), eq(auditLog.entityId, String(planId))));
    expect(imported?.at.toISOString().slice(0, 10)).toBe('2024-01-10');
    const stamped = await t.database.db.select({ at: notifications.createdAt }).from(notifications).where(like(notifications.body, `%任务 _（2024-%`));
    const files = await t.database.db.select({ at: reportAttachments.createdAt }).from(reportAttachments).where(eq(reportAttachments.fileName, '上线通知.pdf'));
    expect(stamped.length).toBeGreaterThan(10);
    expect([...stamped, ...files].map((r) => r.at.getUTCFullYear()).filter((y) => y !== 2024)).toEqual([]);
    // The year really happened: red, done and on-time figures all appeared along the way.
    expect(ledger.notice('2024-07', '2024-08-12')).toMatchObject({ due: 3, doneDue: 2, onTime: 1, overdue: 1 });
    expect(ledger.light('t4', '2024-07-08')).toBe('red');
    // T6 is yellow on its own (July's report missing) and one worse for its overdue linked problem.
    expect([ledger.light('t6', '2024-08-12'), caseLedger.presses('t6', '2024-08-12')]).toEqual(['red', true]);
    // The cases' year happened too: a return and a 不满意 exposed in May, an overdue case in August.
    expect(caseLedger.exposure(monthByKey('2024-05'), '2024-06-20')).toEqual(['企业开办材料反复退回｜企业回访不满意', '企业开办材料反复退回｜退回重办 1 次']);
    expect(caseLedger.exposure(monthByKey('2024-08'), '2024-09-15')).toEqual([expect.stringMatching(/^窗口人员推诿｜超期未办结 \d+ 个工作日$/)]);
    expect(caseLedger.rates(caseLedger.cases, '2025-01-10')).toMatchObject({ total: 7, repeated: 1, overdue: 0 });
  }, 120_000);
});

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The counts a monthly notice states in its overview paragraph, and the seqs of its red list. */
function noticeFigures(blocks: Block[]): { total: number; due: number; doneDue: number; onTime: number; overdue: number; yellow: number; redSeqs: number[] } {
  const text = blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((b) => b.runs.map((r) => r.text).join('')).find((s) => s.includes('已到期')) ?? '';
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  // The red list is an attachment (附件N, its title, its table) or, in older layouts, a captioned table.
  const titleAt = blocks.findIndex((b) => b.kind === 'title' && ((b as unknown as { text: string }).text).includes('逾期未办结'));
  const red = (titleAt >= 0 ? blocks.slice(titleAt + 1).find((b): b is Table => b.kind === 'table') : undefined)
    ?? blocks.find((b): b is Table => b.kind === 'table' && ((b as Table).caption ?? '').includes('逾期未办结'));
  return {
    total: n(/(\d+)项任务中/), due: n(/已到期(\d+)项/), doneDue: n(/已办结(\d+)项，完成率/), onTime: n(/按时办结(\d+)项/), overdue: n(/逾期未办结（红灯）(\d+)项/), yellow: n(/（黄灯）(\d+)项/),
    redSeqs: (red?.rows ?? []).map((r) => Number(r[0])).sort((a, b) => a - b),
  };
}
