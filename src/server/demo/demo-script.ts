/**
 * The demo year as a script: for each task of a plan, what its units and the office do and when
 * (reports, returns, consolidations, urges, extensions, completions). Pure and seeded — the same
 * plan gives the same year — and replayed through the product's use cases by play-year.ts.
 * Fates are drawn so the demo day shows a believable mix: most tasks due by then are done, some
 * are overdue (urged, 督办单), some extended; recent reports wait for review.
 */
import { addDays, type WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { seededRandom, type Random } from './demo-random.ts';
import { EXTENSION_REASONS, REFUSAL_COMMENTS, RETURN_COMMENTS, URGE_MESSAGES, URGE_REPLIES, helpText, problemsText, workDoneText } from './demo-texts.ts';

export interface ScriptTask { id: number; text: string; dueOn: string | null; lead: number | null; responsible: number[] }
export interface ScriptPeriod { key: string; start: string; end: string; dueOn: string }
export interface ScriptPlan { planId: number; tasks: ScriptTask[]; periods: ScriptPeriod[]; start: string; until: string; seed: number }

export type DemoAction =
  | { kind: 'report'; taskId: number; unitId: number; period: string; status: 'in_progress' | 'done' | 'blocked'; percent: number; workDone: string; problems: string; helpNeeded: string; evidence: string | null; consolidate: boolean }
  | { kind: 'review'; taskId: number; unitId: number; period: string; accept: boolean; comment?: string }
  | { kind: 'complete'; taskId: number }
  | { kind: 'extension'; taskId: number; unitId: number; proposedDueOn: string; reason: string; progress: string }
  | { kind: 'extension-confirm'; taskId: number; unitId: number }
  | { kind: 'extension-decide'; taskId: number; approve: boolean; comment?: string }
  | { kind: 'urge'; taskId: number; unitId: number; urge: 'reminder' | 'order'; message: string; replyBy?: string }
  | { kind: 'urge-reply'; taskId: number; unitId: number; reply: string };

export interface DemoEvent { day: string; minute: number; planId: number; action: DemoAction }

type Fate = 'done' | 'extended' | 'refused' | 'overdue' | 'early' | 'pending-extension' | 'progress';

function drawFate(rng: Random, task: ScriptTask, plan: ScriptPlan): Fate {
  const r = rng.next();
  if (task.dueOn !== null && task.dueOn < plan.until) return r < 0.64 ? 'done' : r < 0.74 ? 'extended' : r < 0.8 ? 'refused' : 'overdue';
  if (r < 0.06) return 'early';
  if (task.dueOn !== null && task.dueOn > addDays(plan.until, 20) && r < 0.13) return 'pending-extension';
  return 'progress';
}

const later = (a: string, b: string): string => (a > b ? a : b);
/** The last day of the month of a date. */
function monthEnd(date: string): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

/** Builds the events of one task; `emit` collects them (not yet in date order). */
class TaskScript {
  private readonly events: DemoEvent[] = [];
  private finishOn: string | null = null;
  private dueOn: string | null;

  constructor(
    private readonly rng: Random, private readonly plan: ScriptPlan, private readonly task: ScriptTask, private readonly lead: number,
    private readonly calendar: WorkCalendar, private readonly shared: { unconfirmed: number },
  ) {
    this.dueOn = task.dueOn;
  }

  private emit(day: string, minute: number, action: DemoAction): boolean {
    if (day > this.plan.until || day < this.plan.start) return false;
    this.events.push({ day, minute, planId: this.plan.planId, action });
    return true;
  }

  private wd(day: string, n: number): string {
    return this.calendar.addWorkdays(day, n);
  }

  build(): DemoEvent[] {
    const fate = drawFate(this.rng, this.task, this.plan);
    const due = this.task.dueOn;
    if (fate === 'done' && due) this.finishOn = later(addDays(this.plan.start, 25), addDays(due, -this.rng.int(0, 45)));
    if (fate === 'early') this.finishOn = later(addDays(this.plan.start, 25), addDays(this.plan.until, -this.rng.int(15, 110)));
    if ((fate === 'extended' || fate === 'refused') && due) this.extension(due, fate === 'extended');
    if (fate === 'pending-extension' && due) this.pendingExtension(due);
    if ((fate === 'overdue' || fate === 'refused') && due) this.urges(due);
    this.reports(fate);
    return this.events;
  }

  private extension(due: string, approve: boolean): void {
    const asked = later(this.plan.start, this.wd(due, -this.rng.int(6, 12)));
    const proposed = monthEnd(addDays(due, this.rng.int(62, 100)));
    this.emit(asked, 600, { kind: 'extension', taskId: this.task.id, unitId: this.lead, proposedDueOn: proposed, reason: this.rng.pick(EXTENSION_REASONS), progress: '主体工作已完成约六成，剩余环节正在推进。' });
    const confirmed = this.wd(asked, 1);
    this.emit(confirmed, 610, { kind: 'extension-confirm', taskId: this.task.id, unitId: this.lead });
    this.emit(this.wd(confirmed, this.rng.int(1, 3)), 620, approve
      ? { kind: 'extension-decide', taskId: this.task.id, approve: true }
      : { kind: 'extension-decide', taskId: this.task.id, approve: false, comment: this.rng.pick(REFUSAL_COMMENTS) });
    if (approve) this.dueOn = proposed;
  }

  private pendingExtension(due: string): void {
    const asked = this.wd(this.plan.until, -this.rng.int(1, 6));
    this.emit(asked, 600, { kind: 'extension', taskId: this.task.id, unitId: this.lead, proposedDueOn: monthEnd(addDays(due, 75)), reason: this.rng.pick(EXTENSION_REASONS), progress: '已完成前期准备，正在推进系统建设。' });
    // The first two still wait for the unit's head; the others were confirmed and wait for the office.
    if (this.shared.unconfirmed > 0) this.shared.unconfirmed--;
    else this.emit(this.wd(asked, 1), 610, { kind: 'extension-confirm', taskId: this.task.id, unitId: this.lead });
  }

  private urges(due: string): void {
    const reminded = this.wd(due, this.rng.int(2, 4));
    this.emit(reminded, 660, { kind: 'urge', taskId: this.task.id, unitId: this.lead, urge: 'reminder', message: URGE_MESSAGES.reminder });
    const ordered = this.wd(reminded, this.rng.int(6, 12));
    const replyBy = this.wd(ordered, 5);
    if (this.emit(ordered, 670, { kind: 'urge', taskId: this.task.id, unitId: this.lead, urge: 'order', message: URGE_MESSAGES.order, replyBy })) {
      this.emit(this.wd(ordered, this.rng.int(2, 4)), 680, { kind: 'urge-reply', taskId: this.task.id, unitId: this.lead, reply: this.rng.pick(URGE_REPLIES) });
    }
  }

  private percentAt(p: ScriptPeriod, index: number): number {
    const due = this.dueOn;
    if (!due) return Math.min(90, 15 + index * 12);
    const span = Math.max(30, (Date.parse(due) - Date.parse(this.plan.start)) / 86_400_000);
    const elapsed = (Date.parse(p.end) - Date.parse(this.plan.start)) / 86_400_000;
    return Math.max(5, Math.min(95, Math.round((100 * elapsed) / span) - this.rng.int(0, 15)));
  }

  private reports(fate: Fate): void {
    const periods = this.plan.periods;
    periods.forEach((p, index) => {
      if (this.finishOn && p.start > this.finishOn) return;
      const finishing = this.finishOn !== null && this.finishOn <= p.end;
      const last = index === periods.length - 1;
      const roll = this.rng.next();
      if (!finishing && roll < (last ? 0.1 : 0.04)) {
        // Not filed: the office reminds the lead unit the day after it was due.
        this.emit(this.wd(p.dueOn, 1), 650, { kind: 'urge', taskId: this.task.id, unitId: this.lead, urge: 'reminder', message: URGE_MESSAGES.lateReport });
        return;
      }
      const late = roll < (last ? 0.2 : 0.14);
      const filed = late ? this.wd(p.dueOn, this.rng.int(1, 4)) : this.wd(p.end, this.rng.int(1, 3));
      if (filed > this.plan.until) return;
      const percent = finishing ? 100 : this.percentAt(p, index);
      // Responsible units' reports and their consolidation are played in the last two periods only (they multiply the steps).
      const consolidate = index >= periods.length - 2 && this.responsibleReports(p, filed);
      const status: 'done' | 'blocked' | 'in_progress' = finishing ? 'done' : fate === 'overdue' && this.rng.chance(0.3) ? 'blocked' : 'in_progress';
      const base = { kind: 'report' as const, taskId: this.task.id, unitId: this.lead, period: p.key, status, percent, consolidate };
      const report = (day: string, minute: number) => this.emit(day, minute, {
        ...base, workDone: workDoneText(this.rng, this.task.text, percent, finishing), problems: status === 'blocked' ? '关键环节依赖上级系统，进度受阻' : problemsText(this.rng),
        helpNeeded: helpText(this.rng), evidence: this.rng.chance(0.15) || finishing ? `${p.key}进展佐证材料.txt` : null,
      });
      report(filed, 600);
      this.review(p, filed, finishing, report);
    });
  }

  /** Up to two responsible units report a day before the lead unit, which then consolidates them. */
  private responsibleReports(p: ScriptPeriod, leadFiled: string): boolean {
    if (!this.task.responsible.length || !this.rng.chance(0.45)) return false;
    const day = later(addDays(p.end, 1), this.wd(leadFiled, -1));
    for (const unitId of this.task.responsible.slice(0, 2)) {
      this.emit(day, 540, {
        kind: 'report', taskId: this.task.id, unitId, period: p.key, status: 'in_progress', percent: this.percentAt(p, 0), consolidate: false,
        workDone: workDoneText(this.rng, this.task.text, 50, false), problems: '', helpNeeded: '', evidence: null,
      });
    }
    return true;
  }

  private review(p: ScriptPeriod, filed: string, finishing: boolean, refile: (day: string, minute: number) => boolean): void {
    const reviewed = this.wd(filed, this.rng.int(1, 4));
    let accepted = reviewed;
    if (this.rng.chance(0.07)) {
      if (!this.emit(reviewed, 900, { kind: 'review', taskId: this.task.id, unitId: this.lead, period: p.key, accept: false, comment: this.rng.pick(RETURN_COMMENTS) })) return;
      const again = this.wd(reviewed, this.rng.int(1, 2));
      if (!refile(again, 600)) return;
      accepted = this.wd(again, this.rng.int(1, 3));
    }
    if (!this.emit(accepted, 900, { kind: 'review', taskId: this.task.id, unitId: this.lead, period: p.key, accept: true })) return;
    if (finishing) this.emit(this.wd(accepted, this.rng.int(0, 3)), 960, { kind: 'complete', taskId: this.task.id });
  }
}

/** The plan's events in the order they happen (day, time of day, then the order they were drawn). */
export function planScript(plan: ScriptPlan, calendar: WorkCalendar): DemoEvent[] {
  const rng = seededRandom(plan.seed);
  const events: DemoEvent[] = [];
  const shared = { unconfirmed: 2 };
  for (const task of plan.tasks) {
    if (task.lead === null) continue;
    events.push(...new TaskScript(rng, plan, task, task.lead, calendar, shared).build());
  }
  return sortEvents(events);
}

/** Sorts events by day and minute, keeping the drawn order among equals (Array.sort is stable). */
export function sortEvents(events: DemoEvent[]): DemoEvent[] {
  return [...events].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.minute - b.minute));
}
