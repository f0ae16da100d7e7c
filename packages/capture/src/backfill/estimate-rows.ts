import { type BackfillNarrowing, isNarrowed } from '@shardline/db';
import { quoteIdent } from '../source-checks/source-client';
import type { BackfillSource } from './backfill-source';
import { extendedQuery } from './extended-query';
import { narrowingFilters, StatementParams } from './narrowing-sql';
import { describeTable } from './table-shape';

type PlanRows = { 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> };

/**
 * Rows a table probably has: pg_class.reltuples, or the planner's estimate when the table was
 * never vacuumed or analyzed (reltuples -1, as for a freshly loaded one). For a table narrowed by
 * a condition or key range, the planner's estimate of the rows they select. Null if it is missing.
 */
export async function estimateRows(
  source: BackfillSource,
  table: BackfillNarrowing & { schema: string; name: string; publicationName: string },
): Promise<number | null> {
  const qualifiedName = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const stats = await source.client.query<{ reltuples: number }>(
    'SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass($1)',
    [qualifiedName],
  );
  const reltuples = stats.rows[0]?.reltuples;
  if (reltuples === undefined) return null;
  if (reltuples >= 0 && !isNarrowed(table)) return Math.round(reltuples);
  const params = new StatementParams();
  const filters = isNarrowed(table)
    ? narrowingFilters(await describeTable(source, table), table, params)
    : [];
  const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
  const plan = await source.client.query<PlanRows>(
    extendedQuery({
      text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${qualifiedName} ${where}`,
      values: params.values,
    }),
  );
  return Math.round(plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}
