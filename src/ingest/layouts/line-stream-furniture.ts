/**
 * Page furniture of a PDF table text layer: the header row repeated on every page (sometimes cut,
 * e.g. `导 / 牵头单位 / 完成 / 时 / 责任单位`) and page numbers (`— 7 —`). The first header also
 * gives the column order.
 */
import { headerRole, type ColumnRole } from './table-columns.ts';
import { hasFullHeaderWord, isHeaderFragmentLine, isPageNumber } from './line-stream-lines.ts';

export interface StreamLine {
  text: string;
  line: number;
}

/** Index ranges [start, end) of header runs: fragment lines holding at least one full header word. */
export function headerRuns(lines: readonly StreamLine[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isHeaderFragmentLine(lines[i]?.text ?? '')) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && isHeaderFragmentLine(lines[j]?.text ?? '')) j++;
    if (lines.slice(i, j).some((l) => hasFullHeaderWord(l.text))) runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Column roles in header order, read from the words of one header run. */
export function columnOrder(run: readonly StreamLine[]): ColumnRole[] {
  const joined = run.map((l) => l.text.replace(/\s+/g, ' ').trim()).join(' ');
  const tokens = joined.split(' ');
  const roles: ColumnRole[] = [];
  // Header words are broken over lines (一级 / 指标); try joining neighbours before single tokens.
  for (let i = 0; i < tokens.length; i++) {
    const pair = (tokens[i] ?? '') + (tokens[i + 1] ?? '');
    const role = headerRole(pair) ?? headerRole(tokens[i] ?? '');
    if (headerRole(pair) !== null) i++;
    if (role && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** The body lines (from the first header on) without furniture, plus the column order. */
export function stripFurniture(lines: readonly StreamLine[]): { body: StreamLine[]; order: ColumnRole[]; start: number } | null {
  const runs = headerRuns(lines);
  const first = runs.find(([a, b]) => {
    const order = columnOrder(lines.slice(a, b));
    return order.includes('text') && order.length >= 4;
  });
  if (!first) return null;
  const order = columnOrder(lines.slice(first[0], first[1]));
  const dropped = new Set<number>();
  for (const [a, b] of runs) for (let k = a; k < b; k++) if (k >= first[0]) dropped.add(k);
  const body = lines.filter((l, k) => k >= first[1] && !dropped.has(k) && !isPageNumber(l.text));
  return { body, order, start: lines[first[0]]?.line ?? 1 };
}
