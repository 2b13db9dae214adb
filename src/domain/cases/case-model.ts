/**
 * The problem (问题, Case) model: where a problem comes from, what kind of request it is, its
 * states and the steps of its loop — 交办 → 签收 → 办理 → 整改/答复 → 审核 (accept / 退回重办) →
 * 回访 (满意度; 不满意 reopens) → 销号. Pure: the server keeps the rows, this module the rules.
 */
import { AppError } from '../errors.ts';

export const CASE_SOURCES = ['inspection', 'window', 'mystery', 'hotline', 'forum', 'monitor', 'superior', 'media'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const SOURCE_LABELS: Record<CaseSource, string> = {
  inspection: '专项督查', window: '窗口督查', mystery: '明察暗访', hotline: '12345政企通',
  forum: '企业座谈/走访', monitor: '营商环境监督员', superior: '上级交办', media: '媒体曝光',
};

/** The kind of request, which fixes the working days allowed (configurable per plan). */
export const CASE_KINDS = ['consult', 'help', 'complaint', 'suggestion', 'rectify'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const KIND_LABELS: Record<CaseKind, string> = { consult: '咨询', help: '求助', complaint: '投诉', suggestion: '建议', rectify: '整改' };
/** Working days from 交办 to the reply: 12345 咨询/求助 3, 投诉/建议 13; a 督查 finding 20. */
export const DEFAULT_KIND_WORKDAYS: Record<CaseKind, number> = { consult: 3, help: 3, complaint: 13, suggestion: 13, rectify: 20 };

export const SEVERITIES = ['general', 'serious', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { general: '一般', serious: '较重', major: '严重' };

export const SATISFACTIONS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

/**
 * registered 待交办 → assigned 待签收 → handling 办理中 → replied 待审核 → accepted 待回访 →
 * visited 待销号 → closed 已销号. 退回重办 and 不满意 send a case back to handling.
 */
export const CASE_STATES = ['registered', 'assigned', 'handling', 'replied', 'accepted', 'visited', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const STATE_LABELS: Record<CaseState, string> = {
  registered: '待交办', assigned: '待签收', handling: '办理中', replied: '待审核', accepted: '待回访', visited: '待销号', closed: '已销号',
};

export type CaseStep = 'assign' | 'sign' | 'note' | 'reply' | 'accept' | 'return' | 'visit' | 'close' | 'extend' | 'urge';
export const STEP_LABELS: Record<CaseStep | 'create' | 'link' | 'overdue', string> = {
  create: '登记', assign: '交办', sign: '签收', note: '办理进展', reply: '整改/答复', accept: '审核通过', return: '退回重办',
  visit: '回访', close: '销号', extend: '延期', urge: '催办', link: '关联任务', overdue: '超期',
};

/** Who takes a step: the office, or the 主办 unit (协办 units add notes only). */
export const STEP_ACTOR: Record<CaseStep, 'office' | 'lead' | 'unit'> = {
  assign: 'office', sign: 'lead', note: 'unit', reply: 'lead', accept: 'office', return: 'office', visit: 'office', close: 'office', extend: 'office', urge: 'office',
};

const ALLOWED: Record<CaseStep, readonly CaseState[]> = {
  assign: ['registered', 'assigned'],
  sign: ['assigned'],
  note: ['handling'],
  reply: ['handling'],
  accept: ['replied'],
  return: ['replied'],
  visit: ['accepted'],
  close: ['visited', 'accepted'],
  extend: ['assigned', 'handling'],
  urge: ['assigned', 'handling'],
};

/** Whether a step may be taken in a state. */
export function stepAllowed(state: CaseState, step: CaseStep): boolean {
  return ALLOWED[step].includes(state);
}

/** The state after a step (throws CASE_STATE_INVALID when the step does not apply). */
export function nextState(state: CaseState, step: CaseStep, satisfaction?: Satisfaction): CaseState {
  if (!stepAllowed(state, step)) {
    throw new AppError('CASE_STATE_INVALID', `问题当前为“${STATE_LABELS[state]}”，不能${STEP_LABELS[step]}`);
  }
  switch (step) {
    case 'assign': return 'assigned';
    case 'sign': return 'handling';
    case 'reply': return 'replied';
    case 'accept': return 'accepted';
    case 'return': return 'handling';
    case 'visit': return satisfaction === 'dissatisfied' ? 'handling' : 'visited';
    case 'close': return 'closed';
    default: return state;
  }
}

/** A case whose reply the office accepted (整改到位/答复办结): it no longer runs against its deadline. */
export function isFinished(state: CaseState): boolean {
  return state === 'accepted' || state === 'visited' || state === 'closed';
}

/** 销号 needs a 回访 when there is an enterprise to ask; a finding without one may be closed after 审核. */
export function mayClose(state: CaseState, hasEnterprise: boolean): boolean {
  return state === 'visited' || (state === 'accepted' && !hasEnterprise);
}
