import type { HealthFinding } from './health-reasons';

/** A table as the source database's catalog describes it, for a health check. */
export interface TableFacts {
  /** pg_class.relkind: r table, p partitioned table, v view…; null when nothing has the name. */
  kind: string | null;
  columns: string[];
  primaryKey: string[];
  /** In the source's publication; null when the publication does not exist yet (the reader creates it). */
  published: boolean | null;
  /** Why adding it to the publication failed, when the checker tried. */
  publishError?: string | null;
}

/** A table a sink takes, and how it groups it. */
export interface ChosenTable {
  schema: string;
  name: string;
  /** Empty: grouped by the primary key. */
  groupColumns: readonly string[];
}

/**
 * What keeps a chosen table from being captured: it must exist as a table, have what its
 * grouping needs (a primary key, or grouping columns that exist) and be published. The one rule
 * for it, at save time and in the periodic checks.
 */
export function tableFindings(
  table: ChosenTable,
  facts: TableFacts,
  context: { database: string | null; publication: string },
): HealthFinding[] {
  const label = `${table.schema}.${table.name}`;
  if (facts.kind === null || (facts.kind !== 'r' && facts.kind !== 'p')) {
    return [{ code: 'table_missing', table: label, database: context.database, kind: facts.kind }];
  }
  const findings: HealthFinding[] = [];
  const missing = table.groupColumns.filter((column) => !facts.columns.includes(column));
  if (missing.length > 0) {
    findings.push({ code: 'grouping_column_missing', table: label, missing, columns: facts.columns });
  } else if (table.groupColumns.length === 0 && facts.primaryKey.length === 0) {
    findings.push({ code: 'table_without_key', table: label });
  }
  if (facts.published === false) {
    findings.push({
      code: 'table_not_published',
      table: label,
      publication: context.publication,
      addError: facts.publishError ?? null,
    });
  }
  return findings;
}
