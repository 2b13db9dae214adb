// Labels and colours of the 评价 screens.
import type { Band, PlaceKind } from '../../api/assessment.ts';

export const PLACE_KINDS: PlaceKind[] = ['county', 'district', 'park'];

export const SUBJECT_LABELS: Record<string, string> = { indicator: '指标', county: '县市', district: '市辖区', park: '园区' };

/** The three consequence groups, in the order of the rules (约谈 → 不得评优 → 追责问责). */
export const ACTION_GROUPS: { action: string; title: string; color: string }[] = [
  { action: 'interview', title: '约谈', color: 'orange' },
  { action: 'no-excellent-rating', title: '不得评优', color: 'volcano' },
  { action: 'accountability', title: '追责问责', color: 'red' },
];

export function actionTitle(action: string, fallback: string): string {
  return ACTION_GROUPS.find((g) => g.action === action)?.title ?? fallback;
}

export function actionColor(action: string): string {
  return ACTION_GROUPS.find((g) => g.action === action)?.color ?? 'default';
}

const BAND_COLORS: Record<string, string> = { excellent: 'green', good: 'gold', average: 'orange', poor: 'red' };

export function bandColor(band: Band | null): string {
  return band ? (BAND_COLORS[band.key] ?? 'blue') : 'default';
}

export const AWARD_REASONS: Record<string, string> = { 'target-reached': '达成年度目标', benchmark: '全省标杆' };

/** 第7名/14 */
export function rankText(rank: number | null, total: number): string {
  return rank === null ? '未录入' : `第${rank}名 / ${total}`;
}

/** A rate 0–1 as 87.5%. */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
