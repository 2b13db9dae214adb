import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Light, LightCounts } from '../api/models.ts';
import { LIGHTS, LIGHT_COLORS, LIGHT_LABELS } from '../lib/supervision-labels.ts';

export interface MatrixRow extends LightCounts {
  id: number;
  name: string;
}

/** #e5484d + alpha: stronger for bigger counts, nothing for zero. */
function cellBackground(light: Light, value: number, max: number): string | undefined {
  if (value === 0 || max === 0) return undefined;
  const alpha = Math.round((0.12 + 0.6 * (value / max)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${LIGHT_COLORS[light]}${alpha}`;
}

interface Props {
  rows: MatrixRow[];
  nameTitle: string;
  selected?: { id: number; light: Light };
  onPick: (id: number, light: Light) => void;
  testId?: string;
  pageSize?: number;
}

/** A heat table: one row per indicator or unit, one cell per light; a cell opens its tasks. */
export function LightMatrix({ rows, nameTitle, selected, onPick, testId, pageSize }: Props) {
  const max = Object.fromEntries(LIGHTS.map((l) => [l, Math.max(0, ...rows.map((r) => r[l]))])) as Record<Light, number>;
  const columns: ColumnsType<MatrixRow> = [
    { key: 'name', title: nameTitle, dataIndex: 'name', ellipsis: true },
    ...LIGHTS.map((light) => ({
      key: light,
      title: LIGHT_LABELS[light],
      width: 64,
      align: 'center' as const,
      render: (_: unknown, row: MatrixRow) => {
        const value = row[light];
        const active = selected?.id === row.id && selected.light === light;
        return (
          <button
            type="button"
            className={`heat-cell ${active ? 'active' : ''} ${value >= max[light] * 0.6 && value > 0 ? 'strong' : ''}`}
            style={{ background: cellBackground(light, value, max[light]) }}
            disabled={value === 0}
            onClick={() => onPick(row.id, light)}
            aria-label={`${row.name} ${LIGHT_LABELS[light]} ${value} 项`}
          >
            {value}
          </button>
        );
      },
    })),
  ];
  return (
    <Table<MatrixRow>
      className="light-matrix"
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={pageSize && rows.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
    />
  );
}
