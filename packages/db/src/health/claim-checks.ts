import type { Db } from '../database';
import { sourceVersionSql, streamVersionSql, tablesVersionSql } from './check-versions';

/**
 * Takes the stream checks that are due: never done, last taken more than `periodMs` ago, or taken
 * for settings since edited. However many engines ask at once, each due check goes to one of them:
 * the upsert locks each row, and the engine that waited sees it taken already and skips it.
 * Returns the sinks this engine is to check, with the settings digest to record with the result.
 */
export async function claimSinkChecks(
  db: Db,
  options: { periodMs: number },
): Promise<Array<{ sinkId: string; version: string }>> {
  const result = await db.pool.query<{ sink_id: string; claimed_version: string }>(
    `INSERT INTO sink_check (sink_id, claimed_at, claimed_version)
     SELECT s.id, now(), ${streamVersionSql('s')} FROM sink s
     ON CONFLICT (sink_id) DO UPDATE SET claimed_at = now(), claimed_version = excluded.claimed_version
      WHERE sink_check.claimed_at IS NULL
         OR sink_check.claimed_at < now() - $1 * interval '1 millisecond'
         OR sink_check.claimed_version IS DISTINCT FROM excluded.claimed_version
     RETURNING sink_id, claimed_version`,
    [options.periodMs],
  );
  return result.rows.map((row) => ({ sinkId: row.sink_id, version: row.claimed_version }));
}

/**
 * Takes the source checks that are due, as claimSinkChecks does: a source's check depends on its
 * settings and on the tables of its sinks, so editing either makes it due at once.
 */
export async function claimSourceChecks(
  db: Db,
  options: { periodMs: number },
): Promise<Array<{ sourceId: string }>> {
  const result = await db.pool.query<{ source_id: string }>(
    `INSERT INTO source_check (source_id, claimed_at, claimed_version)
     SELECT s.id, now(),
            ${sourceVersionSql('s')} || '/' ||
            coalesce((SELECT string_agg(k.id::text || '=' || ${tablesVersionSql('k')}, ',' ORDER BY k.id)
                        FROM sink k WHERE k.source_id = s.id), '')
       FROM source s
     ON CONFLICT (source_id) DO UPDATE SET claimed_at = now(), claimed_version = excluded.claimed_version
      WHERE source_check.claimed_at IS NULL
         OR source_check.claimed_at < now() - $1 * interval '1 millisecond'
         OR source_check.claimed_version IS DISTINCT FROM excluded.claimed_version
     RETURNING source_id`,
    [options.periodMs],
  );
  return result.rows.map((row) => ({ sourceId: row.source_id }));
}
