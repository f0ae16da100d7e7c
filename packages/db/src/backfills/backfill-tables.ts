import { z } from 'zod';

/**
 * What part of a table a backfill reads: rows matching a SQL condition on its columns and/or
 * with a primary key within a range. Both are optional; without them every row is read.
 */
export interface BackfillNarrowing {
  /** A boolean SQL expression over the table's columns, checked on the source before it is saved. */
  where?: string;
  /**
   * Inclusive bounds on the primary key: values as text in key-column order. Fewer values than
   * key columns bound the leading columns only (`from: ['7']` on (tenant, id): tenant >= 7).
   */
  keyRange?: BackfillKeyRange;
}

export interface BackfillKeyRange {
  from?: string[];
  to?: string[];
}

/** One table of a backfill: where it stands, stored in `backfill.tables`. */
export interface BackfillTableProgress extends BackfillNarrowing {
  schema: string;
  name: string;
  /**
   * The cursor: each primary key column of the last row done, as Postgres prints it (so it
   * reads back exactly, whatever the type), in key order; null before the first page.
   */
  after: string[] | null;
  done: boolean;
  rowsDone: number;
  /**
   * Rows expected, from the source's statistics (the planner's estimate for a narrowed table);
   * exact once the table is done; null before an engine looked.
   */
  rowsEstimate: number | null;
}

const keyValuesSchema = z.array(z.string()).min(1);

// Narrowing keys are left out, not null, when absent: progress is compared as JSON when a page is
// stored, and rows written before narrowing existed have no such keys.
const backfillTablesSchema = z.array(
  z.object({
    schema: z.string(),
    name: z.string(),
    where: z.string().optional(),
    keyRange: z.object({ from: keyValuesSchema.optional(), to: keyValuesSchema.optional() }).optional(),
    after: z.array(z.string()).nullable(),
    done: z.boolean(),
    rowsDone: z.number(),
    rowsEstimate: z.number().nullable(),
  }),
);

export function parseBackfillTables(json: unknown): BackfillTableProgress[] {
  return backfillTablesSchema.parse(json);
}

/** Whether a table's backfill reads only part of it. */
export function isNarrowed(table: BackfillNarrowing): boolean {
  return table.where !== undefined || table.keyRange !== undefined;
}

/**
 * Rows the whole backfill should read: exact counts of finished tables plus estimates of the
 * others (never below what a table already gave). Null while some table has no estimate.
 */
export function estimateTotalRows(tables: readonly BackfillTableProgress[]): number | null {
  let total = 0;
  for (const table of tables) {
    if (table.done) total += table.rowsDone;
    else if (table.rowsEstimate === null) return null;
    else total += Math.max(table.rowsEstimate, table.rowsDone);
  }
  return total;
}
