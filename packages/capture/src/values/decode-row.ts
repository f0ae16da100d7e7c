import { decodeValue } from './decode-value';
import type { JsonValue } from './json-value';
import type { TypeCatalog } from './type-catalog';
import { ValueDecodeError } from './value-decode-error';

export interface RowColumn {
  name: string;
  typeOid: number;
}

export interface DecodedRow {
  /** The decoded columns that were sent, in column order. */
  values: Record<string, JsonValue>;
  /**
   * Columns whose value is an unchanged TOASTed one that pgoutput did not send. They are absent
   * from `values` (not null: the value is unknown here, not NULL).
   */
  unchangedToast: string[];
}

/**
 * Decodes one tuple. `values` holds each column's text, null for SQL NULL, and undefined for an
 * unchanged TOAST value. A column missing from `values` altogether means the tuple does not match
 * its relation, and throws rather than passing for unchanged.
 */
export function decodeRow(
  columns: readonly RowColumn[],
  values: Readonly<Record<string, string | null | undefined>>,
  catalog: TypeCatalog,
): DecodedRow {
  // Entries, then fromEntries: a column named __proto__ must become a key, not a prototype.
  const entries: Array<[string, JsonValue]> = [];
  const unchangedToast: string[] = [];
  for (const column of columns) {
    if (!Object.hasOwn(values, column.name)) {
      const typeName = catalog.describe(column.typeOid).name;
      throw new ValueDecodeError(`column ${column.name} is missing from the tuple`, typeName, column.name);
    }
    const text = values[column.name];
    if (text === undefined) {
      unchangedToast.push(column.name);
      continue;
    }
    try {
      entries.push([column.name, decodeValue(text, catalog.describe(column.typeOid))]);
    } catch (error) {
      throw error instanceof ValueDecodeError ? error.inColumn(column.name) : error;
    }
  }
  return { values: Object.fromEntries(entries), unchangedToast };
}
