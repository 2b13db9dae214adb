import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { Task } from '../api/models.ts';
import type { TaskColumnKey } from '../lib/task-fields.ts';
import { COLUMN_FIELDS, OPEN_TAIL, deadlineLabel, hasValue, isUncertain, seqLabel, subIndicatorLabel, unitNames } from '../lib/task-fields.ts';
import { UncertainMark } from './uncertain-mark.tsx';

interface ColumnSpec {
  key: TaskColumnKey;
  title: string;
  width: number;
  render: (task: Task) => ReactNode;
}

function clamp(content: ReactNode, lines: 2 | 3 | 4) {
  return <div className={`clamp clamp-${lines}`}>{content}</div>;
}

// Seed 000's responsibility table, in its order. Long cells are clamped; the drawer shows them whole.
const SPECS: ColumnSpec[] = [
  { key: 'indicator', title: '一级指标', width: 110, render: (t) => t.indicator?.name ?? '' },
  { key: 'subIndicator', title: '二级指标', width: 150, render: (t) => clamp(subIndicatorLabel(t), 3) },
  { key: 'text', title: '具体举措', width: 380, render: (t) => clamp(t.text, 4) },
  { key: 'leader', title: '责任领导', width: 90, render: (t) => t.leader ?? '' },
  { key: 'leadUnits', title: '牵头单位', width: 140, render: (t) => clamp(unitNames(t.leadUnits), 3) },
  {
    key: 'responsibleUnits',
    title: '责任单位',
    width: 210,
    render: (t) => clamp(`${unitNames(t.responsibleUnits)}${t.responsibleUnitsOpen ? OPEN_TAIL : ''}`, 3),
  },
  { key: 'deadline', title: '完成时限', width: 104, render: (t) => deadlineLabel(t) },
  { key: 'annualTarget', title: '年度目标', width: 90, render: (t) => t.annualTarget ?? '' },
  {
    key: 'basis',
    title: '文件依据',
    width: 190,
    render: (t) =>
      clamp(
        t.basis.map((b) => (
          <div key={b} className="nowrap-line">
            {b}
          </div>
        )),
        3,
      ),
  },
  { key: 'remarks', title: '备注', width: 130, render: (t) => clamp(t.remarks ?? '', 3) },
];

/** Table columns for the given visible set; a plan column is added when rows span several plans. */
export function taskColumns(visible: Set<TaskColumnKey>, indicatorTitle: string, planTitle?: (planId: number) => string): TableColumnsType<Task> {
  const columns: TableColumnsType<Task> = [
    { key: 'seq', title: '序号', width: 68, fixed: 'left', render: (_, t) => seqLabel(t) },
  ];
  if (planTitle) {
    columns.push({ key: 'plan', title: '方案', width: 180, render: (_, t) => clamp(planTitle(t.planId), 3) });
  }
  for (const spec of SPECS) {
    if (!visible.has(spec.key)) continue;
    columns.push({
      key: spec.key,
      title: spec.key === 'indicator' ? indicatorTitle : spec.title,
      width: spec.width,
      render: (_, task) => (
        <UncertainMark uncertain={isUncertain(task, COLUMN_FIELDS[spec.key])} empty={!hasValue(task, spec.key)}>
          {spec.render(task)}
        </UncertainMark>
      ),
    });
  }
  return columns;
}

/** Sum of column widths: the table scrolls sideways on narrow screens instead of squeezing text. */
export function columnsWidth(columns: TableColumnsType<Task>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
}
