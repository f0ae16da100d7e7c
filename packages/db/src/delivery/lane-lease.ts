import type { Queryable } from '../database';

export type LaneLease =
  | { acquired: true; token: string; groupCursor: string }
  | { acquired: false; busyUntil: Date | null };

/**
 * Takes a lane for one delivery run. Only one holder at a time: that is what keeps a group out
 * of two requests at once, whichever engine process runs the lane. A holder that dies loses the
 * lane when its lease expires; its unfinished messages are still pending and go out again.
 */
export async function acquireLaneLease(
  db: Queryable,
  options: { sinkId: string; lane: number; token: string; leaseMs: number },
): Promise<LaneLease> {
  const taken = await db.query<{ group_cursor: string }>(
    `UPDATE delivery_lane
        SET lease_token = $3, lease_expires_at = clock_timestamp() + $4 * interval '1 millisecond', in_flight_ids = '{}'
      WHERE sink_id = $1 AND lane = $2 AND (lease_token IS NULL OR lease_expires_at < clock_timestamp())
      RETURNING group_cursor`,
    [options.sinkId, options.lane, options.token, options.leaseMs],
  );
  const row = taken.rows[0];
  if (row) return { acquired: true, token: options.token, groupCursor: row.group_cursor };
  const held = await db.query<{ lease_expires_at: Date | null }>(
    'SELECT lease_expires_at FROM delivery_lane WHERE sink_id = $1 AND lane = $2',
    [options.sinkId, options.lane],
  );
  return { acquired: false, busyUntil: held.rows[0]?.lease_expires_at ?? null };
}

export async function releaseLaneLease(
  db: Queryable,
  options: { sinkId: string; lane: number; token: string },
): Promise<void> {
  await db.query(
    `UPDATE delivery_lane SET lease_token = NULL, lease_expires_at = NULL, in_flight_ids = '{}'
      WHERE sink_id = $1 AND lane = $2 AND lease_token = $3`,
    [options.sinkId, options.lane, options.token],
  );
}
