import type { PgTypeInfo } from './pg-type-info';
import { ValueDecodeError } from './value-decode-error';

const HEX_BYTEA = /^\\x(?:[0-9a-fA-F]{2})*$/;

/** bytea arrives as hex (bytea_output=hex) and leaves as base64, the compact form JSON consumers expect. */
export function decodeBytea(text: string, type: PgTypeInfo): string {
  if (!HEX_BYTEA.test(text)) throw ValueDecodeError.forText(type, text, 'hex bytea (bytea_output hex)');
  return Buffer.from(text.slice(2), 'hex').toString('base64');
}
