import { Alert, Card, Empty, Pagination, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchReviewQueue } from '../api/reports.ts';
import type { QueuedReport } from '../api/models.ts';
import { ReportStatusTag } from '../components/report-tags.tsx';
import { ReviewDrawer } from '../components/review-drawer.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { beijingDate, dateTimeLabel } from '../lib/format.ts';
import { periodLabel } from '../lib/supervision-labels.ts';
import { serverNow } from '../lib/server-clock.ts';

function waited(submittedAt: string | null): string {
  if (!submittedAt) return '';
  // Whole Beijing calendar days between the submission and the server's today.
  const day = beijingDate(submittedAt);
  const days = day ? serverNow().startOf('day').diff(dayjs(day), 'day') : 0;
  return days >= 1 ? `已等待 ${days} 天` : '今天提交';
}

const columns: ColumnsType<QueuedReport> = [
  { key: 'task', title: '任务', render: (_, r) => <span className="nowrap-line">任务 {r.task.seq}</span>, width: 84 },
  {
    key: 'text',
    title: '具体举措',
    render: (_, r) => (
      <>
        <div className="clamp clamp-2">{r.task.text}</div>
        <div className="muted clamp clamp-1 review-plan">{r.task.planTitle}</div>
      </>
    ),
  },
  { key: 'unit', title: '牵头单位', render: (_, r) => r.unit.name, width: 150 },
  { key: 'period', title: '报告期', render: (_, r) => `${periodLabel(r.period)}${r.version > 1 ? `（第 ${r.version} 版）` : ''}`, width: 150 },
  { key: 'status', title: '推进状态', render: (_, r) => <ReportStatusTag status={r.status} percent={r.percent} />, width: 130 },
  {
    key: 'submitted',
    title: '提交时间',
    render: (_, r) => (
      <>
        <div className="nowrap-line">{dateTimeLabel(r.submittedAt)}</div>
        <div className="muted">{waited(r.submittedAt)}</div>
      </>
    ),
    width: 150,
  },
];

const PAGE_SIZE = 50;

/** /review — 审核: submitted consolidated reports, oldest first; open one to accept or return it. */
export function ReviewPage() {
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  // Paged by the server: a province office may hold thousands of reports; the total is exact.
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, loading, reload } = useApi((signal) => fetchReviewQueue(page, PAGE_SIZE, signal), [page]);
  const items = data?.items ?? [];
  const openId = Number(params.get('report')) || undefined;
  // Keep the report open after it leaves the queue (accepted), so 办结审核 can follow.
  const lastOpen = useRef<QueuedReport | undefined>(undefined);
  const found = items.find((r) => r.id === openId);
  if (found) lastOpen.current = found;
  const open = found ?? (lastOpen.current?.id === openId ? lastOpen.current : undefined);

  const openReport = (r: QueuedReport | undefined) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (r) next.set('report', String(r.id));
      else next.delete('report');
      return next;
    });
  };

  return (
    <div className="page">
      <h1 className="page-title">审核</h1>
      <div className="muted page-lead">牵头单位提交的汇总进展报告，按提交先后排列。{data && `共 ${data.total} 份待审核。`}</div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {loading && !data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description="暂无待审核的报告" data-testid="review-empty" />
      ) : mobile ? (
        <div className="task-cards" data-testid="review-queue">
          {items.map((r) => (
            <button type="button" key={r.id} className="task-card" onClick={() => openReport(r)} data-testid="review-item">
              <div className="task-card-head">
                <span className="task-card-seq">任务 {r.task.seq}</span>
                <span className="task-card-indicator">{r.unit.name}</span>
              </div>
              <div className="task-card-text clamp clamp-3">{r.task.text}</div>
              <div className="task-card-meta">
                <ReportStatusTag status={r.status} percent={r.percent} />
                <Tag>{periodLabel(r.period)}</Tag>
                <span className="muted">{waited(r.submittedAt)}</span>
              </div>
            </button>
          ))}
        </div>
      ) : (
        <Card size="small">
          <Table<QueuedReport>
            className="task-table"
            data-testid="review-queue"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            pagination={false}
            onRow={(r) => ({ onClick: () => openReport(r), className: 'clickable-row', 'data-testid': 'review-item' }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      )}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          className="review-pages"
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          showTotal={(total) => `共 ${total} 份`}
          onChange={(p) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('page', String(p)); next.delete('report'); return next; })}
        />
      ) : null}
      <ReviewDrawer report={open} onClose={() => openReport(undefined)} onReviewed={reload} />
    </div>
  );
}
