/** Calendar-day arithmetic on ISO dates, without the working-day calendar (browser-safe, no data). */

const DAY_MS = 86_400_000;

/** Adds days to an ISO date (YYYY-MM-DD), in UTC so time zones never shift the date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
