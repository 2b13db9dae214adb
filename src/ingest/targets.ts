/**
 * Quantitative targets (量化目标) in a task's text: "压缩至1个工作日" → ≤ 1 个工作日,
 * "比例达到95%以上" → ≥ 95 %, "220至280美元之间" → range. Only numbers bound by a comparator
 * word or a bounding suffix count, so years, dates and service hours ("24小时在线") are left out.
 */
import type { Target } from './plan-draft.ts';

// Longest first, so 个工作日 wins over 工作日 and 日, 万户 over 户.
const UNITS = [
  '个工作日', '个百分点', '个环节', '个月', '工作日', '小时', '万人次', '人次', '万户', '万人', '亿元', '万元', '美元', '元',
  '环节', '天', '日', '%', '件', '家', '户', '个', '项', '次', '人', '所', '名', '米', '分钟', '倍', '年',
].sort((a, b) => b.length - a.length);

const LE_BEFORE = ['压缩至', '压缩为', '压缩到', '压减至', '压减为', '压减到', '缩短至', '缩短为', '缩短到', '缩减至', '缩减为', '减少至', '降至', '降低至', '降低到', '下降至', '控制在', '不超过', '不高于', '少于', '低于', '最多', '最高提至', '最高提高到', '时限为', '精简为', '精简至'];
const GE_BEFORE = ['达到', '达', '提高到', '提高至', '提升至', '提升到', '提至', '提高', '提升', '增加到', '不低于', '不少于', '超过', '保持在', '突破', '新增', '完成', '培育', '实施', '建成', '创建', '建立', '认定'];
const EQ_BEFORE = ['为', '在'];
const LE_AFTER = /^(?:以内|以下|之内|内)/;
const GE_AFTER = /^(?:以上|及以上|左右以上)/;

const NUMBER = /(\d+(?:\.\d+)?)(?:\s*(?:至|-|—|~|到)\s*(\d+(?:\.\d+)?))?/g;
const CLAUSE_STOP = /[，。；：！？,;:]/;

interface Comparator {
  comparator: Target['comparator'];
  start: number;
}

const COMPARATOR_WORDS: [string, Target['comparator']][] = [
  ...LE_BEFORE.map((w): [string, Target['comparator']] => [w, 'le']),
  ...GE_BEFORE.map((w): [string, Target['comparator']] => [w, 'ge']),
  ...EQ_BEFORE.map((w): [string, Target['comparator']] => [w, 'eq']),
].sort((a, b) => b[0].length - a[0].length);

// The longest comparator word ending right before the number (不低于 beats 低于).
function comparatorBefore(text: string, at: number): Comparator | null {
  const before = text.slice(Math.max(0, at - 6), at).replace(/\s+$/, '');
  const hit = COMPARATOR_WORDS.find(([w]) => before.endsWith(w));
  return hit ? { comparator: hit[1], start: at - (text.slice(0, at).length - text.slice(0, at).trimEnd().length) - hit[0].length } : null;
}

const TIME_UNITS = new Set(['个工作日', '工作日', '小时', '天', '日', '分钟', '个月']);

function clauseOf(text: string, at: number): string {
  const start = Math.max(...[...'，。；,;'].map((c) => text.lastIndexOf(c, at)));
  return text.slice(start + 1, at);
}

// A count at the end of a clause (`培训2.52万人次。`) is a quantity to reach, or to get down to
// when the clause is about cutting (精简, 压缩 …).
const COUNT_UNITS = new Set(['家', '人', '万人', '人次', '万人次', '个', '项', '件', '所', '户', '万户', '个环节', '环节', '%', '亿元', '万元']);
function clauseEndComparator(text: string, at: number, unit: string, end: number): Target['comparator'] | null {
  const next = text.slice(end);
  // Rates listed one after another (`制定率100%、完成率100%`) end their clause at `、`.
  if (!COUNT_UNITS.has(unit) || !(/^(?:[，。；,;]|$)/.test(next) || (unit === '%' && next.startsWith('、')))) return null;
  const clauseStart = Math.max(...[...'，。；：,;:'].map((c) => text.lastIndexOf(c, at)));
  // A percentage at a clause end is a rate to reach or a cut of at least that much (减少30%).
  if (unit === '%') return 'ge';
  return /精简|压缩|压减|减少|缩短|降/.test(text.slice(clauseStart + 1, at)) ? 'le' : 'ge';
}

