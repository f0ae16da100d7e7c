import type { BackfillNarrowing } from '@shardline/db';
import { quoteIdent } from '../source-checks/source-client';
import { keyBound, narrowingFilters, StatementParams } from './narrowing-sql';
import type { TableShape } from './table-shape';

export interface Statement {
  text: string;
  values: string[];
}

/**
 * The two statements of a page. `bound` finds, without locking, the key of the page's last row
 * (the `limit`-th after the cursor) and how many rows there are up to it. `rows(upper)` then
 * locks and reads every row between the cursor and that key. Both keep to the rows the backfill
 * reads (`narrowing`, and the publication's row filter).
 *
 * Bounding the locked read by a key, rather than taking the first `limit` rows, keeps the cursor
 * right when a key is updated while the page waits for a lock: Postgres then returns the row's
 * new version where the old one sorted, so the page's last row need not hold its largest key,
 * and a cursor taken from it could jump past rows never read.
 */
export function pageStatements(
  shape: TableShape,
  after: string[] | null,
  limit: number,
  narrowing: BackfillNarrowing = {},
): { bound: Statement; rows(upper: string[] | null): Statement } {
  const keys = shape.primaryKey;
  const keyList = keys.map((key) => quoteIdent(key.name)).join(', ');
  const filtersFor = (upper: string[] | null) => {
    const params = new StatementParams();
    const filters = [
      ...(after ? [keyBound(shape, after, '>', params)] : []),
      ...narrowingFilters(shape, narrowing, params),
      ...(upper ? [keyBound(shape, upper, '<=', params)] : []),
    ];
    return { where: filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '', values: params.values };
  };
  const descending = keys.map((key) => `${quoteIdent(key.name)} DESC`).join(', ');
  const selected = [...shape.columns, ...keys.map((key) => key.name)].map(quoteIdent).join(', ');
  const unbounded = filtersFor(null);
  return {
    bound: {
      text: `SELECT ${keyList}, count(*) OVER () FROM (
               SELECT ${keyList} FROM ${shape.qualifiedName} ${unbounded.where} ORDER BY ${keyList} LIMIT ${Math.trunc(limit)}
             ) AS page ORDER BY ${descending} LIMIT 1`,
      values: unbounded.values,
    },
    rows(upper) {
      const bounded = filtersFor(upper);
      return {
        text: `SELECT ${selected} FROM ${shape.qualifiedName} ${bounded.where} ORDER BY ${keyList} FOR SHARE`,
        values: bounded.values,
      };
    },
  };
}
