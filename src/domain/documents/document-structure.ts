/**
 * Structure edits of a document model — what the office's editor does besides changing text:
 * move a paragraph or a whole section, delete one, insert headings, paragraphs, tables and
 * attachments. Pure functions over the block list (no zod, no server: the web app imports this
 * file), each returning a new list with headings renumbered and 附件 relabelled, so the numbers in
 * the preview, the DOCX and the issued copy always follow the order the office chose.
 */

/** The least a block has for these functions; both the engine's and the web's block types fit. */
interface AnyBlock { kind: string }
interface HeadingBlock { kind: 'heading'; level: 1 | 2 | 3 | 4; number: string; text: string }

/** Blocks that hold the document's frame: nothing moves across them. */
const FRAME = new Set(['redHeader', 'masthead', 'addressee', 'attachmentNote', 'signature', 'attachment', 'record']);

const isHeading = (b: AnyBlock | undefined): b is HeadingBlock => b?.kind === 'heading';

/** True when block i is the document's (or an attachment's) title: the first title after the frame. */
function isFrameTitle(blocks: readonly AnyBlock[], i: number): boolean {
  if (blocks[i]?.kind !== 'title') return false;
  const before = blocks[i - 1];
  return before === undefined || FRAME.has(before.kind);
}

/** True when the block at i may be moved or deleted by the office. */
export function isMovable(blocks: readonly AnyBlock[], i: number): boolean {
  const b = blocks[i];
  return b !== undefined && !FRAME.has(b.kind) && !isFrameTitle(blocks, i);
}

/** The blocks a block stands for: a heading with its section (up to the next heading of its level or higher), else itself. */
export function sectionRange(blocks: readonly AnyBlock[], i: number): [number, number] {
  const b = blocks[i];
  if (!isHeading(b)) return [i, i + 1];
  let end = i + 1;
  while (end < blocks.length && isMovable(blocks, end)) {
    const next = blocks[end];
    if (isHeading(next) && next.level <= b.level) break;
    end += 1;
  }
  return [i, end];
}

// The start of the sibling section before a heading's section, or -1.
function previousSibling(blocks: readonly AnyBlock[], i: number): number {
  const b = blocks[i];
  for (let j = i - 1; j >= 0 && isMovable(blocks, j); j--) {
    const h = blocks[j];
    if (isHeading(h) && isHeading(b) && h.level <= b.level) return h.level === b.level ? j : -1;
  }
  return -1;
}

/** Moves block i (a heading: its whole section) one place up (-1) or down (+1); unchanged where it cannot go. */
export function moveBlock<B extends AnyBlock>(blocks: readonly B[], i: number, direction: -1 | 1): B[] {
  if (!isMovable(blocks, i)) return [...blocks];
  const [start, end] = sectionRange(blocks, i);
  if (direction === -1) {
    const prev = isHeading(blocks[i]) ? previousSibling(blocks, i) : start - 1;
    if (prev < 0 || !isMovable(blocks, prev)) return [...blocks];
    return renumber([...blocks.slice(0, prev), ...blocks.slice(start, end), ...blocks.slice(prev, start), ...blocks.slice(end)]);
  }
  if (!isMovable(blocks, end)) return [...blocks];
  const next = isHeading(blocks[i]) ? sectionRange(blocks, end) : [end, end + 1];
  if (isHeading(blocks[i]) && !(isHeading(blocks[end]) && (blocks[end] as HeadingBlock).level === (blocks[i] as HeadingBlock).level)) return [...blocks];
  return renumber([...blocks.slice(0, start), ...blocks.slice(next[0], next[1]), ...blocks.slice(start, end), ...blocks.slice(next[1])]);
}

/** Deletes block i — a heading with its section, an 附件 with its pages — and renumbers. */
export function removeBlock<B extends AnyBlock>(blocks: readonly B[], i: number): B[] {
  const b = blocks[i];
  if (b?.kind === 'attachment') {
    let end = i + 1;
    while (end < blocks.length && blocks[end]?.kind !== 'attachment' && blocks[end]?.kind !== 'record') end += 1;
    return relabelAttachments([...blocks.slice(0, i), ...blocks.slice(end)]);
  }
  if (!isMovable(blocks, i)) return [...blocks];
  const [start, end] = sectionRange(blocks, i);
  return renumber([...blocks.slice(0, start), ...blocks.slice(end)]);
}

