import { z } from 'zod';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { applyToSelection, type ChunkedRunOptions } from './apply-to-selection';
import { type MessageSelection, messageSelectionSchema } from './message-selection';

const discardSchema = z.object({
  by: z.string().trim().min(1, 'say who discards the messages'),
  reason: z.string().trim().max(1000).nullish(),
});

/**
 * Gives up on waiting messages: they will never be sent, and the rest of their group moves on.
 * Who did it, when and why is kept on each message. Returns how many were discarded. Messages
 * selected by id are each recorded in the audit trail too; a filter is a bulk operation's work,
 * recorded once when it is queued (createBulkOperation).
 */
export async function discardMessages(
  db: Db,
  options: {
    sinkId: string;
    selection: MessageSelection;
    by: string;
    reason?: string | null;
    /** Only messages in these waiting states; both by default. */
    states?: Array<'pending' | 'failing'>;
  } & ChunkedRunOptions,
): Promise<number> {
  const selection = parseOrThrow(messageSelectionSchema, options.selection);
  const { by, reason } = parseOrThrow(discardSchema, { by: options.by, reason: options.reason });
  return applyToSelection(db, {
    sinkId: options.sinkId,
    selection,
    states: options.states ?? ['pending', 'failing'],
    setClause: (n) =>
      `state = 'discarded', discarded_at = clock_timestamp(), discarded_by = $${n}, discard_reason = $${n + 1}`,
    setParams: [by, reason ?? null],
    audit:
      'ids' in selection
        ? { actor: by, action: 'message.discard', details: reason ? { reason } : {} }
        : undefined,
    afterId: options.afterId,
    onChunk: options.onChunk,
  });
}
