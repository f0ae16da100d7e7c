import { actorOf } from '../audit/audit-actions';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { applyToSelection, type ChunkedRunOptions } from './apply-to-selection';
import { type MessageSelection, messageSelectionSchema } from './message-selection';

/**
 * "Retry now": failing messages are due at once, and their next attempt is recorded as asked
 * for by a person. Returns how many messages were rescheduled. Messages selected by id are each
 * recorded in the audit trail as retried `by` that person; a filter is a bulk operation's work,
 * recorded once when it is queued (createBulkOperation).
 */
export async function retryMessages(
  db: Db,
  options: { sinkId: string; selection: MessageSelection; by?: string } & ChunkedRunOptions,
): Promise<number> {
  const selection = parseOrThrow(messageSelectionSchema, options.selection);
  return applyToSelection(db, {
    sinkId: options.sinkId,
    selection,
    states: ['failing'],
    setClause: () => `next_attempt_at = clock_timestamp(), next_attempt_trigger = 'manual'`,
    setParams: [],
    audit: 'ids' in selection ? { actor: actorOf(options.by), action: 'message.retry' } : undefined,
    afterId: options.afterId,
    onChunk: options.onChunk,
  });
}
