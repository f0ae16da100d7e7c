import { parseSinkRoutes } from '../capture/source-config';
import type { Db } from '../database';
import type { SourceSinkRoute } from './sink-route';

/**
 * Every sink of a source with its tables, actions and grouping, as of the latest configuration
 * saved (the newest snapshot in source_config). Paused sinks still get messages stored.
 */
export async function listSourceSinks(db: Db, options: { sourceId: string }): Promise<SourceSinkRoute[]> {
  const result = await db.pool.query<{ sinks: unknown }>(
    'SELECT sinks FROM source_config WHERE source_id = $1 ORDER BY version DESC LIMIT 1',
    [options.sourceId],
  );
  const latest = result.rows[0];
  return latest ? parseSinkRoutes(latest.sinks) : [];
}
