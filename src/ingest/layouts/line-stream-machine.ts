/**
 * The state machine of the line-stream table layout: assigns each physical line to a column of
 * the current table row. Columns only move rightwards within a row; a new row starts at a task
 * number, a 二级指标 code or an indicator label. Where content is ambiguous (text or unit list?)
 * the width of the previous line decides: a cell continues only after a full-width line or
 * mid-sentence.
 */
import { displayWidth } from '../../domain/text-normalise.ts';
import type { ColumnRole } from './table-columns.ts';
import type { StreamLine } from './line-stream-furniture.ts';
import {
  isAnnualTarget, isCitationStart, isDeadlineMonth, isDeadlineYear, isPersonName, isSpacedRemark, isTaskLabel, isUnitLike, numberedStart, startsLikeUnit, subIndicatorStart,
} from './line-stream-lines.ts';

export interface StreamRow {
  cells: Partial<Record<ColumnRole, StreamLine[]>>;
  /** This row opens a new indicator (its label was printed in the row). */
  opensIndicator: number | null;
  textTooWide: boolean;
  firstLine: number;
}

export interface MachineResult {
  rows: StreamRow[];
  dropped: StreamLine[];
}

/** Widest line of an indicator or 二级指标 label column (about six CJK characters). */
const LABEL_WIDTH = 14;

const UNIT_COMPLETE = /(?:局|委|办|院|行|司|心|会|队|所|站|处|室|厅|部|组|府|关|团|联|社|署|中心|公司|法院)$/;

class Machine {
  rows: StreamRow[] = [];
  dropped: StreamLine[] = [];
  row: StreamRow | null = null;
  col: ColumnRole = 'indicator';
  expectedTask = 1;
  indicatorSeq = 0;
  lastMinor = 0;
  /** Number of the last numbered citation in the current row's 文件依据 (basis lists are numbered 1., 2., …). */
  lastCitation = 0;
  indicatorHasLead = false;
  indicatorHasLeader = false;
  textWidths = new Map<number, number>();

  constructor(private readonly order: ColumnRole[], private readonly lines: StreamLine[]) {}

  private rank(role: ColumnRole): number {
    const i = this.order.indexOf(role);
    return i < 0 ? 99 : i;
  }

  private startRow(line: StreamLine): StreamRow {
    this.row = { cells: {}, opensIndicator: null, textTooWide: false, firstLine: line.line };
    this.lastCitation = 0;
    this.rows.push(this.row);
    return this.row;
  }

  private put(role: ColumnRole, line: StreamLine): void {
    const row = this.row ?? this.startRow(line);
    (row.cells[role] ??= []).push(line);
    this.col = role;
    if (role === 'lead') this.indicatorHasLead = true;
    if (role === 'basis') this.lastCitation = numberedStart(line.text)?.n ?? this.lastCitation;
    if (role === 'leader') this.indicatorHasLeader = true;
    if (role === 'text') {
      const w = displayWidth(line.text.trim());
      if (w >= 16) this.textWidths.set(w, (this.textWidths.get(w) ?? 0) + 1);
    }
  }

  /** The usual width of a full text line (the most frequent wide width seen so far). */
  private textColumnWidth(): number {
    let best = 24;
    let count = 0;
    this.textWidths.forEach((n, w) => {
      if (n > count || (n === count && w > best)) {
        best = w;
        count = n;
      }
    });
    return best;
  }

  private lastOf(role: ColumnRole): string | null {
    return this.row?.cells[role]?.at(-1)?.text.trim() ?? null;
  }

  private textComplete(): boolean {
    const last = this.lastOf('text');
    if (last === null) return false;
    return /[。；;]$/.test(last) || displayWidth(last) < this.textColumnWidth() - 3;
  }

  private openIndicator(n: number, row: StreamRow): void {
    row.opensIndicator = n;
    this.indicatorSeq = n;
    this.lastMinor = 0;
    this.indicatorHasLead = false;
    this.indicatorHasLeader = false;
  }

