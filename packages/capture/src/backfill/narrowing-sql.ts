import type { BackfillNarrowing } from '@shardline/db';
import { quoteIdent } from '../source-checks/source-client';
import { BackfillRefusal } from './backfill-refusal';
import type { TableShape } from './table-shape';

/** A statement's parameters as they are added: each as `$n::type`, its value kept in order. */
export class StatementParams {
  readonly values: string[] = [];

  add(value: string, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * The conditions that keep a page to the rows a backfill reads: the publication's row filter
 * (so reads match changes), the backfill's own condition, and its primary key range. The
 * condition is wrapped in parentheses: it was checked to be one expression (see
 * conditionSyntaxProblem) that cannot close them.
 */
export function narrowingFilters(
  shape: TableShape,
  narrowing: BackfillNarrowing,
  params: StatementParams,
): string[] {
  const { from, to } = narrowing.keyRange ?? {};
  return [
    ...(shape.rowFilter ? [`(${shape.rowFilter})`] : []),
    ...(narrowing.where ? [`(${narrowing.where})`] : []),
    ...(from ? [keyBound(shape, from, '>=', params)] : []),
    ...(to ? [keyBound(shape, to, '<=', params)] : []),
  ];
}

/** `(k1, k2) op ($1::t1, $2::t2)` over the leading key columns the values give. */
export function keyBound(
  shape: TableShape,
  values: readonly string[],
  operator: '>' | '>=' | '<=',
  params: StatementParams,
): string {
  const keys = shape.primaryKey;
  if (values.length > keys.length) {
    throw new BackfillRefusal(
      `the key range of ${shape.qualifiedName} gives ${values.length} values, but its primary key has ${keys.length} column(s) (${keys.map((key) => key.name).join(', ')}): start a new backfill with a range that fits it`,
    );
  }
  const columns = keys.slice(0, values.length);
  const left = columns.map((key) => quoteIdent(key.name)).join(', ');
  const right = values.map((value, index) => params.add(value, columns[index]?.type ?? 'text')).join(', ');
  return `(${left}) ${operator} (${right})`;
}
