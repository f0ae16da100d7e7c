import { quoteIdent } from '../source-checks/source-client';
import type { BackfillSource } from './backfill-source';

/**
 * Rows a table probably has: pg_class.reltuples, or the planner's estimate when the table was
 * never vacuumed or analyzed (reltuples -1, as for a freshly loaded one). Null if it is missing.
 */
export async function estimateRows(
  source: BackfillSource,
  table: { schema: string; name: string },
): Promise<number | null> {
  const qualifiedName = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const stats = await source.client.query<{ reltuples: number }>(
    'SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass($1)',
    [qualifiedName],
  );
  const reltuples = stats.rows[0]?.reltuples;
  if (reltuples === undefined) return null;
  if (reltuples >= 0) return Math.round(reltuples);
  const plan = await source.client.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${qualifiedName}`,
  );
  return Math.round(plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}
