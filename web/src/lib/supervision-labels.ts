import type { ExtensionState, Light, ReportState, ReportStatus } from '../api/models.ts';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '被退回',
  accepted: '已通过',
};

/** antd Tag colours per report state. */
export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
  blocked: '无法按期完成',
};

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  not_started: 'default',
  in_progress: 'blue',
  done: 'green',
  blocked: 'red',
};

export const LIGHTS: Light[] = ['red', 'yellow', 'green', 'done'];

export const LIGHT_LABELS: Record<Light, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  done: '已办结',
};

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#e5484d',
  yellow: '#f5a524',
  green: '#30a46c',
  done: '#8c8c8c',
};

export const ROLE_IN_TASK_LABELS = { lead: '牵头', responsible: '责任' } as const;

export const EXTENSION_STATE_LABELS: Record<ExtensionState, string> = {
  pending_head: '待单位负责人确认',
  pending_office: '待优化办审批',
  approved: '已批准',
  refused: '未批准',
  withdrawn: '已撤回',
};

export const EXTENSION_STATE_COLORS: Record<ExtensionState, string> = {
  pending_head: 'orange',
  pending_office: 'processing',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

// The audit actions' names live in src/domain/labels-audit.ts (one home for server exports and web).
export { ACTION_LABELS, actionLabel } from '../../../src/domain/labels-audit.ts';

/** Colour of a timeline dot per action family. */
export function actionColor(action: string): string {
  if (action === 'report.accept' || action === 'task.complete' || action === 'extension.approve') return 'green';
  if (action === 'report.return' || action === 'urge.order' || action === 'extension.refuse' || action === 'task.complete_declined') return 'red';
  if (action.startsWith('urge.') || action.startsWith('extension.')) return 'orange';
  if (action.startsWith('report.')) return 'blue';
  return 'gray';
}

/** 2026-11 → 2026年11月, 2026-11-2 → 2026年11月中旬, 2026-Q4 → 2026年第四季度: the domain's period labels. */
export { periodLabel } from '../../../src/domain/supervision/periods.ts';

/** 1.2 MB from bytes. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.zip,.ofd,.wps,.txt';
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
