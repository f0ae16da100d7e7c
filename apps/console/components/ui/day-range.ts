// A range of whole days in the browser's time zone, as two date inputs hold it, sent to the API
// as instants (`since` inclusive, `until` exclusive). The Audit and Alerts pages filter by it.

/** `YYYY-MM-DD` days, empty when not set. */
export interface DayRange {
  from: string;
  to: string;
}

/** The days an API filter's instants cover (an exclusive end is the day before). */
export function dayRangeOf(filter: { since?: string; until?: string }): DayRange {
  return { from: dateInputOf(filter.since), to: dateInputOf(filter.until, -1) };
}

/** The API filter's instants for the days: from the first day's start to the last day's end. */
export function instantsOf(range: DayRange): { since: string | undefined; until: string | undefined } {
  return {
    since: range.from ? startOfDay(range.from) : undefined,
    until: range.to ? endOfDay(range.to) : undefined,
  };
}

/** The instant a `YYYY-MM-DD` day starts. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The instant after a `YYYY-MM-DD` day ends (the API's `until` is exclusive). */
function endOfDay(day: string): string {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** The `YYYY-MM-DD` day of an instant, moved by `shiftDays`. */
function dateInputOf(iso: string | undefined, shiftDays = 0): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  date.setDate(date.getDate() + shiftDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
