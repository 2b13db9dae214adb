/**
 * Deadlines read again once the plan's year is known: text without a year (6月底前, 上半年, 年底前)
 * takes the plan's year, and every value the reader is not sure of is marked for review — the
 * task's `uncertain` gets `deadline` and the draft a warning quoting the source text.
 */
import { readDeadline } from '../domain/deadline.ts';
import type { DraftTask, DraftWarning } from './plan-draft.ts';

/** Re-reads each task's deadline with the plan's year; returns the warnings to add. */
export function reviewDeadlines(tasks: DraftTask[], planYear: number | null): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  for (const task of tasks) {
    if (!task.deadline_raw) continue;
    const reading = readDeadline(task.deadline_raw, planYear);
    task.deadline = reading.deadline;
    if (reading.review === null) continue;
    if (!task.uncertain.includes('deadline')) task.uncertain.push('deadline');
    warnings.push({ message: `第${task.seq}项任务的${reading.review}`, ref: {} });
  }
  return warnings;
}
