import type { Indicator } from '../api/models.ts';

/** Tree keys: `i:12` is indicator 12, `s:12:提升开办企业便利度` one of its sub-indicators. */
export function indicatorKey(indicatorId: number, subIndicator?: string): string {
  return subIndicator ? `s:${indicatorId}:${subIndicator}` : `i:${indicatorId}`;
}

export function parseIndicatorKey(key: string): { indicator?: number; subIndicator?: string } {
  const match = /^([is]):(\d+)(?::(.*))?$/.exec(key);
  if (!match) return {};
  return { indicator: Number(match[2]), subIndicator: match[1] === 's' ? match[3] : undefined };
}

/** `1. 开办企业` for indicators, `一、…` style numbering is left to the plan text. */
export function indicatorLabel(indicator: Pick<Indicator, 'seq' | 'name'>): string {
  return `${indicator.seq}. ${indicator.name}`;
}

export function subIndicatorTitle(sub: { code: string | null; name: string }): string {
  return sub.code ? `${sub.code} ${sub.name}` : sub.name;
}

export interface IndicatorNode {
  key: string;
  value: string;
  title: string;
  count: number;
  children?: IndicatorNode[];
}

/** The indicator → sub-indicator tree with task counts, shared by the side tree and the phone select. */
export function indicatorNodes(indicators: Indicator[]): IndicatorNode[] {
  return indicators.map((ind) => {
    const key = indicatorKey(ind.id);
    const children = ind.subIndicators.map((sub) => {
      const subKey = indicatorKey(ind.id, sub.name);
      return { key: subKey, value: subKey, title: subIndicatorTitle(sub), count: sub.taskCount };
    });
    return { key, value: key, title: indicatorLabel(ind), count: ind.taskCount, children: children.length ? children : undefined };
  });
}
