import type { JsonValue } from './json-value';
import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

/**
 * json and jsonb become nested JSON, never a string. JSON.parse reads numbers as doubles, so a json
 * number beyond a double's precision is rounded, and a json (not jsonb) object with a repeated key
 * keeps the last one.
 */
export function decodeJson(text: string, type: PgTypeInfo): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw ValueDecodeError.forText(type, text, `JSON (${(error as Error).message})`);
  }
}
