import type { Db } from '../database';
import { LaneLeaseLostError } from './lane-lease';

/** A message as it will be sent, read in the walk that chose it. */
export interface OutgoingMessage {
  id: bigint;
  groupKey: string;
  payload: string;
  sizeBytes: number;
  deliverCount: number;
  /** Of `deliverCount`, the attempts Kinesis throttled (not failures). */
  throttledCount: number;
  trigger: 'scheduled' | 'manual';
  /** Milliseconds since it was stored, by the database's clock when the walk read it. */
  storedAgeMs: number;
}

/** The oldest undelivered message of one group: the only one of its group that may be sent. */
export interface LaneHead {
  id: bigint;
  groupKey: string;
  sizeBytes: number;
  nextAttemptAt: Date;
  /** Due and within the request's limits (or over the record limit, to be failed at once). */
  chosen: boolean;
  /** The message to send, read when the head is due; null when it is waiting for a retry. */
  message: OutgoingMessage | null;
}

export interface LaneWalkLimits {
  /** Heads looked at, due or not. */
  heads: number;
  /** Due heads that fit a record, at most, in one request. */
  dueHeads: number;
  /** Bytes of due heads, at most, in one request; the first may exceed it and goes alone. */
  dueBytes: number;
  /** A due head larger than this is never sent: chosen to be failed, outside both due limits. */
  maxRecordBytes: number;
}

export interface LaneWalk {
  sinkId: string;
  lane: number;
  /** The lease the walk must still hold; it is renewed. */
  token: string;
  leaseMs: number;
  afterGroupKey: string;
  upToGroupKey?: string;
  limits: LaneWalkLimits;
  /** The first walk of this request chose heads: this one adds to them, and none goes alone. */
  continuesRequest: boolean;
}

/** What a walk found, and the sink's version as of the same snapshot. */
export interface LaneWalkResult {
  heads: LaneHead[];
  /**
   * The sink's `updated_at` as the walk's own statement saw it. A message stored after an edit
   * of the sink can only be walked by a statement that also sees the edit: a runner that sends
   * with the settings of this version never sends it with settings older than the edit.
   */
  sinkVersion: string;
}

/** A size_bytes is an int4: a record limit above that (a transform may shrink anything) is none. */
const NO_RECORD_LIMIT = 2 ** 31 - 1;

/**
 * One statement per request (a second when the walk wraps past the lane's last group, with
 * `continuesRequest`): walks the groups of a lane in group-key order, starting after
 * `afterGroupKey`, returning each group's head with the payload of each due one; chooses the due
 * heads that fill one request; and, if the lease is still ours, renews it and records the chosen
 * messages as the lane's request in flight. Throws if the lease was lost, so a stalled holder
 * never sends after another took over.
 *
 * A skip scan over the claim index: one index probe per group, so a group with a long queue
 * behind a failing message costs one probe, not its queue's length. The walk stops as soon as the
 * request is full, so no head is read twice for one request. A message a person discards between
 * this walk and its request is still sent, and recorded as delivered, as one discarded while its
 * request is in flight.
 */
