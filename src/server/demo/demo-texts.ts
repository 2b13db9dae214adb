/**
 * What the demo's units and office write: progress texts built from the task's own words, so a
 * report reads like one about that task, and the office's comments, reasons and replies.
 */
import type { Random } from './demo-random.ts';

/** The task's opening words, for "围绕……" phrases (texts are long; reports quote the gist). */
export function gist(text: string): string {
  // The gist is quoted with “”, so quotes inside it become ‘’ (as nested quotes are written); it ends
  // at the first clause mark (a colon too: “…再提速：一般社…” cut mid-word read badly in a 专报).
  const first = (text.replace(/^[\d.、（）()一二三四五六七八九十]+/, '').split(/[，。；;,：:]/)[0] ?? text).replace(/“/g, '‘').replace(/”/g, '’');
  return first.length > 28 ? `${first.slice(0, 28)}…` : first;
}

const STEPS = [
  '制定了工作方案，明确责任科室和时间节点',
  '召开专题推进会，逐项梳理办理流程',
  '对照省标准完成自查，形成问题清单',
  '优化线上办理系统，压减申报材料',
  '组织窗口工作人员开展业务培训',
  '深入企业走访调研，收集意见建议',
  '会同相关单位开展联合检查',
  '印发配套工作指引并在政务服务网公开',
  '建立工作台账，实行周调度',
  '完成系统对接测试，进入试运行',
];

const PROBLEMS = [
  '部分县市区数据共享接口尚未打通',
  '基层窗口人员力量不足',
  '相关系统改造需省级部门支持',
  '企业对新流程知晓率不高',
  '',
  '',
  '',
];

const HELP = ['请市优化办协调数据共享', '请协调省级主管部门开放接口权限', '', '', '', ''];

/** One period's "work done" text for a task, at a percent. */
export function workDoneText(rng: Random, taskText: string, percent: number, done: boolean): string {
  const a = rng.pick(STEPS);
  const b = rng.pick(STEPS.filter((s) => s !== a));
  if (done) return `围绕“${gist(taskText)}”，${a}，${b}。任务已按要求完成，相关成效已形成佐证材料。`;
  return `围绕“${gist(taskText)}”，本期${a}，${b}，累计完成约${percent}%。`;
}

export function problemsText(rng: Random): string {
  return rng.pick(PROBLEMS);
}

export function helpText(rng: Random): string {
  return rng.pick(HELP);
}

export const RETURN_COMMENTS = [
  '进展表述笼统，请补充量化数据和佐证材料',
  '未汇总责任单位情况，请补充后重新报送',
  '完成比例与上期不衔接，请核实',
];

export const EXTENSION_REASONS = [
  '涉及省级系统改造，上线时间晚于预期',
  '需与多个部门联合推进，协调周期较长',
  '项目招标流程尚未完成',
];

export const REFUSAL_COMMENTS = ['该任务为年度考核重点，请加大力度按原时限完成', '理由不充分，请按期完成'];

export const URGE_MESSAGES = {
  reminder: '该任务已超过完成时限仍未办结，请抓紧推进并及时报送进展。',
  lateReport: '本期进展报告逾期未报，请尽快报送。',
  order: '该任务逾期未完成，请于回复期限前书面说明原因、整改措施和完成时间。',
} as const;

export const URGE_REPLIES = [
  '已召开专题会研究整改，预计下月底前完成，将按期报送进展。',
  '已成立工作专班，正在加快推进，完成后第一时间报送。',
];
