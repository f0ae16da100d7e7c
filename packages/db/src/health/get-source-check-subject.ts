import type { SecretBox } from '@shardline/core';
import type pg from 'pg';
import type { Db } from '../database';
import { getSourceConnection } from '../sources/get-source-connection';
import type { PublicSource } from '../sources/public-source';
import { sourceVersionSql, tablesVersionSql } from './check-versions';

/** A sink of the source, with the tables to check for it and the digest of that choice. */
export interface SinkTablesToCheck {
  sinkId: string;
  tablesVersion: string;
  tables: Array<{ schema: string; name: string; groupColumns: string[] }>;
}

/** Everything a source check needs, password decrypted: for the engine only, never shown. */
export interface SourceCheckSubject {
  source: PublicSource;
  clientConfig: pg.ClientConfig;
  /** Digest of the settings, recorded with the result. */
  settingsVersion: string;
  sinks: SinkTablesToCheck[];
}

export async function getSourceCheckSubject(
  db: Db,
  options: { secretBox: SecretBox; sourceId: string },
): Promise<SourceCheckSubject> {
  const { source, clientConfig } = await getSourceConnection(db, options);
  const [version, sinks] = await Promise.all([
    db.pool.query<{ version: string }>(
      `SELECT ${sourceVersionSql('s')} AS version FROM source s WHERE s.id = $1`,
      [options.sourceId],
    ),
    db.pool.query<{
      sink_id: string;
      tables_version: string;
      tables: Array<{ schema: string; name: string; groupColumns: string[] }>;
    }>(
      `SELECT k.id AS sink_id, ${tablesVersionSql('k')} AS tables_version,
              coalesce((SELECT json_agg(json_build_object('schema', t.table_schema, 'name', t.table_name,
                                                          'groupColumns', t.group_columns)
                                        ORDER BY t.table_schema, t.table_name)
                          FROM sink_table t WHERE t.sink_id = k.id), '[]') AS tables
         FROM sink k WHERE k.source_id = $1 ORDER BY k.id`,
      [options.sourceId],
    ),
  ]);
  return {
    source,
    clientConfig,
    settingsVersion: version.rows[0]?.version ?? '',
    sinks: sinks.rows.map((row) => ({
      sinkId: row.sink_id,
      tablesVersion: row.tables_version,
      tables: row.tables,
    })),
  };
}
