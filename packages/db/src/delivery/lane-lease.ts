import type { Db } from '../database';

export class LaneLeaseLostError extends Error {
  override readonly name = 'LaneLeaseLostError';
}

export type LaneLease =
  | { kind: 'acquired'; token: string; groupCursor: string; sinkVersion: string }
  | { kind: 'busy'; busyUntil: Date | null }
  /** The sink is paused or no longer exists. */
  | { kind: 'stopped' };

/**
 * Takes a lane for one delivery run. Only one holder at a time: that is what keeps a group out
 * of two requests at once, whichever engine process runs the lane. A holder that dies loses the
 * lane when its lease expires; its unfinished messages are still pending and go out again.
 * A paused sink's lanes are never taken. Returns the sink's version so the caller can tell
 * whether its cached settings are current without another query.
 */
export async function acquireLaneLease(
  db: Db,
  options: { sinkId: string; lane: number; token: string; leaseMs: number },
): Promise<LaneLease> {
  const taken = await db.pool.query<{ group_cursor: string; sink_version: Date }>(
    `UPDATE delivery_lane l
        SET lease_token = $3, lease_expires_at = clock_timestamp() + $4 * interval '1 millisecond', in_flight_ids = '{}'
       FROM sink s
      WHERE l.sink_id = $1 AND l.lane = $2 AND s.id = l.sink_id AND s.paused_at IS NULL
        AND (l.lease_token IS NULL OR l.lease_expires_at < clock_timestamp())
      RETURNING l.group_cursor, s.updated_at AS sink_version`,
    [options.sinkId, options.lane, options.token, options.leaseMs],
  );
  const row = taken.rows[0];
  if (row) {
    return {
      kind: 'acquired',
      token: options.token,
      groupCursor: row.group_cursor,
      sinkVersion: row.sink_version.toISOString(),
    };
  }
  const held = await db.pool.query<{ paused: boolean; lease_expires_at: Date | null }>(
    `SELECT s.paused_at IS NOT NULL AS paused, l.lease_expires_at
       FROM sink s LEFT JOIN delivery_lane l ON l.sink_id = s.id AND l.lane = $2
      WHERE s.id = $1`,
    [options.sinkId, options.lane],
  );
  const state = held.rows[0];
  if (!state || state.paused) return { kind: 'stopped' };
  return { kind: 'busy', busyUntil: state.lease_expires_at };
}

/** Gives the lane back, keeping where the round-robin walk over its groups got to. */
export async function releaseLaneLease(
  db: Db,
  options: { sinkId: string; lane: number; token: string; groupCursor: string },
): Promise<void> {
  await db.pool.query(
    `UPDATE delivery_lane SET lease_token = NULL, lease_expires_at = NULL, in_flight_ids = '{}', group_cursor = $4
      WHERE sink_id = $1 AND lane = $2 AND lease_token = $3`,
    [options.sinkId, options.lane, options.token, options.groupCursor],
  );
}
