import type { Queryable } from '../database';
import { parseOrThrow } from '../validation';
import { applyToSelection, type ChunkedRunOptions } from './apply-to-selection';
import { type MessageSelection, messageSelectionSchema } from './message-selection';

/**
 * "Retry now": failing messages are due at once, and their next attempt is recorded as asked
 * for by a person. Returns how many messages were rescheduled.
 */
export async function retryMessages(
  db: Queryable,
  options: { sinkId: string; selection: MessageSelection } & ChunkedRunOptions,
): Promise<number> {
  const selection = parseOrThrow(messageSelectionSchema, options.selection);
  return applyToSelection(db, {
    sinkId: options.sinkId,
    selection,
    states: ['failing'],
    setClause: () => `next_attempt_at = clock_timestamp(), next_attempt_trigger = 'manual'`,
    setParams: [],
    afterId: options.afterId,
    onChunk: options.onChunk,
  });
}
