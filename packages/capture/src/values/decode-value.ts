import { decodeArray } from './decode-array';
import { decodeBytea } from './decode-bytea';
import { decodeDate } from './decode-date';
import { decodeInterval } from './decode-interval';
import { decodeJson } from './decode-json';
import { decodeBigint, decodeFloat, decodeInt, decodeNumeric } from './decode-number';
import { decodeTime, decodeTimetz } from './decode-time';
import { decodeTimestamp, decodeTimestamptz } from './decode-timestamp';
import type { JsonValue } from './json-value';
import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

/**
 * One column value, as pgoutput's text (produced under REPLICATION_SESSION_SETTINGS), to the JSON a
 * consumer reads. SQL NULL is null. Throws ValueDecodeError when the text is not in the promised form.
 */
export function decodeValue(text: string | null, type: PgTypeInfo): JsonValue {
  if (text === null) return null;
  switch (type.kind) {
    case 'int':
      return decodeInt(text, type);
    case 'bigint':
      return decodeBigint(text, type);
    case 'numeric':
      return decodeNumeric(text, type);
    case 'float':
      return decodeFloat(text, type);
    case 'bool':
      return decodeBool(text, type);
    case 'json':
      return decodeJson(text, type);
    case 'timestamptz':
      return decodeTimestamptz(text, type);
    case 'timestamp':
      return decodeTimestamp(text, type);
    case 'date':
      return decodeDate(text, type);
    case 'time':
      return decodeTime(text, type);
    case 'timetz':
      return decodeTimetz(text, type);
    case 'interval':
      return decodeInterval(text, type);
    case 'bytea':
      return decodeBytea(text, type);
    case 'array':
      return decodeArray(text, type, decodeValue);
    case 'text':
    case 'uuid':
    case 'enum':
    case 'other':
      return text;
    default:
      return unknownKind(type);
  }
}

function decodeBool(text: string, type: PgTypeInfo): boolean {
  if (text === 't') return true;
  if (text === 'f') return false;
  throw ValueDecodeError.forText(type, text, "'t' or 'f'");
}

function unknownKind(type: never): never {
  throw new Error(`no decoder for type kind ${(type as PgTypeInfo).kind}`);
}
