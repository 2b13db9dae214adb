/**
 * Heading levels (styles.xml) and automatic numbering labels (numbering.xml) of a DOCX. Word
 * stores `（一）`, `1.` as list definitions, not as text, so a reader that only takes `w:t` loses
 * the task numbers that the layout recognisers key on.
 */
import { attr, child, childrenOf, findDeep, kids, path, tagOf, type XNode } from './ooxml-xml.ts';

interface NumRef { numId: string; ilvl: number }
interface StyleInfo { name: string; basedOn?: string; outline?: number; num?: NumRef }
interface LevelDef { start: number; fmt: string; text: string; isLgl: boolean }
interface NumInstance { abstractId: string; startOverrides: Map<number, number> }

const CN_DIGITS = '〇一二三四五六七八九';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Chinese counting numerals as Word renders chineseCounting: 10 → 十, 21 → 二十一, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 100000) return String(n);
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) { zero = out !== ''; return; }
    if (zero) out += '零';
    zero = false;
    out += CN_DIGITS[d] + unit;
  });
  // 一十 → 十 only at the front (10–19), as in 十一、 but 一百一十.
  return out.startsWith('一十') ? out.slice(1) : out;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → aa.
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Formats one counter value in a Word numFmt. */
export function formatCounter(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal': return String(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'chineseLegalSimplified': case 'ideographLegalTraditional':
      return chineseNumber(n);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => CN_DIGITS[Number(d)] ?? d).join('');
    case 'ideographTraditional': return HEAVENLY[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return CIRCLED[n - 1] ?? String(n);
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'none': return '';
    default: return String(n);
  }
}

function numRefOf(pPr: XNode | undefined): NumRef | undefined {
  const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
  if (!numPr) return undefined;
  const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val');
  const ilvl = Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? '0');
  return numId === undefined ? undefined : { numId, ilvl: Number.isFinite(ilvl) ? ilvl : 0 };
}

/** Styles, list definitions and running counters of one document. */
export class DocxNumbering {
  private readonly styles = new Map<string, StyleInfo>();
  private readonly abstracts = new Map<string, Map<number, LevelDef>>();
  private readonly nums = new Map<string, NumInstance>();
  // Counters live per abstract list: in Word two w:num instances of one abstractNum continue
  // each other unless one carries a startOverride.
  private readonly counters = new Map<string, number[]>();
  private readonly startedNums = new Set<string>();

  constructor(stylesXml: XNode[], numberingXml: XNode[]) {
    const styles = findDeep(stylesXml, 'w:styles');
    for (const s of styles ? childrenOf(styles, 'w:style') : []) this.addStyle(s);
    const numbering = findDeep(numberingXml, 'w:numbering');
    for (const n of numbering ? kids(numbering) : []) {
      if (tagOf(n) === 'w:abstractNum') this.addAbstract(n);
      if (tagOf(n) === 'w:num') this.addNum(n);
    }
  }

  private addStyle(s: XNode): void {
    const id = attr(s, 'w:styleId');
    if (!id) return;
    const pPr = child(s, 'w:pPr');
    const outline = attr(path(pPr, 'w:outlineLvl') ?? {}, 'w:val');
    this.styles.set(id, {
      name: attr(child(s, 'w:name') ?? {}, 'w:val') ?? id,
      basedOn: attr(child(s, 'w:basedOn') ?? {}, 'w:val'),
      outline: outline === undefined ? undefined : Number(outline),
      num: numRefOf(pPr),
    });
  }

  private addAbstract(n: XNode): void {
    const levels = new Map<number, LevelDef>();
    for (const l of childrenOf(n, 'w:lvl')) {
      const val = (tag: string): string | undefined => attr(child(l, tag) ?? {}, 'w:val');
      levels.set(Number(attr(l, 'w:ilvl') ?? '0'), {
        start: Number(val('w:start') ?? '1') || 1,
        fmt: val('w:numFmt') ?? 'decimal',
        text: val('w:lvlText') ?? '',
        isLgl: child(l, 'w:isLgl') !== undefined,
      });
    }
    const id = attr(n, 'w:abstractNumId');
    if (id !== undefined) this.abstracts.set(id, levels);
  }

