/** The 工作台's shape: sections of 待办, each a count and the very list it counts. */
export type SectionKey =
  | 'review' | 'extensions' | 'orders' | 'unreported' | 'receipts' | 'drafts' | 'documents'
  | 'due' | 'returned' | 'urges' | 'confirm';

export interface WorkItem {
  /** Unique within the section. */
  key: string;
  title: string;
  detail: string;
  /** Where the item is acted on (one click). */
  link: string;
  overdue: boolean;
  dueOn: string | null;
  /** Documents: issued already (listed for the overview, not counted). */
  done: boolean;
  planId: number | null;
  taskId: number | null;
  /** 签收 items: what the unit acknowledges. */
  receipt: { kind: 'task'; taskId: number } | { kind: 'urge'; urgeId: number } | null;
}

export interface WorkSection {
  key: SectionKey;
  title: string;
  /** Items not done: the count shown on the card and as the badge. */
  count: number;
  /** Of those, overdue ones. */
  overdue: number;
  /** The full list page, when there is one beside the workbench. */
  link: string | null;
  items: WorkItem[];
}

export interface Workbench {
  role: 'office' | 'leader' | 'unit';
  today: string;
  sections: WorkSection[];
  /** Menu badges: the workbench total, 审核 and 我的任务. */
  badges: { workbench: number; review: number; myTasks: number };
}

export function item(partial: Partial<WorkItem> & Pick<WorkItem, 'key' | 'title' | 'link'>): WorkItem {
  return { detail: '', overdue: false, dueOn: null, done: false, planId: null, taskId: null, receipt: null, ...partial };
}

export function section(key: SectionKey, title: string, items: WorkItem[], link: string | null = null): WorkSection {
  const open = items.filter((i) => !i.done);
  return { key, title, count: open.length, overdue: open.filter((i) => i.overdue).length, link, items };
}

/** A task's text shortened for a list line. */
export function excerpt(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
