/**
 * Postgres prints a year as at least four digits plus ' BC' before year 1. ISO 8601 numbers years
 * astronomically instead (1 BC is 0000, 2 BC is -0001) and signs years beyond 9999, which keeps
 * dates sortable and readable by ISO parsers that accept expanded years.
 */
export function isoYear(digits: string, bc: boolean): string {
  return formatIsoYear(astronomicalYear(digits, bc));
}

export function astronomicalYear(digits: string, bc: boolean): number {
  const year = Number(digits);
  return bc ? 1 - year : year;
}

export function formatIsoYear(year: number): string {
  if (year < 0) return `-${String(-year).padStart(4, '0')}`;
  if (year > 9999) return `+${year}`;
  return String(year).padStart(4, '0');
}
