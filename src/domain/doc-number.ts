/**
 * 文号 (document numbers such as 某政办发〔2022〕18号) and cited-document lists (文件依据 / basis).
 * A citation is listed by its 文号 when it has the form …〔YYYY〕N号; otherwise by its 《title》,
 * because the 文号 is the stable key offices search by, and a title is the next best thing.
 */
import { normSpaces } from './text-normalise.ts';

// The year-and-number part; the issuer code before it is collected by walking back over Han
// characters, because a regex with a leading `[\p{Han}]*` backtracks quadratically on long text.
const YEAR_NUMBER = /[〔[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d+)\s*号/gu;
const HAN = /\p{Script=Han}/u;
const LEADING_VERBS = /^(?:根据|依据|按照|参照|对照|详见|见)/;

function issuerBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  const stop = i;
  while (i > 0 && HAN.test(text[i - 1] ?? '')) i--;
  return text.slice(i, stop);
}

/** Every 文号 in the text, normalised (no inner spaces, brackets 〔〕), in order of appearance. */
export function findDocNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(YEAR_NUMBER)) {
    const issuer = issuerBefore(text, m.index).replace(LEADING_VERBS, '');
    out.push(`${issuer}〔${m[1]}〕${m[2]}号`);
  }
  return out;
}

/** The top-level 《…》 titles of a text (inner 〈〉 or nested 《》 stay inside their parent). */
export function topLevelTitles(text: string): string[] {
  const titles: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) titles.push(text.slice(start, i + 1));
    }
  }
  return titles;
}

// Certificates are objects of a benchmark note, not documents (《不动产权证书》).
const NOT_A_DOCUMENT = /(?:证书|证照|执照)》$/;

/**
 * The basis entries one citation gives: its 文号(s); else its top-level titles; else, for a
 * plain citation that is not a benchmark note (对标…), the citation itself wrapped in 《》.
 */
export function basisFromCitation(citation: string, benchmarkNote = false): string[] {
  const text = normSpaces(citation).replace(/^\d+\s*[.．、]\s*/, '');
  if (text === '') return [];
  const numbers = findDocNumbers(text);
  if (numbers.length > 0) return numbers;
  const titles = topLevelTitles(text).filter((t) => !NOT_A_DOCUMENT.test(t));
  if (titles.length > 0 || benchmarkNote || /^对标/.test(text) || topLevelTitles(text).length > 0) return titles;
  return [`《${text.replace(/[。；;，,、\s]+$/u, '')}》`];
}

/**
 * Citations named in running prose (`根据《A》（国务院令第722号）、《B》（某政发〔2024〕7号）`):
 * each top-level title with the parenthesis right after it gives one entry.
 */
export function basisFromProse(text: string): string[] {
  const norm = normSpaces(text);
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    if (ch === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '》' && depth > 0 && --depth === 0) {
      const title = norm.slice(start, i + 1);
      const paren = /^[（(]([^（）()]*(?:[（(][^（）()]*[)）][^（）()]*)*)[)）]/.exec(norm.slice(i + 1));
      const numbers = paren ? findDocNumbers(paren[1] ?? '') : [];
      out.push(...(numbers.length > 0 ? numbers : [title]));
    }
  }
  return out;
}

const NUMBERED = /^\s*\d+\s*[.．、](?!\d)/;
const CLOSES = /[》）)〕。]\s*$/;
// A line that starts a new citation: a title, or an issuer-like name (关于…, 中共…, X省/市…, 国务院…).
const OPENS = /^\s*(?:《|关于|中共|国务院|国家|[\p{Script=Han}]{1,6}(?:省|市|自治区)(?![场级])|[\p{Script=Han}]{2,8}(?:部|委|厅|局)(?:关于|等))/u;

/**
 * Splits a 文件依据 cell given as physical lines into citations: at `1.`/`2.` numbering, at a line
 * that opens a citation right after a line that closed one, and at `/` and `）、`.
 */
export function splitCitations(lines: readonly string[]): string[] {
  const groups: string[][] = [];
  let prevClosed = true;
  for (const line of lines) {
    const startNew = groups.length === 0 || NUMBERED.test(line) || (prevClosed && OPENS.test(line));
    if (startNew) groups.push([line]);
    else groups.at(-1)?.push(line);
    prevClosed = CLOSES.test(line);
  }
  return groups
    .map((g) => normSpaces(g.join('\n')))
    .flatMap((c) => c.split(/\/|(?<=[）)])、/))
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
