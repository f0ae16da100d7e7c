import { type Db, inSqlTransaction } from '../database';
import { appendMessages, type IncomingMessage } from '../messages/append-messages';
import { type BackfillTableProgress, estimateTotalRows } from './backfill-tables';

/**
 * Stores one page of a backfill: its messages and the progress past it, in one transaction, so
 * a crash loses or keeps both and a row is stored once per backfill. The page is stored only if
 * the backfill is still running and its progress is still `expected` (what the page was read
 * from): a pause or cancel in between, or another engine that stored the same page first, makes
 * it a no-op. Returns whether it was stored.
 */
export async function storeBackfillPage(
  db: Db,
  options: {
    backfillId: string;
    sinkId: string;
    expected: readonly BackfillTableProgress[];
    next: readonly BackfillTableProgress[];
    messages: IncomingMessage[];
    /** Rows of the page the sink's filter dropped: counted on the sink, and as rows done. */
    filteredCount?: number;
  },
): Promise<boolean> {
  const finished = options.next.every((table) => table.done);
  const filteredCount = options.filteredCount ?? 0;
  return inSqlTransaction(db, async (tx) => {
    const updated = await tx.pool.query(
      `UPDATE backfill
          SET tables = $3::jsonb, rows_done = rows_done + $4, rows_total_estimate = $5, updated_at = now(),
              last_error = NULL,
              state = CASE WHEN $6 THEN 'done'::backfill_state ELSE state END,
              finished_at = CASE WHEN $6 THEN now() ELSE finished_at END
        WHERE id = $1 AND state = 'running' AND tables = $2::jsonb`,
      [
        options.backfillId,
        JSON.stringify(options.expected),
        JSON.stringify(options.next),
        options.messages.length + filteredCount,
        estimateTotalRows(options.next),
        finished,
      ],
    );
    if (updated.rowCount === 0) return false;
    if (options.messages.length > 0 || filteredCount > 0) {
      await appendMessages(tx, { sinkId: options.sinkId, messages: options.messages, filteredCount });
    }
    return true;
  });
}
