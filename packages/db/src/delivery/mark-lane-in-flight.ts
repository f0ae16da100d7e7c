import type { Queryable } from '../database';

export class LaneLeaseLostError extends Error {
  override readonly name = 'LaneLeaseLostError';
}

/**
 * Checks the lease is still ours and renews it, and records the messages about to be sent as
 * the lane's request in flight. Fails if the lease was lost, so a stalled holder never sends
 * after another took over. The messages themselves were read by the walk that chose them: a
 * message a person discards in the few milliseconds between is still sent, and recorded as
 * delivered, as one discarded while its request is in flight.
 */
export async function markLaneInFlight(
  db: Queryable,
  options: { sinkId: string; lane: number; token: string; leaseMs: number; messageIds: bigint[] },
): Promise<void> {
  const result = await db.query(
    `UPDATE delivery_lane
        SET in_flight_ids = $4::int8[], lease_expires_at = clock_timestamp() + $5 * interval '1 millisecond'
      WHERE sink_id = $1 AND lane = $2 AND lease_token = $3`,
    [options.sinkId, options.lane, options.token, options.messageIds.map(String), options.leaseMs],
  );
  if (result.rowCount !== 1) {
    throw new LaneLeaseLostError(`lost the lease on lane ${options.lane} of sink ${options.sinkId}`);
  }
}
