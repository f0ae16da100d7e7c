import type { Db } from '../database';

/** What one sink has waiting, as the metrics endpoint reports it. */
export interface SinkBacklog {
  sinkId: string;
  sinkName: string;
  pending: number;
  failing: number;
  /** Seconds since the first waiting message (in commit order) was stored; null when none waits. */
  oldestAgeSeconds: number | null;
}

/**
 * Every sink's backlog: its pending and failing messages, and how long the first of them has
 * waited. Built to run on every metrics scrape of every engine, whatever the size of the message
 * table: each count is an index-only range scan of message_sink_state_position_idx (sink, state,
 * position), so it reads the waiting messages and never the delivered ones; the oldest is the
 * first entry of that same index per state (one probe each). So the age is that of the waiting
 * message first in commit order, which is the one stored first except for a backfill's reads
 * stored beside a reader that lags; reading every waiting row to find the earliest created_at
 * would cost a heap read per waiting message.
 */
export async function listSinkBacklogs(db: Db): Promise<SinkBacklog[]> {
  const result = await db.pool.query<{
    sink_id: string;
    sink_name: string;
    pending: string;
    failing: string;
    oldest_age_seconds: number | null;
  }>(
    `SELECT s.id AS sink_id, s.name AS sink_name,
            (SELECT count(*) FROM message m WHERE m.sink_id = s.id AND m.state = 'pending') AS pending,
            (SELECT count(*) FROM message m WHERE m.sink_id = s.id AND m.state = 'failing') AS failing,
            extract(epoch FROM clock_timestamp() - least(
              (SELECT m.created_at FROM message m WHERE m.sink_id = s.id AND m.state = 'pending'
                ORDER BY m.sink_id, m.state, m.commit_lsn, m.commit_idx LIMIT 1),
              (SELECT m.created_at FROM message m WHERE m.sink_id = s.id AND m.state = 'failing'
                ORDER BY m.sink_id, m.state, m.commit_lsn, m.commit_idx LIMIT 1)
            ))::float8 AS oldest_age_seconds
       FROM sink s
      ORDER BY s.name`,
  );
  return result.rows.map((row) => ({
    sinkId: row.sink_id,
    sinkName: row.sink_name,
    pending: Number(row.pending),
    failing: Number(row.failing),
    oldestAgeSeconds: row.oldest_age_seconds === null ? null : Math.max(0, row.oldest_age_seconds),
  }));
}
