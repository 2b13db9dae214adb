import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Indicator } from '../api/models.ts';
import { indicatorKey, indicatorNodes, parseIndicatorKey } from '../lib/indicator-keys.ts';
import type { IndicatorNode } from '../lib/indicator-keys.ts';

function withCounts(nodes: IndicatorNode[]): { value: string; title: string; children?: ReturnType<typeof withCounts> }[] {
  return nodes.map((n) => ({ value: n.value, title: `${n.title}（${n.count}）`, children: n.children ? withCounts(n.children) : undefined }));
}

interface Props {
  indicators: Indicator[];
  indicator?: number;
  subIndicator?: string;
  placeholder: string;
  onSelect: (filter: { indicator?: number; subIndicator?: string }) => void;
}

/** Indicator filter as a drop-down: on phones and on the all-tasks page, where there is no side tree. */
export function IndicatorSelect({ indicators, indicator, subIndicator, placeholder, onSelect }: Props) {
  const treeData = useMemo(() => withCounts(indicatorNodes(indicators)), [indicators]);
  return (
    <TreeSelect
      className="filter-indicator"
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder}
      treeData={treeData}
      value={indicator ? indicatorKey(indicator, subIndicator) : undefined}
      onChange={(value?: string) => onSelect(value ? parseIndicatorKey(value) : {})}
      popupMatchSelectWidth={false}
    />
  );
}
