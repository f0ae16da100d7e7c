import { INFINITE_DATES } from './decode-date';
import { astronomicalYear, formatIsoYear, isoYear } from './iso-year';
import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

// DateStyle ISO output. The zone offset (timestamptz only) comes before the era.
const ISO_TIMESTAMP =
  /^(?<year>\d{4,})-(?<month>\d{2})-(?<day>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?<fraction>\.\d+)?(?:(?<sign>[+-])(?<offsetHours>\d{2})(?::(?<offsetMinutes>\d{2}))?(?::(?<offsetSeconds>\d{2}))?)?(?<bc> BC)?$/;

/** timestamp: ISO 8601 local date-time, without a zone, with exactly the fraction Postgres printed. */
export function decodeTimestamp(text: string, type: PgTypeInfo): string {
  if (INFINITE_DATES.has(text)) return text;
  const parts = ISO_TIMESTAMP.exec(text)?.groups;
  if (!parts || parts.sign !== undefined) {
    throw ValueDecodeError.forText(type, text, 'an ISO timestamp (DateStyle ISO)');
  }
  const { year = '', month, day, hour, minute, second, fraction = '', bc } = parts;
  return `${isoYear(year, bc !== undefined)}-${month}-${day}T${hour}:${minute}:${second}${fraction}`;
}

/**
 * timestamptz: ISO 8601 in UTC with 'Z', with exactly the fraction Postgres printed. The session's
 * TimeZone=UTC makes the offset +00; any other offset is converted rather than trusted.
 */
export function decodeTimestamptz(text: string, type: PgTypeInfo): string {
  if (INFINITE_DATES.has(text)) return text;
  const parts = ISO_TIMESTAMP.exec(text)?.groups;
  if (!parts || parts.sign === undefined) {
    throw ValueDecodeError.forText(type, text, 'an ISO timestamp with offset (DateStyle ISO)');
  }
  const { year = '', month, day, hour, minute, second, fraction = '', bc } = parts;
  const offset =
    (parts.sign === '-' ? -1 : 1) *
    (Number(parts.offsetHours) * 3600 +
      Number(parts.offsetMinutes ?? 0) * 60 +
      Number(parts.offsetSeconds ?? 0));
  if (offset === 0) {
    return `${isoYear(year, bc !== undefined)}-${month}-${day}T${hour}:${minute}:${second}${fraction}Z`;
  }
  // Offsets are whole seconds, so the fraction is unaffected and Date's milliseconds lose nothing.
  const utc = new Date(0);
  utc.setUTCFullYear(astronomicalYear(year, bc !== undefined), Number(month) - 1, Number(day));
  utc.setUTCHours(Number(hour), Number(minute), Number(second) - offset);
  if (Number.isNaN(utc.getTime()))
    throw ValueDecodeError.forText(type, text, 'a timestamp within the range of a JavaScript Date');
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${formatIsoYear(utc.getUTCFullYear())}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}` +
    `T${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${fraction}Z`
  );
}