/** Inserts blocks after block i (a heading's section is not split: they go right under the heading). */
export function insertAfter<B extends AnyBlock>(blocks: readonly B[], i: number, added: readonly B[]): B[] {
  return renumber(relabelAttachments([...blocks.slice(0, i + 1), ...added, ...blocks.slice(i + 1)]));
}

/** Appends an attachment (附件 label, its title, a first paragraph) before the 版记 and lists it in the 附件说明. */
export function addAttachment<B extends AnyBlock>(blocks: readonly B[], pages: readonly B[], note: (items: string[]) => B): B[] {
  const recordAt = blocks.findIndex((b) => b.kind === 'record');
  const at = recordAt < 0 ? blocks.length : recordAt;
  let next = [...blocks.slice(0, at), ...pages, ...blocks.slice(at)];
  if (!next.some((b) => b.kind === 'attachmentNote')) {
    const signature = next.findIndex((b) => b.kind === 'signature');
    if (signature >= 0) next = [...next.slice(0, signature), note([]), ...next.slice(signature)];
  }
  return relabelAttachments(next);
}

const LEVEL_NUMBER = [
  (n: number) => `${chineseNumber(n)}、`,
  (n: number) => `（${chineseNumber(n)}）`,
  (n: number) => `${n}.`,
  (n: number) => `（${n}）`,
] as const;
const LEVEL_PATTERN = [/^[一二三四五六七八九十]+、$/, /^（[一二三四五六七八九十]+）$/, /^\d+[.．]$/, /^（\d+）$/] as const;

/** 1 → 一, 12 → 十二, 20 → 二十 (headings rarely pass 十几). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/** A heading number in the GB/T 9704 7.3.3 sequence (一、（一）1.（1）) for its level and place. */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  const format = LEVEL_NUMBER[level - 1] ?? LEVEL_NUMBER[0];
  return format(n);
}

/**
 * Renumbers headings in reading order: a heading numbered in the standard sequence gets the next
 * number of its level, and lower levels restart under it. Headings without a number or with their
 * own marks (【战略安排】, 编者按) keep them. Counting restarts on each attachment.
 */
export function renumber<B extends AnyBlock>(blocks: readonly B[]): B[] {
  let counts = [0, 0, 0, 0];
  return blocks.map((b) => {
    if (b.kind === 'attachment') counts = [0, 0, 0, 0];
    if (!isHeading(b)) return b;
    const level = b.level;
    if (!LEVEL_PATTERN[level - 1]?.test(b.number)) return b;
    counts[level - 1] = (counts[level - 1] ?? 0) + 1;
    for (let l = level; l < 4; l++) counts[l] = 0;
    const number = headingNumber(level, counts[level - 1] ?? 1);
    return number === b.number ? b : ({ ...b, number });
  });
}

/** 附件 labels (附件 alone, or 附件1…N) and the 附件说明's items follow the attachments' titles in order. */
export function relabelAttachments<B extends AnyBlock>(blocks: readonly B[]): B[] {
  const labels = blocks.flatMap((b, i) => (b.kind === 'attachment' ? [i] : []));
  const titles = labels.map((i) => {
    const t = blocks[i + 1] as (AnyBlock & { text?: unknown }) | undefined;
    return t?.kind === 'title' && typeof t.text === 'string' ? t.text : '附件';
  });
  let k = 0;
  const out = blocks.map((b) => {
    if (b.kind !== 'attachment') return b;
    k += 1;
    const label = labels.length > 1 ? `附件${k}` : '附件';
    return (b as AnyBlock & { label?: string }).label === label ? b : ({ ...b, label });
  });
  if (titles.length === 0) return out.filter((b) => b.kind !== 'attachmentNote');
  return out.map((b) => (b.kind === 'attachmentNote' ? ({ ...b, items: titles }) : b));
}

/**
 * Deletes the 附件 that hold nothing but their label and title (what is left when the office deletes
 * an attachment's flagged paragraphs), so no empty page is printed, and renumbers what remains.
 */
export function dropEmptyAttachments<B extends AnyBlock>(blocks: readonly B[]): B[] {
  let next = [...blocks];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]?.kind !== 'attachment') continue;
    let end = i + 1;
    while (end < next.length && next[end]?.kind !== 'attachment' && next[end]?.kind !== 'record') end += 1;
    const body = next.slice(i + 1, end).filter((b, k) => !(k === 0 && b.kind === 'title'));
    if (body.length === 0) next = removeBlock(next, i);
  }
  return renumber(next);
}
