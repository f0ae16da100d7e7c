import type { TableFacts } from '@shardline/core';
import type { Db } from '../database';

/** One table a source check looked at. */
export interface CheckedTable extends TableFacts {
  schema: string;
  name: string;
}

/** What a source check found: why it could not connect, or the tables and the slot. */
export type SourceCheckResult =
  | { connected: false; title: string; detail: string }
  | {
      connected: true;
      database: string;
      /** Null when the slot does not exist (yet). */
      slot: { active: boolean; retainedBytes: number; lagBytes: number } | null;
      tables: CheckedTable[];
    };

/**
 * Records a source check: the result, the settings digest it was made with, and for each sink the
 * digest of the tables it looked at.
 */
export async function recordSourceCheck(
  db: Db,
  options: {
    sourceId: string;
    settingsVersion: string;
    sinkVersions: Record<string, string>;
    result: SourceCheckResult;
  },
): Promise<void> {
  const { result } = options;
  const connected = result.connected ? result : null;
  await db.pool.query(
    `UPDATE source_check
        SET checked_at = now(), checked_version = $2, sink_versions = $3::jsonb,
            connect_error_title = $4, connect_error_detail = $5, database_name = $6,
            slot_active = $7, slot_retained_bytes = $8, slot_lag_bytes = $9, tables = $10::jsonb
      WHERE source_id = $1`,
    [
      options.sourceId,
      options.settingsVersion,
      JSON.stringify(options.sinkVersions),
      result.connected ? null : result.title,
      result.connected ? null : result.detail,
      connected?.database ?? null,
      connected?.slot?.active ?? null,
      connected?.slot?.retainedBytes ?? null,
      connected?.slot?.lagBytes ?? null,
      connected ? JSON.stringify(connected.tables) : null,
    ],
  );
}
