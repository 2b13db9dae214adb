import { Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo } from 'react';
import type { Indicator } from '../api/models.ts';
import type { IndicatorNode } from '../lib/indicator-keys.ts';
import { indicatorKey, indicatorNodes, parseIndicatorKey } from '../lib/indicator-keys.ts';

const ALL = 'all';

function toTreeData(nodes: IndicatorNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.key,
    title: (
      <span className="tree-node">
        <span className="tree-node-title">{n.title}</span>
        <span className="tree-node-count">{n.count}</span>
      </span>
    ),
    children: n.children ? toTreeData(n.children) : undefined,
  }));
}

interface Props {
  indicators: Indicator[];
  taskCount: number;
  indicator?: number;
  subIndicator?: string;
  onSelect: (filter: { indicator?: number; subIndicator?: string }) => void;
}

/** Left-hand indicator tree of the plan page (sections for prose plans); selecting filters the table. */
export function IndicatorTree({ indicators, taskCount, indicator, subIndicator, onSelect }: Props) {
  const treeData = useMemo<TreeDataNode[]>(
    () => [
      {
        key: ALL,
        title: (
          <span className="tree-node">
            <span className="tree-node-title">全部任务</span>
            <span className="tree-node-count">{taskCount}</span>
          </span>
        ),
      },
      ...toTreeData(indicatorNodes(indicators)),
    ],
    [indicators, taskCount],
  );
  const selected = indicator ? indicatorKey(indicator, subIndicator) : ALL;
  const expanded = indicator ? [indicatorKey(indicator)] : [];
  return (
    <Tree
      className="indicator-tree"
      data-testid="indicator-tree"
      blockNode
      treeData={treeData}
      selectedKeys={[selected]}
      defaultExpandedKeys={expanded}
      onSelect={(keys) => {
        const key = keys[0];
        // Clicking the selected node again deselects it: keep the filter instead of clearing it.
        if (key === undefined) return;
        onSelect(key === ALL ? {} : parseIndicatorKey(String(key)));
      }}
    />
  );
}
