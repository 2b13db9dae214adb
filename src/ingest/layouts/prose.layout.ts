/**
 * Layout (c): prose plans — numbered items （一） 1. 1． (1) 一、 …, each a task, grouped under
 * section headings of a higher numbering level, units in a closing parenthesis. Which level holds
 * the tasks is decided by the evidence: the level whose items end with unit parentheses; without
 * any, the second level (the first being sections), or the only level.
 */
import type { SourceDocument } from '../document-model.ts';
import { normSpaces } from '../../domain/text-normalise.ts';
import { documentLines } from '../plan-metadata.ts';
import type { DraftSection, DraftWarning, LayoutResult, ProseTask } from '../plan-draft.ts';
import { canonicalLabel, readNumbering, type Numbering, type NumberingStyle } from './numbering.ts';
import { readUnitParenthesis } from './unit-parenthesis.ts';
import { isAnnexHeading, isClosingArticle, isClosingLine, isFrameSection } from './prose-scope.ts';

interface NumberedLine {
  text: string;
  line: number;
  numbering: Numbering | null;
}

interface Draft {
  numbering: Numbering;
  section: number | null;
  lines: string[];
  line: number;
}

function numberedLines(doc: SourceDocument): NumberedLine[] {
  const all = documentLines(doc)
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ text: l.text, line: l.line, numbering: readNumbering(l.text) }));
  return withoutFrameSections(taskPart(all));
}

const hasUnitClosedItem = (lines: NumberedLine[]): boolean => styleOrder(lines).some((s) => unitClosedCount(lines, s) > 0);

/**
 * The body or the annex, whichever holds the tasks. An annex restarts its numbering and lists
 * examples, cities or matters; it is the task list only when the body has no numbered tasks, or
 * only the annex closes its items with units (an annexed 重点任务清单).
 */
function taskPart(lines: NumberedLine[]): NumberedLine[] {
  const firstNumbered = lines.findIndex((l) => l.numbering);
  const annex = lines.findIndex((l, i) => i > firstNumbered && firstNumbered >= 0 && !l.numbering && isAnnexHeading(l.text));
  if (annex < 0) return lines;
  const body = lines.slice(0, annex);
  const rest = lines.slice(annex + 1);
  const bodyLevels = chooseLevels(body);
  const bodyTasks = bodyLevels ? body.filter((l) => l.numbering && bodyLevels.tasks.includes(l.numbering.style)).length : 0;
  if (bodyTasks >= 2 && (hasUnitClosedItem(body) || !hasUnitClosedItem(rest))) return body;
  return rest.some((l) => l.numbering) ? rest : lines;
}

/**
 * Drops the items of top-level sections that frame the plan (工作目标, 保障措施 …) unless the
 * section closes some line with a unit parenthesis, i.e. the plan itself makes them tasks.
 */
function withoutFrameSections(lines: NumberedLine[]): NumberedLine[] {
  const top = lines.find((l) => l.numbering)?.numbering?.style;
  if (!top) return lines;
  const out: NumberedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as NumberedLine;
    out.push(l);
    if (l.numbering?.style !== top || !isFrameSection(l.numbering.rest)) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]?.numbering?.style !== top) end++;
    const inner = lines.slice(i + 1, end);
    if (inner.some((x) => readUnitParenthesis(normSpaces(x.text)))) continue;
    i = end - 1;
  }
  return out;
}

/** Numbering styles in order of first appearance (the first is the top level). */
function styleOrder(lines: NumberedLine[]): NumberingStyle[] {
  const order: NumberingStyle[] = [];
  for (const l of lines) if (l.numbering && !order.includes(l.numbering.style)) order.push(l.numbering.style);
  return order;
}

// Items of `style` that end with a unit parenthesis, reading each item up to the next numbered line.
function unitClosedCount(lines: NumberedLine[], style: NumberingStyle): number {
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.numbering?.style !== style) continue;
    const parts = [lines[i]?.numbering?.rest ?? ''];
    for (let j = i + 1; j < lines.length && !lines[j]?.numbering; j++) parts.push(lines[j]?.text ?? '');
    if (readUnitParenthesis(normSpaces(parts.join('\n')))) count++;
  }
  return count;
}

interface Levels {
  /** Styles whose items are tasks (a plan may number tasks （1） in one section and 1． in another). */
  tasks: NumberingStyle[];
  section: NumberingStyle | null;
}

