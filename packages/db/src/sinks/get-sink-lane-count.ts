import type { Db } from '../database';

/** A sink's number of lanes (fixed when it is created), or null when there is no such sink. */
export async function getSinkLaneCount(db: Db, options: { sinkId: string }): Promise<number | null> {
  const result = await db.pool.query<{ lane_count: number }>('SELECT lane_count FROM sink WHERE id = $1', [
    options.sinkId,
  ]);
  return result.rows[0]?.lane_count ?? null;
}
