import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

// Postgres 17 added infinite intervals; they have no ISO 8601 form.
const INFINITE_INTERVALS = new Set(['infinity', '-infinity']);

/**
 * IntervalStyle iso_8601 already prints an ISO 8601 duration ('P1DT2H'), passed on as is. Postgres
 * may sign each field separately ('P-10M3DT-4H'), which is how it keeps months, days and time apart.
 */
export function decodeInterval(text: string, type: PgTypeInfo): string {
  if (!text.startsWith('P') && !INFINITE_INTERVALS.has(text)) {
    throw ValueDecodeError.forText(type, text, 'an ISO 8601 duration (IntervalStyle iso_8601)');
  }
  return text;
}
