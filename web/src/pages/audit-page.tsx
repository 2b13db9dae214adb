import { Alert, Card, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchAudit } from '../api/activity.ts';
import type { AuditEntry } from '../api/models.ts';
import { detailSummary } from '../components/task-timeline-tab.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { ACTION_LABELS, actionLabel } from '../lib/supervision-labels.ts';
import { exportUrl } from '../api/cockpit-api.ts';
import { ExportButton } from '../components/export-button.tsx';
import { entityLabel } from '../../../src/domain/labels-audit.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';

const PAGE_SIZES = [20, 50, 100];
function target(e: AuditEntry) {
  const name = entityLabel(e.entity);
  if (!e.entityId) return name;
  if (e.entity === 'task') return <Link to={`/tasks/${e.entityId}`}>任务 #{e.entityId}</Link>;
  if (e.entity === 'plan') return <Link to={`/plans/${e.entityId}`}>方案 #{e.entityId}</Link>;
  return `${name} #${e.entityId}`;
}

const columns: ColumnsType<AuditEntry> = [
  { key: 'at', title: '时间', width: 150, render: (_, e) => <span className="nowrap-line">{dateTimeLabel(e.at)}</span> },
  { key: 'actor', title: '操作人', width: 160, render: (_, e) => e.actor?.displayName ?? <span className="muted">系统</span> },
  { key: 'action', title: '操作', width: 150, render: (_, e) => actionLabel(e.action) },
  { key: 'entity', title: '对象', width: 110, render: (_, e) => target(e) },
  { key: 'details', title: '详情', render: (_, e) => <span className="clamp clamp-2">{detailSummary(e)}</span> },
];

/** /audit — 审计日志 (office): every recorded action in the region, newest first, by action. */
export function AuditPage() {
  const mobile = useIsMobile();
  const [params, set] = useQueryPatch();
  const action = params.get('action') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSizeParam = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(pageSizeParam) ? pageSizeParam : 20;
  const { data, error, loading } = useApi((signal) => fetchAudit({ action, page, pageSize }, signal), [action, page, pageSize]);


  return (
    <div className="page">
      <h1 className="page-title">审计日志</h1>
      <Card size="small">
        <div className="task-filters">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-plan"
            placeholder="全部操作"
            value={action}
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(v: string | undefined) => set({ action: v, page: undefined })}
            data-testid="audit-action"
          />
          {data && <span className="muted">共 {data.total} 条</span>}
          <ExportButton url={exportUrl('audit', undefined, { action })} fileName="审计日志.xlsx" testId="audit-export" />
        </div>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} className="form-alert" /> : null}
        <Table<AuditEntry>
          className="task-table"
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={mobile ? { x: 720 } : undefined}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: !mobile,
            size: mobile ? 'small' : undefined,
            onChange: (p, size) => set({ page: p > 1 && size === pageSize ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
          }}
        />
      </Card>
    </div>
  );
}
