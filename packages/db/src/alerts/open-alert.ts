import type { Db } from '../database';
import type { AlertCondition } from './alert-condition';
import { type AlertRecord, type AlertRow, fromRow } from './alert-record';

/**
 * Opens an alert for the condition, or, when one is open already, records what this evaluation
 * found (summary, details, seen_at). `opened` is true for exactly one caller however many engines
 * evaluate at once: the partial unique index alert_open_key lets one INSERT through and turns the
 * others into no-ops, so only that engine logs the alert and calls the webhook. Null in the rare
 * case the open alert was resolved between the two statements.
 */
export async function openAlert(
  db: Db,
  condition: AlertCondition,
): Promise<{ alert: AlertRecord; opened: boolean } | null> {
  const params = [
    condition.kind,
    condition.sinkId,
    condition.sourceId,
    condition.targetName,
    condition.summary,
    JSON.stringify(condition.details),
  ];
  const inserted = await db.pool.query<AlertRow>(
    `INSERT INTO alert (kind, sink_id, source_id, target_name, summary, details)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (sink_id, source_id, kind) WHERE resolved_at IS NULL DO NOTHING
     RETURNING *`,
    params,
  );
  const opened = inserted.rows[0];
  if (opened) return { alert: fromRow(opened), opened: true };
  // A statement of its own: its snapshot sees the row another engine has just committed.
  const updated = await db.pool.query<AlertRow>(
    `UPDATE alert SET target_name = $4, summary = $5, details = $6::jsonb, seen_at = now()
      WHERE kind = $1 AND sink_id IS NOT DISTINCT FROM $2 AND source_id IS NOT DISTINCT FROM $3
        AND resolved_at IS NULL
      RETURNING *`,
    params,
  );
  const current = updated.rows[0];
  return current ? { alert: fromRow(current), opened: false } : null;
}
