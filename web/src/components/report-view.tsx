import { Alert, Progress, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Report } from '../api/models.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { periodLabel } from '../lib/supervision-labels.ts';
import { AttachmentList } from './attachment-list.tsx';
import { ReportStateTag, ReportStatusTag } from './report-tags.tsx';
import { useMe } from '../auth/auth-context.ts';
import { InstructionButton } from './instruction-modal.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="report-section">
      <div className="report-section-title">{title}</div>
      <div className="report-section-body">{children}</div>
    </div>
  );
}

/** One progress report read-only: state, progress, the three texts, highlight, evidence, review. */
export function ReportView({ report, extra, compact = false, headless = false }: { report: Report; extra?: ReactNode; compact?: boolean; headless?: boolean }) {
  const me = useMe();
  const instruct = me.permissions.writeInstructions && report.state !== 'draft';
  return (
    <div className="report-view" data-testid="report-view">
      {!headless && (
        <div className="report-view-head">
          <span className="report-view-unit">{report.unit.name}</span>
          <ReportStateTag state={report.state} />
          <ReportStatusTag status={report.status} />
          {report.filedLate && (
            <Tag color="orange" data-testid="report-filed-late">
              逾期报送{report.reportDueOn ? `（截止${report.reportDueOn}）` : ''}
            </Tag>
          )}
          <span className="muted">
            {periodLabel(report.period)} · 第 {report.version} 版{report.role === 'lead' ? ' · 汇总报告' : ''}
          </span>
          {extra}
          {instruct && <InstructionButton targetKind="report" targetId={report.id} requireUnits={false} size="small" />}
        </div>
      )}
      <Progress percent={report.percent} size="small" className="report-view-progress" />
      {report.state === 'returned' && report.reviewComment && (
        <Alert type="error" showIcon title={`退回意见：${report.reviewComment}`} className="report-review-alert" />
      )}
      {report.state === 'accepted' && report.reviewComment && (
        <Alert type="success" showIcon title={`审核意见：${report.reviewComment}`} className="report-review-alert" />
      )}
      <Section title="本期工作进展">
        <div className="report-text">{report.workDone}</div>
      </Section>
      {!compact || report.problems ? (
        <Section title="存在问题">
          <div className="report-text">{report.problems || <span className="muted">无</span>}</div>
        </Section>
      ) : null}
      {!compact || report.helpNeeded ? (
        <Section title="需协调事项">
          <div className="report-text">{report.helpNeeded || <span className="muted">无</span>}</div>
        </Section>
      ) : null}
      {report.highlight && (
        <Section title="工作亮点">
          <div className="report-text">{report.highlight}</div>
        </Section>
      )}
      {report.targetValues.length > 0 && (
        <Section title="量化目标实际值">
          {report.targetValues.map((t) => (
            <div key={t.targetId}>
              目标 {t.targetId}：{t.value}
            </div>
          ))}
        </Section>
      )}
      <Section title="佐证材料">
        <AttachmentList attachments={report.attachments} />
      </Section>
      <div className="muted report-view-times">
        填报 {dateTimeLabel(report.createdAt)}
        {report.submittedAt && ` · 提交 ${dateTimeLabel(report.submittedAt)}`}
        {report.reviewedAt && ` · 审核 ${dateTimeLabel(report.reviewedAt)}`}
      </div>
    </div>
  );
}
