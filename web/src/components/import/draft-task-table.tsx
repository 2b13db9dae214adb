import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { Draft, DraftTask } from '../../api/imports.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { OPEN_TAIL } from '../../lib/task-fields.ts';
import { UNCERTAIN_HINT } from '../uncertain-mark.tsx';
import type { DraftColumn } from './draft-fields.ts';
import { deadlineFromRaw, groupName, isFieldUncertain, targetLabel } from './draft-fields.ts';
import { EditableChoice, EditableTags, EditableText } from './editable-cell.tsx';
import { groupOptions, groupPatch } from './draft-rows.ts';
import { TargetAdder } from './target-editor.tsx';

export interface CellError {
  index: number;
  column: DraftColumn | undefined;
  message: string;
}

interface Row {
  index: number;
  task: DraftTask;
}

export interface DraftTaskTableProps {
  draft: Draft;
  /** Known unit names (written in the draft and in the catalogue) offered when editing units. */
  unitOptions: string[];
  /** The task a warning link asked for: its page is shown, the row scrolled to and marked. */
  focus: { seq: number; at: number } | null;
  error: CellError | null;
  onChange: (index: number, column: DraftColumn | 'seq', patch: Partial<DraftTask>) => void;
  /** Inserts an empty task after row `after` (undefined: at the end). */
  onInsert: (after?: number) => void;
  onDelete: (index: number) => void;
}

const PAGE_SIZE = 20;

/** Marks a cell the importer was unsure about (or one the server rejected). */
function Mark({ uncertain, error, children }: { uncertain: boolean; error?: string; children: ReactNode }) {
  if (error) {
    return (
      <Tooltip title={error}>
        <div className="draft-cell-error" data-error="true">
          {children}
        </div>
      </Tooltip>
    );
  }
  if (!uncertain) return <>{children}</>;
  return (
    <Tooltip title={UNCERTAIN_HINT}>
      <div className="draft-cell-uncertain" data-uncertain="true">
        {children}
      </div>
    </Tooltip>
  );
}

