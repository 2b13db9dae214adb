import { describe, expect, it } from 'vitest';
import { deadlineDueOn, parseDeadline, readDeadline } from './deadline.ts';

const due = (raw: string, year?: number) => deadlineDueOn(readDeadline(raw, year).deadline);

describe('deadlines as people write them', () => {
  it('reads day dates, with or without 前', () => {
    expect(due('2027年6月30日')).toBe('2027-06-30');
    expect(due('2026年12月20日前')).toBe('2026-12-20');
    expect(readDeadline('2027年2月30日').deadline).toBeNull();
  });
  it('reads months and their parts', () => {
    expect(parseDeadline('2022 年 7 月')).toEqual({ deadline_raw: '2022年7月', deadline: '2022-07' });
    expect(due('2023年6月底')).toBe('2023-06-30');
    expect(due('2023年6月中旬')).toBe('2023-06-20');
    expect(due('2023年6月上旬')).toBe('2023-06-10');
    expect(due('2023年2月下旬')).toBe('2023-02-28');
    expect(due('2023年6月中')).toBe('2023-06-20');
  });
  it('reads quarters, halves and the year end', () => {
    expect(due('2027年二季度')).toBe('2027-06-30');
    expect(due('2027年第4季度')).toBe('2027-12-31');
    expect(due('2024年上半年')).toBe('2024-06-30');
    expect(due('2024年下半年')).toBe('2024-12-31');
    expect(due('2023年底前')).toBe('2023-12-31');
    expect(parseDeadline('2023年')).toEqual({ deadline_raw: '2023年', deadline: '2023' });
  });
  it('reads ranges to their last month', () => {
    expect(due('2023年3月—6月')).toBe('2023-06-30');
    expect(due('2023年3-6月')).toBe('2023-06-30');
  });
  it('completes text without a year from the plan year and marks it for review', () => {
    const r = readDeadline('6月底前', 2027);
    expect(r.deadline).toBe('2027-06');
    expect(r.review).toContain('6月底前');
    expect(due('上半年', 2024)).toBe('2024-06-30');
    expect(due('年底前', 2024)).toBe('2024-12-31');
    expect(readDeadline('年底前').review).toContain('无法识别');
  });
  it('reads ongoing work as ongoing: no due date, no review', () => {
    expect(readDeadline('长期坚持')).toEqual({ deadline_raw: '长期坚持', deadline: 'ongoing', review: null });
    expect(readDeadline('持续推进').deadline).toBe('ongoing');
    expect(deadlineDueOn('ongoing')).toBeNull();
  });
  it('keeps unknown text raw and marks it for review', () => {
    expect(readDeadline('视情况而定')).toEqual({ deadline_raw: '视情况而定', deadline: null, review: '完成时限“视情况而定”无法识别，请核对' });
    expect(readDeadline('')).toEqual({ deadline_raw: null, deadline: null, review: null });
  });
});
