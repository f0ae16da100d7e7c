import type { Db } from '../database';

/** How far one unfinished backfill has got. */
export interface BackfillProgress {
  backfillId: string;
  sinkId: string;
  state: 'running' | 'paused';
  rowsDone: number;
  /** Null until an engine has estimated the tables' sizes. */
  rowsTotalEstimate: number | null;
}

/** Running and paused backfills (few at any time: at most one per sink), for the metrics endpoint. */
export async function listBackfillProgress(db: Db): Promise<BackfillProgress[]> {
  const result = await db.pool.query<{
    id: string;
    sink_id: string;
    state: 'running' | 'paused';
    rows_done: string;
    rows_total_estimate: string | null;
  }>(
    `SELECT id, sink_id, state, rows_done, rows_total_estimate FROM backfill
      WHERE state IN ('running', 'paused') ORDER BY started_at`,
  );
  return result.rows.map((row) => ({
    backfillId: row.id,
    sinkId: row.sink_id,
    state: row.state,
    rowsDone: Number(row.rows_done),
    rowsTotalEstimate: row.rows_total_estimate === null ? null : Number(row.rows_total_estimate),
  }));
}
