import type { Db } from '../database';
import { type AlertCondition, alertKeyOf } from './alert-condition';
import type { AlertKind } from './alert-kinds';
import { type AlertRecord, type AlertRow, fromRow } from './alert-record';

/**
 * Resolves the open alerts of `kinds` whose condition an evaluation no longer found (those not in
 * `keep`), and returns them. Each is returned to one caller only, however many engines resolve at
 * once: a second UPDATE waits for the first and then finds the row resolved already.
 */
export async function resolveAlerts(
  db: Db,
  options: {
    kinds: readonly AlertKind[];
    /** Alerts still firing, or that could not be evaluated this time: left open. */
    keep: ReadonlyArray<Pick<AlertCondition, 'kind' | 'sinkId' | 'sourceId'>>;
  },
): Promise<AlertRecord[]> {
  if (options.kinds.length === 0) return [];
  const result = await db.pool.query<AlertRow>(
    `UPDATE alert SET resolved_at = now()
      WHERE resolved_at IS NULL AND kind = ANY($1::alert_kind[])
        AND kind::text || ':' || coalesce(sink_id, source_id)::text <> ALL($2::text[])
      RETURNING *`,
    [options.kinds, options.keep.map(alertKeyOf)],
  );
  return result.rows.map(fromRow);
}
