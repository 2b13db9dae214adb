import { Empty, Pagination, Table } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import type { Light } from '../api/models.ts';
import type { Task } from '../api/models.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { deadlineLabel, unitNames } from '../lib/task-fields.ts';
import { LightDot } from './light-dot.tsx';

const PAGE = 20;

export interface LightTaskRow {
  taskId: number;
  seq: number;
  light: Light;
  reasons: string[];
  task: Task | undefined;
}

function reasons(row: LightTaskRow) {
  if (row.reasons.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list light-reasons">
      {row.reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

const columns: ColumnsType<LightTaskRow> = [
  { key: 'seq', title: '序号', dataIndex: 'seq', width: 64 },
  { key: 'text', title: '具体举措', render: (_, r) => <div className="clamp clamp-3">{r.task?.text ?? ''}</div> },
  { key: 'lead', title: '牵头单位', width: 160, render: (_, r) => (r.task ? unitNames(r.task.leadUnits) : '') },
  { key: 'deadline', title: '完成时限', width: 110, render: (_, r) => (r.task ? deadlineLabel(r.task) : '') },
  { key: 'reasons', title: '原因', width: 260, render: (_, r) => reasons(r) },
];

/** Tasks of one light (after the matrix filter), with the reasons the light was given. */
export function LightTaskList({ rows, onOpen, selection }: {
  rows: LightTaskRow[];
  onOpen: (taskId: number) => void;
  /** Row checkboxes for batch work (desktop table). */
  selection?: { keys: number[]; onChange: (keys: number[]) => void };
}) {
  const mobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [rowsSeen, setRowsSeen] = useState(rows);
  if (rowsSeen !== rows) {
    // A new filter starts at the first page.
    setRowsSeen(rows);
    setPage(1);
  }
  if (rows.length === 0) return <Empty description="没有符合条件的任务" />;
  if (mobile) {
    return (
      <div className="task-cards" data-testid="light-tasks">
        {rows.slice((page - 1) * PAGE, page * PAGE).map((r) => (
          <button type="button" key={r.taskId} className="task-card" onClick={() => onOpen(r.taskId)} data-testid="light-task">
            <div className="task-card-head">
              <span className="task-card-seq">{r.seq}</span>
              <LightDot light={r.light} />
              <span className="task-card-indicator">{r.task?.indicator?.name}</span>
            </div>
            <div className="task-card-text clamp clamp-3">{r.task?.text}</div>
            <div className="task-card-meta light-card-reasons">{r.reasons.join('；')}</div>
          </button>
        ))}
        {rows.length > PAGE && (
          <Pagination className="task-cards-pagination" size="small" current={page} pageSize={PAGE} total={rows.length} onChange={setPage} showSizeChanger={false} />
        )}
      </div>
    );
  }
  return (
    <Table<LightTaskRow>
      className="task-table"
      data-testid="light-tasks"
      rowKey="taskId"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
      onRow={(r) => ({ onClick: () => onOpen(r.taskId), className: 'clickable-row' })}
      rowSelection={selection ? { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys.map(Number)), preserveSelectedRowKeys: false } : undefined}
    />
  );
}
