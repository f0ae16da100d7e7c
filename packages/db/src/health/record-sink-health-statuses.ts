import type { SinkHealth } from '@shardline/core';
import type { Db } from '../database';
import { agoMsSql } from './check-versions';

/**
 * Notes each sink's status, keeping since when it has been in it (moved only when it changes):
 * how long a sink has not captured, for its alert. Returns, per sink, since when and for how long
 * (by the database's clock). Engines noting at once agree, as they decide
 * from the same facts; a sink deleted meanwhile is left out.
 */
export async function recordSinkHealthStatuses(
  db: Db,
  healths: ReadonlyMap<string, Pick<SinkHealth, 'status'>>,
): Promise<Map<string, { since: Date; forMs: number }>> {
  if (healths.size === 0) return new Map();
  const ids = [...healths.keys()];
  const result = await db.pool.query<{ sink_id: string; status_since: Date; for_ms: number }>(
    `WITH noted AS (
       INSERT INTO sink_check (sink_id, status, status_since)
       SELECT v.sink_id, v.status, now()
         FROM unnest($1::uuid[], $2::text[]) AS v(sink_id, status)
        WHERE EXISTS (SELECT 1 FROM sink WHERE sink.id = v.sink_id)
       ON CONFLICT (sink_id) DO UPDATE SET status = excluded.status, status_since = now()
        WHERE sink_check.status IS DISTINCT FROM excluded.status
       RETURNING sink_id, status_since
     )
     SELECT sink_id, status_since, 0::float8 AS for_ms FROM noted
     UNION ALL
     SELECT sink_id, status_since, ${agoMsSql('status_since')} AS for_ms FROM sink_check
      WHERE sink_id = ANY($1::uuid[]) AND sink_id NOT IN (SELECT sink_id FROM noted)`,
    [ids, ids.map((id) => healths.get(id)?.status ?? 'unverified')],
  );
  return new Map(
    result.rows.map((row) => [row.sink_id, { since: row.status_since, forMs: Math.max(0, row.for_ms) }]),
  );
}
