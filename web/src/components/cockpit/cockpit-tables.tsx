import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Cockpit } from '../../api/cockpit-api.ts';
import { FigureLink, type Drill } from './figure-link.tsx';

type Fig = Cockpit['totals'];
type Dim = NonNullable<Drill['dim']>;

/** The figure columns of a table row keyed by `keyOf`, each a link to its tasks. */
function figureColumns<T extends Fig>(dim: Dim, keyOf: (r: T) => number, onDrill: (d: Drill) => void, compact: boolean): ColumnsType<T> {
  const fig = (measure: Drill['measure'], title: string, value: (r: T) => number, className?: string) => ({
    key: measure,
    title,
    width: 64,
    align: 'center' as const,
    render: (_: unknown, r: T) => <FigureLink value={value(r)} drill={{ dim, key: String(keyOf(r)), measure }} onDrill={onDrill} className={className} />,
  });
  const cols = [
    fig('total', '任务', (r) => r.total),
    fig('done', '办结', (r) => r.done),
    { key: 'rate', title: '完成率', width: 72, align: 'center' as const, render: (_: unknown, r: T) => `${r.completionRate}%` },
    fig('red', '红灯', (r) => r.red, 'cockpit-fig-red'),
    fig('yellow', '黄灯', (r) => r.yellow, 'cockpit-fig-yellow'),
    fig('overdue', '逾期', (r) => r.overdue),
  ];
  // On a phone: 任务, 红灯, 逾期 fit beside the name.
  return compact ? cols.filter((c) => c.key === 'total' || c.key === 'red' || c.key === 'overdue') : [...cols, fig('lateReport', '迟报', (r) => r.lateReport)];
}

interface TableProps { cockpit: Cockpit; onDrill: (d: Drill) => void; compact: boolean }

export function LeadUnitTable({ cockpit, onDrill, compact }: TableProps) {
  type Row = Cockpit['byLeadUnit'][number];
  const columns: ColumnsType<Row> = [{ key: 'name', title: '牵头单位', dataIndex: 'name', ellipsis: true }, ...figureColumns<Row>('leadUnit', (r) => r.unitId, onDrill, compact)];
  return <Table<Row> size="small" rowKey="unitId" columns={columns} dataSource={cockpit.byLeadUnit} pagination={{ pageSize: 10, size: 'small' }} scroll={{ x: 'max-content' }} data-testid="cockpit-lead-units" />;
}

const LEVEL_NAMES: Record<string, string> = { county: '县', district: '区', park: '园区' };

export function PlaceTable({ cockpit, onDrill, compact }: TableProps) {
  type Row = Cockpit['byPlace'][number];
  const columns: ColumnsType<Row> = [
    { key: 'name', title: '县市区、园区', render: (_: unknown, r: Row) => <span>{r.name} <Tag>{LEVEL_NAMES[r.kind] ?? ''}</Tag></span> },
    ...figureColumns<Row>('place', (r) => r.regionId, onDrill, compact),
  ];
  return <Table<Row> size="small" rowKey="regionId" columns={columns} dataSource={cockpit.byPlace} pagination={{ pageSize: 10, size: 'small' }} scroll={{ x: 'max-content' }} locale={{ emptyText: '本方案没有县市区、园区承担的任务' }} data-testid="cockpit-places" />;
}

export function LaggingTable({ cockpit, onDrill, compact }: TableProps) {
  type Row = Cockpit['lagging'][number];
  const columns: ColumnsType<Row> = [
    ...(compact ? [] : [{ key: 'n', title: '', width: 36, render: (_: unknown, _r: Row, i: number) => i + 1 }]),
    { key: 'name', title: '单位', dataIndex: 'name', ellipsis: true },
    ...figureColumns<Row>('unit', (r) => r.unitId, onDrill, compact),
  ];
  return <Table<Row> size="small" rowKey="unitId" columns={columns} dataSource={cockpit.lagging} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '没有落后单位' }} data-testid="cockpit-lagging" />;
}

export function RiskTable({ cockpit, onDrill }: Omit<TableProps, 'compact'>) {
  type Row = Cockpit['atRisk'][number];
  const columns: ColumnsType<Row> = [
    { key: 'name', title: '指标', dataIndex: 'name', ellipsis: true },
    { key: 'target', title: '年度目标', width: 100, render: (_: unknown, r: Row) => r.annualTarget ?? '' },
    { key: 'rank', title: '最近排名', width: 84, align: 'center', render: (_: unknown, r: Row) => <Tag color="error">第{r.latestRank}名</Tag> },
    { key: 'open', title: '未办结任务', width: 90, align: 'center', render: (_: unknown, r: Row) => <FigureLink value={r.open} drill={{ dim: 'indicator', key: String(r.indicatorId), measure: 'open' }} onDrill={onDrill} /> },
  ];
  const empty = cockpit.round ? `${cockpit.round.title}：各指标均达到年度目标` : '尚未录入评价排名，无法判断年度目标风险';
  return <Table<Row> size="small" rowKey="indicatorId" columns={columns} dataSource={cockpit.atRisk} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} data-testid="cockpit-risk" />;
}
