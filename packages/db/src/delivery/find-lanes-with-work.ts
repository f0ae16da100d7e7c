import type { Db } from '../database';

/** Lanes of a sink that hold at least one undelivered message (one index probe per lane). */
export async function findLanesWithWork(
  db: Db,
  options: { sinkId: string; laneCount: number },
): Promise<number[]> {
  const result = await db.pool.query<{ lane: number }>(
    `SELECT l.lane FROM generate_series(0, $2::int - 1) AS l(lane)
      WHERE EXISTS (SELECT 1 FROM message m WHERE m.sink_id = $1 AND m.lane = l.lane AND m.state IN ('pending', 'failing'))`,
    [options.sinkId, options.laneCount],
  );
  return result.rows.map((row) => row.lane);
}
