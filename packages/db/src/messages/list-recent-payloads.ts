import type { Db } from '../database';

/** A message's id and its payload as the exact JSON text stored. */
export interface MessagePayload {
  id: bigint;
  payload: string;
}

/**
 * A sink's latest messages (by position, newest first) with their payloads, whatever their
 * state: what a check of the sink's routing runs on. Read backwards along
 * message_sink_position_key, so a sink with millions of messages costs `limit` rows.
 */
export async function listRecentPayloads(
  db: Db,
  options: { sinkId: string; limit: number },
): Promise<MessagePayload[]> {
  const result = await db.pool.query<{ id: string; payload: string }>(
    `SELECT id, payload::text AS payload FROM message WHERE sink_id = $1
      ORDER BY commit_lsn DESC, commit_idx DESC LIMIT $2`,
    [options.sinkId, options.limit],
  );
  return result.rows.map((row) => ({ id: BigInt(row.id), payload: row.payload }));
}
