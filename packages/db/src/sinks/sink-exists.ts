import type { Db } from '../database';
import { isUuid } from './sink-id';

/** Whether the sink is (still) there. */
export async function sinkExists(db: Db, options: { sinkId: string }): Promise<boolean> {
  if (!isUuid(options.sinkId)) return false;
  const found = await db.pool.query('SELECT 1 FROM sink WHERE id = $1', [options.sinkId]);
  return (found.rowCount ?? 0) > 0;
}
