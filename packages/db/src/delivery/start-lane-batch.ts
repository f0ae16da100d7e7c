import type { Queryable } from '../database';

export interface OutgoingMessage {
  id: bigint;
  groupKey: string;
  payload: string;
  sizeBytes: number;
  deliverCount: number;
  trigger: 'scheduled' | 'manual';
  /** Milliseconds since it was stored, by the database's clock when the batch was read. */
  storedAgeMs: number;
}

export class LaneLeaseLostError extends Error {
  override readonly name = 'LaneLeaseLostError';
}

/**
 * In one statement: checks the lease is still ours and renews it, marks the chosen heads as
 * the lane's request in flight, and reads what will be sent. Fails if the lease was lost, so
 * a stalled holder never sends after another took over.
 */
export async function startLaneBatch(
  db: Queryable,
  options: { sinkId: string; lane: number; token: string; leaseMs: number; messageIds: bigint[] },
): Promise<OutgoingMessage[]> {
  const ids = options.messageIds.map(String);
  // payload::text returns the stored JSON byte for byte, without a parse and re-serialise.
  const result = await db.query<{
    id: string | null;
    group_key: string;
    payload: string;
    size_bytes: number;
    deliver_count: number;
    next_attempt_trigger: 'scheduled' | 'manual';
    stored_age_ms: number | null;
  }>(
    `WITH lease AS (
       UPDATE delivery_lane
          SET in_flight_ids = $4::int8[], lease_expires_at = clock_timestamp() + $5 * interval '1 millisecond'
        WHERE sink_id = $1 AND lane = $2 AND lease_token = $3
        RETURNING 1
     )
     SELECT m.id, m.group_key, m.payload::text AS payload, m.size_bytes, m.deliver_count, m.next_attempt_trigger,
            (extract(epoch FROM clock_timestamp() - m.created_at) * 1000)::float8 AS stored_age_ms
       FROM lease
       LEFT JOIN LATERAL (
         SELECT m.*, chosen.ord
           FROM unnest($4::int8[]) WITH ORDINALITY AS chosen(id, ord)
           JOIN message m ON m.id = chosen.id
          WHERE m.state IN ('pending', 'failing')
       ) m ON true
      ORDER BY m.ord`,
    [options.sinkId, options.lane, options.token, ids, options.leaseMs],
  );
  // No row at all: the lease was not ours. One row of nulls: ours, but nothing left to send.
  if (result.rows.length === 0) {
    throw new LaneLeaseLostError(`lost the lease on lane ${options.lane} of sink ${options.sinkId}`);
  }
  return result.rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: BigInt(row.id as string),
      groupKey: row.group_key,
      payload: row.payload,
      sizeBytes: row.size_bytes,
      deliverCount: row.deliver_count,
      trigger: row.next_attempt_trigger,
      // Age on the database's own clock: the engine's host clock may be skewed from it.
      storedAgeMs: Math.max(0, row.stored_age_ms ?? 0),
    }));
}
