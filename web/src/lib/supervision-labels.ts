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

/** Chinese names of the audit actions (timeline and 审计日志). Unknown actions show as they are. */
export const ACTION_LABELS: Record<string, string> = {
  'report.save': '保存进展草稿',
  'report.submit': '提交进展报告',
  'report.accept': '审核通过',
  'report.return': '退回报告',
  'report.attach': '上传佐证材料',
  'urge.reminder': '催办',
  'urge.order': '下发督办单',
  'urge.reply': '回复催办/督办',
  'extension.request': '申请延期',
  'extension.confirm': '负责人确认延期申请',
  'extension.approve': '批准延期',
  'extension.refuse': '不批准延期',
  'task.complete': '办结',
  'task.complete_declined': '办结审核未通过',
  'task.reimport_add': '重新导入：新增任务',
  'task.reimport_change': '重新导入：修改任务',
  'task.reimport_remove': '重新导入：删除任务',
  'plan.import': '导入方案',
  'plan.supervision_settings': '修改督办设置',
  'plan_import.create': '上传方案文件',
  'plan_import.edit': '校对导入结果',
  'plan_import.apply': '导入到方案',
  'plan_import.discard': '放弃导入',
  'session.create': '登录',
  'user.create': '创建用户',
  'user.locked': '账号被锁定',
  'user.password_change': '修改密码',
  'unit.alias_add': '添加单位别名',
  'request.denied': '访问被拒绝',
  'attachment.download': '下载佐证材料',
  'document.download': '下载公文',
  'plan.export': '导出责任分工表',
  'assessment_round.export': '导出评价表格',
  'file.download': '下载文件',
  'task.update': '修改任务',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'user.unlock': '解除锁定',
  'user.import': '批量导入用户',
  'setup.init': '初始化管理员',
  'region.create': '新增区域',
  'region.rename': '区域改名',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.merge': '合并单位',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Colour of a timeline dot per action family. */
export function actionColor(action: string): string {
  if (action === 'report.accept' || action === 'task.complete' || action === 'extension.approve') return 'green';
  if (action === 'report.return' || action === 'urge.order' || action === 'extension.refuse' || action === 'task.complete_declined') return 'red';
  if (action.startsWith('urge.') || action.startsWith('extension.')) return 'orange';
  if (action.startsWith('report.')) return 'blue';
  return 'gray';
}

/** 2026-11 → 2026年11月, 2026-11-2 → 2026年11月中旬, 2026-Q4 → 2026年第四季度. */
export function periodLabel(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  const xun = /^(\d{4})-(\d{2})-([1-3])$/.exec(key);
  if (xun) return `${xun[1]}年${Number(xun[2])}月${['上', '中', '下'][Number(xun[3]) - 1]}旬`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return key;
}

/** 1.2 MB from bytes. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.zip,.ofd,.wps,.txt';
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
