/**
 * The ingest engine: plan document bytes → PlanDraft. Pure (no I/O beyond the bytes given), so
 * the server, the CLI and tests share it. Reader → layout recogniser → field rules → targets.
 */
import { AppError } from '../domain/errors.ts';
import type { SourceDocument } from './document-model.ts';
import { readDocument } from './readers/index.ts';
import { detectResponsibilityTable, parseResponsibilityTable } from './layouts/responsibility-table.layout.ts';
import { detectLineStreamTable, parseLineStreamTable } from './layouts/line-stream.layout.ts';
import { detectProsePlan, parseProsePlan } from './layouts/prose.layout.ts';
import { detectFlatTable, parseFlatTable } from './layouts/flat-table.layout.ts';
import { readPlanMetadata } from './plan-metadata.ts';
import { extractTargets } from './targets.ts';
import type { DraftWarning, LayoutResult, PlanDraft } from './plan-draft.ts';
import { sourceExcerpts } from './source-excerpt.ts';
import { reviewDeadlines } from './deadline-review.ts';
import { assertNotStatisticsSheet } from './not-a-plan.ts';

export type { PlanDraft } from './plan-draft.ts';

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
}

interface Layout {
  name: string;
  detect: (doc: SourceDocument) => boolean;
  parse: (doc: SourceDocument) => LayoutResult;
}

// Tried in order: real tables are the most explicit evidence, prose numbering the least.
const LAYOUTS: Layout[] = [
  { name: 'responsibility-table', detect: detectResponsibilityTable, parse: parseResponsibilityTable },
  { name: 'line-stream-table', detect: detectLineStreamTable, parse: parseLineStreamTable },
  { name: 'flat-table', detect: detectFlatTable, parse: parseFlatTable },
  { name: 'prose', detect: detectProsePlan, parse: parseProsePlan },
];

/** Parses a read document into a draft (exported for readers' tests and benchmarks). */
export function draftFromDocument(doc: SourceDocument): PlanDraft {
  assertNotStatisticsSheet(doc);
  const layout = LAYOUTS.find((l) => l.detect(doc));
  if (!layout) {
    throw new AppError('PLAN_IMPORT_NO_LAYOUT', `文件“${doc.fileName}”中没有找到责任分工表或编号任务，无法识别为实施方案。`, { fileName: doc.fileName });
  }
  const result = layout.parse(doc);
  if (result.tasks.length === 0) {
    throw new AppError('PLAN_IMPORT_NO_LAYOUT', `文件“${doc.fileName}”按${layout.name}版式未读出任何任务。`, { fileName: doc.fileName, layout: layout.name });
  }
  for (const task of result.tasks) task.targets = extractTargets(task.text);
  const plan = readPlanMetadata(doc, result.bodyStartLine, result.planNotes[0] ?? null);
  const deadlineWarnings = reviewDeadlines(result.tasks, plan.year);
  // Key order follows the gold files: source, plan, indicators | sections, tasks, warnings.
  return {
    source: doc.fileName,
    plan,
    ...(result.indicators ? { indicators: result.indicators } : {}),
    ...(result.sections ? { sections: result.sections } : {}),
    tasks: result.tasks,
    warnings: withExcerpts(doc, [...doc.warnings.map((w) => ({ message: w.message, ref: w.ref })), ...result.warnings, ...deadlineWarnings]),
  };
}

function withExcerpts(doc: SourceDocument, warnings: DraftWarning[]): DraftWarning[] {
  if (warnings.length === 0) return warnings;
  const excerptAt = sourceExcerpts(doc);
  return warnings.map((w) => {
    const excerpt = excerptAt(w.ref);
    return excerpt ? { ...w, excerpt } : w;
  });
}

/** Turns a plan document (PDF, DOCX, XLSX, text or Markdown) into a draft for review. */
export async function parseDocument(input: ParseInput): Promise<PlanDraft> {
  const doc = await readDocument(input.bytes, input.fileName);
  return draftFromDocument(doc);
}