export async function walkLane(db: Db, walk: LaneWalk): Promise<LaneWalkResult> {
  const { limits } = walk;
  // The upper bound sits inside both probes so the walk stops there instead of running on.
  const bound = walk.upToGroupKey === undefined ? '' : 'AND m.group_key <= $11';
  // The payload only of a due head: a head waiting for its retry is not sent now.
  const probe = (after: string) => `
    SELECT m.group_key, m.id, m.size_bytes, m.next_attempt_at, m.deliver_count, m.throttled_count, m.next_attempt_trigger, m.created_at,
           CASE WHEN m.next_attempt_at <= clock_timestamp() THEN m.payload::text END AS payload
      FROM message m
     WHERE m.sink_id = $1 AND m.lane = $2 AND m.state IN ('pending', 'failing') AND m.group_key > ${after} ${bound}
     ORDER BY m.group_key, m.commit_lsn, m.commit_idx
     LIMIT 1`;
  // Counted toward the request's limits: due (its payload was read) and small enough to be sent.
  const sendable = (head: string) => `
    CROSS JOIN LATERAL (
      SELECT (${head}.payload IS NOT NULL AND ${head}.size_bytes <= $7)::int AS count,
             CASE WHEN ${head}.payload IS NOT NULL AND ${head}.size_bytes <= $7 THEN ${head}.size_bytes ELSE 0 END AS bytes
    ) sendable`;
  const result = await db.pool.query<{
    id: string | null;
    group_key: string;
    size_bytes: number;
    next_attempt_at: Date;
    deliver_count: number;
    throttled_count: number;
    next_attempt_trigger: 'scheduled' | 'manual';
    payload: string | null;
    chosen: boolean;
    stored_age_ms: number;
    sink_version: Date;
  }>(
    `WITH RECURSIVE heads AS (
       SELECT first.*, 1 AS step, sendable.count AS sendable, sendable.count AS due_count, sendable.bytes AS due_bytes
         FROM (${probe('$3')}) first ${sendable('first')}
       UNION ALL
       SELECT next.*, h.step + 1, sendable.count, h.due_count + sendable.count, h.due_bytes + sendable.bytes
         FROM heads h
         CROSS JOIN LATERAL (${probe('h.group_key')}) next ${sendable('next')}
        WHERE h.step < $4 AND h.due_count < $5 AND h.due_bytes < $6
     ),
     walked AS (
       SELECT h.*,
              h.payload IS NOT NULL AND (h.sendable = 0
                OR (h.due_count <= $5 AND (h.due_bytes <= $6 OR (h.due_count = 1 AND NOT $8)))) AS chosen
         FROM heads h
     ),
     lease AS (
       UPDATE delivery_lane
          SET in_flight_ids = CASE WHEN $8 THEN in_flight_ids ELSE '{}' END
                              || ARRAY(SELECT id FROM walked WHERE chosen ORDER BY step),
              lease_expires_at = clock_timestamp() + $10 * interval '1 millisecond'
        WHERE sink_id = $1 AND lane = $2 AND lease_token = $9
        RETURNING (SELECT updated_at FROM sink WHERE id = $1) AS sink_version
     )
     SELECT lease.sink_version, w.id, w.group_key, w.size_bytes, w.next_attempt_at, w.deliver_count, w.throttled_count, w.next_attempt_trigger, w.payload,
            w.chosen, (extract(epoch FROM clock_timestamp() - w.created_at) * 1000)::float8 AS stored_age_ms
       FROM lease
       LEFT JOIN walked w ON true
      ORDER BY w.step`,
    [
      walk.sinkId,
      walk.lane,
      walk.afterGroupKey,
      limits.heads,
      limits.dueHeads,
      limits.dueBytes,
      Math.min(limits.maxRecordBytes, NO_RECORD_LIMIT),
      walk.continuesRequest,
      walk.token,
      walk.leaseMs,
      ...(walk.upToGroupKey === undefined ? [] : [walk.upToGroupKey]),
    ],
  );
  // No row at all: the lease was not ours. One row of nulls: ours, and no head in the lane.
  if (result.rows.length === 0) {
    throw new LaneLeaseLostError(`lost the lease on lane ${walk.lane} of sink ${walk.sinkId}`);
  }
  const sinkVersion = result.rows[0]?.sink_version?.toISOString() ?? '';
  const heads = result.rows.flatMap((row): LaneHead[] => {
    if (row.id === null) return [];
    const id = BigInt(row.id);
    return [
      {
        id,
        groupKey: row.group_key,
        sizeBytes: row.size_bytes,
        nextAttemptAt: row.next_attempt_at,
        chosen: row.chosen,
        message:
          row.payload === null
            ? null
            : {
                id,
                groupKey: row.group_key,
                payload: row.payload,
                sizeBytes: row.size_bytes,
                deliverCount: row.deliver_count,
                throttledCount: row.throttled_count,
                trigger: row.next_attempt_trigger,
                // Age on the database's own clock: the engine's host clock may be skewed from it.
                storedAgeMs: Math.max(0, row.stored_age_ms),
              },
      },
    ];
  });
  return { heads, sinkVersion };
}