function has(tasks: DraftTask[], pick: (t: DraftTask) => unknown): boolean {
  return tasks.some((t) => {
    const v = pick(t);
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
}

/** The draft's tasks in the plan's columns, every listed cell editable in place. */
export function DraftTaskTable({ draft, unitOptions, focus, error, onChange, onInsert, onDelete }: DraftTaskTableProps) {
  const mobile = useIsMobile();
  const [page, setPage] = useState(1);
  const rows = useMemo<Row[]>(() => draft.tasks.map((task, index) => ({ index, task })), [draft.tasks]);
  const basisOptions = useMemo(() => [...new Set(draft.tasks.flatMap((t) => t.basis ?? []))], [draft.tasks]);
  const prose = !draft.indicators?.length && Boolean(draft.sections?.length);
  const focusIndex = focus ? draft.tasks.findIndex((t) => t.seq === focus.seq) : -1;
  const groups = useMemo(() => groupOptions(draft), [draft]);
  const errorIndex = error ? error.index : -1;

  // A warning link or a rejected save jumps to the task's page, then scrolls the row into view.
  useEffect(() => {
    const target = focusIndex >= 0 ? focusIndex : errorIndex;
    if (target < 0) return undefined;
    setPage(Math.floor(target / PAGE_SIZE) + 1);
    const timer = window.setTimeout(() => {
      document.querySelector(`.draft-task-table [data-row-key="${target}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 50);
    return () => window.clearTimeout(timer);
  }, [focus, focusIndex, errorIndex, error]);

  const columns = useMemo(() => {
    const tasks = draft.tasks;
    const errorFor = (r: Row, column: DraftColumn) => (error && error.index === r.index && error.column === column ? error.message : undefined);
    const cell = (column: DraftColumn, render: (r: Row) => ReactNode) => (_: unknown, r: Row) => (
      <Mark uncertain={isFieldUncertain(r.task, column)} error={errorFor(r, column)}>
        {render(r)}
      </Mark>
    );
    const cols: TableColumnsType<Row> = [
      {
        key: 'seq',
        title: '序号',
        width: 60,
        fixed: mobile ? undefined : 'left',
        render: (_, r) => (
          <EditableText
            label={`第 ${r.index + 1} 行的序号`}
            testId={`cell-seq-${r.index}`}
            value={String(r.task.seq)}
            display={
              <span className="draft-seq" data-testid={`draft-seq-${r.task.seq}`}>
                {r.task.seq_cn ?? r.task.seq}
              </span>
            }
            onChange={(v) => {
              const seq = Number(v.trim());
              if (Number.isInteger(seq) && seq > 0) onChange(r.index, 'seq', { seq, seq_cn: null });
            }}
          />
        ),
      },
    ];
    if (groups.length || has(tasks, (t) => t.indicator_seq ?? t.section_seq ?? t.indicator)) {
      cols.push({
        key: 'indicator',
        title: prose ? '部分' : '一级指标',
        width: 130,
        render: cell('indicator', (r) =>
          groups.length ? (
            <EditableChoice
              label={prose ? '所属部分' : '一级指标'}
              testId={`cell-indicator-${r.index}`}
              value={(prose ? r.task.section_seq : r.task.indicator_seq) ?? null}
              options={groups}
              noneLabel={prose ? '不归入部分' : '不归入指标'}
              display={groupName(draft, r.task) || <span className="muted">—</span>}
              onChange={(seq) => onChange(r.index, 'indicator', groupPatch(draft, seq))}
            />
          ) : (
            groupName(draft, r.task)
          ),
        ),
      });
    }
    if (has(tasks, (t) => t.sub_indicator ?? t.sub_indicator_code)) {
      cols.push({
        key: 'subIndicator',
        title: '二级指标',
        width: 150,
        render: cell('subIndicator', (r) => (
          <EditableText
            label="二级指标"
            testId={`cell-sub-${r.index}`}
            value={r.task.sub_indicator ?? ''}
            display={[r.task.sub_indicator_code, r.task.sub_indicator].filter(Boolean).join(' ') || undefined}
            onChange={(v) => onChange(r.index, 'subIndicator', { sub_indicator: v.trim() || null })}
          />
        )),
      });
    }
    cols.push({
      key: 'text',
      title: '具体举措',
      width: 360,
      render: cell('text', (r) => (
        <EditableText
          multiline
          label={`第 ${r.task.seq} 项任务的具体举措`}
          testId={`cell-text-${r.index}`}
          value={r.task.text}
          display={<div className="clamp clamp-4">{r.task.text}</div>}
          onChange={(text) => onChange(r.index, 'text', { text })}
        />
      )),
    });
    if (has(tasks, (t) => t.leader)) {
      cols.push({
        key: 'leader',
        title: '责任领导',
        width: 96,
        render: cell('leader', (r) => (
          <EditableText
            label="责任领导"
            testId={`cell-leader-${r.index}`}
            value={r.task.leader ?? ''}
            onChange={(v) => onChange(r.index, 'leader', { leader: v.trim() || null })}
          />
        )),
      });
    }
    cols.push(
      {
        key: 'leadUnits',
        title: '牵头单位',
        width: 170,
        render: cell('leadUnits', (r) => (
          <EditableTags
            label="牵头单位"
            testId={`cell-lead-${r.index}`}
            value={r.task.lead_units ?? []}
            options={unitOptions}
            onChange={(v) => onChange(r.index, 'leadUnits', { lead_units: v })}
          />
        )),
      },
      {
        key: 'responsibleUnits',
        title: '责任单位',
        width: 250,
        render: cell('responsibleUnits', (r) => (
          <EditableTags
            label="责任单位"
            testId={`cell-responsible-${r.index}`}
            value={r.task.responsible_units ?? []}
            options={unitOptions}
            tail={r.task.responsible_units_open ? <span className="open-tail">{OPEN_TAIL}</span> : null}
            onChange={(v) => onChange(r.index, 'responsibleUnits', { responsible_units: v })}
          />
        )),
      },
      {
        key: 'deadline',
        title: '完成时限',
        width: 120,
        render: cell('deadline', (r) => (
          <EditableText
            label="完成时限"
            testId={`cell-deadline-${r.index}`}
            value={r.task.deadline_raw ?? r.task.deadline ?? ''}
            onChange={(v) => onChange(r.index, 'deadline', { deadline_raw: v.trim() || null, deadline: deadlineFromRaw(v) })}
          />
        )),
      },
    );
    if (has(tasks, (t) => t.annual_target)) {
      cols.push({
        key: 'annualTarget',
        title: '年度目标',
        width: 100,
        render: cell('annualTarget', (r) => (
          <EditableText
            label="年度目标"
            testId={`cell-annual-${r.index}`}
            value={r.task.annual_target ?? ''}
            onChange={(v) => onChange(r.index, 'annualTarget', { annual_target: v.trim() || null })}
          />
        )),
      });
    }
    cols.push(
      {
        key: 'basis',
        title: '文件依据',
        width: 190,
        render: cell('basis', (r) => (
          <EditableTags
            label="文件依据"
            testId={`cell-basis-${r.index}`}
            value={r.task.basis ?? []}
            options={basisOptions}
            onChange={(v) => onChange(r.index, 'basis', { basis: v })}
          />
        )),
      },
      {
        key: 'remarks',
        title: '备注',
        width: 140,
        render: cell('remarks', (r) => (
          <EditableText
            multiline
            label="备注"
            testId={`cell-remarks-${r.index}`}
            value={r.task.remarks ?? ''}
            onChange={(v) => onChange(r.index, 'remarks', { remarks: v.trim() || null })}
          />
        )),
      },
      {
        key: 'targets',
        title: '量化目标',
        width: 210,
        render: cell('targets', (r) => (
          <div className="draft-targets">
            {(r.task.targets ?? []).map((t, i) => (
              <Tooltip key={i} title={`原文：${t.source}`}>
                <Tag
                  color="blue"
                  className="draft-target"
                  closable
                  closeIcon={<span aria-label={`删除量化目标${t.metric}`}>×</span>}
                  onClose={(e) => {
                    e.preventDefault();
                    onChange(r.index, 'targets', { targets: (r.task.targets ?? []).filter((_, k) => k !== i) });
                  }}
                >
                  {targetLabel(t)}
                </Tag>
              </Tooltip>
            ))}
            <TargetAdder testId={`target-add-${r.index}`} onAdd={(t) => onChange(r.index, 'targets', { targets: [...(r.task.targets ?? []), t] })} />
          </div>
        )),
      },
    );
    cols.push({
      key: 'actions',
      title: '操作',
      width: 92,
      fixed: mobile ? undefined : 'right',
      render: (_, r) => (
        <span className="draft-row-actions">
          <Tooltip title="在下方插入一项任务">
            <Button size="small" type="text" icon={<PlusOutlined />} aria-label={`在第 ${r.index + 1} 行下方插入任务`} data-testid={`row-insert-${r.index}`} onClick={() => onInsert(r.index)} />
          </Tooltip>
          <Popconfirm title={`删除第 ${r.index + 1} 行（序号 ${r.task.seq}）？`} description="保存后生效，导入时不再包含这项任务。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onDelete(r.index)}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${r.index + 1} 行`} data-testid={`row-delete-${r.index}`} />
          </Popconfirm>
        </span>
      ),
    });
    return cols;
  }, [draft, prose, mobile, unitOptions, basisOptions, error, onChange, onInsert, onDelete, groups]);

  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
  return (
    <div className="draft-table-wrap">
      <Table<Row>
        className="task-table draft-task-table"
        data-testid="draft-task-table"
        rowKey="index"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        scroll={{ x: width }}
        rowClassName={(r) => (r.index === focusIndex ? 'draft-row-focus' : '')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          showSizeChanger: false,
          simple: mobile,
          showTotal: mobile ? undefined : (n: number) => `共 ${n} 项任务`,
          onChange: setPage,
        }}
        locale={{ emptyText: '草稿中没有任务' }}
      />
      <Button icon={<PlusOutlined />} className="draft-add-row" data-testid="add-task" onClick={() => onInsert()}>
        添加任务
      </Button>
    </div>
  );
}
