import { ValidationError } from '@shardline/core';
import type { BackfillNarrowing } from '@shardline/db';
import type pg from 'pg';
import { SourceUnreachableError } from '../source-catalog/source-unreachable-error';
import { BackfillRefusal } from './backfill-refusal';
import { BackfillSource } from './backfill-source';
import { conditionSyntaxProblem } from './condition-syntax';
import { extendedQuery } from './extended-query';
import { StatementParams } from './narrowing-sql';
import { describeTable, type TableShape } from './table-shape';

/** A narrowed table of a backfill being started; `index` is its place in the request's `tables`. */
export interface NarrowingToCheck extends BackfillNarrowing {
  schema: string;
  name: string;
  index: number;
}

/** How long each check may take on the source. */
const CHECK_TIMEOUT_MS = 2_000;
/** statement_timeout ran out. */
const QUERY_CANCELED = '57014';

/**
 * Checks, before a backfill is saved, that each table's condition and key range can narrow its
 * pages: the table exists with a primary key, the condition is one boolean expression (see
 * conditionSyntaxProblem) that Postgres accepts on the table, and the range's values fit the key's
 * columns and types. Everything runs in a READ ONLY transaction with a short statement_timeout
 * (see checkCondition). Throws a
 * ValidationError naming the table and Postgres' own message; SourceUnreachableError when the
 * source cannot be reached.
 */
export async function checkBackfillNarrowing(
  clientConfig: pg.ClientConfig,
  options: { publicationName: string; tables: readonly NarrowingToCheck[] },
): Promise<void> {
  for (const table of options.tables) {
    const problem = table.where === undefined ? null : conditionSyntaxProblem(table.where);
    if (problem) throw invalid(table, 'where', `the condition on ${label(table)}: ${problem}`);
  }
  let source: BackfillSource;
  try {
    source = await BackfillSource.connect(clientConfig);
  } catch (error) {
    throw new SourceUnreachableError(error, clientConfig);
  }
  try {
    await source.client.query('BEGIN READ ONLY');
    await source.client.query(`SET LOCAL statement_timeout = ${CHECK_TIMEOUT_MS}`);
    for (const table of options.tables) {
      const shape = await describeOrRefuse(source, table, options.publicationName);
      await checkKeyRange(source, table, shape);
      if (table.where !== undefined) await checkCondition(source, table, shape);
    }
  } finally {
    await source.client.query('ROLLBACK').catch(() => {});
    await source.close();
  }
}

async function describeOrRefuse(
  source: BackfillSource,
  table: NarrowingToCheck,
  publicationName: string,
): Promise<TableShape> {
  try {
    return await describeTable(source, { ...table, publicationName });
  } catch (error) {
    if (error instanceof BackfillRefusal) throw new ValidationError(error.message, `tables.${table.index}`);
    throw error;
  }
}

async function checkKeyRange(source: BackfillSource, table: NarrowingToCheck, shape: TableShape) {
  const keys = shape.primaryKey;
  for (const end of ['from', 'to'] as const) {
    const values = table.keyRange?.[end];
    if (!values) continue;
    const field = `keyRange.${end}`;
    if (values.length > keys.length) {
      throw invalid(
        table,
        field,
        `the key range of ${label(table)} gives ${values.length} values in "${end}", but its primary key has ${keys.length} column(s): ${keys.map((key) => key.name).join(', ')}`,
      );
    }
    const params = new StatementParams();
    const casts = values.map((value, index) => params.add(value, keys[index]?.type ?? 'text'));
    try {
      await source.client.query(extendedQuery({ text: `SELECT ${casts.join(', ')}`, values: params.values }));
    } catch (error) {
      const columns = keys.slice(0, values.length).map((key) => `${key.name} ${key.type}`);
      throw invalid(
        table,
        field,
        `the key range of ${label(table)} does not fit its primary key (${columns.join(', ')}): ${(error as Error).message}`,
      );
    }
  }
}

/**
 * Plans the condition on the table and runs it until one row matches: what Postgres refuses
 * (an unknown column, a non-boolean, a write in the READ ONLY transaction, a division by zero on
 * the first rows) is found now rather than by the engine. Running out of time is no fault of the
 * condition: a selective one can scan for a while, and the pages read by key ranges.
 */
async function checkCondition(source: BackfillSource, table: NarrowingToCheck, shape: TableShape) {
  try {
    await source.client.query('SAVEPOINT condition');
    await source.client.query(
      extendedQuery({ text: `SELECT 1 FROM ${shape.qualifiedName} WHERE (${table.where}) LIMIT 1` }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === QUERY_CANCELED) {
      await source.client.query('ROLLBACK TO SAVEPOINT condition');
      return;
    }
    throw invalid(
      table,
      'where',
      `the condition on ${label(table)} cannot be used: ${(error as Error).message}`,
    );
  }
}

function invalid(table: NarrowingToCheck, field: string, message: string): ValidationError {
  return new ValidationError(message, `tables.${table.index}.${field}`);
}

function label(table: { schema: string; name: string }): string {
  return `${table.schema}.${table.name}`;
}
