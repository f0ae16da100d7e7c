import type { Db } from '../database';
import { type AlertRecord, type AlertRow, fromRow } from './alert-record';

/**
 * Every open alert, oldest first. At most one per kind and sink or source, so the list stays
 * short: what the metric and the console's badge count.
 */
export async function listActiveAlerts(db: Db): Promise<AlertRecord[]> {
  const result = await db.pool.query<AlertRow>('SELECT * FROM alert WHERE resolved_at IS NULL ORDER BY id');
  return result.rows.map(fromRow);
}
