import type { Db } from '../database';

/** Asks Shardline's database the smallest question: resolves when it answers, throws when not. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.pool.query('SELECT 1');
}