  private addNum(n: XNode): void {
    const id = attr(n, 'w:numId');
    const abstractId = attr(child(n, 'w:abstractNumId') ?? {}, 'w:val');
    if (id === undefined || abstractId === undefined) return;
    const startOverrides = new Map<number, number>();
    for (const o of childrenOf(n, 'w:lvlOverride')) {
      const start = attr(child(o, 'w:startOverride') ?? {}, 'w:val');
      if (start !== undefined) startOverrides.set(Number(attr(o, 'w:ilvl') ?? '0'), Number(start));
    }
    this.nums.set(id, { abstractId, startOverrides });
  }

  /** Walks the basedOn chain (bounded: a cyclic chain in a damaged file must not hang us). */
  private styleChain(styleId: string | undefined): StyleInfo[] {
    const chain: StyleInfo[] = [];
    let id = styleId;
    while (id !== undefined && chain.length < 20) {
      const s = this.styles.get(id);
      if (!s) break;
      chain.push(s);
      id = s.basedOn;
    }
    return chain;
  }

  /** Heading level (1-based) of a paragraph with this pPr, from its style name or outline level. */
  headingLevel(pPr: XNode | undefined): number | undefined {
    const styleId = attr(path(pPr, 'w:pStyle') ?? {}, 'w:val');
    const own = attr(path(pPr, 'w:outlineLvl') ?? {}, 'w:val');
    if (own !== undefined && Number(own) < 9) return Number(own) + 1;
    const byName = /^(?:heading|标题)\s*(\d)$/i.exec(styleId ?? '');
    if (byName) return Number(byName[1]);
    for (const s of this.styleChain(styleId)) {
      const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.name);
      if (m) return Number(m[1]);
      if (s.outline !== undefined && s.outline < 9) return s.outline + 1;
    }
    return undefined;
  }

  /** The rendered numbering label of the next paragraph with this pPr, advancing the counters. */
  nextLabel(pPr: XNode | undefined): string | undefined {
    const styleId = attr(path(pPr, 'w:pStyle') ?? {}, 'w:val');
    const ref = numRefOf(pPr) ?? this.styleChain(styleId).find((s) => s.num)?.num;
    if (!ref || ref.numId === '0') return undefined;
    const inst = this.nums.get(ref.numId);
    const levels = inst ? this.abstracts.get(inst.abstractId) : undefined;
    const def = levels?.get(ref.ilvl);
    if (!inst || !levels || !def || def.fmt === 'bullet') return undefined;
    const counts = this.advance(ref, inst, levels);
    return def.text.replace(/%([1-9])/g, (_, d: string) => {
      const lvl = Number(d) - 1;
      const ldef = levels.get(lvl);
      const fmt = def.isLgl ? 'decimal' : (ldef?.fmt ?? 'decimal');
      return formatCounter(counts[lvl] ?? ldef?.start ?? 1, fmt);
    });
  }

  private advance(ref: NumRef, inst: NumInstance, levels: Map<number, LevelDef>): number[] {
    const key = inst.abstractId;
    const counts = this.counters.get(key) ?? [];
    if (!this.startedNums.has(ref.numId)) {
      this.startedNums.add(ref.numId);
      for (const [lvl, start] of inst.startOverrides) counts[lvl] = start - 1;
    }
    const start = levels.get(ref.ilvl)?.start ?? 1;
    counts[ref.ilvl] = (counts[ref.ilvl] ?? start - 1) + 1;
    for (let l = 0; l < ref.ilvl; l++) counts[l] ??= levels.get(l)?.start ?? 1;
    // A new item at this level restarts every deeper level.
    counts.length = ref.ilvl + 1;
    this.counters.set(key, counts);
    return counts;
  }
}
