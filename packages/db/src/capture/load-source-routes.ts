import type { Database } from '../database';
import { listSourceSinks, type SourceSinkRoute } from '../sinks/list-source-sinks';

/** A source's sinks as the change reader routes by them, and the configuration version they are. */
export interface SourceRoutes {
  /** `source.config_version` read before the sinks: the sinks are at least this new. */
  version: bigint;
  sinks: SourceSinkRoute[];
}

/**
 * The version first, then the sinks: a change committed in between makes the sinks newer than
 * the version, never older, so comparing versions later can only cause an extra reload. Null
 * when the source no longer exists.
 */
export async function loadSourceRoutes(
  db: Database,
  options: { sourceId: string },
): Promise<SourceRoutes | null> {
  const version = await getSourceConfigVersion(db, options);
  if (version === null) return null;
  return { version, sinks: await listSourceSinks(db, options) };
}

/** The source's configuration version (moved by a trigger on every sink change); null without the source. */
export async function getSourceConfigVersion(
  db: Database,
  options: { sourceId: string },
): Promise<bigint | null> {
  const result = await db.pool.query<{ config_version: string }>(
    'SELECT config_version FROM source WHERE id = $1',
    [options.sourceId],
  );
  const row = result.rows[0];
  return row ? BigInt(row.config_version) : null;
}
