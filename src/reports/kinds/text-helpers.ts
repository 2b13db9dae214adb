/**
 * Wording helpers shared by the builders: dates, Chinese ordinals for headings, rates, and
 * block constructors that keep the builders short.
 */
import type { Block, BlockOf, Inline } from '../report-document.ts';

/**
 * ISO date → `2023年6月30日`. GB/T 9704 7.3.5.1: 用阿拉伯数字将年、月、日标全，年份应标全称，
 * 月、日不编虚位 (1 is not written 01).
 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`不是有效日期：${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2023-06` / `2023` (plan deadlines) → `2023年6月` / `2023年`; null → `未定`. */
export function formatDeadline(deadline: string | null, raw: string | null = null): string {
  if (raw) return raw;
  if (!deadline) return '未定';
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(deadline);
  if (!m) return deadline;
  return m[2] ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 42 → 四十二 (headings and ranks go up to 99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * Marks a part the data cannot write (no 战略安排 recorded, no county reported): the office sees
 * what to add, and a document still holding the mark is not issued (documents.ts).
 */
export const OFFICE_TODO = '【待补充】';

/** A flagged placeholder paragraph text: 【待补充】 and what the office should write there. */
export function officeTodo(what: string): string {
  return `${OFFICE_TODO}${what}`;
}

/** Heading number for a level: 一、 / （一） / 1. / （1） (GB/T 9704 7.3.3). */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1: return `${chineseNumber(n)}、`;
    case 2: return `（${chineseNumber(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

/** A rate 0–1 as a percentage with one decimal (`87.5%`); null (nothing due) as `—`. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Unit names joined with 、 as in the plans. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** Heading block. */
export function heading(level: 1 | 2 | 3 | 4, n: number, text: string): BlockOf<'heading'> {
  return { kind: 'heading', level, number: headingNumber(level, n), text };
}

/** Paragraph block from text or inlines (indented 空二字 unless told). */
export function para(content: string | Inline[], indent = true): BlockOf<'paragraph'> {
  return { kind: 'paragraph', runs: typeof content === 'string' ? [{ text: content }] : content, indent };
}

/** A paragraph opening with a lead-in in another face (“冷水滩区：” in 楷体 …). */
export function leadPara(lead: string, text: string, face: Inline['face'] = 'kai'): BlockOf<'paragraph'> {
  return para([{ text: lead, face }, { text }]);
}

/** Numbered level headings with their paragraphs, numbering from 1 in order. */
export function numberedSections(level: 1 | 2, sections: readonly { title: string; body: Block[] }[]): Block[] {
  return sections.flatMap((s, i) => [heading(level, i + 1, s.title), ...s.body]);
}

/**
 * Tidies text assembled from pieces people typed: a unit name printed twice where a label was put
 * before a text that already starts with it (“市市场监管局市市场监管局推行…”), and stops doubled
 * where a full sentence was joined with ；or 。 (“…办结。；存在问题” → “…办结；存在问题”).
 */
export function tidyText(text: string): string {
  return text.trim()
    .replace(/^(\S{3,20}?)\1/u, '$1')
    .replace(/[。，；]+([；。])/g, '$1')
    .replace(/([。；])\1+/g, '$1');
}

/** Ensures a sentence ends with a full stop (list items written by people often do not), tidied. */
export function sentence(text: string): string {
  const tidy = tidyText(text).replace(/[，、：,]+$/, '');
  return /[。！？；…”]$/.test(tidy) ? tidy : `${tidy}。`;
}
