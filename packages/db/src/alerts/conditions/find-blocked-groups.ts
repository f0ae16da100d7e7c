import type { Db } from '../../database';
import { overrideArrays, type PerSinkThreshold } from './per-sink-threshold';

/** A sink's groups whose head (oldest undelivered message) has been failing for too long. */
export interface BlockedGroups {
  sinkId: string;
  sinkName: string;
  /** Groups blocked for longer than the threshold, counted up to BLOCKED_GROUPS_COUNT_CAP. */
  count: number;
  /** Whether the count stopped at the cap: there are at least that many. */
  capped: boolean;
  /** The first few, in position order. */
  groups: string[];
  /** When the longest-blocked of them first failed. */
  blockedSince: Date;
}

export const BLOCKED_GROUPS_COUNT_CAP = 10_000;
const EXAMPLES = 5;

/**
 * Per sink, the groups blocked behind a failing message for longer than `blockedForMs` (the
 * sink's own threshold, or the default). Only a
 * group's head is ever sent, so a failing message is its group's head, and the group has been
 * blocked since that message's first failed attempt. The walk reads only failing rows (message_
 * sink_state_position_idx), skips those stored too recently to qualify, finds each one's first
 * attempt through delivery_attempt_message_idx, and stops at the cap: during an outage of a
 * busy sink it costs at most a few thousand index probes.
 */
export async function findBlockedGroups(
  db: Db,
  options: { blockedForMs: PerSinkThreshold },
): Promise<BlockedGroups[]> {
  const result = await db.pool.query<{
    sink_id: string;
    sink_name: string;
    count: string;
    groups: string[];
    blocked_since: Date;
  }>(
    `SELECT s.id AS sink_id, s.name AS sink_name, b.count, b.groups, b.blocked_since
       FROM sink s
       LEFT JOIN unnest($4::uuid[], $5::int8[]) AS own(sink_id, ms) ON own.sink_id = s.id
       CROSS JOIN LATERAL (
         SELECT count(*) AS count, (array_agg(h.group_key ORDER BY h.commit_lsn, h.commit_idx))[1:$3] AS groups,
                min(h.first_failed_at) AS blocked_since
           FROM (
             SELECT m.group_key, m.commit_lsn, m.commit_idx, first.attempted_at AS first_failed_at
               FROM message m
               CROSS JOIN LATERAL (
                 SELECT a.attempted_at FROM delivery_attempt a
                  WHERE a.message_id = m.id AND a.error_code IS NOT NULL ORDER BY a.attempted_at LIMIT 1
               ) first
              WHERE m.sink_id = s.id AND m.state = 'failing'
                AND m.created_at < now() - coalesce(own.ms, $1) * interval '1 millisecond'
                AND first.attempted_at < now() - coalesce(own.ms, $1) * interval '1 millisecond'
              ORDER BY m.commit_lsn, m.commit_idx
              LIMIT $2
           ) h
       ) b
      WHERE b.count > 0
      ORDER BY s.name`,
    [
      options.blockedForMs.defaultMs,
      BLOCKED_GROUPS_COUNT_CAP,
      EXAMPLES,
      ...overrideArrays(options.blockedForMs),
    ],
  );
  return result.rows.map((row) => ({
    sinkId: row.sink_id,
    sinkName: row.sink_name,
    count: Number(row.count),
    capped: Number(row.count) >= BLOCKED_GROUPS_COUNT_CAP,
    groups: row.groups,
    blockedSince: row.blocked_since,
  }));
}
