/**
 * The problems (cases) of the year-in-the-life test: registered, 交办, answered, returned,
 * extended, 回访 (one 不满意, reopened) and urged through the HTTP API on their days, each step
 * also written to the case ledger; and the check of every surface that shows case figures — the
 * statistics (by unit, county, source), the case lights, the linked tasks' lights (through the
 * year ledger's pressure hook) and the 通报曝光 section of the monthly notice.
 */
import { inArray } from 'drizzle-orm';
import { regions, units } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';
import type { CaseLedger, CaseStepRecord, LedgerCase, LedgerRates } from './case-ledger.ts';

export interface YearCaseContext {
  database: Database;
  planId: () => number;
  taskId: Record<string, number>;
  call: <T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status?: number) => Promise<T>;
  on: (day: string, run: () => Promise<void>, order?: number) => void;
}

type Step = { day: string; who: string; url: (id: number) => string; body: object; record?: CaseStepRecord };
interface Spec extends Omit<LedgerCase, 'steps' | 'assignedOn'> { who: string; unitName: string; steps: Step[] }

const UNIT: Record<string, string> = { scjg: '市市场监管局', tax: '市税务局' };
const ENTERPRISE_A = '邵东市宏达建材有限公司';

/** One case: registered and 交办 on its found day, then its steps. */
function spec(key: string, s: Omit<Spec, 'key' | 'unitName' | 'steps' | 'unit'>, steps: Step[]): Spec {
  return { key, unitName: UNIT[s.who]!, unit: UNIT[s.who]!, ...s, steps };
}

const sign = (day: string, who: string): Step => ({ day, who, url: (id) => `/api/cases/${id}/sign`, body: {} });
const reply = (day: string, who: string): Step => ({ day, who, url: (id) => `/api/cases/${id}/reply`, body: { text: '已整改到位' }, record: { day, step: 'reply' } });
const ret = (day: string): Step => ({ day, who: 'office', url: (id) => `/api/cases/${id}/review`, body: { accept: false, comment: '未提供佐证材料' }, record: { day, step: 'return' } });
const accept = (day: string): Step => ({ day, who: 'office', url: (id) => `/api/cases/${id}/review`, body: { accept: true }, record: { day, step: 'accept' } });
const visit = (day: string, satisfaction: 'satisfied' | 'basic' | 'dissatisfied'): Step => ({ day, who: 'office', url: (id) => `/api/cases/${id}/visit`, body: { satisfaction }, record: { day, step: 'visit', satisfaction } });
const close = (day: string): Step => ({ day, who: 'office', url: (id) => `/api/cases/${id}/close`, body: {} });
const urge = (day: string): Step => ({ day, who: 'office', url: (id) => `/api/cases/${id}/urge`, body: { kind: 'reminder', message: '请抓紧办理' } });
const extend = (day: string, who: string, newDueOn: string): Step[] => [
  { day, who, url: (id) => `/api/cases/${id}/extension`, body: { proposedDueOn: newDueOn, reason: '需协调省级系统' } },
  { day, who: 'office', url: (id) => `/api/cases/${id}/extension/decision`, body: { approve: true }, record: { day, step: 'extension', newDueOn } },
];

/** The year's cases: on time, overdue, returned, 不满意 and reopened, extended, unlinked, repeated. */
const CASES: Spec[] = [
  spec('c1', { title: '企业开办需多次跑窗口', source: '12345政企通', refNo: 'Y-001', kind: 'consult', who: 'scjg', county: '邵东市', enterprise: ENTERPRISE_A, category: '企业开办', foundOn: '2024-03-04', task: 't5' },
    [sign('2024-03-04', 'scjg'), reply('2024-03-06', 'scjg'), accept('2024-03-07'), visit('2024-03-08', 'satisfied'), close('2024-03-11')]),
  spec('c2', { title: '窗口未一次性告知', source: '专项督查', refNo: 'Y-002', kind: 'rectify', who: 'scjg', county: '隆回县', enterprise: null, category: '政务服务', foundOn: '2024-04-08', task: 't5' },
    [sign('2024-04-09', 'scjg'), urge('2024-05-13'), reply('2024-05-20', 'scjg'), accept('2024-05-21'), close('2024-05-22')]),
  spec('c3', { title: '企业开办材料反复退回', source: '12345政企通', refNo: 'Y-003', kind: 'complaint', who: 'tax', county: '邵东市', enterprise: ENTERPRISE_A, category: '企业开办', foundOn: '2024-05-06', task: 't6' },
    [sign('2024-05-06', 'tax'), reply('2024-05-15', 'tax'), ret('2024-05-16'), reply('2024-05-20', 'tax'), accept('2024-05-21'), visit('2024-05-22', 'dissatisfied'),
      reply('2024-06-05', 'tax'), accept('2024-06-06'), visit('2024-06-07', 'basic'), close('2024-06-11')]),
  spec('c4', { title: '留抵退税审核慢', source: '企业座谈/走访', refNo: 'Y-004', kind: 'suggestion', who: 'tax', county: '新邵县', enterprise: '新邵县资江食品有限公司', category: '纳税服务', foundOn: '2024-06-03', task: 't2' },
    [sign('2024-06-03', 'tax'), ...extend('2024-06-12', 'tax', '2024-07-15'), reply('2024-07-10', 'tax'), accept('2024-07-11'), visit('2024-07-12', 'satisfied')]),
  spec('c5', { title: '窗口人员推诿', source: '明察暗访', refNo: 'Y-005', kind: 'rectify', who: 'scjg', county: '双清区', enterprise: null, category: '政务服务', foundOn: '2024-08-01', task: null },
    [sign('2024-08-02', 'scjg'), urge('2024-09-02'), reply('2024-10-08', 'scjg'), accept('2024-10-09')]),
  spec('c6', { title: '涉企检查重复', source: '12345政企通', refNo: 'Y-006', kind: 'help', who: 'scjg', county: '邵东市', enterprise: '邵东市湘旺机械制造有限公司', category: '涉企检查', foundOn: '2024-09-02', task: 't4' },
    [sign('2024-09-02', 'scjg'), reply('2024-09-09', 'scjg'), accept('2024-09-10'), visit('2024-09-11', 'satisfied'), close('2024-09-12')]),
  spec('c7', { title: '政策汇编未公开', source: '营商环境监督员', refNo: 'Y-007', kind: 'complaint', who: 'tax', county: '新邵县', enterprise: null, category: '政务服务', foundOn: '2024-07-15', task: 't6' },
    [sign('2024-07-16', 'tax'), reply('2024-08-20', 'tax'), accept('2024-08-21'), close('2024-08-22')]),
];