  private opensIndicatorAt(i: number, n: number): boolean {
    for (let k = i + 1; k < Math.min(this.lines.length, i + 10); k++) {
      const text = this.lines[k]?.text ?? '';
      const sub = subIndicatorStart(text);
      if (sub) return sub.major === n && sub.minor === 1;
      if (numberedStart(text)) return false;
    }
    return false;
  }

  run(): MachineResult {
    this.lines.forEach((line, i) => this.step(line, i));
    return { rows: this.rows, dropped: this.dropped };
  }

  private step(line: StreamLine, i: number): void {
    const t = line.text.trim();
    const numbered = numberedStart(t);
    const sub = subIndicatorStart(t);
    if (numbered && !sub && this.opensIndicatorAt(i, numbered.n) && (numbered.n === this.indicatorSeq + 1 || numbered.n === this.indicatorSeq + 2)) {
      this.openIndicator(numbered.n, this.startRow(line));
      this.put('indicator', line);
    } else if (numbered && !sub && numbered.n === this.indicatorSeq && this.row?.opensIndicator === numbered.n && !this.row.cells.indicator) {
      // The label of an indicator whose 二级指标 code came first (cells emitted out of order).
      this.put('indicator', line);
    } else if (sub && sub.major === this.indicatorSeq + 1 && sub.minor === 1) {
      // A new indicator's first 二级指标 without its label before it: the label is missing or late.
      const row = this.row && this.labelBelongsToRow() ? this.row : this.startRow(line);
      this.openIndicator(sub.major, row);
      this.lastMinor = 1;
      this.put('sub_indicator', line);
    } else if (sub && sub.major === this.indicatorSeq && sub.minor > this.lastMinor && sub.minor <= this.lastMinor + 3) {
      if (!this.labelBelongsToRow()) this.startRow(line);
      this.lastMinor = sub.minor;
      this.put('sub_indicator', line);
    } else if (numbered && numbered.n === this.expectedTask && !this.continuesCitations(numbered.n, t)) {
      if (!this.row || this.row.cells.text) this.startRow(line);
      this.expectedTask++;
      this.putText(line);
    } else this.byContent(line, t);
  }

  // A 二级指标 label opens a new row, except right after a row that so far holds only its text:
  // on pages extracted out of order the label follows the text of its own row.
  private labelBelongsToRow(): boolean {
    const row = this.row;
    if (!row) return false;
    const roles = Object.keys(row.cells);
    if (!row.cells.text) return !row.cells.sub_indicator;
    return roles.every((r) => r === 'text' || r === 'indicator');
  }

  // A lone `。` on an out-of-order page closes the text or the label it was cut from.
  private lonePunctuation(line: StreamLine): boolean {
    if (!/^[。；]$/.test(line.text.trim()) || !this.row) return false;
    for (const role of ['text', 'sub_indicator'] as const) {
      const cell = this.row.cells[role];
      const last = cell?.at(-1);
      if (cell && last && !/[。；]$/.test(last.text.trim())) {
        cell.push(line);
        return true;
      }
    }
    return false;
  }

  // On an out-of-order page the indicator's leader and lead unit may come anywhere in its first
  // row, even interleaved (`市市场监 / 管 / 晏丽君 / 局`); a name or a short unit piece still fits.
  private scatteredGroupCell(line: StreamLine, t: string): boolean {
    if (this.row?.opensIndicator == null || this.rank(this.col) < this.rank('deadline')) return false;
    if (!this.indicatorHasLeader && isPersonName(t)) {
      (this.row.cells.leader ??= []).push(line);
      this.indicatorHasLeader = true;
      return true;
    }
    const lead = this.leadText();
    const startsLead = !this.indicatorHasLead && startsLikeUnit(t) && displayWidth(t) <= 10 && !/[、“”]/.test(t);
    const continuesLead = lead !== '' && !UNIT_COMPLETE.test(lead) && /^[\p{Script=Han}]{1,2}$/u.test(t);
    if (!startsLead && !continuesLead) return false;
    (this.row.cells.lead ??= []).push(line);
    this.indicatorHasLead = true;
    return true;
  }

