/**
 * Audit actions and detail fields in Chinese for the exported audit log (the web's timeline has
 * its own copy in web/src/lib/supervision-labels.ts; a server-side sentence builder may replace both).
 */
const ACTION_NAMES: Record<string, string> = {
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
  'instruction.write': '领导批示',
  'instruction.answer': '回复领导批示',
  'export.download': '导出清单',
};

const DETAIL_NAMES: Record<string, string> = {
  urgeId: '催办记录', number: '文号', unitId: '单位编号', addressedTo: '发往单位编号', route: '接口', fileName: '文件名', ip: 'IP 地址',
  method: '请求方式', path: '路径', status: '状态码', code: '错误代码', text: '内容', instructionId: '批示编号', comment: '意见', reason: '理由',
  target: '批示对象', targetId: '对象编号', unitIds: '单位编号', period: '报告期', reportId: '报告编号', taskId: '任务编号', login: '账号',
};

/** The Chinese name of an audit action (unknown actions as they are). */
export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? action;
}

/** An audit row's details as 名称：值；… */
export function detailText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${DETAIL_NAMES[k] ?? k}：${typeof v === 'string' ? v : JSON.stringify(v)}`).join('；').slice(0, 2000);
}
