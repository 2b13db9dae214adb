// Response shapes of the supervision API (进展报告, 审核, 督办, 预警, 时间线, 消息), as the server
// sends them. Kept apart from types.ts (the plan and task contract) so each stays readable.

export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';
export type ReportStatus = 'not_started' | 'in_progress' | 'done' | 'blocked';
export type Light = 'green' | 'yellow' | 'red' | 'done';
export type TaskRole = 'lead' | 'responsible';

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface TargetValue {
  targetId: number;
  value: number;
}

export interface Report {
  id: number;
  taskId: number;
  unit: { id: number; name: string };
  period: string;
  version: number;
  role: TaskRole;
  state: ReportState;
  status: ReportStatus;
  percent: number;
  workDone: string;
  problems: string;
  helpNeeded: string;
  targetValues: TargetValue[];
  consolidates: number[];
  highlight: string | null;
  createdAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  attachments: Attachment[];
  /** The period's report due date, and whether this version came in after it (补报), as the server says. */
  reportDueOn: string | null;
  filedLate: boolean;
}

export interface ReportTaskRef {
  id: number;
  seq: number;
  text: string;
  planId: number;
  planTitle: string;
}

export type QueuedReport = Report & { task: ReportTaskRef };

export interface Period {
  key: string;
  label: string;
  dueOn: string;
  /** Past its due date and not filed (the server's clock and rule). */
  late?: boolean;
}

export interface MyTask {
  taskId: number;
  planId: number;
  planTitle: string;
  seq: number;
  text: string;
  role: TaskRole;
  dueOn: string | null;
  period: Period;
  report: { id: number; state: ReportState; version: number; status: ReportStatus; percent: number } | null;
  light: Light | null;
}

export interface ReportInput {
  period: string;
  status: ReportStatus;
  percent: number;
  workDone: string;
  problems?: string;
  helpNeeded?: string;
  targetValues?: TargetValue[];
  consolidates?: number[];
  highlight?: string | null;
  idempotencyKey?: string;
  submit?: boolean;
}

/**
 * A quantitative target of a task (≤ 1 个工作日, ≥ 95%). The task API does not send these yet;
 * when it does (as `targets` on the task), the report form asks for their actual values.
 */
export interface TaskTarget {
  id: number;
  metric: string;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string;
}

export interface Urge {
  id: number;
  taskId: number;
  unitId: number;
  kind: 'reminder' | 'order';
  number: string | null;
  message: string;
  replyBy: string | null;
  copiedLeader: string | null;
  createdAt: string;
  repliedAt: string | null;
  reply: string | null;
  /** The addressee (a member of 各县市区政府 gets its own record). */
  unitName: string;
}

export type ExtensionState = 'pending_head' | 'pending_office' | 'approved' | 'refused' | 'withdrawn';

export interface ExtensionRequest {
  id: number;
  taskId: number;
  unitId: number;
  state: ExtensionState;
  reason: string;
  progress: string;
  originalDueOn: string;
  proposedDueOn: string;
  newDueOn: string | null;
  decisionComment: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  done: number;
}

export interface PlanLights {
  period: string;
  tasks: { taskId: number; seq: number; indicatorId: number | null; light: Light; reasons: string[] }[];
  byIndicator: (LightCounts & { indicatorId: number; name: string })[];
  byUnit: (LightCounts & { unitId: number; name: string })[];
  trend: (LightCounts & { period: string })[];
}

export interface SupervisionSettings {
  cycle: 'xun' | 'month' | 'quarter';
  dueWorkdays: number;
  yellowWithinDays: number;
  redAfterReturns: number;
  escalateAfterWorkdays: number;
  orderPrefix: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  actor: { id: number; displayName: string } | null;
  details: Record<string, unknown> | null;
}

export interface Notification {
  id: number;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
