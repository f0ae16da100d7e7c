import type { Queryable } from '../database';
import { type AlertRecord, type AlertRow, fromRow } from './alert-record';

/**
 * Every open alert, oldest first. At most one per kind and sink or source, so the list stays
 * short: what the metric and the console's badge count.
 */
export async function listActiveAlerts(db: Queryable): Promise<AlertRecord[]> {
  const result = await db.query<AlertRow>('SELECT * FROM alert WHERE resolved_at IS NULL ORDER BY id');
  return result.rows.map(fromRow);
}
