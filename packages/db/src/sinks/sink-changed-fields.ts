import { changedFields, STORED_SECRET } from '../audit/changed-fields';
import type { Sink, SinkTable } from '../generated/prisma/client';
import type { UpdateSinkChanges } from './update-sink';

type TableSettings = { schema: string; name: string; actions: string[]; groupColumns: string[] };

/**
 * The names of the settings an edit changes, for the audit trail. The secret access key counts
 * as changed whenever a new one is given (or a stored one removed); its value is never compared
 * with anything or recorded.
 */
export function sinkChangedFields(
  current: Sink & { tables: SinkTable[] },
  changes: UpdateSinkChanges,
): string[] {
  const stored: Record<string, unknown> = {
    ...current,
    secretAccessKey: current.secretAccessKeyCiphertext === null ? null : STORED_SECRET,
    tables: comparableTables(
      current.tables.map((table) => ({
        schema: table.tableSchema,
        name: table.tableName,
        actions: table.actions,
        groupColumns: table.groupColumns,
      })),
    ),
  };
  return changedFields(stored, {
    ...changes,
    streamArn: changes.streamArn?.trim(),
    tables: changes.tables && comparableTables(changes.tables),
  });
}

/** A sink's tables are a set, and so are a table's actions: compared without their order. */
function comparableTables(tables: readonly TableSettings[]): TableSettings[] {
  return [...tables]
    .map((table) => ({ ...table, actions: [...table.actions].sort() }))
    .sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
}
