import { isoYear } from './iso-year';
import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

const ISO_DATE = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;

/** Shared by date, timestamp and timestamptz: JSON has no infinity, so these keep their spelling. */
export const INFINITE_DATES = new Set(['infinity', '-infinity']);

export function decodeDate(text: string, type: PgTypeInfo): string {
  if (INFINITE_DATES.has(text)) return text;
  const match = ISO_DATE.exec(text);
  if (!match) throw ValueDecodeError.forText(type, text, 'an ISO date (DateStyle ISO)');
  const [, year = '', month, day, bc] = match;
  return `${isoYear(year, bc !== undefined)}-${month}-${day}`;
}
