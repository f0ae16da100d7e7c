import { z } from 'zod';

/** One table of a backfill: where it stands, stored in `backfill.tables`. */
export interface BackfillTableProgress {
  schema: string;
  name: string;
  /**
   * The cursor: each primary key column of the last row done, as Postgres prints it (so it
   * reads back exactly, whatever the type), in key order; null before the first page.
   */
  after: string[] | null;
  done: boolean;
  rowsDone: number;
  /** Rows expected, from the source's statistics; exact once the table is done; null before an engine looked. */
  rowsEstimate: number | null;
}

const backfillTablesSchema = z.array(
  z.object({
    schema: z.string(),
    name: z.string(),
    after: z.array(z.string()).nullable(),
    done: z.boolean(),
    rowsDone: z.number(),
    rowsEstimate: z.number().nullable(),
  }),
);

export function parseBackfillTables(json: unknown): BackfillTableProgress[] {
  return backfillTablesSchema.parse(json);
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
