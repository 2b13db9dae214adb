import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TaskDetail, UnitRef } from '../api/models.ts';
import { COLUMN_FIELDS, OPEN_TAIL, chineseDate, deadlineLabel, hasValue, isUncertain, seqLabel, subIndicatorLabel } from '../lib/task-fields.ts';
import type { TaskColumnKey } from '../lib/task-fields.ts';
import { UncertainMark } from './uncertain-mark.tsx';

function unitTags(units: UnitRef[], open = false): ReactNode {
  if (units.length === 0 && !open) return null;
  return (
    <div className="unit-tags">
      {units.map((u) => (
        <Tag key={u.id} color="blue">
          <Link to={`/tasks?unit=${u.id}`}>{u.name}</Link>
        </Tag>
      ))}
      {open && <span className="open-tail">{OPEN_TAIL}</span>}
    </div>
  );
}

function lines(values: string[]): ReactNode {
  if (values.length === 0) return null;
  return (
    <ul className="plain-list">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}

/** The plan's deadline, and the extended one after an approved extension (the one that now counts). */
function deadlineWithExtension(task: TaskDetail): ReactNode {
  const s = task.supervision;
  if (!s.extended || !s.dueOn) return deadlineLabel(task);
  return (
    <span data-testid="task-deadline-extended">
      已延期至{chineseDate(s.dueOn)}
      <span className="muted">（原定{deadlineLabel(task)}）</span>
    </span>
  );
}

/** Every field of one task, uncertain ones highlighted; used by the drawer and the task page. */
export function TaskDetailView({ task }: { task: TaskDetail }) {
  const mark = (key: TaskColumnKey, content: ReactNode) => (
    <UncertainMark uncertain={isUncertain(task, COLUMN_FIELDS[key])} empty={!hasValue(task, key)}>
      {content}
    </UncertainMark>
  );
  const indicatorTitle = task.indicator?.kind === 'section' ? '部分' : '一级指标';
  const rows: (NonNullable<DescriptionsProps['items']>[number] & { show: boolean })[] = [
    { key: 'plan', label: '所属方案', show: true, children: <Link to={`/plans/${task.plan.id}`}>{task.plan.title}</Link> },
    { key: 'seq', label: '序号', show: true, children: seqLabel(task) },
    {
      key: 'indicator',
      label: indicatorTitle,
      show: task.indicator !== null,
      children: task.indicator ? mark('indicator', `${task.indicator.seq}. ${task.indicator.name}`) : null,
    },
    { key: 'subIndicator', label: '二级指标', show: Boolean(task.subIndicator || task.subIndicatorCode), children: mark('subIndicator', subIndicatorLabel(task)) },
    { key: 'text', label: '具体举措', show: true, children: mark('text', <div className="task-text">{task.text}</div>) },
    { key: 'leader', label: '责任领导', show: Boolean(task.leader), children: mark('leader', task.leader) },
    { key: 'leadUnits', label: '牵头单位', show: task.leadUnits.length > 0, children: mark('leadUnits', unitTags(task.leadUnits)) },
    {
      key: 'responsibleUnits',
      label: '责任单位',
      show: task.responsibleUnits.length > 0 || task.responsibleUnitsOpen,
      children: mark('responsibleUnits', unitTags(task.responsibleUnits, task.responsibleUnitsOpen)),
    },
    {
      key: 'deadline',
      label: '完成时限',
      show: Boolean(task.deadline || task.deadlineRaw),
      children: mark('deadline', deadlineWithExtension(task)),
    },
    { key: 'annualTarget', label: '年度目标', show: Boolean(task.annualTarget), children: mark('annualTarget', task.annualTarget) },
    { key: 'basis', label: '文件依据', show: task.basis.length > 0, children: mark('basis', lines(task.basis)) },
    { key: 'remarks', label: '备注', show: Boolean(task.remarks), children: mark('remarks', task.remarks) },
    { key: 'notes', label: '说明', show: task.notes.length > 0, children: lines(task.notes) },
  ];
  // A field is listed when it has a value, or when it is empty but the import doubted it.
  const shown = (row: (typeof rows)[number]) => {
    const key = String(row.key);
    return row.show || (key in COLUMN_FIELDS && isUncertain(task, COLUMN_FIELDS[key as TaskColumnKey]));
  };
  return (
    <div className="task-detail" data-testid="task-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={rows.filter(shown).map(({ show: _show, ...item }) => item)}
      />
    </div>
  );
}