function unitAfter(text: string, at: number): string | null {
  const rest = text.slice(at).replace(/^\s+/, '');
  return UNITS.find((u) => rest.startsWith(u)) ?? null;
}

// The metric is the phrase before the comparator, back to the clause start (brackets kept whole).
function metricBefore(text: string, end: number): { metric: string; start: number } {
  let depth = 0;
  let i = end;
  while (i > 0) {
    const ch = text[i - 1] ?? '';
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (CLAUSE_STOP.test(ch) || ch === '、')) break;
    i--;
  }
  const raw = text.slice(i, end);
  const metric = raw
    .replace(/^(?:将|实现|确保|力争|推动|推进|其中|全面|进一步|持续|在|把|使|让|提高|提升|压缩|缩短|即)+/, '')
    .replace(/(?:均|分别|全部|再|可|要|的|至|到|维持|保持|一般|不)+$/, '');
  return { metric: metric.trim(), start: i };
}

// `环节2个、3个以内`: a value listed before a bounded one shares its bound.
function listedBound(text: string, unitEnd: number, unit: string): { comparator: Target['comparator']; unit: string } | null {
  const m = /^、\s*\d+(?:\.\d+)?\s*([^\d\s，。；、]{1,4}?)(以内|以下|内|以上)/u.exec(text.slice(unitEnd));
  if (!m || !(m[1] ?? '').startsWith(unit)) return null;
  // `5个、17个工作日以内`: the first value is in the fuller unit of the second.
  return { comparator: m[2] === '以上' ? 'ge' : 'le', unit: m[1] ?? unit };
}

// Without a subject before the number (`在1个工作日内获得…`) the metric is what follows.
function afterClause(text: string, end: number): string {
  const rest = text.slice(end);
  const stop = rest.search(/[，。；,;]/);
  return (stop < 0 ? rest : rest.slice(0, stop)).trim();
}

/** Extracts the quantitative targets of a task text (offsets refer to that text). */
export function extractTargets(text: string): Target[] {
  const targets: Target[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index;
    if (/[\d.〔年]/.test(text[at - 1] ?? '')) continue;
    const numberEnd = at + m[0].length;
    const unit = unitAfter(text, numberEnd);
    const before0 = comparatorBefore(text, at);
    // Years are dates unless a comparator binds them (`缩短为1年`).
    if (!unit || (unit === '年' && !m[2] && !before0)) continue;
    const unitEnd = text.indexOf(unit, numberEnd) + unit.length;
    const suffix = text.slice(unitEnd);
    const before = before0;
    const value = Number(m[1]);
    const valueMax = m[2] === undefined ? undefined : Number(m[2]);
    let comparator: Target['comparator'] | null = before?.comparator ?? null;
    let end = unitEnd;
    const le = LE_AFTER.exec(suffix);
    const ge = GE_AFTER.exec(suffix);
    // `200米以内的10kV用户`: a bound qualifying a noun sets a scope, it is not a target.
    const bound = le ?? ge;
    if (bound && text.startsWith('的', unitEnd + bound[0].length)) continue;
    if (le) [comparator, end] = ['le', unitEnd + le[0].length];
    else if (ge) {
      // `1000人以上学校`: a bound followed by a noun sets a scope, it is not a target.
      if (!before && /^\p{Script=Han}/u.test(text.slice(unitEnd + ge[0].length))) continue;
      [comparator, end] = ['ge', unitEnd + ge[0].length];
    }
    const listed = comparator ? null : listedBound(text, unitEnd, unit);
    comparator ??= listed?.comparator ?? clauseEndComparator(text, at, unit, unitEnd);
    // `N个工作日办结`: a time limit even without 内.
    if (!comparator && TIME_UNITS.has(unit) && /^(?:办结|完成|办理完毕|完成办理)/.test(suffix)) comparator = 'le';
    if (comparator === 'eq' && /精简|压缩|压减|缩短|减少/.test(clauseOf(text, at))) comparator = 'le';
    if (valueMax !== undefined) comparator = 'range';
    if (!comparator || /[从]$/.test(text.slice(0, at))) continue;
    const start = before?.start ?? at;
    let { metric } = metricBefore(text, start);
    if (metric === '' && comparator === 'eq') continue;
    if (metric === '') metric = afterClause(text, end);
    targets.push({
      metric,
      comparator,
      value,
      ...(valueMax === undefined ? {} : { value_max: valueMax }),
      unit: listed?.unit ?? unit,
      span: [start, end],
      source: text.slice(start, end),
    });
  }
  return targets;
}
