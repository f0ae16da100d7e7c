import { quoteIdent } from '../source-checks/source-client';
import type { TableShape } from './table-shape';

export interface Statement {
  text: string;
  values: string[];
}

/**
 * The two statements of a page. `bound` finds, without locking, the key of the page's last row
 * (the `limit`-th after the cursor) and how many rows there are up to it. `rows(upper)` then
 * locks and reads every row between the cursor and that key.
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
): { bound: Statement; rows(upper: string[] | null): Statement } {
  const keys = shape.primaryKey;
  const keyList = keys.map((key) => quoteIdent(key.name)).join(', ');
  const params = (values: string[], offset: number) =>
    values.map((_, index) => `$${offset + index + 1}::${keys[index]?.type ?? 'text'}`).join(', ');
  const filters = [
    ...(after ? [`(${keyList}) > (${params(after, 0)})`] : []),
    ...(shape.rowFilter ? [`(${shape.rowFilter})`] : []),
  ];
  const where = (extra: string[]) => {
    const all = [...filters, ...extra];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const descending = keys.map((key) => `${quoteIdent(key.name)} DESC`).join(', ');
  const selected = [...shape.columns, ...keys.map((key) => key.name)].map(quoteIdent).join(', ');
  return {
    bound: {
      text: `SELECT ${keyList}, count(*) OVER () FROM (
               SELECT ${keyList} FROM ${shape.qualifiedName} ${where([])} ORDER BY ${keyList} LIMIT ${Math.trunc(limit)}
             ) AS page ORDER BY ${descending} LIMIT 1`,
      values: after ?? [],
    },
    rows(upper) {
      const values = [...(after ?? []), ...(upper ?? [])];
      const bounded = upper ? [`(${keyList}) <= (${params(upper, after?.length ?? 0)})`] : [];
      return {
        text: `SELECT ${selected} FROM ${shape.qualifiedName} ${where(bounded)} ORDER BY ${keyList} FOR SHARE`,
        values,
      };
    },
  };
}
