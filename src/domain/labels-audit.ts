/**
 * The audit log in words: every action the server writes as a Chinese verb phrase, and its details
 * as a sentence (审计日志, a task's 时间线, the audit export). Browser-safe: the web app imports it.
 * Internal identifiers (ids, codes, hashes, routes) are never shown; an action this table does not
 * know yet reads by its family (催办督办 …), never as its code.
 */
import { periodWords } from './labels.ts';

/** Chinese names of the audit actions. A new action written by the server gets its line here. */
export const ACTION_LABELS: Record<string, string> = {
  'urge.acknowledge': '签收催办/督办单',
  'task.assign': '分配任务（待签收）',
  'task.acknowledge': '签收任务',
  'instruction.write': '领导批示',
  'instruction.answer': '回复领导批示',
  'export.download': '导出表格清单',
  'case.create': '登记问题',
  'case.assign': '交办问题',
  'case.sign': '签收问题',
  'case.note': '填写问题办理进展',
  'case.reply': '整改/答复问题',
  'case.attach': '上传问题材料',
  'case.accept': '通过问题整改审核',
  'case.return': '退回重办问题',
  'case.visit': '回访问题',
  'case.close': '问题销号',
  'case.extend': '问题延期',
  'case.urge': '催办问题',
  'case.link': '关联问题与任务',
  'case.linked': '问题关联到本任务',
  'case.overdue': '关联问题超期',
  'case.dissatisfied': '关联问题回访不满意',
  'case.closed': '关联问题已销号',
  'plan.case_rules': '修改问题办理规则',
  'report.save': '保存进展草稿',
  'report.submit': '提交进展报告',
  'report.accept': '审核通过进展报告',
  'report.return': '退回进展报告',
  'report.attach': '上传佐证材料',
  'urge.reminder': '催办',
  'urge.order': '下发督办单',
  'urge.reply': '回复催办/督办',
  'extension.request': '申请延期',
  'extension.confirm': '单位负责人确认延期申请',
  'extension.approve': '批准延期',
  'extension.refuse': '不批准延期',
  'task.complete': '确认办结',
  'task.complete_declined': '办结审核未通过',
  'task.reimport_add': '重新导入：新增任务',
  'task.reimport_change': '重新导入：修改任务',
  'task.reimport_remove': '重新导入：删除任务',
  'task.update': '修改任务',
  'plan.import': '导入方案',
  'plan.supervision_settings': '修改督办设置',
  'plan.export': '导出责任分工表',
  'plan_import.create': '上传方案文件',
  'plan_import.edit': '校对导入结果',
  'plan_import.apply': '导入到方案',
  'plan_import.discard': '放弃导入',
  'indicator.annual_target': '修改指标年度目标',
  'session.create': '登录',
  'setup.init': '初始化管理员',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.locked': '账号被锁定',
  'user.password_change': '修改密码',
  'user.password_reset': '重置密码',
  'user.unlock': '解除锁定',
  'user.import': '批量导入用户',
  'region.create': '新增区域',
  'region.rename': '区域改名',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.merge': '合并单位',
  'unit.alias_add': '添加单位别名',
  'request.denied': '访问被拒绝',
  'attachment.download': '下载佐证材料',
  'document.download': '下载公文',
  'document.draft': '生成公文草稿',
  'document.edit': '修改公文草稿',
  'document.regenerate': '重新生成公文',
  'document.issue': '印发公文',
  'document.delete': '删除公文草稿',
  'file.download': '下载文件',
  'practice_note.add': '添加典型做法',
  'practice_note.edit': '修改典型做法',
  'practice_note.delete': '删除典型做法',
  'channel.create': '添加消息通道',
  'channel.delete': '删除消息通道',
  'database.backup': '备份数据库',
  'assessment_round.export': '导出评价表格',
  'assessment.round.create': '新建评价轮次',
  'assessment.round.update': '修改评价轮次',
  'assessment.rules.put': '修改评价规则',
  'assessment.unit-weights.put': '修改单位考核权重',
  'assessment.indicator-ranks.put': '录入指标排名',
  'assessment.place-ranks.put': '录入地区排名',
  'assessment.raw_values': '录入评价原始数据',
  'assessment.import': '导入评价数据',
};

const FAMILY_LABELS: Record<string, string> = {
  case: '问题办理操作',
  report: '进展报告操作', urge: '催办督办操作', extension: '延期申请操作', task: '任务操作', plan: '方案操作', plan_import: '方案导入操作',
  user: '用户管理操作', unit: '单位管理操作', region: '区域管理操作', document: '公文操作', assessment: '评价操作', assessment_round: '评价操作',
  session: '登录操作', instruction: '领导批示操作', ack: '签收操作', export: '导出', practice_note: '典型做法操作', channel: '消息通道操作',
};

