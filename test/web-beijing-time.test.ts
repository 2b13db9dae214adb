// The web shows every time in Beijing time whatever the browser's time zone, and calendar dates
// (deadlines) as written. Each case runs under several process time zones (Node applies a changed
// process.env.TZ at once), and the expected text is recomputed from the instant by hand: China has
// kept UTC+8 without daylight saving since 1991, so Beijing's fields are UTC's fields 8 hours later.
import { afterAll, afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { beijingDate, beijingToday, dateLabel, dateTimeLabel } from '../web/src/lib/format.ts';

// server-clock reads /api/system through the web's API client, which only the web's own tsconfig
// type-checks: it is loaded here by a path the root type-check does not follow, typed by hand.
const SYSTEM = '../web/src/api/system.ts';
const CLOCK = '../web/src/lib/server-clock.ts';
vi.mock('../web/src/api/system.ts', () => ({ fetchSystem: vi.fn() }));
const { fetchSystem } = (await import(/* @vite-ignore */ SYSTEM)) as { fetchSystem: Mock<() => Promise<{ mode: string; demo: unknown; today: string }>> };
const { loadServerClock, serverNow } = (await import(/* @vite-ignore */ CLOCK)) as {
  loadServerClock: () => Promise<unknown>;
  serverNow: () => { format: (pattern: string) => string };
};

const ZONES = ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});
afterEach(() => vi.useRealTimers());

const pad = (n: number) => String(n).padStart(2, '0');
function expectedBeijing(iso: string): { date: string; time: string } {
  const b = new Date(Date.parse(iso) + 8 * 3_600_000);
  const date = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())}`;
  return { date, time: `${date} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}` };
}
const chineseDate = (ymd: string) => {
  const [y, m, d] = ymd.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

// 09:01 in Beijing (01:01 UTC), an evening in UTC that is already the next day in Beijing, and a
// New York daylight-saving switch day.
const INSTANTS = ['2023-07-06T01:01:00.000Z', '2023-07-06T17:30:00Z', '2023-03-12T06:59:00Z', '2023-12-31T16:00:00+00:00'];

describe.each(ZONES)('with the process in %s', (zone) => {
  it('shows timestamps in Beijing time', () => {
    process.env.TZ = zone;
    for (const iso of INSTANTS) {
      const want = expectedBeijing(iso);
      expect(dateTimeLabel(iso)).toBe(want.time);
      expect(beijingDate(iso)).toBe(want.date);
      expect(dateLabel(iso)).toBe(chineseDate(want.date));
    }
    expect(dateTimeLabel('2023-07-06T01:01:00.000Z')).toBe('2023-07-06 09:01');
  });

  it('keeps calendar dates (deadlines) as written', () => {
    process.env.TZ = zone;
    for (const day of ['2023-06-30', '2023-01-01', '2023-12-31']) {
      expect(beijingDate(day)).toBe(day);
      expect(dateLabel(day)).toBe(chineseDate(day));
    }
    expect(dateLabel('2023-06')).toBe('2023-06');
    expect(dateLabel(null)).toBe('—');
    expect(dateTimeLabel('不是时间')).toBe('不是时间');
  });

  it("takes today and the server's date on Beijing's calendar", async () => {
    process.env.TZ = zone;
    // 2026-12-07 20:30 UTC is already 12-08 04:30 in Beijing.
    vi.useFakeTimers({ now: new Date('2026-12-07T20:30:00Z'), toFake: ['Date'] });
    expect(beijingToday()).toBe(expectedBeijing('2026-12-07T20:30:00Z').date);
    fetchSystem.mockResolvedValue({ mode: 'demo', demo: true, today: '2023-07-06' });
    await loadServerClock();
    expect(serverNow().format('YYYY-MM-DD HH:mm')).toBe('2023-07-06 04:30');
    fetchSystem.mockRejectedValue(new Error('offline'));
    await loadServerClock();
    expect(serverNow().format('YYYY-MM-DD')).toBe('2026-12-08');
  });
});
