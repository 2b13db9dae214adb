import { describe, expect, it } from 'vitest';
import { isReceiptOverdue, receiptDueOn } from './receipt.ts';
import { WorkCalendar } from './work-calendar.ts';

const calendar = new WorkCalendar();

describe('签收 overdue rule', () => {
  it('gives two working days after the day sent', () => {
    // 2023-06-19 is a Monday: due Wednesday 21st.
    expect(receiptDueOn('2023-06-19', calendar)).toBe('2023-06-21');
    expect(isReceiptOverdue('2023-06-19', false, '2023-06-21', calendar)).toBe(false);
    expect(isReceiptOverdue('2023-06-19', false, '2023-06-22', calendar)).toBe(true);
  });

  it('skips weekends and the 端午 holiday (22–24 June 2023, 25 June a make-up working day)', () => {
    // Sent Friday 16 June: Monday 19 and Tuesday 20 are the two working days.
    expect(receiptDueOn('2023-06-16', calendar)).toBe('2023-06-20');
    // Sent Wednesday 21 June: 22–24 are holidays, Sunday 25 is a working day (调休), then Monday 26.
    expect(receiptDueOn('2023-06-21', calendar)).toBe('2023-06-26');
  });

  it('is never overdue once acknowledged', () => {
    expect(isReceiptOverdue('2023-01-03', true, '2023-12-31', calendar)).toBe(false);
    expect(isReceiptOverdue('2023-01-03', false, '2023-12-31', calendar)).toBe(true);
  });
});
