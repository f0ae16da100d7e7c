import { ValidationError } from '@shardline/core';
import { type Db, inSqlTransaction, type Queryable, sqlOnly } from '../database';
import type { MessageFilter } from './message-filter';

/**
 * How long a search by key or payload text may read. No index holds a payload's key or text, so
 * a search reads every payload of the sink in the states asked (see docs/api.md, "Searching
 * messages"); past this it stops and asks for a narrower one instead of holding a connection.
 */
export const MESSAGE_SEARCH_TIMEOUT_MS = 5_000;

const QUERY_CANCELED = '57014';

/** Whether the filter searches payloads (by key or text), which reads rows no index narrows. */
export function searchesPayloads(filter: MessageFilter): boolean {
  return Boolean(filter.key || filter.q);
}

/**
 * Runs `work` with the filter's reads bounded: a filter that searches payloads runs in a
 * transaction whose statements stop after MESSAGE_SEARCH_TIMEOUT_MS, answered as a 400 naming
 * the search field; any other filter runs on the pool as it is.
 */
export async function boundedBySearch<T>(
  db: Db,
  filter: MessageFilter,
  work: (db: Db) => Promise<T>,
  timeoutMs = MESSAGE_SEARCH_TIMEOUT_MS,
): Promise<T> {
  if (!searchesPayloads(filter)) return work(db);
  try {
    return await inSqlTransaction(db, async (tx) => {
      await tx.pool.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
      return work(sqlOnly(oneAtATime(tx.pool)));
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== QUERY_CANCELED) throw error;
    throw new ValidationError(
      `the search read this sink's messages for more than ${timeoutMs / 1000} s without finishing: ` +
        'narrow it with a table, an action, a group or a key',
      filter.q ? 'q' : 'key',
    );
  }
}

/**
 * The connection with its queries run one after another: callers may start several side by side
 * (the counts do), which one connection cannot run at once.
 */
function oneAtATime(client: Queryable): Queryable {
  let previous: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = previous.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
    previous = run.catch(() => undefined);
    return run;
  };
  return { query: query as Queryable['query'] };
}
