// The date range of the Audit page: whole days in the browser's time zone, sent as instants.

/** The instant a `YYYY-MM-DD` day starts. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The instant after a `YYYY-MM-DD` day ends (the API's `until` is exclusive). */
export function endOfDay(day: string): string {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** The `YYYY-MM-DD` day of an instant, moved by `shiftDays` (an exclusive end is the day before). */
export function dateInputOf(iso: string | undefined, shiftDays = 0): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  date.setDate(date.getDate() + shiftDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
