/**
 * Column roles of a responsibility table (责任分工表), recognised from header words whatever the
 * column order or subset. Shared by the cell-table layout and the PDF line-stream layout.
 */

export type ColumnRole =
  | 'seq'
  | 'indicator'
  | 'sub_indicator'
  | 'text'
  | 'leader'
  | 'lead'
  | 'responsible'
  | 'deadline'
  | 'annual_target'
  | 'basis'
  | 'remarks';

// Order matters: the more specific word is tried first (二级指标 before 指标).
const HEADER_WORDS: [RegExp, ColumnRole][] = [
  [/^(?:序号|编号)$/, 'seq'],
  [/^二级指标(?:名称)?$/, 'sub_indicator'],
  [/^(?:一级指标|指标|指标名称|评价指标)$/, 'indicator'],
  [/^(?:具体举措|重点工作任务|工作任务|重点任务|主要任务|任务内容|工作措施|具体措施|改革举措|主要举措)$/, 'text'],
  [/^(?:责任领导|牵头领导|分管领导|责任市领导|责任省领导)$/, 'leader'],
  [/^(?:牵头单位|牵头部门)$/, 'lead'],
  [/^(?:责任单位|配合单位|责任部门|协同单位)$/, 'responsible'],
  [/^(?:完成时限|完成时间|时间节点|时限要求|完成期限)$/, 'deadline'],
  [/^(?:年度目标|目标任务|年度目标任务)$/, 'annual_target'],
  [/^(?:文件依据|政策依据|依据)$/, 'basis'],
  [/^(?:备注|说明)$/, 'remarks'],
];

/** The role a header cell names, or null (spaces and line breaks inside the header are ignored). */
export function headerRole(cellText: string): ColumnRole | null {
  // Header words are at most six characters; longer cells (every body line of a PDF text) are not.
  if (cellText.length > 40) return null;
  const t = cellText.replace(/\s+/g, '');
  if (t.length > 6) return null;
  for (const [re, role] of HEADER_WORDS) if (re.test(t)) return role;
  return null;
}

/** Column index → role for a header row, or null when the row is not a responsibility-table header. */
export function headerRoles(cells: readonly string[]): (ColumnRole | null)[] | null {
  const roles = cells.map(headerRole);
  const named = roles.filter((r): r is ColumnRole => r !== null);
  if (!named.includes('text') || named.length < 2) return null;
  return roles;
}

