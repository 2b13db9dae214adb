import { Table } from 'antd';
import { useMemo } from 'react';
import type { Task } from '../api/models.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import type { TaskColumnKey } from '../lib/task-fields.ts';
import { PAGE_SIZES } from '../lib/task-query.ts';
import { TaskCardList } from './task-card-list.tsx';
import { columnsWidth, taskColumns } from './task-columns.tsx';

export interface TaskTableProps {
  tasks: Task[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  visibleColumns: Set<TaskColumnKey>;
  /** 一级指标 for indicator plans, 部分 for prose plans with sections. */
  indicatorTitle?: string;
  planTitle?: (planId: number) => string;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (task: Task) => void;
  /** Row checkboxes for batch work (desktop table). */
  selection?: { keys: number[]; onChange: (keys: number[]) => void };
}

/** The responsibility table of seed 000; a card list on phones. */
export function TaskTable(props: TaskTableProps) {
  const { tasks, total, page, pageSize, loading, visibleColumns, indicatorTitle = '一级指标', planTitle, onPageChange, onOpen, selection } = props;
  const mobile = useIsMobile();
  const columns = useMemo(() => taskColumns(visibleColumns, indicatorTitle, planTitle), [visibleColumns, indicatorTitle, planTitle]);
  const pagination = {
    current: page,
    pageSize,
    total,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: !mobile,
    simple: mobile,
    showTotal: mobile ? undefined : (n: number) => `共 ${n} 项`,
    onChange: onPageChange,
  };
  if (mobile) {
    return <TaskCardList tasks={tasks} loading={loading} pagination={pagination} onOpen={onOpen} planTitle={planTitle} />;
  }
  return (
    <Table<Task>
      className="task-table"
      data-testid="task-table"
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={tasks}
      loading={loading}
      scroll={{ x: columnsWidth(columns) }}
      sticky={{ offsetHeader: 56 }}
      pagination={pagination}
      onRow={(task) => ({ onClick: () => onOpen(task), className: 'clickable-row' })}
      locale={{ emptyText: '没有符合条件的任务' }}
      rowSelection={selection ? { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys.map(Number)), preserveSelectedRowKeys: true } : undefined}
    />
  );
}
