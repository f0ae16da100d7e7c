import { decideSinkHealth, parseStreamArn, type SinkHealth, type ThrottlingFacts } from '@shardline/core';
import type { Db } from '../database';
import { listSinkThrottling, type SinkThrottling } from '../throttling/list-sink-throttling';
import { agoMsSql, streamVersionSql, tablesVersionSql } from './check-versions';
import { listSourceHealth, type SourceHealthRecord } from './list-source-health';

interface Row {
  id: string;
  stream_arn: string;
  source_id: string | null;
  paused_at: Date | null;
  paused_by: string | null;
  failing: number;
  latest_error: string | null;
  tables: Array<{ schema: string; name: string; groupColumns: string[] }>;
  tables_version: string;
  checked_at: Date | null;
  check_age_ms: number | null;
  check_current: boolean | null;
  stream_ok: boolean | null;
  error_code: string | null;
  error_message: string | null;
  error_hint: string | null;
  error_via: 'describe' | 'delivery' | null;
}

/**
 * The health of the given sinks (every sink when `sinkIds` is left out), from stored facts only:
 * the latest checks of their streams and sources, their sources' readers, their failing messages,
 * the engines' throttling reports. A few queries for any number of sinks.
 */
export async function listSinkHealth(
  db: Db,
  options: {
    sinkIds?: string[];
    /** Their sources' health when read already (every source, as listSourceHealth answers it). */
    sources?: ReadonlyMap<string, SourceHealthRecord>;
  } = {},
): Promise<Map<string, SinkHealth>> {
  const [result, throttling] = await Promise.all([
    db.pool.query<Row>(
      `SELECT s.id, s.stream_arn, s.source_id, s.paused_at, s.paused_by,
            (SELECT count(*) FROM message m WHERE m.sink_id = s.id AND m.state = 'failing')::int AS failing,
            (SELECT m.last_error_message FROM message m WHERE m.sink_id = s.id AND m.state = 'failing'
              ORDER BY m.last_error_at DESC NULLS LAST, m.id DESC LIMIT 1) AS latest_error,
            coalesce((SELECT json_agg(json_build_object('schema', t.table_schema, 'name', t.table_name,
                                                        'groupColumns', t.group_columns)
                                      ORDER BY t.table_schema, t.table_name)
                        FROM sink_table t WHERE t.sink_id = s.id), '[]') AS tables,
            ${tablesVersionSql('s')} AS tables_version,
            c.checked_at, ${agoMsSql('c.checked_at')} AS check_age_ms,
            c.checked_version = ${streamVersionSql('s')} AS check_current,
            c.stream_ok, c.error_code, c.error_message, c.error_hint, c.error_via
       FROM sink s LEFT JOIN sink_check c ON c.sink_id = s.id
      WHERE $1::uuid[] IS NULL OR s.id = ANY($1::uuid[])`,
      [options.sinkIds ?? null],
    ),
    listSinkThrottling(db, { sinkIds: options.sinkIds }),
  ]);
  const sourceIds = [...new Set(result.rows.flatMap((row) => (row.source_id ? [row.source_id] : [])))];
  const sources =
    options.sources ?? (sourceIds.length > 0 ? await listSourceHealth(db, { sourceIds }) : new Map());
  return new Map(
    result.rows.map((row) => {
      const source = row.source_id ? sources.get(row.source_id) : undefined;
      // The source's check looked at this sink's tables as they are now only if the digests agree.
      const tablesChecked = source?.sinkVersions[row.id] === row.tables_version;
      const health = decideSinkHealth({
        streamName: parseStreamArn(row.stream_arn)?.streamName ?? row.stream_arn,
        paused: row.paused_at ? { at: row.paused_at, by: row.paused_by } : null,
        failing: { count: row.failing, latestError: row.latest_error },
        throttling: throttlingFacts(throttling.get(row.id)),
        stream:
          row.checked_at && row.stream_ok !== null
            ? {
                checkedAt: row.checked_at,
                ageMs: row.check_age_ms ?? 0,
                current: row.check_current === true,
                result: row.stream_ok
                  ? { ok: true }
                  : {
                      ok: false,
                      code: row.error_code ?? 'Error',
                      message: row.error_message ?? '',
                      hint: row.error_hint,
                      via: row.error_via ?? 'describe',
                    },
              }
            : null,
        source: source
          ? {
              health: source.health,
              publicationName: source.publicationName,
              database: source.database,
              tablesCheckedAt: tablesChecked ? source.checkedAt : null,
            }
          : null,
        tables: row.tables.map((table) => ({
          ...table,
          facts: tablesChecked ? (source?.tables.get(`${table.schema}.${table.name}`) ?? null) : null,
        })),
      });
      return [row.id, health];
    }),
  );
}

function throttlingFacts(throttling: SinkThrottling | undefined): ThrottlingFacts | null {
  if (!throttling) return null;
  const { forMs: _forMs, ...facts } = throttling;
  return facts;
}
