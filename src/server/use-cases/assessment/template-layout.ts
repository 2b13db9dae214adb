/**
 * The layout of the rank-entry workbook, shared by the template writer and the importer so the
 * two can never disagree: one sheet for the indicators, one per place kind; title in row 1,
 * header in row 2, data from row 3; rows are matched by name, so offices may reorder them.
 */
import type { PlaceKind } from './assessment-settings.ts';

export const FIRST_DATA_ROW = 3;

/** Column numbers (1-based) of a sheet. */
export interface SheetLayout {
  name: string;
  headers: string[];
  nameCol: number;
  rankCol: number;
  scoreCol: number;
}

export const INDICATOR_SHEET: SheetLayout = { name: '指标排名', headers: ['序号', '一级指标', '年度目标', '全省排名', '得分'], nameCol: 2, rankCol: 4, scoreCol: 5 };

export const PLACE_SHEETS: Record<PlaceKind, SheetLayout> = {
  county: { name: '县市排名', headers: ['序号', '县市', '全省排名', '得分'], nameCol: 2, rankCol: 3, scoreCol: 4 },
  district: { name: '市辖区排名', headers: ['序号', '市辖区', '全省排名', '得分'], nameCol: 2, rankCol: 3, scoreCol: 4 },
  park: { name: '园区排名', headers: ['序号', '园区', '全省排名', '得分'], nameCol: 2, rankCol: 3, scoreCol: 4 },
};

/** Spreadsheet column letter of a 1-based column number (A, B, … Z, AA …). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
