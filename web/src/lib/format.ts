// Every date and time the web shows is Beijing time (北京时间), whatever the browser's time zone:
// the office, its deadlines and the server's clock are all in China, and a browser or a headless
// test runner in UTC must not show 01:01 for a report submitted at 09:01.
const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const BEIJING_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: BEIJING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant's Beijing wall clock as 'YYYY-MM-DDTHH:mm:ss'. */
export function beijingWallClock(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const p of BEIJING_PARTS.formatToParts(instant)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

// A bare calendar date (a deadline '2023-06-30') names a day, not an instant: it is shown as
// written. Only strings carrying a time of day (ISO timestamps from the server) are converted.
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Beijing 'YYYY-MM-DD' of a timestamp; a calendar date stays as it is; null for anything else. */
export function beijingDate(value: string | Date): string | null {
  if (typeof value === 'string') {
    if (CALENDAR_DATE.test(value)) return value;
    if (!TIMESTAMP.test(value)) return null;
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  return beijingWallClock(d).slice(0, 10);
}

/** Today's date in Beijing ('YYYY-MM-DD') by the browser's clock. */
export function beijingToday(): string {
  return beijingWallClock(new Date()).slice(0, 10);
}

/** This year in Beijing by the browser's clock. */
export function beijingYear(): number {
  return Number(beijingToday().slice(0, 4));
}

/** 2023年3月15日 from 2023-03-15 (or from a timestamp, on its Beijing date); a dash when unknown. */
export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(beijingDate(iso) ?? '');
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 2023-06 → 2023年6月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return m ? `${year}年${Number(m)}月` : `${year}年`;
}

/** Beijing date-time 'YYYY-MM-DD HH:mm' for timestamps such as lockedUntil and createdAt. */
export function dateTimeLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return beijingWallClock(d).slice(0, 16).replace('T', ' ');
}
