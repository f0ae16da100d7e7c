import type { Queryable } from '../database';

export interface OutgoingMessage {
  id: bigint;
  groupKey: string;
  payload: string;
  sizeBytes: number;
  deliverCount: number;
  trigger: 'scheduled' | 'manual';
}

export class LaneLeaseLostError extends Error {
  override readonly name = 'LaneLeaseLostError';
}

/**
 * Marks the chosen heads as the lane's request in flight, renews the lease and moves the
 * round-robin cursor, then reads what will be sent. Fails if the lease was lost, so a stalled
 * holder never sends after another took over.
 */
export async function startLaneBatch(
  db: Queryable,
  options: {
    sinkId: string;
    lane: number;
    token: string;
    leaseMs: number;
    messageIds: bigint[];
    groupCursor: string;
  },
): Promise<OutgoingMessage[]> {
  const ids = options.messageIds.map(String);
  const marked = await db.query(
    `UPDATE delivery_lane
        SET in_flight_ids = $4::int8[], group_cursor = $5,
            lease_expires_at = clock_timestamp() + $6 * interval '1 millisecond'
      WHERE sink_id = $1 AND lane = $2 AND lease_token = $3`,
    [options.sinkId, options.lane, options.token, ids, options.groupCursor, options.leaseMs],
  );
  if (marked.rowCount === 0)
    throw new LaneLeaseLostError(`lost the lease on lane ${options.lane} of sink ${options.sinkId}`);
  if (ids.length === 0) return [];
  // payload::text returns the stored JSON byte for byte, without a parse and re-serialise.
  const result = await db.query<{
    id: string;
    group_key: string;
    payload: string;
    size_bytes: number;
    deliver_count: number;
    next_attempt_trigger: 'scheduled' | 'manual';
  }>(
    `SELECT m.id, m.group_key, m.payload::text AS payload, m.size_bytes, m.deliver_count, m.next_attempt_trigger
       FROM unnest($1::int8[]) WITH ORDINALITY AS chosen(id, ord)
       JOIN message m ON m.id = chosen.id
      WHERE m.state IN ('pending', 'failing')
      ORDER BY chosen.ord`,
    [ids],
  );
  return result.rows.map((row) => ({
    id: BigInt(row.id),
    groupKey: row.group_key,
    payload: row.payload,
    sizeBytes: row.size_bytes,
    deliverCount: row.deliver_count,
    trigger: row.next_attempt_trigger,
  }));
}
