/** Chinese wording of states and dates in the exported sheets (the web's labels, on the server). */
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';

export const LIGHT_NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已办结' } as const;
export const REPORT_STATE_NAMES = { draft: '草稿', submitted: '已提交', returned: '被退回', accepted: '已通过' } as const;
export const REPORT_STATUS_NAMES = { not_started: '未启动', in_progress: '推进中', done: '已完成', blocked: '无法按期完成' } as const;
export const EXTENSION_STATE_NAMES = {
  pending_head: '待单位负责人确认', pending_office: '待优化办审批', approved: '已批准', refused: '未批准', withdrawn: '已撤回',
} as const;
export const URGE_KIND_NAMES = { reminder: '催办', order: '督办单' } as const;

/** 2023-07-06 → 2023年7月6日; null → ''. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A moment as China's date and time: 2023年7月6日 09:30. */
export function cnDateTime(at: Date | null | undefined): string {
  if (!at) return '';
  const hm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${cnDate(chinaDate(at))} ${hm}`;
}

/** 截至2023年7月6日 */
export function asOfDay(day: string): string {
  return `截至${cnDate(day)}`;
}