  // `2.某省人民政府…` inside a 文件依据 cell is the next citation, not task 2.
  private continuesCitations(n: number, t: string): boolean {
    return this.rank(this.col) >= this.rank('deadline') && n === this.lastCitation + 1 && isCitationStart(t);
  }

  private byContent(line: StreamLine, t: string): void {
    if (isDeadlineYear(t) || (isDeadlineMonth(t) && this.col === 'deadline')) return this.put('deadline', line);
    if (isAnnualTarget(t)) return this.put('annual_target', line);
    if (isTaskLabel(t)) return this.put('basis', line);
    if (isSpacedRemark(t) && this.rank(this.col) >= this.rank('deadline')) return this.put('remarks', line);
    if (this.lonePunctuation(line)) return;
    if (this.scatteredGroupCell(line, t)) return;
    switch (this.col) {
      case 'indicator':
      case 'sub_indicator':
        // Label columns are narrow; a wide line after a label belongs to a later column.
        if (displayWidth(t) > LABEL_WIDTH && this.row?.cells.text) return this.unitsOrBasis(line, t);
        return this.put(this.col, line);
      case 'text':
        return this.afterText(line, t);
      case 'leader':
        return this.afterLeader(line, t);
      case 'lead':
        return UNIT_COMPLETE.test(this.leadText()) ? this.unitsOrBasis(line, t) : this.put('lead', line);
      case 'responsible':
        return this.unitsOrBasis(line, t);
      case 'remarks':
        return /^[\p{Script=Han}]{1,4}$/u.test(t) ? this.put('remarks', line) : void this.dropped.push(line);
      default:
        return this.put('basis', line);
    }
  }

  private leadText(): string {
    return (this.row?.cells.lead ?? []).map((l) => l.text.trim()).join('');
  }

  private putText(line: StreamLine): void {
    // A leader's name printed at the end of the last text line (`…“一件事”。 沈志定`).
    const m = /^(.*[。”；）)])\s+([\p{Script=Han}]{2,3})$/u.exec(line.text.trim());
    if (m && !this.indicatorHasLeader && isPersonName(m[2] ?? '')) {
      this.put('text', { text: m[1] ?? '', line: line.line });
      this.put('leader', { text: m[2] ?? '', line: line.line });
      return;
    }
    this.put('text', line);
  }

  private afterText(line: StreamLine, t: string): void {
    const firstRow = this.row?.opensIndicator !== null;
    if (!this.indicatorHasLeader && firstRow && this.textComplete()) {
      const [head, ...rest] = t.split(/\s+/);
      if (head && isPersonName(head)) {
        this.put('leader', { text: head, line: line.line });
        if (rest.length > 0) this.put('lead', { text: rest.join(' '), line: line.line });
        return;
      }
    }
    if (!this.textComplete()) return this.putText(line);
    if (isCitationStart(t) && !isUnitLike(t)) return this.put('basis', line);
    if (isUnitLike(t) || (startsLikeUnit(t) && displayWidth(t) < this.textColumnWidth() - 3 && !/[。；]$/.test(t))) return this.put(firstRow && !this.indicatorHasLead && displayWidth(t) <= 10 ? 'lead' : 'responsible', line);
    if (this.row && displayWidth(t) > this.textColumnWidth() + 1) this.row.textTooWide = true;
    this.putText(line);
  }

  private afterLeader(line: StreamLine, t: string): void {
    if (!this.indicatorHasLead) return this.put('lead', line);
    this.unitsOrBasis(line, t);
  }

  private unitsOrBasis(line: StreamLine, t: string): void {
    if (isCitationStart(t) && !isUnitLike(t)) return this.put('basis', line);
    if (this.rank(this.col) > this.rank('responsible')) return this.put('basis', line);
    this.put('responsible', line);
  }
}

/** Assigns the body lines of a line-stream table to rows and columns. */
export function runLineStreamMachine(order: ColumnRole[], lines: StreamLine[]): MachineResult {
  return new Machine(order, lines).run();
}
