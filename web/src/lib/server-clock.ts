// The server's clock for the web app: in the demo the server runs on a simulated date (2023-07-06),
// so "today", "this month" and the earliest selectable date come from the server, not the browser.
import dayjs, { type Dayjs } from 'dayjs';
import { fetchSystem, type SystemInfo } from '../api/system.ts';

let offsetDays = 0;
let info: SystemInfo | null = null;

/** Reads /api/system once at start; without an answer the browser's date is used. */
export async function loadServerClock(): Promise<SystemInfo | null> {
  try {
    info = await fetchSystem(AbortSignal.timeout(5000));
    offsetDays = dayjs(info.today).diff(dayjs().startOf('day'), 'day');
  } catch {
    info = null;
    offsetDays = 0;
  }
  return info;
}

/** Now on the server's calendar (the browser's time of day, the server's date). */
export function serverNow(): Dayjs {
  return dayjs().add(offsetDays, 'day');
}

/** What /api/system said at start (null before or without an answer). */
export function systemInfo(): SystemInfo | null {
  return info;
}
