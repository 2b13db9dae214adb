/**
 * The demo's simulated clock. The demo year is played up to a date inside 邵阳's 2023 plan, and
 * the demo server then runs on that date: the clock starts at 09:00 China time of the demo day
 * and advances with real time, so sessions, lockouts and "just now" stay meaningful while the
 * calendar shows the demo day.
 */

/** The day the demo opens on (China time). */
export const DEMO_TODAY = '2023-07-06';

/** The moment the demo opens: 09:00 China time on DEMO_TODAY. */
export function demoOpening(today = DEMO_TODAY): Date {
  return new Date(`${today}T09:00:00+08:00`);
}

/** A clock that reads `opening` at the moment it is made and then runs with real time. */
export function demoClock(opening: Date = demoOpening(), realNow: () => number = Date.now): () => Date {
  const offset = opening.getTime() - realNow();
  return () => new Date(realNow() + offset);
}

/** What the UI says about the demo date: 演示数据：当前日期设定为2023年7月6日. */
export function demoNotice(today = DEMO_TODAY): string {
  const [y, m, d] = today.split('-').map(Number);
  return `演示数据：当前日期设定为${y}年${m}月${d}日`;
}