function chooseLevels(lines: NumberedLine[]): Levels | null {
  const order = styleOrder(lines);
  if (order.length === 0) return null;
  const closed = order.filter((s) => unitClosedCount(lines, s) > 0);
  const tasks = closed.length > 0 ? closed : [order[1] ?? order[0]].filter((s): s is NumberingStyle => s !== undefined);
  const top = Math.min(...tasks.map((s) => order.indexOf(s)));
  return { tasks, section: top > 0 ? (order[top - 1] ?? null) : null };
}

/** True when the document has numbered items that can be read as tasks. */
export function detectProsePlan(doc: SourceDocument): boolean {
  const lines = numberedLines(doc);
  const levels = chooseLevels(lines);
  return levels !== null && lines.filter((l) => l.numbering && levels.tasks.includes(l.numbering.style)).length >= 2;
}

/** Reads a prose plan into sections and tasks. */
export function parseProsePlan(doc: SourceDocument): LayoutResult {
  const lines = numberedLines(doc);
  const levels = chooseLevels(lines);
  if (!levels) return { tasks: [], warnings: [], planNotes: [] };
  const order = styleOrder(lines);
  const rank = (s: NumberingStyle): number => order.indexOf(s);
  const taskRank = Math.min(...levels.tasks.map(rank));
  const drafts: Draft[] = [];
  const sections: DraftSection[] = [];
  let section: DraftSection | null = null;
  let current: Draft | null = null;
  let bodyStartLine: number | undefined;
  for (const l of lines) {
    const n = l.numbering;
    if (n && n.style === levels.section) {
      current = null;
      section = { seq: n.value, title: normSpaces(n.rest) };
      bodyStartLine ??= l.line;
    } else if (n && levels.tasks.includes(n.style)) {
      if (section && !sections.includes(section)) sections.push(section);
      current = { numbering: n, section: section?.seq ?? null, lines: [n.rest], line: l.line };
      drafts.push(current);
      bodyStartLine ??= l.line;
    } else if (n && rank(n.style) < taskRank) {
      current = null;
    } else if (current && !readUnitParenthesis(normSpaces(current.lines.join('\n')))) {
      if (isClosingLine(l.text) && /[。！？；）)〕]\s*$/u.test(current.lines.at(-1) ?? '')) current = null;
      else current.lines.push(l.text);
    }
  }
  return { ...finishTasks(withoutClosingArticles(drafts)), sections, bodyStartLine };
}

/** Drops the trailing items without units that are closing articles (施行, 解释, 落实要求). */
function withoutClosingArticles(drafts: Draft[]): Draft[] {
  const closed = (d: Draft): boolean => readUnitParenthesis(normSpaces(d.lines.join('\n'))) !== null;
  let end = drafts.length;
  while (end > 0) {
    const d = drafts[end - 1] as Draft;
    if (closed(d) || !isClosingArticle(d.lines.join(''))) break;
    end--;
  }
  return end === 0 ? drafts : drafts.slice(0, end);
}

function finishTasks(drafts: Draft[]): { tasks: ProseTask[]; warnings: DraftWarning[]; planNotes: string[] } {
  const increasing = drafts.every((d, i) => i === 0 || d.numbering.value > (drafts[i - 1]?.numbering.value ?? 0));
  const withDeadline = drafts.some((d) => readUnitParenthesis(normSpaces(d.lines.join('\n')))?.deadline);
  const warnings: DraftWarning[] = [];
  const planNotes: string[] = [];
  const tasks = drafts.map((d, i): ProseTask => {
    const full = normSpaces(d.lines.join('\n'));
    const paren = readUnitParenthesis(full);
    const seq = increasing ? d.numbering.value : i + 1;
    const label = canonicalLabel(d.numbering);
    if (!paren) warnings.push({ message: `任务${label}末尾没有找到责任单位括号`, ref: { line: d.line } });
    const units = paren?.units ?? [];
    const lead = paren?.lead ?? units.slice(0, 1);
    planNotes.push(...(paren?.planNotes ?? []));
    const task: ProseTask = {
      seq,
      seq_cn: label,
      section_seq: d.section,
      text: paren ? normSpaces(full.slice(0, paren.start)) : full,
      units,
      lead_units: lead,
      responsible_units: paren?.lead ? units.filter((u) => !lead.includes(u)) : units.slice(1),
      responsible_units_open: paren?.open ?? false,
      ...(withDeadline ? (paren?.deadline ?? { deadline_raw: null, deadline: null }) : {}),
      notes: paren?.notes ?? [],
      targets: [],
      uncertain: paren ? [] : ['units'],
    };
    return task;
  });
  return { tasks, warnings, planNotes };
}
