import { type Db, withPooledClient } from '../database';

/** The advisory lock's key: one configuration file applied at a time, across every console. */
const CONFIGURATION_LOCK = 'shardline:configuration-apply';

/**
 * Runs `work` holding an advisory lock on Shardline's database, so two consoles starting with the
 * same SHARDLINE_CONFIG_FILE (or two people applying files) never interleave their steps: the
 * second plans against what the first applied. The lock goes with its connection if the process dies.
 */
export async function withConfigurationLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return withPooledClient(db, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [CONFIGURATION_LOCK]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [CONFIGURATION_LOCK]);
    }
  });
}
