import { MESSAGE_ACTIONS, type MessageAction } from '@shardline/core';
import { z } from 'zod';
import type { Db } from '../database';
import { type SourceSinkRoute, tableKey } from '../sinks/sink-route';

/** A snapshot of a source's sinks, and where in the source's WAL it starts to apply. */
export interface SourceConfig {
  version: bigint;
  /** Changes committed at or after this position follow it; null: from when the reader sees it. */
  effectiveLsn: bigint | null;
  sinks: SourceSinkRoute[];
}

const sinkRoutesSchema = z.array(
  z.object({
    sinkId: z.string(),
    sinkName: z.string(),
    laneCount: z.number().int(),
    annotations: z.record(z.string(), z.string()).nullable(),
    filterSource: z.string().nullable(),
    tables: z.array(
      z.object({
        schema: z.string(),
        name: z.string(),
        actions: z.array(z.enum(MESSAGE_ACTIONS)),
        groupColumns: z.array(z.string()),
      }),
    ),
  }),
);

/** The routes of a snapshot's `sinks` JSON (built by the source_sink_routes SQL function). */
export function parseSinkRoutes(json: unknown): SourceSinkRoute[] {
  return sinkRoutesSchema.parse(json).map((sink) => ({
    sinkId: sink.sinkId,
    sinkName: sink.sinkName,
    laneCount: sink.laneCount,
    annotations: sink.annotations ?? {},
    filterSource: sink.filterSource,
    tables: new Map(
      sink.tables.map((table) => [
        tableKey(table.schema, table.name),
        { actions: new Set<MessageAction>(table.actions), groupColumns: table.groupColumns },
      ]),
    ),
  }));
}

/** The snapshots newer than `afterVersion`, oldest first. Null when the source no longer exists. */
export async function listSourceConfigs(
  db: Db,
  options: { sourceId: string; afterVersion: bigint },
): Promise<SourceConfig[] | null> {
  const result = await db.pool.query<{
    found: boolean;
    version: string | null;
    effective_lsn: string | null;
    sinks: unknown;
  }>(
    `SELECT s.id IS NOT NULL AS found, c.version, c.effective_lsn, c.sinks
       FROM (SELECT $1::uuid AS id) wanted
       LEFT JOIN source s ON s.id = wanted.id
       LEFT JOIN source_config c ON c.source_id = s.id AND c.version > $2
      ORDER BY c.version`,
    [options.sourceId, options.afterVersion.toString()],
  );
  if (!result.rows[0]?.found) return null;
  return result.rows.flatMap((row) =>
    row.version === null
      ? []
      : [
          {
            version: BigInt(row.version),
            effectiveLsn: row.effective_lsn === null ? null : BigInt(row.effective_lsn),
            sinks: parseSinkRoutes(row.sinks),
          },
        ],
  );
}

/** Where in each source's WAL the configuration a transaction saves starts to apply, by source id. */
export type SourcePositions = Readonly<Record<string, bigint>>;

/**
 * Tells the snapshot triggers, inside the transaction that saves a configuration, from which WAL
 * position of each source it applies (read from the source before saving, so before the request
 * returns: every change committed after it returned is at or after that position).
 */
export async function setSourcePositions(tx: Db, positions: SourcePositions | undefined): Promise<void> {
  if (!positions || Object.keys(positions).length === 0) return;
  const json = JSON.stringify(
    Object.fromEntries(Object.entries(positions).map(([id, lsn]) => [id, lsn.toString()])),
  );
  await tx.pool.query("SELECT set_config('shardline.source_positions', $1, true)", [json]);
}

/**
 * Forgets snapshots no change at or after `acknowledgedLsn` can follow any more: every one
 * older than the newest that applies from that position or before.
 */
export async function pruneSourceConfigs(
  db: Db,
  options: { sourceId: string; acknowledgedLsn: bigint },
): Promise<void> {
  await db.pool.query(
    `DELETE FROM source_config
      WHERE source_id = $1
        AND version < (SELECT max(version) FROM source_config WHERE source_id = $1 AND effective_lsn <= $2)`,
    [options.sourceId, options.acknowledgedLsn.toString()],
  );
}

/** Whether the source's configuration is still `version` (false too when the source is gone). */
export async function isSourceConfigVersion(
  db: Db,
  options: { sourceId: string; version: bigint },
): Promise<boolean> {
  const result = await db.pool.query('SELECT 1 FROM source WHERE id = $1 AND config_version = $2', [
    options.sourceId,
    options.version.toString(),
  ]);
  return (result.rowCount ?? 0) > 0;
}
