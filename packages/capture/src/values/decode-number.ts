import type { JsonValue } from './json-value';
import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

const INTEGER = /^-?\d+$/;
const FLOAT = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
// JSON has no NaN or infinities, so these keep their Postgres spelling.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** int2, int4, oid: always within a double's exact range. */
export function decodeInt(text: string, type: PgTypeInfo): number {
  if (!INTEGER.test(text)) throw ValueDecodeError.forText(type, text, 'an integer');
  return Number(text);
}

/** int8: a number while it is exact, else the decimal string, so no consumer reads a rounded id. */
export function decodeBigint(text: string, type: PgTypeInfo): number | string {
  if (!INTEGER.test(text)) throw ValueDecodeError.forText(type, text, 'an integer');
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** float4, float8: the session's extra_float_digits makes the text the shortest exact decimal. */
export function decodeFloat(text: string, type: PgTypeInfo): JsonValue {
  if (NON_FINITE.has(text)) return text;
  if (!FLOAT.test(text)) throw ValueDecodeError.forText(type, text, 'a number');
  return Number(text);
}

/** numeric: a number only when the double prints back the same decimal value, else the exact text. */
export function decodeNumeric(text: string, type: PgTypeInfo): JsonValue {
  if (NON_FINITE.has(text)) return text;
  const digits = canonicalDecimal(text);
  if (digits === null) throw ValueDecodeError.forText(type, text, 'a decimal number');
  const value = Number(text);
  return Number.isFinite(value) && canonicalDecimal(String(value)) === digits ? value : text;
}

/**
 * `digits` without leading or trailing zeros, and where the decimal point sits relative to them, so
 * '12.50', '12.5' and '1.25e+1' compare equal; null when the text is not a plain decimal.
 */
function canonicalDecimal(text: string): string | null {
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading).replace(/0+$/, '');
  point -= leading;
  if (digits === '') return '0';
  return `${sign === '-' ? '-' : ''}${digits}@${point}`;
}
