/**
 * Suggesting the plan task(s) a problem concerns, from its text and its units, with the reason in
 * words: the phrases the problem shares with the task (and its indicator), and whether the 主办
 * unit leads or shares the task. The office confirms or changes the suggestion.
 */

export interface CandidateTask {
  id: number;
  seq: number;
  text: string;
  indicatorId: number | null;
  indicatorName: string | null;
  leadUnitIds: number[];
  unitIds: number[];
}

export interface LinkSuggestion {
  taskId: number;
  seq: number;
  indicatorId: number | null;
  score: number;
  /** Why, in Chinese. */
  explanation: string;
}

/** Bigrams too common in plan texts to say anything about a problem. */
const COMMON = new Set([
  '优化', '营商', '商环', '环境', '推进', '工作', '进一', '一步', '加强', '提升', '落实', '开展', '建立', '健全', '完善', '全面', '持续', '推动',
  '实施', '深化', '服务', '企业', '机制', '制度', '有关', '相关', '问题', '部门', '单位', '情况', '要求', '按照', '不断', '积极', '进行', '以上',
]);

function isHan(ch: string): boolean {
  return /\p{Script=Han}|[A-Za-z0-9]/u.test(ch);
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (isHan(a) && isHan(b)) {
      const g = a + b;
      if (!COMMON.has(g)) out.add(g);
    }
  }
  return out;
}

/** The phrases (runs of shared bigrams) of `text` that also occur in `other`, longest first. */
export function sharedPhrases(text: string, other: Set<string>): string[] {
  const chars = [...text];
  const phrases = new Set<string>();
  let run = '';
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    if (other.has(g) && !COMMON.has(g)) run = run ? run + chars[i + 1]! : g;
    else {
      if (run) phrases.add(run);
      run = '';
    }
  }
  if (run) phrases.add(run);
  const longestFirst = [...phrases].sort((a, b) => b.length - a.length || a.localeCompare(b));
  // A phrase inside a longer one says nothing more (开办 in 开办企业).
  return longestFirst.filter((p, i) => !longestFirst.slice(0, i).some((q) => q.includes(p)));
}

/** Ranks the tasks for a problem; returns at most `limit` with a positive score. */
export function suggestLinks(problemText: string, leadUnitId: number | null, tasks: CandidateTask[], limit = 3): LinkSuggestion[] {
  const mine = bigrams(problemText);
  if (mine.size === 0 && leadUnitId === null) return [];
  const scored = tasks.map((t) => {
    const theirs = bigrams(`${t.text} ${t.indicatorName ?? ''}`);
    let shared = 0;
    for (const g of mine) if (theirs.has(g)) shared++;
    const textScore = mine.size ? shared / Math.sqrt(mine.size * Math.max(theirs.size, 1)) : 0;
    const leads = leadUnitId !== null && t.leadUnitIds.includes(leadUnitId);
    const shares = !leads && leadUnitId !== null && t.unitIds.includes(leadUnitId);
    const score = shared === 0 ? 0 : textScore + (leads ? 0.15 : shares ? 0.08 : 0);
    return { t, score, theirs, leads, shares, shared };
  }).filter((s) => s.score > 0 && s.shared >= 2);
  scored.sort((a, b) => b.score - a.score || a.t.seq - b.t.seq);
  return scored.slice(0, limit).map(({ t, score, theirs, leads, shares }) => {
    const phrases = sharedPhrases(problemText, theirs).slice(0, 4);
    const parts = [`与任务 ${t.seq} 共有词语“${phrases.join('”“')}”`];
    if (t.indicatorName) parts.push(`属于指标“${t.indicatorName}”`);
    if (leads) parts.push('主办单位是该任务的牵头单位');
    else if (shares) parts.push('主办单位是该任务的责任单位');
    return { taskId: t.id, seq: t.seq, indicatorId: t.indicatorId, score: Math.round(score * 1000) / 1000, explanation: parts.join('；') };
  });
}
