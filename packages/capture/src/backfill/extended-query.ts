import type pg from 'pg';

/**
 * The query sent with the extended protocol even when it has no parameters (node-postgres'
 * `queryMode`, which its type definitions lack). That protocol takes exactly one statement, so a
 * user's condition inside it can never run a second one.
 */
export function extendedQuery<T extends pg.QueryConfig>(config: T): T {
  return Object.assign(config, { queryMode: 'extended' });
}
