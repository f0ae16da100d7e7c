import { MESSAGE_STATES, type MessageState } from '@shardline/core';
import type { Queryable } from '../database';

export type MessageCounts = Record<MessageState, number> & {
  /** Pending messages inside a request under way right now. */
  inFlight: number;
};

export async function countMessages(db: Queryable, options: { sinkId: string }): Promise<MessageCounts> {
  const [byState, inFlight] = await Promise.all([
    db.query<{ state: MessageState; count: string }>(
      'SELECT state, count(*) AS count FROM message WHERE sink_id = $1 GROUP BY state',
      [options.sinkId],
    ),
    db.query<{ count: string }>(
      `SELECT coalesce(sum(cardinality(in_flight_ids)), 0) AS count FROM delivery_lane
        WHERE sink_id = $1 AND lease_expires_at > clock_timestamp()`,
      [options.sinkId],
    ),
  ]);
  const counts = Object.fromEntries(MESSAGE_STATES.map((state) => [state, 0])) as Record<
    MessageState,
    number
  >;
  for (const row of byState.rows) counts[row.state] = Number(row.count);
  return { ...counts, inFlight: Number(inFlight.rows[0]?.count ?? 0) };
}
