import type { Db } from '../../database';

/** How recently a read source's reader made progress. */
export interface SourceProgress {
  sourceId: string;
  sourceName: string;
  slotName: string;
  /** When the reader last stored changes or, caught up, acknowledged the server's position. */
  readerSeenAt: Date | null;
  /**
   * Milliseconds since then by the database's clock; for a source never read, since its first
   * sink was created (from when a reader was expected).
   */
  sinceProgressMs: number;
  /** The reader's latest error, which usually says why it stopped. */
  lastErrorMessage: string | null;
}

/** Every source with at least one sink (a source without one is not read, by design). */
export async function listSourceProgress(db: Db): Promise<SourceProgress[]> {
  const result = await db.pool.query<{
    source_id: string;
    source_name: string;
    slot_name: string;
    reader_seen_at: Date | null;
    since_progress_ms: string;
    last_error_message: string | null;
  }>(
    `SELECT s.id AS source_id, s.name AS source_name, s.slot_name, s.reader_seen_at, s.last_error_message,
            (extract(epoch FROM now() - coalesce(s.reader_seen_at, k.first_sink_at)) * 1000)::int8 AS since_progress_ms
       FROM source s
       JOIN LATERAL (SELECT min(created_at) AS first_sink_at FROM sink WHERE sink.source_id = s.id) k ON true
      WHERE k.first_sink_at IS NOT NULL
      ORDER BY s.name`,
  );
  return result.rows.map((row) => ({
    sourceId: row.source_id,
    sourceName: row.source_name,
    slotName: row.slot_name,
    readerSeenAt: row.reader_seen_at,
    sinceProgressMs: Math.max(0, Number(row.since_progress_ms)),
    lastErrorMessage: row.last_error_message,
  }));
}
