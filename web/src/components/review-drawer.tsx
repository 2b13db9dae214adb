import { App, Button, Drawer, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchTaskReports, reviewReport } from '../api/reports.ts';
import type { QueuedReport, Report } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { CommentModal } from './comment-modal.tsx';
import { CompletionReview } from './completion-review.tsx';
import { ErrorResult } from './error-result.tsx';
import { ReportView } from './report-view.tsx';

interface Props {
  /** The queued report being read (kept after acceptance so 办结审核 can follow). */
  report: QueuedReport | undefined;
  onClose: () => void;
  onReviewed: () => void;
}

/** Reads one consolidated report with the responsible reports it consolidates; 通过 / 退回. */
export function ReviewDrawer({ report, onClose, onReviewed }: Props) {
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [reviewed, setReviewed] = useState<Report | null>(null);
  const [dialog, setDialog] = useState<'accept' | 'return' | null>(null);
  const taskId = report?.taskId;
  const all = useApi(taskId === undefined ? null : async (signal) => ({ taskId, items: (await fetchTaskReports(taskId, signal)).items }), [taskId]);
  const consolidated = all.data?.taskId === taskId ? (all.data?.items ?? []).filter((r) => report?.consolidates.includes(r.id)) : undefined;
  const current = reviewed && reviewed.id === report?.id ? reviewed : report;
  const mayReview = current?.permissions.review === true;

  const close = () => {
    setReviewed(null);
    onClose();
  };
  const decide = async (decision: 'accept' | 'return', comment: string) => {
    if (!report) return;
    const updated = await reviewReport(report.id, decision, comment || undefined);
    setReviewed(updated);
    void message.success(decision === 'accept' ? '已通过' : '已退回');
    onReviewed();
    if (decision === 'return') close();
  };

  return (
    <Drawer
      open={report !== undefined}
      onClose={close}
      size={mobile ? '100%' : 720}
      title={report ? `审核：任务 ${report.task.seq}` : '审核'}
      extra={report && <Link to={`/tasks/${report.taskId}`}>任务详情</Link>}
      destroyOnHidden
      footer={
        mayReview ? (
          <div className="drawer-actions">
            <Button danger onClick={() => setDialog('return')} data-testid="review-return">
              退回
            </Button>
            <Button type="primary" onClick={() => setDialog('accept')} data-testid="review-accept">
              通过
            </Button>
          </div>
        ) : null
      }
    >
      {report && current && (
        <div className="review-body">
          <div className="report-task">
            <div className="muted">{report.task.planTitle}</div>
            <div className="report-task-text">
              <b>任务 {report.task.seq}</b> {report.task.text}
            </div>
          </div>
          {current.permissions.completeTask && (
            <CompletionReview taskId={current.taskId} onDone={() => onReviewed()} />
          )}
          <h3 className="review-heading">牵头单位汇总报告</h3>
          <ReportView report={current} />
          <h3 className="review-heading">汇总的责任单位报告（{report.consolidates.length}）</h3>
          {all.error ? (
            <ErrorResult error={all.error} onRetry={all.reload} />
          ) : !consolidated ? (
            <Skeleton active />
          ) : consolidated.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本报告未汇总责任单位报告" />
          ) : (
            <div className="review-consolidated">
              {consolidated.map((r) => (
                <ReportView key={r.id} report={r} compact />
              ))}
            </div>
          )}
        </div>
      )}
      <CommentModal
        open={dialog !== null}
        title={dialog === 'accept' ? '通过报告' : '退回报告'}
        okText={dialog === 'accept' ? '通过' : '退回'}
        danger={dialog === 'return'}
        required={dialog === 'return'}
        placeholder={dialog === 'return' ? '写明需要补充或更正的内容' : '审核意见（可不填）'}
        onClose={() => setDialog(null)}
        onSubmit={(comment) => decide(dialog ?? 'accept', comment)}
      />
    </Drawer>
  );
}
