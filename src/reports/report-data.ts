/**
 * Input data of the report engine: plain values the product layer maps from the database (or a
 * test writes by hand). Dates are ISO strings (`YYYY-MM-DD`); plan deadlines keep the plans'
 * `YYYY-MM` / `YYYY` form; rates are fractions 0–1.
 */
import type { PlanImport } from '../domain/plan-import.ts';

/** Who issues a document and to whom (GB/T 9704 版头, 主体 and 版记 elements). */
export interface IssueInfo {
  /** 发文机关, e.g. 邵阳市优化营商环境工作领导小组办公室. */
  issuer: string;
  /** 发文字号, e.g. 邵优化办〔2023〕12号; null when the document has none. */
  docNumber: string | null;
  /** 成文日期. */
  date: string;
  /** 主送机关 without the colon, e.g. 各县市区人民政府，市直有关单位. */
  addressee: string | null;
  /** 抄送机关. */
  cc: string[];
  /** 印发机关 and 印发日期; null leaves the 印发 line out. */
  printed: { by: string; on: string } | null;
}

/** A task's light on the report date, as supervision computes it. */
export type TaskLight = 'done' | 'green' | 'yellow' | 'red';

/** One plan task with its progress on the report date. */
export interface TaskProgress {
  seq: number;
  indicatorSeq: number;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  /** `YYYY-MM` / `YYYY` as in the plan, or null. */
  deadline: string | null;
  deadlineRaw: string | null;
  /** done = 已办结; yellow = 临期或进度滞后; red = 逾期未办结. */
  light: TaskLight;
  /** Completion date (the unit reported it done, confirmed by 办结审核), when done. */
  completedOn: string | null;
  /** Latest progress text from the units, shown in the red/yellow lists. */
  progressNote: string | null;
  /** Effective due date (after an approved extension), null without one or when ongoing. */
  dueOn: string | null;
  /** 持续推进/长期坚持: reported every period, never overdue. */
  ongoing: boolean;
  /** 逾期未办结 and 临期 as of the close of the report date (the supervision model's verdicts). */
  overdue: boolean;
  nearDue: boolean;
}

/** An indicator (一级指标) of the plan. */
export interface IndicatorInfo {
  seq: number;
  name: string;
  leader: string | null;
  leadUnits: string[];
}

/** The period a notice or review covers. */
export type ReviewPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'year'; year: number };

/** One point of the trend chart (rates at the end of an earlier period). */
export interface TrendPoint {
  label: string;
  completionRate: number;
  onTimeRate: number;
}

/** Data of a 月通报 / 季度小结 / 半年讲评 / 年终总结. */
export interface ProgressReviewData {
  issue: IssueInfo;
  /** Region named in the title, e.g. 全市 or 邵阳市. */
  region: string;
  planTitle: string;
  period: ReviewPeriod;
  /** Report date: tasks are due when their deadline ends on or before it. */
  asOf: string;
  indicators: IndicatorInfo[];
  tasks: TaskProgress[];
  /** Earlier periods, oldest first (the current period is appended from the tasks). */
  trend: TrendPoint[];
  /**
   * The plan's first day (issued or imported): given, a notice's trend is computed month by month
   * from the tasks from this month on (none before it), instead of `trend`.
   */
  planStart?: string;
  /** Good practice worth naming (typed by the office). */
  highlights: string[];
  /** 下步工作 / 下阶段安排. */
  nextSteps: string[];
  /** Units' reporting and 督办 record in the period and the one before (absent: the section is left out). */
  supervision?: SupervisionRecord;
  /** 领导批示 written in the period with the units' answers (absent or empty: the section is left out). */
  instructions?: InstructionRecord[];
}

/** A 领导批示 of the period and what the units reported doing about it. */
export interface InstructionRecord {
  /** Who wrote it (display name). */
  by: string;
  /** ISO date it was written. */
  on: string;
  text: string;
  /** The plan task it was written on, when it concerns one. */
  taskSeq: number | null;
  answers: { unit: string; on: string; text: string }[];
}

/** One unit's counts in a period: tasks reported late, reports returned, tasks not reported, 督办单 received. */
export interface UnitCounts {
  late: number;
  returned: number;
  notReported: number;
  orders: number;
}

