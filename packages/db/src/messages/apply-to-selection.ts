import type { Queryable } from '../database';
import { notifyWake } from '../wake-channel';
import { BULK_CHUNK_SIZE, type MessageSelection, selectChunkSql } from './message-selection';

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
  },
): Promise<number> {
  let lastId = '0';
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
    if (result.rows.length < BULK_CHUNK_SIZE) break;
    lastId = result.rows.reduce((max, row) => (BigInt(row.id) > BigInt(max) ? row.id : max), lastId);
  }
  if (total > 0) await notifyWake(db, { sinkId: options.sinkId });
  return total;
}
