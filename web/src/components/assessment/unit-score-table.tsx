import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UnitAssessment, UnitScore } from '../../api/assessment.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { percent } from './labels.ts';

const score = (s: number | null) => (s === null ? '—' : (Math.round(s * 10) / 10).toFixed(1));

/** The unit table of 标准量化, 骏马 rows green and 蜗牛 rows red. */
export function UnitScoreTable({ data }: { data: UnitAssessment }) {
  const mobile = useIsMobile();
  const best = new Set(data.best.map((b) => b.unitId));
  const worst = new Set(data.worst.map((w) => w.unitId));
  const columns: TableColumnsType<UnitScore> = [
    { key: 'rank', title: '排名', dataIndex: 'rank', width: 56, fixed: 'left', render: (r: number | null) => r ?? '—' },
    {
      key: 'unit',
      title: '单位',
      width: mobile ? 130 : 220,
      fixed: 'left',
      render: (_, u) => (
        <span>
          {u.unit}
          {best.has(u.unitId) && (
            <Tag color="green" className="title-tag">
              骏马
            </Tag>
          )}
          {worst.has(u.unitId) && (
            <Tag color="red" className="title-tag">
              蜗牛
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'score', title: '得分', width: 70, align: 'right', render: (_, u) => <b>{score(u.score)}</b> },
    { key: 'tasks', title: '任务数', dataIndex: 'tasks', width: 70, align: 'right' },
    { key: 'onTime', title: '按时报送率', width: 100, align: 'right', render: (_, u) => percent(u.onTimeReportRate) },
    { key: 'completion', title: '完成率', width: 80, align: 'right', render: (_, u) => percent(u.completionRate) },
    { key: 'overdue', title: '逾期', dataIndex: 'overdueTasks', width: 64, align: 'right' },
    { key: 'returned', title: '退回', dataIndex: 'returnedReports', width: 64, align: 'right' },
    { key: 'extensions', title: '延期', dataIndex: 'extensions', width: 64, align: 'right' },
  ];
  return (
    <Table<UnitScore>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={data.units}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
      scroll={{ x: 800 }}
      rowClassName={(u) => (best.has(u.unitId) ? 'assess-row-best' : worst.has(u.unitId) ? 'assess-row-worst' : '')}
      data-testid="unit-score-table"
      locale={{ emptyText: '该考核期暂无单位数据' }}
    />
  );
}
