// The server's clock for the web app: in the demo the server runs on a simulated date (2023-07-06),
// so "today", "this month" and the earliest selectable date come from the server, not the browser.
// Time of day is Beijing time whatever the browser's time zone (see format.ts).
import dayjs, { type Dayjs } from 'dayjs';
import { fetchSystem, type SystemInfo } from '../api/system.ts';
import { beijingWallClock } from './format.ts';

let offsetDays = 0;
let info: SystemInfo | null = null;

/** Beijing's wall clock now, as a dayjs whose fields (year … minute) read Beijing time. */
function beijingNow(): Dayjs {
  return dayjs(beijingWallClock(new Date()));
}

/** Reads /api/system once at start; without an answer Beijing's date by the browser's clock is used. */
export async function loadServerClock(): Promise<SystemInfo | null> {
  try {
    info = await fetchSystem(AbortSignal.timeout(5000));
    offsetDays = dayjs(info.today).diff(beijingNow().startOf('day'), 'day');
  } catch {
    info = null;
    offsetDays = 0;
  }
  return info;
}

/**
 * Now on the server's calendar (Beijing time of day, the server's date). Its fields are Beijing's:
 * use it for dates and months (format, year, startOf), not as an instant to subtract timestamps from.
 */
export function serverNow(): Dayjs {
  return beijingNow().add(offsetDays, 'day');
}

/** What /api/system said at start (null before or without an answer). */
export function systemInfo(): SystemInfo | null {
  return info;
}