/** The action in words; an action not (yet) in the table reads by its family, never as its code. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const family = action.split('.')[0] ?? '';
  return FAMILY_LABELS[family] ?? '其他操作';
}

export const ENTITY_LABELS: Record<string, string> = {
  task: '任务', plan: '方案', user: '用户', unit: '单位', region: '区域', plan_import: '方案导入', document: '公文', report: '进展报告',
  request: '请求', file: '文件', indicator: '指标', assessment_round: '评价轮次', channel: '消息通道', practice_note: '典型做法', session: '会话',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? '对象';
}

const DOCUMENT_KINDS: Record<string, string> = {
  'dekad-brief': '旬简报', 'monthly-notice': '月通报', 'quarterly-summary': '季度小结', 'half-year-review': '半年讲评',
  'annual-summary': '年终总结', 'work-bulletin': '工作专报', commendation: '表彰通报', 'supervision-order': '督办单',
};
const ROLES: Record<string, string> = { admin: '管理员', office: '优化办', leader: '领导', unit: '单位', lead: '牵头单位', responsible: '责任单位' };
const REPORT_STATES: Record<string, string> = { draft: '草稿', submitted: '已提交', returned: '被退回', accepted: '已通过' };
const CYCLES: Record<string, string> = { dekad: '每旬', month: '每月', quarter: '每季度' };

/** Detail keys shown, in this order, with their Chinese names and how their value reads. */
const DETAIL_FIELDS: [key: string, label: string, value?: (v: unknown) => string | null][] = [
  ['title', '标题'],
  ['name', '名称'],
  ['kind', '类别', (v) => DOCUMENT_KINDS[String(v)] ?? null],
  ['number', '编号'],
  ['period', '期间', (v) => periodWords(String(v))],
  ['version', '版本', (v) => `第${String(v)}版`],
  ['seq', '任务序号', (v) => `第${String(v)}项`],
  ['text', '内容'],
  ['login', '登录名'],
  ['role', '角色', (v) => ROLES[String(v)] ?? null],
  ['state', '状态', (v) => REPORT_STATES[String(v)] ?? null],
  ['level', '层级'],
  ['alias', '别名'],
  ['fileName', '文件'],
  ['proposedDueOn', '申请延至', (v) => periodWords(String(v))],
  ['originalDueOn', '原时限', (v) => periodWords(String(v))],
  ['newDueOn', '新时限', (v) => periodWords(String(v))],
  ['cycle', '报送周期', (v) => CYCLES[String(v)] ?? null],
  ['tasks', '任务数', (v) => `${String(v)}项`],
  ['targets', '量化目标', (v) => `${String(v)}个`],
  ['added', '新增', (v) => `${String(v)}项`],
  ['changed', '修改', (v) => `${String(v)}项`],
  ['removed', '删除', (v) => `${String(v)}项`],
  ['unitsCreated', '新建单位', (v) => `${String(v)}个`],
  ['count', '条数', (v) => `${String(v)}条`],
  ['places', '地区数', (v) => `${String(v)}个`],
  ['indicators', '指标数', (v) => `${String(v)}个`],
  ['status', '状态码'],
  ['ip', '来源地址'],
  ['comment', '意见'],
  ['generated', '密码', (v) => (v === true ? '系统生成' : '人工设定')],
  ['noUnitHead', '单位负责人', (v) => (v === true ? '未设置，直接报优化办' : null)],
  ['unitHead', '单位负责人', (v) => (v === true ? '是' : null)],
  ['pdf', 'PDF', (v) => (v === true ? '已生成' : null)],
];

const FIELD_NAMES: Record<string, string> = {
  text: '具体举措', deadlineRaw: '完成时限', deadline: '完成时限', indicatorId: '所属指标', leadUnits: '牵头单位', responsibleUnits: '责任单位',
  name: '名称', kind: '类别', aliases: '别名', annualTarget: '年度目标', role: '角色', displayName: '姓名', unitHead: '单位负责人',
};

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return null;
}

/** The names of the fields a before/after pair changed: 修改了具体举措、完成时限. */
function changedFields(details: Record<string, unknown>): string | null {
  const after = details.after ?? details.fields;
  const before = details.before && typeof details.before === 'object' ? (details.before as Record<string, unknown>) : {};
  const keys = Array.isArray(after) ? after.map(String)
    : after && typeof after === 'object' ? Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])).map(([k]) => k) : [];
  const names = [...new Set(keys.map((k) => FIELD_NAMES[k]).filter((n): n is string => !!n))];
  return names.length ? `修改了${names.join('、')}` : null;
}

/** The details of an audit row as one Chinese sentence; ids, hashes and routes are left out. */
export function auditDetailsText(action: string, details: Record<string, unknown> | null | undefined): string {
  if (!details) return '';
  const parts: string[] = [];
  if (action === 'region.rename' || action === 'indicator.annual_target') {
    const before = scalarText(details.before) ?? '（空）';
    const after = scalarText(details.after) ?? '（空）';
    parts.push(`由「${before}」改为「${after}」`);
  } else {
    const changed = changedFields(details);
    if (changed) parts.push(changed);
  }
  if (action === 'unit.merge' && details.merged && typeof details.merged === 'object') {
    const merged = scalarText((details.merged as Record<string, unknown>).name);
    const kept = scalarText(details.kept);
    if (merged && kept) parts.push(`将「${merged}」并入「${kept}」`);
  }
  for (const [key, label, format] of DETAIL_FIELDS) {
    if (!(key in details)) continue;
    if (key === 'kind' && !action.startsWith('document.')) continue;
    const raw = details[key];
    const text = format ? (raw === null || raw === undefined ? null : format(raw)) : scalarText(raw);
    if (text) parts.push(`${label}：${text}`);
  }
  return parts.join('；');
}
