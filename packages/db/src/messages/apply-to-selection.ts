import type { Queryable } from '../database';
import { notifyWake } from '../wake-channel';
import { BULK_CHUNK_SIZE, type MessageSelection, selectChunkSql } from './message-selection';

/** What one chunk did: how many messages it changed, and the highest id it reached. */
export interface ChunkProgress {
  changed: number;
  lastId: string;
}

/** Options of a bulk action run in the background, which reports and resumes its progress. */
export interface ChunkedRunOptions {
  /** Start after this message id: a run taken over carries on where the previous one stopped. */
  afterId?: string;
  /** Awaited after every chunk that changed messages; throwing stops the run there. */
  onChunk?: (progress: ChunkProgress) => Promise<void> | void;
}

/**
 * Runs one bulk UPDATE over every selected message of a sink, a chunk at a time, so millions
 * of messages never sit in one long transaction; then wakes the sink's lanes. `setClause` is
 * the UPDATE's SET list and may use parameters numbered after the chunk's own.
 */
export async function applyToSelection(
  db: Queryable,
  options: {
    sinkId: string;
    selection: MessageSelection;
    states: string[];
    setClause: (firstFreeParam: number) => string;
    setParams: unknown[];
  } & ChunkedRunOptions,
): Promise<number> {
  let lastId = options.afterId ?? '0';
  let total = 0;
  for (;;) {
    const params: unknown[] = [options.sinkId, lastId, options.states];
    const chunkSql = selectChunkSql(options.selection, params);
    const set = options.setClause(params.length + 1);
    params.push(...options.setParams);
    const result = await db.query<{ id: string }>(
      `WITH chunk AS (${chunkSql})
       UPDATE message m SET ${set} FROM chunk WHERE m.id = chunk.id RETURNING m.id`,
      params,
    );
    total += result.rows.length;
    lastId = result.rows.reduce((max, row) => (BigInt(row.id) > BigInt(max) ? row.id : max), lastId);
    if (result.rows.length > 0) await options.onChunk?.({ changed: result.rows.length, lastId });
    if (result.rows.length < BULK_CHUNK_SIZE) break;
  }
  if (total > 0) await notifyWake(db, { sinkId: options.sinkId });
  return total;
}
