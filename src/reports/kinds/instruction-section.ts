/**
 * 领导批示落实情况 of a notice or review: each instruction of the period (when, by whom, on which
 * task, what it said) and what each unit reported doing, or that nothing is reported yet.
 */
import type { Block } from '../report-document.ts';
import type { InstructionRecord } from '../report-data.ts';
import { formatChineseDate, para, sentence } from './text-helpers.ts';

/** One instruction's sentence: date, author, task, the words quoted. */
export function instructionSentence(i: InstructionRecord): string {
  const quoted = i.text.trim().replace(/[。；，]+$/, '');
  return `${formatChineseDate(i.on)}，${i.by}${i.taskSeq !== null ? `对第${i.taskSeq}项任务` : ''}批示：“${quoted}”。`;
}

/** The section's paragraphs, one per instruction, in the order they were written. */
export function instructionSection(records: readonly InstructionRecord[]): Block[] {
  return records.map((i) => {
    const done = i.answers.map((a) => `${a.unit}${formatChineseDate(a.on)}报告：${sentence(a.text)}`).join('');
    return para(instructionSentence(i) + (done || '有关单位尚未报告落实情况。'));
  });
}
