/**
 * The demo year's problems as a script: about a hundred cases from every source, found between the
 * plan's issue and the demo day, each played through the loop — 登记, 关联任务, 交办, 签收, 办理进展,
 * 答复, 审核 (some 退回重办), 回访 (some 不满意 → reopened), 销号 — with some late (催办, 督办单) and
 * some 延期. Steps after the demo day are not played, which leaves the demo day with cases in every
 * state. Pure and seeded; replayed through the use cases by demo-case-actions.ts.
 */
import { caseDueOn, DEFAULT_CASE_RULES } from '../../domain/cases/case-light.ts';
import type { CaseKind, CaseSource, Satisfaction, Severity } from '../../domain/cases/case-model.ts';
import { suggestLinks, type CandidateTask } from '../../domain/cases/link-suggestion.ts';
import { addDays, type WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import {
  CASE_DISSATISFIED, CASE_EXTENSION_REASONS, CASE_NOTES, CASE_PLACES, CASE_RETURN_COMMENTS, CASE_THEMES, CASE_URGES,
  demoEnterprises, drawKind, findingText, hasEnterprise, type CaseTheme, type DemoEnterprise,
} from './demo-case-texts.ts';
import { seededRandom, type Random } from './demo-random.ts';
import type { ScriptTask } from './demo-script.ts';

export interface DemoCaseInput {
  source: CaseSource; refNo: string; kind: CaseKind; title: string; finding: string; place: string; foundOn: string;
  enterpriseName: string | null; creditCode: string | null; contact: string | null; category: string; severity: Severity;
}

/** One step of a case; `key` names the case within the script. */
export type CaseAction =
  | { kind: 'case-create'; key: number; input: DemoCaseInput }
  | { kind: 'case-link'; key: number; taskIds: number[] }
  | { kind: 'case-assign'; key: number; leadUnitId: number; coUnitIds: number[] }
  | { kind: 'case-sign'; key: number }
  | { kind: 'case-note'; key: number; text: string; unitId: number }
  | { kind: 'case-reply'; key: number; text: string }
  | { kind: 'case-review'; key: number; accept: boolean; comment?: string }
  | { kind: 'case-visit'; key: number; satisfaction: Satisfaction; comment?: string }
  | { kind: 'case-close'; key: number }
  | { kind: 'case-extension'; key: number; proposedDueOn: string; reason: string }
  | { kind: 'case-extension-decide'; key: number; approve: boolean; comment?: string }
  | { kind: 'case-urge'; key: number; urge: 'reminder' | 'order'; message: string; replyBy?: string };

export interface CaseEvent { day: string; minute: number; action: CaseAction }

export interface CaseScriptInput { tasks: ScriptTask[]; start: string; until: string; seed: number; count: number }

/** How many cases of each source the demo year carries, out of 100. */
const SOURCE_SHARES: [CaseSource, number][] = [
  ['hotline', 34], ['inspection', 14], ['window', 10], ['mystery', 10], ['forum', 10], ['monitor', 8], ['superior', 7], ['media', 7],
];

const MINUTE = { create: 570, link: 575, assign: 600, sign: 660, note: 700, extension: 720, decide: 740, urge: 760, reply: 900, review: 960, visit: 1000, close: 1040 } as const;

function refNo(source: CaseSource, foundOn: string, n: number): string {
  const ymd = foundOn.replaceAll('-', '');
  switch (source) {
    case 'hotline': return `${ymd}${String(100 + n * 7).padStart(5, '0')}`;
    case 'inspection': return `邵优督〔2023〕${Math.floor(n / 4) + 3}号-${(n % 4) + 1}`;
    case 'superior': return `湘优办交〔2023〕${n + 11}号`;
    default: return `${{ window: '窗督', mystery: '暗访', forum: '座谈', monitor: '监督员', media: '舆情' }[source]}-2023-${String(n + 1).padStart(3, '0')}`;
  }
}

/** Without a suggestion, a task of the theme: one whose text has one of its words and a lead unit (else any with a lead). */
function taskFor(rng: Random, theme: CaseTheme, tasks: ScriptTask[]): ScriptTask | null {
  const led = tasks.filter((t) => t.lead !== null);
  const matching = led.filter((t) => theme.keywords.some((k) => t.text.includes(k)));
  return matching.length ? rng.pick(matching) : led.length ? rng.pick(led) : null;
}

/**
 * The task the office links: the platform's own first suggestion for the problem's words (what the
 * office sees and confirms on the case page), among tasks with a lead unit to 交办 to.
 */
function suggestedTask(text: string, tasks: ScriptTask[]): ScriptTask | null {
  const led = tasks.filter((t) => t.lead !== null);
  const candidates: CandidateTask[] = led.map((t, i) => ({
    id: t.id, seq: i + 1, text: t.text, indicatorId: null, indicatorName: null, leadUnitIds: [t.lead!], unitIds: [t.lead!, ...t.responsible],
  }));
  const top = suggestLinks(text, null, candidates, 1)[0];
  return top ? led.find((t) => t.id === top.taskId) ?? null : null;
}

/** Builds one case's events (cut at the demo day). */
class CaseStory {
  readonly events: CaseEvent[] = [];
  private due = '';
  private linked = false;

  constructor(private readonly rng: Random, private readonly calendar: WorkCalendar, private readonly until: string, private readonly key: number, private readonly last: boolean) {}

  private emit(day: string, minute: number, action: CaseAction): boolean {
    if (day > this.until) return false;
    this.events.push({ day, minute, action });
    return true;
  }

  private wd(day: string, n: number): string {
    return this.calendar.addWorkdays(day, n);
  }

  play(input: DemoCaseInput, task: ScriptTask | null, createdOn: string): void {
    const key = this.key;
    const rng = this.rng;
    this.emit(createdOn, MINUTE.create, { kind: 'case-create', key, input });
    // The office has not yet 交办 the last case of the demo day, nor some of the two days before (待交办).
    const waiting = this.last || (createdOn >= this.wd(this.until, -2) && createdOn < this.until && rng.chance(0.5));
    if (!task || task.lead === null || waiting) return;
    this.linked = rng.chance(0.9);
    if (this.linked) this.emit(createdOn, MINUTE.link, { kind: 'case-link', key, taskIds: [task.id] });
    // The demo day's own cases are 交办 at once (and wait for 签收).
    const assigned = createdOn >= this.until || rng.chance(0.7) ? createdOn : this.wd(createdOn, 1);
    const co = task.responsible.length && rng.chance(0.3) ? [rng.pick(task.responsible)] : [];
    if (!this.emit(assigned, MINUTE.assign, { kind: 'case-assign', key, leadUnitId: task.lead, coUnitIds: co })) return;
    this.due = caseDueOn(assigned, input.kind, DEFAULT_CASE_RULES, this.calendar);
    // What is 交办 on the demo day waits for the unit's 签收 (待签收 on the demo day).
    const signed = assigned >= this.until ? this.wd(assigned, 1) : this.wd(assigned, rng.chance(0.9) ? rng.int(0, 1) : rng.int(2, 3));
    if (!this.emit(signed, MINUTE.sign, { kind: 'case-sign', key })) return;
    const span = this.calendar.workdaysBetween(signed, this.due);
    const noted = this.wd(signed, Math.max(1, Math.floor(span / 3)));
    const noter = co.length && rng.chance(0.4) ? co[0]! : task.lead;
    const note = rng.pick(CASE_NOTES);
    const replied = this.replyDay(signed, input.kind);
    // A progress note while it is being handled (before the reply).
    if (span > 3 && (replied === null || noted <= replied)) this.emit(noted, MINUTE.note, { kind: 'case-note', key, unitId: noter, text: note });
    if (replied) this.answer(replied, input);
  }

  /** When the first reply comes: on time mostly; late (urged) or extended for some. */
  private replyDay(signed: string, kind: CaseKind): string | null {
    const rng = this.rng;
    const r = rng.next();
    const span = Math.max(1, this.calendar.workdaysBetween(signed, this.due));
    if (r < 0.2) {
      // Late: urged the working day after the deadline, a 督办单 when still not answered a week on;
      // half drag on for weeks, so the demo day has overdue cases (超期) on the board.
      const lateBy = rng.chance(0.5) ? rng.int(8, 30) : rng.int(1, 6);
      this.emit(this.wd(this.due, 1), MINUTE.urge, { kind: 'case-urge', key: this.key, urge: 'reminder', message: CASE_URGES.reminder });
      // A 督办单 goes through the linked task (an unlinked case is only reminded).
      if (lateBy > 6 && this.linked) {
        const ordered = this.wd(this.due, 6);
        this.emit(ordered, MINUTE.urge, { kind: 'case-urge', key: this.key, urge: 'order', message: CASE_URGES.order, replyBy: this.wd(ordered, 5) });
      }
      return this.wd(this.due, lateBy);
    }
    if (r < 0.28 && kind !== 'consult' && kind !== 'help') {
      const asked = this.wd(this.due, -rng.int(1, 3));
      if (asked <= signed) return this.wd(signed, rng.int(1, span));
      const proposed = this.wd(this.due, rng.int(8, 15));
      this.emit(asked, MINUTE.extension, { kind: 'case-extension', key: this.key, proposedDueOn: proposed, reason: rng.pick(CASE_EXTENSION_REASONS) });
      const approve = rng.chance(0.8);
      const decided = this.wd(asked, 1);
      if (!this.emit(decided, MINUTE.decide, approve ? { kind: 'case-extension-decide', key: this.key, approve } : { kind: 'case-extension-decide', key: this.key, approve, comment: '理由不充分，请按原时限办结' })) return null;
      if (approve) this.due = proposed;
      return this.wd(decided, rng.int(2, Math.max(2, this.calendar.workdaysBetween(decided, this.due))));
    }
    // On time: a working day or more before the deadline, so the office's 审核 still falls within it.
    return this.wd(signed, rng.int(1, Math.max(1, span - 1)));
  }

  /** The office reviews most replies the same or the next working day, some a few days later. */
  private reviewDelay(): number {
    return this.rng.chance(0.75) ? this.rng.int(0, 1) : this.rng.int(2, 3);
  }

  /** 答复 → 审核 (perhaps 退回重办 first) → 回访 (perhaps 不满意, reopened) → 销号. */
  private answer(replied: string, input: DemoCaseInput, reopened = false): void {
    const rng = this.rng;
    const theme = CASE_THEMES.find((t) => t.category === input.category) ?? CASE_THEMES[0]!;
    if (!this.emit(replied, MINUTE.reply, { kind: 'case-reply', key: this.key, text: rng.pick(theme.replies) })) return;
    let reviewed = this.wd(replied, this.reviewDelay());
    if (!reopened && rng.chance(0.14)) {
      if (!this.emit(reviewed, MINUTE.review, { kind: 'case-review', key: this.key, accept: false, comment: rng.pick(CASE_RETURN_COMMENTS) })) return;
      const again = this.wd(reviewed, rng.int(1, 4));
      if (!this.emit(again, MINUTE.reply, { kind: 'case-reply', key: this.key, text: `${rng.pick(theme.replies)}（已按审核意见补充整改措施和佐证材料）` })) return;
      reviewed = this.wd(again, this.reviewDelay());
    }
    if (!this.emit(reviewed, MINUTE.review, { kind: 'case-review', key: this.key, accept: true, comment: '答复内容属实，整改到位' })) return;
    if (input.enterpriseName === null) {
      this.emit(this.wd(reviewed, rng.int(1, 3)), MINUTE.close, { kind: 'case-close', key: this.key });
      return;
    }
    const visited = this.wd(reviewed, rng.int(1, 3));
    const s = rng.next();
    const satisfaction: Satisfaction = !reopened && s < 0.15 ? 'dissatisfied' : s < 0.75 ? 'satisfied' : 'basic';
    if (!this.emit(visited, MINUTE.visit, satisfaction === 'dissatisfied'
      ? { kind: 'case-visit', key: this.key, satisfaction, comment: rng.pick(CASE_DISSATISFIED) }
      : { kind: 'case-visit', key: this.key, satisfaction })) return;
    if (satisfaction === 'dissatisfied') {
      this.due = caseDueOn(visited, input.kind, DEFAULT_CASE_RULES, this.calendar);
      this.answer(this.wd(visited, rng.int(2, Math.max(2, this.calendar.workdaysBetween(visited, this.due) - 1))), input, true);
      return;
    }
    // 销号 follows the 回访 within days; some wait for the office's weekly 销号 round.
    this.emit(this.wd(visited, rng.chance(0.7) ? rng.int(0, 1) : rng.int(2, 5)), MINUTE.close, { kind: 'case-close', key: this.key });
  }
}

/** The found days of `count` cases: working days between start and until, denser toward the demo day. */
function foundDays(rng: Random, calendar: WorkCalendar, start: string, until: string, count: number): string[] {
  const days: string[] = [];
  for (let d = calendar.addWorkdays(addDays(start, 4), 0); d <= until; d = calendar.addWorkdays(d, 1)) days.push(d);
  // sqrt skews toward later days: the platform's use grows through the year.
  const drawn = Array.from({ length: count }, () => days[Math.floor(Math.sqrt(rng.next()) * days.length)]!).sort();
  // The last two come in on the demo day itself (one 交办 and waiting for 签收, one waiting for 交办).
  return [...drawn.slice(0, -2), until, until];
}

/** The script of the demo's cases, in the order they happen. */
export function caseScript(plan: CaseScriptInput, calendar: WorkCalendar): CaseEvent[] {
  const rng = seededRandom(plan.seed);
  const enterprises: DemoEnterprise[] = demoEnterprises(rng, 60);
  const sources = SOURCE_SHARES.flatMap(([s, n]) => Array.from({ length: Math.round((n * plan.count) / 100) }, () => s));
  const days = foundDays(rng, calendar, plan.start, plan.until, sources.length);
  const perSource = new Map<CaseSource, number>();
  const raised = new Map<string, CaseTheme>();
  const events: CaseEvent[] = [];
  // Shuffle the sources over the days (Fisher–Yates with the demo's random).
  for (let i = sources.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [sources[i], sources[j]] = [sources[j]!, sources[i]!];
  }
  sources.forEach((source, key) => {
    const foundOn = days[key]!;
    const n = perSource.get(source) ?? 0;
    perSource.set(source, n + 1);
    // A quarter of the enterprise problems come from the first twenty enterprises, half of those
    // about what the enterprise raised before: repeated 诉求 (重复诉求).
    const enterprise = rng.chance(0.25) ? enterprises[rng.int(0, 19)]! : rng.pick(enterprises);
    const before = raised.get(enterprise.name);
    const theme = before && rng.chance(0.5) ? before : rng.pick(CASE_THEMES);
    const named = hasEnterprise(rng, source);
    if (named) raised.set(enterprise.name, theme);
    const place = named ? enterprise.place : rng.pick(CASE_PLACES);
    const { title, finding } = findingText(rng, source, theme, { short: named ? enterprise.short : '某企业', place });
    const severity: Severity = rng.chance(0.08) ? 'major' : rng.chance(0.24) ? 'serious' : 'general';
    const input: DemoCaseInput = {
      source, refNo: refNo(source, foundOn, n), kind: drawKind(rng, source), title, finding, place, foundOn, category: theme.category, severity,
      enterpriseName: named ? enterprise.name : null, creditCode: named ? enterprise.creditCode : null, contact: named ? enterprise.contact : null,
    };
    // 督查 findings are registered a day or two after the visit; hotline and the others the same day.
    const createdOn = source === 'hotline' ? foundOn : calendar.addWorkdays(foundOn, rng.int(0, 2));
    const story = new CaseStory(rng, calendar, plan.until, key, key === sources.length - 1);
    const task = suggestedTask(`${title} ${finding} ${theme.category}`, plan.tasks) ?? taskFor(rng, theme, plan.tasks);
    story.play(input, task, createdOn > plan.until ? plan.until : createdOn);
    events.push(...story.events);
  });
  return events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.minute - b.minute));
}
