/**
 * Test support for the year-in-the-life test: the problems (cases) the test drives and the figures
 * every case surface must show, recomputed from the raw steps alone with the rules written out
 * here — not through src/domain/cases — so a surface or a model that drifts from them fails.
 *
 * The rules: a case's reply is due N working days after 交办 (咨询/求助 3, 投诉/建议 13, 整改 20);
 * an approved 延期 moves it; 不满意 reopens the case with a new deadline N working days after the
 * 回访. A case is 办结 on the day the office accepted a reply (cleared by a later 不满意); overdue on
 * a day when not 办结 and its deadline is before it. 按期办结率 = 办结 by the deadline / 办结;
 * 满意率 = latest 回访 满意 or 基本满意 / cases visited; 退回率 = returned at least once / replied;
 * 重复诉求 = an earlier case (by found day, then order) of the same enterprise and category.
 * Rates are percentages to one decimal, null when nothing counts. The case light: done when 办结,
 * red when overdue, yellow within 2 working days of the deadline or once returned, else green.
 * A task with a linked case overdue or 不满意 (until a later accepted reply) is one light worse.
 */
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';

type Kind = 'consult' | 'help' | 'complaint' | 'suggestion' | 'rectify';
const WORKDAYS: Record<Kind, number> = { consult: 3, help: 3, complaint: 13, suggestion: 13, rectify: 20 };

export type CaseStepRecord =
  | { day: string; step: 'reply' | 'return' | 'accept' }
  | { day: string; step: 'visit'; satisfaction: 'satisfied' | 'basic' | 'dissatisfied' }
  | { day: string; step: 'extension'; newDueOn: string };

export interface LedgerCase {
  key: string; title: string; source: string; refNo: string; kind: Kind; unit: string; county: string; enterprise: string | null; category: string;
  foundOn: string; assignedOn: string; task: string | null; steps: CaseStepRecord[];
}

export interface LedgerRates { total: number; overdue: number; repeated: number; onTimeRate: number | null; satisfactionRate: number | null; returnRate: number | null }

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

export class CaseLedger {
  readonly cases: LedgerCase[] = [];

  constructor(readonly calendar: WorkCalendar) {}

  /** The case as its steps up to `day` leave it. */
  state(c: LedgerCase, day: string): { dueOn: string; finishedOn: string | null; returns: number; replied: boolean; satisfaction: string | null; dissatisfied: boolean } {
    let dueOn = this.calendar.addWorkdays(c.assignedOn, WORKDAYS[c.kind]);
    let finishedOn: string | null = null;
    let returns = 0;
    let replied = false;
    let satisfaction: string | null = null;
    let dissatisfied = false;
    for (const s of c.steps.filter((x) => x.day <= day)) {
      if (s.step === 'reply') replied = true;
      if (s.step === 'return') returns++;
      if (s.step === 'accept') { finishedOn = s.day; dissatisfied = false; }
      if (s.step === 'extension') dueOn = s.newDueOn;
      if (s.step === 'visit') {
        satisfaction = s.satisfaction;
        if (s.satisfaction === 'dissatisfied') { dissatisfied = true; finishedOn = null; dueOn = this.calendar.addWorkdays(s.day, WORKDAYS[c.kind]); }
      }
    }
    return { dueOn, finishedOn, returns, replied, satisfaction, dissatisfied };
  }

  overdue(c: LedgerCase, day: string, known = day): boolean {
    const s = this.state(c, known);
    return s.dueOn < day && (s.finishedOn === null || s.finishedOn > day);
  }

  light(c: LedgerCase, day: string): 'green' | 'yellow' | 'red' | 'done' {
    const s = this.state(c, day);
    if (s.finishedOn !== null) return 'done';
    if (s.dueOn < day) return 'red';
    if (this.calendar.workdaysBetween(day, s.dueOn) <= 2 || s.returns > 0) return 'yellow';
    return 'green';
  }

  /** Whether the task's linked cases weigh on its light on `day` (steps up to `cutoff`, rows as known on `known`). */
  presses(task: string, day: string, cutoff = day, known = day): boolean {
    return this.cases.some((c) => c.task === task && c.foundOn <= cutoff && (this.overdue(c, day, known) || this.state(c, cutoff).dissatisfied));
  }

  private repeatedKeys(): Set<string> {
    const seen = new Set<string>();
    const out = new Set<string>();
    // Cases are kept in the order they were registered: ties of the found day go by that order.
    for (const c of [...this.cases].sort((a, b) => a.foundOn.localeCompare(b.foundOn))) {
      if (!c.enterprise) continue;
      const k = `${c.enterprise}|${c.category}`;
      if (seen.has(k)) out.add(c.key);
      seen.add(k);
    }
    return out;
  }

  rates(of: LedgerCase[], day: string): LedgerRates {
    const repeated = this.repeatedKeys();
    const states = of.map((c) => this.state(c, day));
    const finished = states.filter((s) => s.finishedOn !== null);
    const visited = states.filter((s) => s.satisfaction !== null);
    const replied = states.filter((s) => s.replied);
    return {
      total: of.length, overdue: of.filter((c) => this.overdue(c, day)).length, repeated: of.filter((c) => repeated.has(c.key)).length,
      onTimeRate: ratio(finished.filter((s) => s.finishedOn! <= s.dueOn).length, finished.length),
      satisfactionRate: ratio(visited.filter((s) => s.satisfaction !== 'dissatisfied').length, visited.length),
      returnRate: ratio(replied.filter((s) => s.returns > 0).length, replied.length),
    };
  }

  /** The rates on `day` of the cases found by then, in all and grouped by a field. */
  grouped(day: string, by: 'unit' | 'county' | 'source'): Record<string, LedgerRates> {
    const known = this.cases.filter((c) => c.foundOn <= day);
    const names = [...new Set(known.map((c) => c[by]))].sort();
    return Object.fromEntries(names.map((n) => [n, this.rates(known.filter((c) => c[by] === n), day)]));
  }

  /**
   * The 通报曝光 of a month's notice made on `today`: cases found by the month's end that are overdue
   * the day after it (deadline and 办结 as known today), 回访 不满意 within the month, and returns
   * within the month (with their count). As "title｜reason" lines, sorted.
   */
  exposure(month: { start: string; end: string }, today: string): string[] {
    const after = nextDay(month.end);
    const lines: string[] = [];
    for (const c of this.cases.filter((x) => x.foundOn <= month.end)) {
      const s = this.state(c, today);
      if (s.dueOn < after && (s.finishedOn === null || s.finishedOn > after)) lines.push(`${c.title}｜超期未办结 ${this.calendar.workdaysBetween(s.dueOn, after)} 个工作日`);
      const inMonth = c.steps.filter((x) => x.day >= month.start && x.day <= month.end);
      if (inMonth.some((x) => x.step === 'visit' && x.satisfaction === 'dissatisfied')) lines.push(`${c.title}｜企业回访不满意`);
      const returns = inMonth.filter((x) => x.step === 'return').length;
      if (returns) lines.push(`${c.title}｜退回重办 ${returns} 次`);
    }
    return lines.sort();
  }
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
