/**
 * Plan metadata from the cover notice (通知) that usually precedes a plan: 文号, the title named
 * in 关于印发《…》的通知, the issuing office (signature line above the date) and the date; the
 * region and year come from the title. Without a notice the first heading is the title.
 */
import type { SourceDocument, Table } from './document-model.ts';
import { basisFromProse, findDocNumbers } from '../domain/doc-number.ts';
import { parseChineseDate } from '../domain/deadline.ts';
import { normSpaces, stripMarkdown } from '../domain/text-normalise.ts';
import type { PlanMeta } from './plan-draft.ts';

const FULL_DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const DOC_NUMBER_LINE = /^[\p{Script=Han}\s]{0,20}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$/u;
const REGION = /^[\p{Script=Han}]{1,7}?(?:自治区|自治州|省|市|盟|县|区)/u;
const NOTICE_TITLE = /关于印发《(.+?)》的通知|关于印发(.+?)的通知/s;

/** The document's lines (physical lines when the reader kept them, else paragraph lines). */
export function documentLines(doc: SourceDocument): readonly { text: string; line: number }[] {
  const cached = LINES.get(doc);
  if (cached) return cached;
  const lines = doc.lines
    ? doc.lines.map((l, i) => ({ text: stripMarkdown(l.text), line: l.ref.line ?? i + 1 }))
    : doc.blocks.flatMap((b, i) => {
        if (b.kind === 'table') return narrowTableLines(b, i);
        // DOCX automatic numbering (（一）, 1.) is rendered by Word, not stored in the text.
        const text = b.numbering && !b.text.startsWith(b.numbering) ? `${b.numbering}${b.text}` : b.text;
        return text.split('\n').map((t) => ({ text: t, line: b.ref.line ?? b.ref.row ?? i + 1 }));
      });
  LINES.set(doc, lines);
  return lines;
}

/**
 * A sheet of one or two columns is running text laid out in cells (a prose plan saved as Excel, a
 * cover sheet), not a responsibility table: its cells are read as lines, one per row.
 */
function narrowTableLines(table: Table, blockIndex: number): { text: string; line: number }[] {
  if ((table.rows[0]?.length ?? 0) > 2) return [];
  // Sheets restart their row numbers; lines must keep document order, so number them by block.
  return table.rows.flatMap((row, r) => row.filter((c) => !c.mergedFrom && c.text.trim() !== '')
    .flatMap((c) => c.text.split('\n').map((t) => ({ text: t, line: (blockIndex + 1) * 100_000 + r + 1 }))));
}

// Several layouts and the metadata reader look at the same lines; read them once per document.
const LINES = new WeakMap<SourceDocument, { text: string; line: number }[]>();

/** Reads plan metadata from the lines before `bodyStartLine` (where the tasks begin). */
export function readPlanMetadata(doc: SourceDocument, bodyStartLine: number | undefined, note: string | null): PlanMeta {
  const all = documentLines(doc);
  const head = all.filter((l) => bodyStartLine === undefined || l.line < bodyStartLine);
  const nonEmpty = head.filter((l) => l.text.trim() !== '');
  const first = nonEmpty.slice(0, 60);
  const docNumberLine = first.find((l) => DOC_NUMBER_LINE.test(normSpaces(l.text)));
  const doc_number = docNumberLine ? (findDocNumbers(normSpaces(docNumberLine.text))[0] ?? null) : null;
  const joined = normSpaces(first.map((l) => l.text.trim()).join('\n'));
  const notice = NOTICE_TITLE.exec(joined);
  const title = notice ? normSpaces(notice[1] ?? notice[2] ?? '') : fallbackTitle(doc, first);
  const dateIdx = nonEmpty.findIndex((l) => FULL_DATE.test(l.text));
  const issued_on = dateIdx >= 0 ? parseChineseDate(nonEmpty[dateIdx]?.text ?? '') : null;
  let issuer = dateIdx > 0 ? normSpaces(nonEmpty[dateIdx - 1]?.text ?? '') : null;
  if (!issuer || issuer.length > 40 || /[。：:]$/.test(issuer)) issuer = issuerFromHeader(first, joined);
  const region = (title && REGION.exec(title)?.[0]) ?? (issuer && REGION.exec(issuer)?.[0]) ?? null;
  const yearText = title ? /(\d{4})\s*年/.exec(title)?.[1] : undefined;
  const year = yearText ? Number(yearText) : issued_on ? Number(issued_on.slice(0, 4)) : null;
  const meta: PlanMeta = { title, issuer, doc_number, issued_on, region, year, responsible_units_note: note };
  const basis = prosebasis(head.map((l) => l.text).join('\n'));
  if (basis.length > 0) meta.basis = basis;
  return meta;
}

function fallbackTitle(doc: SourceDocument, first: { text: string }[]): string | null {
  const heading = doc.blocks.find((b) => b.kind === 'paragraph' && b.headingLevel !== undefined);
  if (heading?.kind === 'paragraph') return normSpaces(heading.text);
  const line = first.find((l) => !DOC_NUMBER_LINE.test(normSpaces(l.text)) && !/文件$/.test(normSpaces(l.text)));
  return line ? normSpaces(line.text) : sheetTitleRow(doc);
}

/** A sheet's title: its first row when that row holds one text only (a title merged across). */
function sheetTitleRow(doc: SourceDocument): string | null {
  const table = doc.blocks.find((b): b is Table => b.kind === 'table');
  const texts = (table?.rows[0] ?? []).map((c) => normSpaces(c.text)).filter((t) => t !== '');
  return texts.length === 1 && (texts[0]?.length ?? 0) <= 80 ? (texts[0] ?? null) : null;
}

function issuerFromHeader(first: { text: string }[], joined: string): string | null {
  const before = /^(.*?)关于印发/s.exec(joined.split(/[。]/)[0] ?? '');
  const header = first.map((l) => normSpaces(l.text)).find((t) => /文件$/.test(t));
  if (header) return header.replace(/文件$/, '');
  const candidate = before?.[1]?.split(/〕\d+号/).at(-1)?.trim();
  return candidate ? candidate : null;
}

// The plan's own basis: the documents of its first 根据《…》 sentence (up to that sentence's end).
function prosebasis(text: string): string[] {
  const norm = normSpaces(text);
  const at = norm.search(/根据《/);
  if (at < 0) return [];
  const end = norm.indexOf('。', at);
  return basisFromProse(norm.slice(at, end < 0 ? undefined : end));
}
