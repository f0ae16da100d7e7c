import { actorOf } from '../audit/audit-actions';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { applyToSelection, type ChunkedRunOptions } from './apply-to-selection';
import { type MessageSelection, messageSelectionSchema } from './message-selection';

/**
 * A message is not re-sent while another message of its group is inside a request under way: a
 * later one would land first, and the re-sent older change would then overwrite it downstream.
 * Once the request is answered the re-send can be asked again (and goes ahead of what waits).
 */
export const NO_LATER_MESSAGE_OF_GROUP_SENDING = `NOT EXISTS (
  SELECT 1 FROM delivery_lane l JOIN message s ON s.id = ANY(l.in_flight_ids)
   WHERE l.sink_id = message.sink_id AND l.lane = message.lane AND l.lease_expires_at > clock_timestamp()
     AND s.group_key = message.group_key)`;

/**
 * "Re-send" delivered messages (a consumer lost data): each goes back to waiting, due at once,
 * and its next attempt is recorded as asked for by a person (trigger `manual`; its deliver count
 * grows when it goes). It keeps its position, so it goes before the later messages of its group
 * that are still waiting, and never after them (see docs/decisions.md, "Re-sending"). Where it
 * landed before and its last error are cleared: its attempts keep the history. Messages selected
 * by id are each recorded in the audit trail; a filter is a bulk operation's work, recorded once
 * when it is queued (createBulkOperation). Returns how many were re-sent.
 */
export async function resendMessages(
  db: Db,
  options: { sinkId: string; selection: MessageSelection; by?: string } & ChunkedRunOptions,
): Promise<number> {
  const selection = parseOrThrow(messageSelectionSchema, options.selection);
  return applyToSelection(db, {
    sinkId: options.sinkId,
    selection,
    states: ['delivered'],
    condition: NO_LATER_MESSAGE_OF_GROUP_SENDING,
    setClause: () =>
      `state = 'pending', next_attempt_at = clock_timestamp(), next_attempt_trigger = 'manual',
       delivered_at = NULL, shard_id = NULL, sequence_number = NULL, stream_arn = NULL,
       last_error_code = NULL, last_error_message = NULL, last_error_at = NULL`,
    setParams: [],
    audit: 'ids' in selection ? { actor: actorOf(options.by), action: 'message.resend' } : undefined,
    afterId: options.afterId,
    onChunk: options.onChunk,
  });
}
