import { decideSourceHealth, type SourceHealth, type TableFacts } from '@shardline/core';
import type { Db } from '../database';
import { agoMsSql, sourceVersionSql } from './check-versions';
import type { CheckedTable } from './record-source-check';

/** A source's health, and what its latest check found of its sinks' tables. */
export interface SourceHealthRecord {
  health: SourceHealth;
  publicationName: string;
  database: string | null;
  /** Keyed by `schema.name`. */
  tables: ReadonlyMap<string, TableFacts>;
  /** Per sink, the digest of the tables the check looked at. */
  sinkVersions: Readonly<Record<string, string>>;
  checkedAt: Date | null;
}

interface Row {
  id: string;
  name: string;
  publication_name: string;
  sink_count: number;
  seen_ago_ms: number | null;
  last_error_message: string | null;
  last_error_at: Date | null;
  error_ago_ms: number | null;
  expected_for_ms: number | null;
  checked_at: Date | null;
  check_age_ms: number | null;
  check_current: boolean | null;
  connect_error_title: string | null;
  connect_error_detail: string | null;
  database_name: string | null;
  slot_active: boolean | null;
  slot_retained_bytes: string | null;
  slot_lag_bytes: string | null;
  tables: CheckedTable[] | null;
  sink_versions: Record<string, string> | null;
}

/** The health of the given sources (every source when `sourceIds` is left out), from stored facts only. */
export async function listSourceHealth(
  db: Db,
  options: { sourceIds?: string[] } = {},
): Promise<Map<string, SourceHealthRecord>> {
  const result = await db.pool.query<Row>(
    `SELECT s.id, s.name, s.publication_name, k.sink_count::int AS sink_count,
            ${agoMsSql('s.reader_seen_at')} AS seen_ago_ms,
            s.last_error_message, s.last_error_at, ${agoMsSql('s.last_error_at')} AS error_ago_ms,
            ${agoMsSql('k.first_sink_at')} AS expected_for_ms,
            c.checked_at, ${agoMsSql('c.checked_at')} AS check_age_ms,
            c.checked_version = ${sourceVersionSql('s')} AS check_current,
            c.connect_error_title, c.connect_error_detail, c.database_name,
            c.slot_active, c.slot_retained_bytes, c.slot_lag_bytes, c.tables, c.sink_versions
       FROM source s
       CROSS JOIN LATERAL (SELECT count(*) AS sink_count, min(created_at) AS first_sink_at
                             FROM sink WHERE sink.source_id = s.id) k
       LEFT JOIN source_check c ON c.source_id = s.id
      WHERE $1::uuid[] IS NULL OR s.id = ANY($1::uuid[])`,
    [options.sourceIds ?? null],
  );
  return new Map(result.rows.map((row) => [row.id, toRecord(row)]));
}

function toRecord(row: Row): SourceHealthRecord {
  const checked = row.checked_at !== null && row.check_age_ms !== null;
  const slot =
    row.slot_active === null
      ? null
      : {
          active: row.slot_active,
          retainedBytes: Number(row.slot_retained_bytes ?? 0),
          lagBytes: Number(row.slot_lag_bytes ?? 0),
        };
  const health = decideSourceHealth({
    name: row.name,
    publicationName: row.publication_name,
    sinkCount: row.sink_count,
    reader: {
      seenAgoMs: row.seen_ago_ms,
      lastError:
        row.last_error_message !== null && row.last_error_at !== null
          ? { message: row.last_error_message, at: row.last_error_at, agoMs: row.error_ago_ms ?? 0 }
          : null,
      expectedForMs: row.expected_for_ms,
    },
    check:
      checked && row.checked_at
        ? {
            checkedAt: row.checked_at,
            ageMs: row.check_age_ms ?? 0,
            current: row.check_current === true,
            connection:
              row.connect_error_title === null
                ? { ok: true }
                : { ok: false, title: row.connect_error_title, detail: row.connect_error_detail ?? '' },
            database: row.database_name,
            slot,
          }
        : null,
  });
  return {
    health,
    publicationName: row.publication_name,
    database: row.database_name,
    tables: new Map((row.tables ?? []).map((table) => [`${table.schema}.${table.name}`, table])),
    sinkVersions: row.sink_versions ?? {},
    checkedAt: row.checked_at,
  };
}