const SOURCE_KEY: Record<string, string> = { '12345政企通': 'hotline', '专项督查': 'inspection', '企业座谈/走访': 'forum', '明察暗访': 'mystery', '营商环境监督员': 'monitor' };
const KIND_WORDS = (c: Spec) => ({ source: SOURCE_KEY[c.source], refNo: c.refNo, kind: c.kind, title: c.title, finding: `${c.title}，请核查`, foundOn: c.foundOn, enterpriseName: c.enterprise, category: c.category });

/** Puts the cases' steps on the year's calendar (before the day's checks) and writes them to the ledger as they happen. */
export function scheduleCases(ctx: YearCaseContext, ledger: CaseLedger): void {
  const ids: Record<string, number> = {};
  for (const c of CASES) {
    const entry: LedgerCase = { ...c, assignedOn: c.foundOn, steps: [] };
    ledger.cases.push(entry);
    ctx.on(c.foundOn, async () => {
      const [unit] = await ctx.database.db.select({ id: units.id }).from(units).where(inArray(units.name, [c.unitName]));
      const [place] = await ctx.database.db.select({ id: regions.id }).from(regions).where(inArray(regions.name, [c.county]));
      const made = await ctx.call<{ case: { id: number } }>('office', 'POST', '/api/cases', { ...KIND_WORDS(c), planId: ctx.planId(), placeRegionId: place!.id, leadUnitId: unit!.id }, 201);
      ids[c.key] = made.case.id;
      if (c.task) await ctx.call('office', 'PUT', `/api/cases/${made.case.id}/links`, { taskIds: [ctx.taskId[c.task]], indicatorId: null });
    });
    c.steps.forEach((s, i) => ctx.on(s.day, async () => {
      await ctx.call(s.who, 'POST', s.url(ids[c.key]!), s.body);
      if (s.record) entry.steps.push(s.record);
    }, i === 0 && s.day === c.foundOn ? 0.5 : 0.6));
  }
}

interface RateView { name: string; total: number; overdue: number; repeated: number; onTimeRate: number | null; satisfactionRate: number | null; returnRate: number | null }
const pick = (r: RateView | LedgerRates) => ({ total: r.total, overdue: r.overdue, repeated: r.repeated, onTimeRate: r.onTimeRate, satisfactionRate: r.satisfactionRate, returnRate: r.returnRate });

/** Every case surface on `day` against the ledger; `agree` records a disagreement. */
export async function checkCases(ctx: YearCaseContext, ledger: CaseLedger, day: string, agree: (surface: string, actual: unknown, expected: unknown) => void): Promise<void> {
  const stats = await ctx.call<{ all: RateView; byUnit: RateView[]; byCounty: RateView[]; bySource: RateView[] }>('office', 'GET', `/api/cases/stats?planId=${ctx.planId()}`);
  const byName = (list: RateView[]) => Object.fromEntries(list.map((g): [string, ReturnType<typeof pick>] => [g.name, pick(g)]).sort());
  const known = ledger.cases.filter((c) => c.foundOn <= day);
  agree('case rates', pick(stats.all), pick(ledger.rates(known, day)));
  const groups: [string, RateView[], 'unit' | 'county' | 'source'][] = [['case rates by unit', stats.byUnit, 'unit'], ['case rates by county', stats.byCounty, 'county'], ['case rates by source', stats.bySource, 'source']];
  for (const [surface, list, by] of groups) {
    const expected: [string, ReturnType<typeof pick>][] = Object.entries(ledger.grouped(day, by)).map(([k, v]) => [k, pick(v)]);
    agree(surface, byName(list), Object.fromEntries(expected.sort()));
  }
  const pool = await ctx.call<{ items: { title: string; light: string }[] }>('office', 'GET', `/api/cases?planId=${ctx.planId()}&pageSize=200`);
  agree('case lights', Object.fromEntries(pool.items.map((c) => [c.title, c.light]).sort()), Object.fromEntries(known.map((c) => [c.title, ledger.light(c, day)]).sort()));
}

/** The 通报曝光 lines of a notice's blocks: "title｜reason" per row of its list, sorted. */
export function exposureLines(blocks: { kind: string; caption?: string; rows?: string[][] }[]): string[] {
  const table = blocks.find((b) => b.kind === 'table' && b.caption === '通报曝光问题清单');
  return (table?.rows ?? []).map((r) => `${(r[1] ?? '').split('：').slice(1).join('：')}｜${r[4] ?? ''}`).sort();
}
