import { parse } from 'postgres-array';
import type { JsonValue } from './json-value';
import type { PgArrayTypeInfo, PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

export type ElementDecoder = (text: string, type: PgTypeInfo) => JsonValue;

/**
 * array_out text to nested JS arrays. postgres-array unquotes and unescapes each element and turns
 * an unquoted NULL into null (a quoted "NULL" stays the string); every other element goes through
 * `decodeElement` with the element type. Explicit lower bounds ('[0:1]={…}') are dropped: JSON
 * arrays start at 0 whatever the Postgres subscripts were.
 */
export function decodeArray(text: string, type: PgArrayTypeInfo, decodeElement: ElementDecoder): JsonValue[] {
  const element = type.element;
  try {
    return parse<JsonValue>(text, (item) => decodeElement(item, element));
  } catch (error) {
    if (error instanceof ValueDecodeError) throw error;
    throw ValueDecodeError.forText(type, text, `array text (${(error as Error).message})`);
  }
}
