/**
 * Validation messages officials can read: where (第2行「序号」) and what (不能为空, 应为数字), never a
 * field path like tasks.1.seq or a type name like string. `chineseIssueMessage` is zod's locale
 * (installed by the server), `whereOf` names a path. Browser-safe.
 */
import { comparatorSymbol, comparatorWords } from './labels.ts';

/** Field names of drafts, forms and request bodies (snake_case and camelCase). */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题', issuer: '发文机关', doc_number: '文号', issued_on: '成文日期', region: '区域', year: '年度', responsible_units_note: '责任单位说明',
  basis: '文件依据', name: '名称', seq: '序号', text: '具体举措', leader: '责任领导', lead_units: '牵头单位', responsible_units: '责任单位',
  deadline: '完成时限', deadline_raw: '完成时限原文', annual_target: '年度目标', remarks: '备注', sub_indicator: '二级指标', scope: '评价范围',
  seq_cn: '序号', indicator: '一级指标', indicator_seq: '一级指标', section_seq: '部分', sub_indicator_code: '二级指标编号', units: '责任单位',
  responsible_units_open: '责任单位（等相关单位）', notes: '说明', uncertain: '待核字段', targets: '量化目标', aliases: '别名', message: '内容',
  metric: '指标项', comparator: '比较方式', value: '目标值', value_max: '目标上限', valueMax: '目标上限', unit: '单位', source: '原文',
  login: '登录名', password: '密码', currentPassword: '原密码', newPassword: '新密码', displayName: '姓名', role: '角色', regionId: '区域',
  unitId: '单位', unitIds: '单位', kind: '类别', period: '期间', status: '进展状态', percent: '完成进度', workDone: '工作进展',
  problems: '存在问题', helpNeeded: '需协调事项', highlight: '亮点做法', comment: '意见', reason: '理由', proposedDueOn: '申请延期至',
  deadlineRaw: '完成时限', indicatorId: '所属指标', leadUnitIds: '牵头单位', responsibleUnitIds: '责任单位', targetValues: '量化目标',
  targetId: '量化目标', content: '内容', fileName: '文件名', page: '页码', pageSize: '每页条数', q: '搜索词', plan: '方案', planId: '方案',
  taskId: '任务', taskIds: '任务', due: '时限', light: '预警灯', state: '状态', rank: '排名', place: '地区', rules: '规则', weights: '权重',
  annualTarget: '年度目标', aliasesText: '别名', cycle: '报送周期', mapping: '单位对应', draft: '方案草稿', plan_meta: '方案信息',
  date: '日期', number: '编号', body: '正文', email: '邮箱', phone: '电话', url: '网址', id: '编号',
};

/** Lists whose items are rows of a table the user sees (第2行); other lists count items (第2项). */
const ROW_LISTS = new Set(['tasks', 'rows', 'users', 'items', 'values', 'ranks', 'indicators', 'sections', 'places', 'units']);

function fieldName(key: string): string {
  return FIELD_LABELS[key] ?? '该项';
}

/** tasks.1.seq → 第2行「序号」; plan.year → 「方案信息」「年度」; leadUnitIds.0 → 「牵头单位」第1项. */
export function whereOf(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const [i, seg] of path.entries()) {
    const key = typeof seg === 'symbol' ? '' : String(seg);
    if (/^\d+$/.test(key)) {
      const parent = i > 0 ? String(path[i - 1]) : '';
      parts.push(ROW_LISTS.has(parent) && i === 1 ? `第${Number(key) + 1}行` : `第${Number(key) + 1}项`);
      continue;
    }
    if (key === 'plan') {
      parts.push('方案信息');
      continue;
    }
    const nextIsIndex = /^\d+$/.test(String(path[i + 1] ?? ''));
    // The row list itself is named by its rows (第2行), not by its own name.
    if (ROW_LISTS.has(key) && i === 0 && nextIsIndex) continue;
    parts.push(`「${fieldName(key)}」`);
  }
  return parts.join('');
}

/** The path of a fastify/zod validation error (/tasks/1/seq or tasks.1.seq) as segments. */
export function pathSegments(path: string): string[] {
  return path.split(/[./]/).filter((s) => s.length > 0);
}

const TYPE_WORDS: Record<string, string> = {
  string: '应为文字', number: '应为数字', int: '应为整数', bigint: '应为整数', boolean: '应为“是”或“否”', array: '应为列表',
  object: '格式不正确', date: '应为日期', nan: '应为数字',
};

const FORMAT_WORDS: Record<string, string> = {
  date: '日期格式不正确（应写作 2023-07-06）', datetime: '时间格式不正确', email: '邮箱地址格式不正确', url: '网址格式不正确',
  regex: '格式不正确', uuid: '编号格式不正确', starts_with: '格式不正确', ends_with: '格式不正确', includes: '格式不正确',
};

const VALUE_WORDS: Record<string, string> = {
  lead: '牵头', responsible: '责任', red: '红灯', yellow: '黄灯', green: '绿灯', done: '已办结', draft: '草稿', submitted: '已提交',
  returned: '被退回', accepted: '已通过', not_started: '未启动', in_progress: '推进中', blocked: '无法按期完成', office: '优化办',
  leader: '领导', admin: '管理员', reminder: '催办', order: '督办单', month: '每月', dekad: '每旬', quarter: '每季度',
  true: '是', false: '否',
};

function valueWord(v: unknown): string {
  const text = String(v);
  if (comparatorSymbol(text)) return `${comparatorSymbol(text)}（${comparatorWords(text)}）`;
  if (text === 'range') return '区间';
  return VALUE_WORDS[text] ?? text;
}

interface IssueLike {
  code?: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  divisor?: number | bigint;
}

function sizeMessage(issue: IssueLike, small: boolean): string {
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    if (small) return limit <= 1 ? '不能为空' : `至少${limit}个字`;
    return `不能超过${limit}个字`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (small) return limit <= 1 ? '至少选择一项' : `至少${limit}项`;
    return `最多${limit}项`;
  }
  if (small) return inclusive ? `不能小于${limit}` : `应大于${limit}`;
  return inclusive ? `不能大于${limit}` : `应小于${limit}`;
}

/** What is wrong, in words (the locale of zod's issues): 不能为空, 应为数字, 不能超过200个字 …. */
export function chineseIssueMessage(issue: IssueLike): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === null || issue.input === undefined) return '不能为空';
      return TYPE_WORDS[issue.expected ?? ''] ?? '格式不正确';
    case 'invalid_value': {
      const values = issue.values ?? [];
      if (values.length === 1) return `应为“${valueWord(values[0])}”`;
      return `应为以下之一：${values.map(valueWord).join('、')}`;
    }
    case 'too_small':
      return sizeMessage(issue, true);
    case 'too_big':
      return sizeMessage(issue, false);
    case 'invalid_format':
      return FORMAT_WORDS[issue.format ?? ''] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    case 'unrecognized_keys':
      return '含有不能识别的内容';
    case 'invalid_union':
      return '格式不正确';
    default:
      return '不正确';
  }
}

/** zod's locale (z.config({ localeError })): every issue without a message of its own reads in Chinese. */
export function chineseLocaleError(issue: IssueLike): { message: string } {
  return { message: chineseIssueMessage(issue) };
}

/** 第2行「序号」不能为空 — where and what. */
export function validationSentence(path: readonly PropertyKey[], message: string): string {
  const where = whereOf(path);
  return `${where}${message}`;
}
