/**
 * Rates of the problem loop, per unit or county (or any grouping the caller makes):
 * - 按期办结率: of the cases finished (reply accepted), those finished by their deadline;
 * - 满意率: of the cases visited, those whose latest 满意度 is 满意 or 基本满意;
 * - 重复诉求: cases of an enterprise (credit code, else name) and category already raised before;
 * - 退回率: of the cases replied at least once, those returned for rework at least once.
 * A rate is null when nothing counts toward it (shown as “—”, never as 0%).
 */
import { caseOnTime, caseOverdue } from './case-light.ts';
import type { Satisfaction } from './case-model.ts';

export interface CaseFacts {
  id: number;
  dueOn: string | null;
  finishedOn: string | null;
  /** Whether a reply was ever submitted. */
  replied: boolean;
  returns: number;
  satisfaction: Satisfaction | null;
  enterpriseKey: string | null;
  category: string;
  foundOn: string;
}

export interface CaseRates {
  total: number;
  finished: number;
  onTime: number;
  overdue: number;
  visited: number;
  satisfied: number;
  dissatisfied: number;
  repeated: number;
  replied: number;
  returned: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** The ids of repeated cases: an earlier case (by date, then id) has the same enterprise and category. */
export function repeatedCaseIds(cases: CaseFacts[]): Set<number> {
  const seen = new Set<string>();
  const out = new Set<number>();
  for (const c of [...cases].sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.id - b.id)) {
    if (!c.enterpriseKey) continue;
    const key = `${c.enterpriseKey}|${c.category}`;
    if (seen.has(key)) out.add(c.id);
    seen.add(key);
  }
  return out;
}

/** The rates of a group of cases on `day`; `repeated` is computed over all cases (see repeatedCaseIds). */
export function caseRates(cases: CaseFacts[], day: string, repeated: Set<number>): CaseRates {
  const finished = cases.filter((c) => c.finishedOn !== null);
  const visited = cases.filter((c) => c.satisfaction !== null);
  const satisfied = visited.filter((c) => c.satisfaction !== 'dissatisfied').length;
  const replied = cases.filter((c) => c.replied);
  const returned = replied.filter((c) => c.returns > 0).length;
  const onTime = finished.filter(caseOnTime).length;
  return {
    total: cases.length, finished: finished.length, onTime, overdue: cases.filter((c) => caseOverdue(c, day)).length,
    visited: visited.length, satisfied, dissatisfied: visited.length - satisfied, repeated: cases.filter((c) => repeated.has(c.id)).length,
    replied: replied.length, returned,
    onTimeRate: ratio(onTime, finished.length), satisfactionRate: ratio(satisfied, visited.length), returnRate: ratio(returned, replied.length),
  };
}
