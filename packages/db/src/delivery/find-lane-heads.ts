import type { Queryable } from '../database';

/** The oldest undelivered message of one group: the only one of its group that may be sent. */
export interface LaneHead {
  id: bigint;
  groupKey: string;
  sizeBytes: number;
  due: boolean;
  nextAttemptAt: Date;
}

/**
 * Walks the groups of a lane in group-key order, starting after `afterGroupKey`, and returns
 * each group's head. A skip scan over the claim index: one index probe per group, so a group
 * with a long queue behind a failing message costs one probe, not its queue's length.
 */
export async function findLaneHeads(
  db: Queryable,
  options: { sinkId: string; lane: number; afterGroupKey: string; upToGroupKey?: string; limit: number },
): Promise<LaneHead[]> {
  // The upper bound sits inside both probes so the walk stops there instead of running on.
  const bound = options.upToGroupKey === undefined ? '' : 'AND m.group_key <= $5';
  const result = await db.query<{
    id: string;
    group_key: string;
    size_bytes: number;
    due: boolean;
    next_attempt_at: Date;
  }>(
    `WITH RECURSIVE heads AS (
       (SELECT m.group_key, m.id, m.size_bytes, m.next_attempt_at
          FROM message m
         WHERE m.sink_id = $1 AND m.lane = $2 AND m.state IN ('pending', 'failing') AND m.group_key > $3 ${bound}
         ORDER BY m.group_key, m.commit_lsn, m.commit_idx
         LIMIT 1)
       UNION ALL
       SELECT n.group_key, n.id, n.size_bytes, n.next_attempt_at
         FROM heads h
         CROSS JOIN LATERAL (
           SELECT m.group_key, m.id, m.size_bytes, m.next_attempt_at
             FROM message m
            WHERE m.sink_id = $1 AND m.lane = $2 AND m.state IN ('pending', 'failing') AND m.group_key > h.group_key ${bound}
            ORDER BY m.group_key, m.commit_lsn, m.commit_idx
            LIMIT 1) n
     )
     SELECT id, group_key, size_bytes, next_attempt_at, next_attempt_at <= clock_timestamp() AS due
       FROM heads
      LIMIT $4`,
    [
      options.sinkId,
      options.lane,
      options.afterGroupKey,
      options.limit,
      ...(options.upToGroupKey === undefined ? [] : [options.upToGroupKey]),
    ],
  );
  return result.rows.map((row) => ({
    id: BigInt(row.id),
    groupKey: row.group_key,
    sizeBytes: row.size_bytes,
    due: row.due,
    nextAttemptAt: row.next_attempt_at,
  }));
}
