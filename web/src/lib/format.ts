/** 2023年3月15日 from 2023-03-15; a dash when unknown. */
export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 2023-06 → 2023年6月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return m ? `${year}年${Number(m)}月` : `${year}年`;
}

/** Local date-time for timestamps such as lockedUntil and createdAt. */
export function dateTimeLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
