/**
 * PlanImport: a plan ready to be written to the database, whatever document it came from. It is
 * built from a draft in the gold files' snake_case shape (the `parse` output and the checked
 * fixtures alike): table plans with indicators (rich or plain task fields) and prose plans with
 * sections. What a committable draft is, is defined once, in plan-draft.schema.ts.
 */
import { chineseIssueMessage } from './labels-validation.ts';
import { AppError } from './errors.ts';
import { CommittableDraftSchema } from './plan-draft.schema.ts';

export interface ImportedUnits { lead: string[]; responsible: string[]; open: boolean }

export interface ImportedIndicator {
  seq: number;
  kind: 'indicator' | 'section';
  name: string;
  scope: string | null;
  leader: string | null;
  annualTarget: string | null;
  aliases: string[];
  leadUnits: string[];
}

export interface ImportedTask {
  seq: number;
  seqCn: string | null;
  indicatorSeq: number | null;
  subIndicatorCode: string | null;
  subIndicator: string | null;
  text: string;
  leader: string | null;
  units: ImportedUnits;
  deadline: string | null;
  deadlineRaw: string | null;
  annualTarget: string | null;
  basis: string[];
  remarks: string | null;
  notes: string[];
  uncertain: string[];
}

export interface PlanImport {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  regionName: string | null;
  year: number;
  layout: 'table' | 'prose';
  responsibleUnitsNote: string | null;
  basis: string[];
  indicators: ImportedIndicator[];
  tasks: ImportedTask[];
}

const FIELD_LABELS: Record<string, string> = {
  title: '标题', issuer: '发文机关', doc_number: '文号', issued_on: '成文日期', region: '区域', year: '年度', responsible_units_note: '责任单位说明',
  basis: '文件依据', name: '名称', seq: '序号', text: '具体举措', leader: '责任领导', lead_units: '牵头单位', responsible_units: '责任单位',
  deadline: '完成时限', deadline_raw: '完成时限原文', annual_target: '年度目标', remarks: '备注', sub_indicator: '二级指标', scope: '评价范围',
  seq_cn: '序号', indicator: '一级指标', indicator_seq: '一级指标', section_seq: '部分', sub_indicator_code: '二级指标编号', units: '责任单位',
  responsible_units_open: '责任单位（等相关单位）', notes: '说明', uncertain: '待核字段', targets: '量化目标', aliases: '别名', message: '内容',
};

/** Names where in a draft a problem is, the way an official reads it: 第3项任务的“完成时限”. */
function describePath(path: readonly PropertyKey[]): string {
  const [head, index, field] = path;
  const label = (f: PropertyKey | undefined) => (f === undefined ? '' : `“${FIELD_LABELS[String(f)] ?? String(f)}”`);
  if (head === 'plan') return `方案信息${label(index)}`;
  if (head === 'tasks' && typeof index === 'number') return `第${index + 1}项任务${field === undefined ? '' : `的${label(field)}`}`;
  if ((head === 'indicators' || head === 'sections') && typeof index === 'number') return `第${index + 1}个${head === 'indicators' ? '指标' : '部分'}${field === undefined ? '' : `的${label(field)}`}`;
  if (head === 'warnings' && typeof index === 'number') return `第${index + 1}条提示${field === undefined ? '' : `的${label(field)}`}`;
  return head === 'tasks' ? '任务列表' : '方案草稿';
}

/** Validates a draft (gold-file shape) and converts it to a PlanImport; errors name the field. */
export function planImportFromDraft(draft: unknown): PlanImport {
  // Messages in words (不能为空, 应为数字), whichever locale zod was configured with.
  const parsed = CommittableDraftSchema.safeParse(draft, { reportInput: true, error: (issue) => chineseIssueMessage(issue) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new AppError('PLAN_DRAFT_INVALID', `${describePath(issue?.path ?? [])}不正确：${issue?.message ?? ''}`, { path: where });
  }
  const d = parsed.data;
  // Blank fields of the draft under review (null or absent) become null or an empty list.
  const list = (v: string[] | null | undefined): string[] => v ?? [];
  const text = (v: string | null | undefined): string | null => v ?? null;
  const prose = !d.indicators && !!d.sections;
  const indicators: ImportedIndicator[] = d.indicators
    ? d.indicators.map((i) => ({
      seq: i.seq, kind: 'indicator', name: i.name, scope: text(i.scope), leader: text(i.leader), annualTarget: text(i.annual_target),
      aliases: list(i.aliases), leadUnits: list(i.lead_units),
    }))
    : (d.sections ?? []).map((s) => ({ seq: s.seq, kind: 'section', name: s.title, scope: null, leader: null, annualTarget: null, aliases: [], leadUnits: [] }));
  const tasks: ImportedTask[] = d.tasks.map((t) => ({
    seq: t.seq, seqCn: text(t.seq_cn), indicatorSeq: t.indicator_seq ?? t.section_seq ?? null,
    subIndicatorCode: text(t.sub_indicator_code), subIndicator: text(t.sub_indicator), text: t.text, leader: text(t.leader),
    units: { lead: list(t.lead_units), responsible: list(t.responsible_units), open: t.responsible_units_open ?? false },
    deadline: text(t.deadline), deadlineRaw: text(t.deadline_raw), annualTarget: text(t.annual_target),
    basis: list(t.basis), remarks: text(t.remarks), notes: list(t.notes), uncertain: list(t.uncertain),
  }));
  const p = d.plan;
  return {
    title: p.title, issuer: text(p.issuer), docNumber: text(p.doc_number), issuedOn: text(p.issued_on), regionName: text(p.region),
    year: p.year, layout: prose ? 'prose' : 'table', responsibleUnitsNote: text(p.responsible_units_note), basis: list(p.basis),
    indicators, tasks,
  };
}

/** The due date of a normalised deadline (kept here for existing callers). */
export { deadlineDueOn } from './deadline.ts';

/** Classifies a unit by its name, for display and defaults (an office can correct it). */
export function guessUnitKind(name: string): 'department' | 'government' | 'utility' | 'court' | 'bank' | 'collective' | 'other' {
  if (/^各|成员单位$|^市各|^省直/.test(name)) return 'collective';
  if (/法院|检察院/.test(name)) return 'court';
  if (/银行|支行|银保监|金融监管/.test(name)) return 'bank';
  if (/供电|电力|燃气|水务|自来水|移动|联通|电信|铁塔|公司$/.test(name)) return 'utility';
  if (/人民政府$|政府$|管委会$/.test(name)) return 'government';
  return 'department';
}
