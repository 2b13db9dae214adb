/**
 * 签收: a unit acknowledges a newly assigned task or a received 督办单/催办. Unacknowledged, it is
 * 签收超期 once RECEIPT_WORKDAYS working days have passed after the day it was sent: sent on a
 * Monday, it may be acknowledged through Wednesday and is overdue from Thursday.
 */
import type { WorkCalendar } from './work-calendar.ts';

export const RECEIPT_WORKDAYS = 2;

/** The last day a receipt sent on `sentOn` may be acknowledged in time. */
export function receiptDueOn(sentOn: string, calendar: WorkCalendar, workdays = RECEIPT_WORKDAYS): string {
  return calendar.addWorkdays(sentOn, workdays);
}

/** Whether a receipt sent on `sentOn` and not acknowledged is overdue on `today`. */
export function isReceiptOverdue(sentOn: string, acknowledged: boolean, today: string, calendar: WorkCalendar, workdays = RECEIPT_WORKDAYS): boolean {
  return !acknowledged && today > receiptDueOn(sentOn, calendar, workdays);
}
