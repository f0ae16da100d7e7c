import { RECORD_TOO_LARGE } from '@shardline/core';
import type { Db } from '../../database';

/** A sink's messages that fail because they are over the stream's record size limit. */
export interface OversizeMessages {
  sinkId: string;
  sinkName: string;
  count: number;
  /** The oldest few, by id. */
  messageIds: string[];
  /** The largest stored size among them (data plus partition key, before any transform). */
  largestBytes: number;
  /** The oldest one's error: it names the size sent and the limit. */
  exampleError: string | null;
}

const EXAMPLES = 5;

/**
 * Per sink, its failing messages whose last error is RecordTooLarge. One probe per sink into
 * message_sink_state_position_idx (sink, state, position): only failing rows are read, however
 * many delivered ones the sink keeps.
 */
export async function findOversizeMessages(db: Db): Promise<OversizeMessages[]> {
  const result = await db.pool.query<{
    sink_id: string;
    sink_name: string;
    count: string;
    message_ids: string[];
    largest_bytes: number;
    example_error: string | null;
  }>(
    `SELECT s.id AS sink_id, s.name AS sink_name, f.count, f.message_ids, f.largest_bytes, f.example_error
       FROM sink s
       CROSS JOIN LATERAL (
         SELECT count(*) AS count, max(m.size_bytes) AS largest_bytes,
                (array_agg(m.id::text ORDER BY m.id))[1:$2] AS message_ids,
                (array_agg(m.last_error_message ORDER BY m.id))[1] AS example_error
           FROM message m
          WHERE m.sink_id = s.id AND m.state = 'failing' AND m.last_error_code = $1
       ) f
      WHERE f.count > 0
      ORDER BY s.name`,
    [RECORD_TOO_LARGE, EXAMPLES],
  );
  return result.rows.map((row) => ({
    sinkId: row.sink_id,
    sinkName: row.sink_name,
    count: Number(row.count),
    messageIds: row.message_ids,
    largestBytes: row.largest_bytes,
    exampleError: row.example_error,
  }));
}