export interface UnitRecord extends UnitCounts {
  name: string;
  /** The same counts in the period before (zeros when it had none). */
  previous: UnitCounts;
}

/** A 督办单 issued in the period, with its reply. */
export interface OrderRecord {
  number: string | null;
  unit: string;
  taskSeq: number;
  issuedOn: string;
  replyBy: string | null;
  repliedOn: string | null;
  reply: string | null;
}

export interface SupervisionRecord {
  /** “上月” / “上季度” / “上半年” / “上年”: the period the changes compare with. */
  previousLabel: string;
  units: UnitRecord[];
  orders: OrderRecord[];
}

/** One news item of a 简报 / 专报 section. */
export interface BulletinItem {
  /** Unit label printed before a colon (战斗动态), or null. */
  unit: string | null;
  /** Group heading the item belongs to (县市区 / 市直部门), or null. */
  group: string | null;
  text: string;
}

/** 报头 of a 简报 / 专报. */
export interface Masthead {
  /** e.g. 永州市打好优化发展环境持久仗工作专报. */
  title: string;
  issueNo: number;
  issuer: string;
  date: string;
}

/** The 报 / 发 lines and contact at the end of a 简报 / 专报 (seed 003). */
export interface BulletinDistribution {
  /** 报: entries joined with ，(a group of names may be one entry: 洪武、爱林…同志). */
  reportTo: string[];
  /** 发. */
  distributeTo: string[];
  contact: { phone: string | null; email: string | null } | null;
}

/** Data of a 工作专报 (seed 003). */
export interface WorkBulletinData extends BulletinDistribution {
  masthead: Masthead;
  editorNote: string | null;
  sections: { heading: string; items: BulletinItem[] }[];
}

/** Data of a 旬简报: the ten days' news and figures. */
export interface DekadBriefData extends BulletinDistribution {
  masthead: Masthead;
  period: { year: number; month: number; dekad: 1 | 2 | 3 };
  asOf: string;
  /** Tasks for the figures paragraph (may be empty: the brief then has news only). */
  tasks: TaskProgress[];
  items: BulletinItem[];
  nextSteps: string[];
}

/** Data of a 表彰通报 (seed 004). */
export interface CommendationData {
  issue: IssueInfo;
  title: string;
  /** Opening paragraphs (what was achieved, on whose decision). */
  preamble: string[];
  indicatorAwards: { indicator: string; leadUnits: string[]; keyResponsibleUnits: string[] }[];
  /** Places by rank; `group` (县（市）/ 区 / 园区) when the province ranks them in separate groups. */
  placeAwards: { name: string; rank: number; group?: string }[];
  /** Why ranks restart in each group (printed before the places), or null. */
  placeNote?: string | null;
  /** Support units: a written paragraph, or units listed when no text is given. */
  supportText: string | null;
  supportUnits: string[];
  closing: string[];
  /**
   * 典型经验做法 printed as an attachment; empty leaves the attachment out. `flag` is a 【待补充】
   * line for the office (a unit without a practice), printed as its own paragraph.
   */
  practices: { heading: string; text: string; flag?: string }[];
  /** Section headings; defaults follow seed 004. */
  sectionTitles?: { indicators?: string; places?: string; support?: string };
}

/** Data of a 督办单. */
export interface SupervisionOrderData {
  /** docNumber like 邵优化督〔2023〕12号; addressee = the units supervised. */
  issue: IssueInfo;
  planTitle: string;
  task: {
    seq: number;
    indicator: string;
    text: string;
    deadlineRaw: string | null;
    deadline: string | null;
    leadUnits: string[];
    responsibleUnits: string[];
    leader: string | null;
  };
  /** What is wrong (逾期未完成 / 进度滞后 / 群众反映…), one sentence. */
  problem: string;
  /** A batch order's further tasks (the same addressee), each with its own problem, after `task`. */
  moreTasks?: { task: SupervisionOrderData['task']; problem: string }[];
  /** What the units must do. */
  requirements: string[];
  /** Date the written reply is due. */
  replyBy: string;
  contact: { person: string; phone: string } | null;
}

/** A plan as the responsibility-table exports need it (the import shape of src/domain). */
export type ResponsibilityPlan = Pick<PlanImport, 'title' | 'year' | 'responsibleUnitsNote' | 'indicators' | 'tasks'>;
