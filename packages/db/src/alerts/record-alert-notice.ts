import type { Db } from '../database';

/**
 * Records how the webhook took an alert's opening or resolving notice: when it accepted it, or
 * why it failed (worded without the webhook's secret path).
 */
export async function recordAlertNotice(
  db: Db,
  options: { alertId: string; event: 'opened' | 'resolved'; error: string | null },
): Promise<void> {
  const column = options.event === 'opened' ? 'open_notified_at' : 'resolve_notified_at';
  await db.pool.query(
    `UPDATE alert SET ${column} = CASE WHEN $2::text IS NULL THEN now() ELSE ${column} END, notify_error = $2
      WHERE id = $1`,
    [options.alertId, options.error],
  );
}
