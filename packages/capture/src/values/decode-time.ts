import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

// Postgres allows 24:00:00, and so does ISO 8601.
const TIME = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
const TIMETZ =
  /^(?<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?<sign>[+-])(?<hours>\d{2})(?::(?<minutes>\d{2}))?(?<seconds>:\d{2})?$/;

export function decodeTime(text: string, type: PgTypeInfo): string {
  if (!TIME.test(text)) throw ValueDecodeError.forText(type, text, 'HH:MM:SS[.fraction]');
  return text;
}

/**
 * timetz keeps its own offset (there is no date to convert it on), written ±HH:MM as ISO 8601 and
 * RFC 3339 expect instead of Postgres' bare ±HH. Seconds in an offset (historic local mean time)
 * have no ISO form and are kept as ±HH:MM:SS.
 */
export function decodeTimetz(text: string, type: PgTypeInfo): string {
  const parts = TIMETZ.exec(text)?.groups;
  if (!parts) throw ValueDecodeError.forText(type, text, 'HH:MM:SS[.fraction]±HH[:MM]');
  return `${parts.time}${parts.sign}${parts.hours}:${parts.minutes ?? '00'}${parts.seconds ?? ''}`;
}
