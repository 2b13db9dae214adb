/**
 * Test support for the year-in-the-life test: the raw events the test writes (reports, reviews,
 * completions, extensions) and the figures every surface must show, recomputed from those events
 * alone with the rules written out here — deliberately not through the domain model, so a surface
 * that drifts from the rules (or a model that drifts from them) fails the test.
 *
 * The rules, as the platform states them: a task is overdue from the day after its effective
 * deadline (the extended one once approved); 临期 = not done and due within the plan's 15 days;
 * a document "for month M" counts as of the close of M's last day; the completion date is the day
 * the lead unit filed its 已完成 report that the office then confirmed; reports owed start with the
 * first period that began on or after the plan's creation; a monthly report is due on the 3rd
 * working day after the month.
 */
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';

export interface LedgerTask { key: string; seq: number; plannedDueOn: string | null; ongoing: boolean; lead: string; responsible: string[] }
export interface LedgerReport { task: string; unit: string; period: string; role: 'lead' | 'responsible'; submittedOn: string; status: string; state: 'submitted' | 'accepted' | 'returned' }
export interface LedgerCompletion { task: string; doneOn: string; reviewedOn: string }
export interface LedgerExtension { task: string; newDueOn: string; decidedOn: string }

const pad = (n: number) => String(n).padStart(2, '0');
function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function monthOf(day: string): { key: string; start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { key: `${y}-${pad(m)}`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(last)}` };
}
export const monthByKey = (key: string) => monthOf(`${key}-01`);

export class YearLedger {
  readonly tasks: LedgerTask[] = [];
  readonly reports: LedgerReport[] = [];
  readonly completions: LedgerCompletion[] = [];
  readonly extensions: LedgerExtension[] = [];

  constructor(readonly planCreatedOn: string, readonly planYear: number, readonly calendar: WorkCalendar, public yellowWithinDays = 15) {}

  /** Monthly report due date: 3rd working day after the month. */
  reportDue(periodKey: string): string {
    return this.calendar.addWorkdays(monthByKey(periodKey).end, 3);
  }

  private task(key: string): LedgerTask {
    const t = this.tasks.find((x) => x.key === key);
    if (!t) throw new Error(`no task ${key}`);
    return t;
  }

  /** Effective due date known on `day` (an extension counts once decided). */
  dueOn(key: string, day: string): string | null {
    const t = this.task(key);
    if (t.ongoing) return null;
    const ext = this.extensions.filter((e) => e.task === key && e.decidedOn <= day).at(-1);
    return ext?.newDueOn ?? t.plannedDueOn;
  }

  /** Completion date if the office confirmed it by `reviewedBy` and it is dated by `cutoff`. */
  completedOn(key: string, reviewedBy: string, cutoff: string): string | null {
    const c = this.completions.find((x) => x.task === key);
    return c && c.reviewedOn <= reviewedBy && c.doneOn <= cutoff ? c.doneOn : null;
  }

  private leadReportsBy(key: string, day: string): LedgerReport[] {
    return this.reports.filter((r) => r.task === key && r.role === 'lead' && r.submittedOn <= day);
  }

  /**
   * The 预警 board on `day`: each task's light. A document "as of the close of A" generated on
   * `known` asks for day A + 1 with the events up to A (`cutoff`) and what is known on `known`
   * (completion reviews, extension decisions).
   */
  light(key: string, day: string, cutoff = day, known = day): 'green' | 'yellow' | 'red' | 'done' {
    const own = this.ownLight(key, day, cutoff, known);
    // Linked problems overdue or 不满意 make a task's light one worse (the plan's default rule).
    if (own === 'done' || !this.pressure?.(key, day, cutoff, known)) return own;
    return own === 'green' ? 'yellow' : 'red';
  }

  /** Whether linked problems weigh on a task (set by a test that drives cases, see case-ledger.ts). */
  pressure: ((key: string, day: string, cutoff: string, known: string) => boolean) | null = null;

  private ownLight(key: string, day: string, cutoff: string, known: string): 'green' | 'yellow' | 'red' | 'done' {
    const t = this.task(key);
    if (this.completedOn(key, known, cutoff) !== null) return 'done';
    const due = this.dueOn(key, known);
    const lead = this.leadReportsBy(key, cutoff);
    let returnsInRow = 0;
    for (const r of lead) returnsInRow = r.state === 'returned' ? returnsInRow + 1 : 0;
    if ((due !== null && due < day) || returnsInRow >= 2) return 'red';
    const lastFiled = lead.filter((r) => r.state !== 'returned').at(-1);
    if (due !== null && due <= plusDays(day, this.yellowWithinDays) && lastFiled?.status !== 'done') return 'yellow';
    const last = monthOf(plusDays(monthOf(day).start, -1));
    const owed = last.start >= this.planCreatedOn && last.start.slice(0, 4) === String(this.planYear);
    const filed = lead.some((r) => r.period === last.key && r.state !== 'returned' && r.unit === t.lead);
    if (owed && day > this.reportDue(last.key) && !filed) return 'yellow';
    return 'green';
  }

  /** The dashboard for one plan on `day`. */
  stats(day: string): { overdue: number; nearDue: number; dueThisMonth: number } {
    const month = monthOf(day);
    let overdue = 0; let nearDue = 0; let dueThisMonth = 0;
    for (const t of this.tasks) {
      const due = this.dueOn(t.key, day);
      const done = this.completions.some((c) => c.task === t.key && c.reviewedOn <= day);
      if (due === null) continue;
      if (due >= month.start && due <= month.end) dueThisMonth++;
      if (!done && due < day) overdue++;
      if (!done && due >= day && due <= plusDays(day, this.yellowWithinDays)) nearDue++;
    }
    return { overdue, nearDue, dueThisMonth };
  }

  /** A monthly notice for `periodKey` generated on `today`: its stated counts and its red list. */
  notice(periodKey: string, today: string): { total: number; due: number; doneDue: number; onTime: number; overdue: number; yellow: number; redSeqs: number[] } {
    const asOf = monthByKey(periodKey).end;
    let due = 0; let doneDue = 0; let onTime = 0;
    const redSeqs: number[] = [];
    for (const t of this.tasks) {
      const dueOn = this.dueOn(t.key, today);
      const done = this.completedOn(t.key, today, asOf);
      if (dueOn === null || dueOn > asOf) continue;
      due++;
      if (done !== null) { doneDue++; if (done <= dueOn) onTime++; } else redSeqs.push(t.seq);
    }
    const yellow = this.tasks.filter((t) => this.light(t.key, plusDays(asOf, 1), asOf, today) === 'yellow').length;
    return { total: this.tasks.length, due, doneDue, onTime, overdue: redSeqs.length, yellow, redSeqs };
  }

  /** Unit assessment (标准量化) for month `periodKey` on `today`: per unit, the rates and overdue count. */
  unitFigures(periodKey: string, today: string): Record<string, { onTimeReportRate: number; completionRate: number; overdueTasks: number }> {
    const m = monthByKey(periodKey);
    const asOf = today < m.end ? today : m.end;
    const reportDue = this.reportDue(periodKey);
    const out: Record<string, { owed: number; onTime: number; due: number; completed: number; overdue: number }> = {};
    for (const t of this.tasks) {
      for (const unit of new Set([t.lead, ...t.responsible])) {
        const c = (out[unit] ??= { owed: 0, onTime: 0, due: 0, completed: 0, overdue: 0 });
        const doneOn = this.completions.find((x) => x.task === t.key)?.doneOn ?? null;
        const completed = doneOn !== null && doneOn <= asOf ? doneOn : null;
        const periodOwed = m.start >= this.planCreatedOn;
        if (periodOwed && (completed === null || completed >= m.start)) {
          const first = this.reports.filter((r) => r.task === t.key && r.unit === unit && r.period === periodKey).map((r) => r.submittedOn).sort()[0];
          if (first !== undefined || reportDue < today) {
            c.owed++;
            if (first !== undefined && first <= reportDue) c.onTime++;
          }
        }
        // The plan's own deadline: extensions count on their own in the assessment.
        if (t.plannedDueOn !== null && t.plannedDueOn <= m.end) {
          c.due++;
          if (completed !== null) c.completed++;
          else if (t.plannedDueOn < asOf) c.overdue++;
        }
      }
    }
    return Object.fromEntries(Object.entries(out).map(([u, c]) => [u, {
      onTimeReportRate: c.owed === 0 ? 1 : c.onTime / c.owed, completionRate: c.due === 0 ? 1 : c.completed / c.due, overdueTasks: c.overdue,
    }]));
  }
}
