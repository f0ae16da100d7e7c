import type { Queryable } from '../database';

/** A message as it will be sent, read in the walk that found it. */
export interface OutgoingMessage {
  id: bigint;
  groupKey: string;
  payload: string;
  sizeBytes: number;
  deliverCount: number;
  trigger: 'scheduled' | 'manual';
  /** Milliseconds since it was stored, by the database's clock when the walk read it. */
  storedAgeMs: number;
}

/** The oldest undelivered message of one group: the only one of its group that may be sent. */
export interface LaneHead {
  id: bigint;
  groupKey: string;
  sizeBytes: number;
  due: boolean;
  nextAttemptAt: Date;
  /** The message to send when the head is due; null when it is not. */
  message: OutgoingMessage | null;
}

export interface LaneWalkLimits {
  /** Heads looked at, due or not. */
  heads: number;
  /** The walk stops once this many due heads that fit a request are found. */
  dueHeads: number;
  /** The walk stops once the due heads that fit a request reach this many bytes. */
  dueBytes: number;
  /** A due head larger than this is never sent, so it counts toward neither due limit. */
  maxRecordBytes: number;
}

/**
 * Walks the groups of a lane in group-key order, starting after `afterGroupKey`, and returns
 * each group's head, with the payload of each due one: one statement finds what to send and
 * reads it. A skip scan over the claim index: one index probe per group, so a group with a long
 * queue behind a failing message costs one probe, not its queue's length. The walk stops as
 * soon as one request is full, so no head is read twice for one request.
 */
export async function findLaneHeads(
  db: Queryable,
  options: {
    sinkId: string;
    lane: number;
    afterGroupKey: string;
    upToGroupKey?: string;
    limits: LaneWalkLimits;
  },
): Promise<LaneHead[]> {
  const { limits } = options;
  // The upper bound sits inside both probes so the walk stops there instead of running on.
  const bound = options.upToGroupKey === undefined ? '' : 'AND m.group_key <= $8';
  // Every probe reads the same columns; the payload only of a due head (a head waiting for its
  // retry is not sent now).
  const probe = (after: string) => `
    SELECT m.group_key, m.id, m.size_bytes, m.next_attempt_at, m.deliver_count, m.next_attempt_trigger, m.created_at,
           m.next_attempt_at <= clock_timestamp() AS due,
           CASE WHEN m.next_attempt_at <= clock_timestamp() THEN m.payload::text END AS payload
      FROM message m
     WHERE m.sink_id = $1 AND m.lane = $2 AND m.state IN ('pending', 'failing') AND m.group_key > ${after} ${bound}
     ORDER BY m.group_key, m.commit_lsn, m.commit_idx
     LIMIT 1`;
  const result = await db.query<{
    id: string;
    group_key: string;
    size_bytes: number;
    due: boolean;
    next_attempt_at: Date;
    deliver_count: number;
    next_attempt_trigger: 'scheduled' | 'manual';
    payload: string | null;
    stored_age_ms: number;
  }>(
    `WITH RECURSIVE heads AS (
       SELECT first.*, 1 AS walked, sendable.count AS due_count, sendable.bytes AS due_bytes
         FROM (${probe('$3')}) first
         CROSS JOIN LATERAL (SELECT (first.due AND first.size_bytes <= $7)::int AS count,
                                    CASE WHEN first.due AND first.size_bytes <= $7 THEN first.size_bytes ELSE 0 END AS bytes) sendable
       UNION ALL
       SELECT next.*, h.walked + 1, h.due_count + sendable.count, h.due_bytes + sendable.bytes
         FROM heads h
         CROSS JOIN LATERAL (${probe('h.group_key')}) next
         CROSS JOIN LATERAL (SELECT (next.due AND next.size_bytes <= $7)::int AS count,
                                    CASE WHEN next.due AND next.size_bytes <= $7 THEN next.size_bytes ELSE 0 END AS bytes) sendable
        WHERE h.walked < $4 AND h.due_count < $5 AND h.due_bytes < $6
     )
     SELECT id, group_key, size_bytes, next_attempt_at, due, deliver_count, next_attempt_trigger, payload,
            (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS stored_age_ms
       FROM heads`,
    [
      options.sinkId,
      options.lane,
      options.afterGroupKey,
      limits.heads,
      limits.dueHeads,
      limits.dueBytes,
      // A size_bytes is an int4: a limit above that (a transform may shrink anything) is none.
      Math.min(limits.maxRecordBytes, 2 ** 31 - 1),
      ...(options.upToGroupKey === undefined ? [] : [options.upToGroupKey]),
    ],
  );
  return result.rows.map((row) => {
    const id = BigInt(row.id);
    // `due` and the payload are two readings of the clock; a head is due only with its payload.
    const due = row.due && row.payload !== null;
    return {
      id,
      groupKey: row.group_key,
      sizeBytes: row.size_bytes,
      due,
      nextAttemptAt: row.next_attempt_at,
      message:
        due && row.payload !== null
          ? {
              id,
              groupKey: row.group_key,
              payload: row.payload,
              sizeBytes: row.size_bytes,
              deliverCount: row.deliver_count,
              trigger: row.next_attempt_trigger,
              // Age on the database's own clock: the engine's host clock may be skewed from it.
              storedAgeMs: Math.max(0, row.stored_age_ms),
            }
          : null,
    };
  });
}
