import { ValidationError } from '@shardline/core';
import { z } from 'zod';
import { filterConditions, messageFilterSchema } from './message-filter';

/** Which messages a bulk action applies to: listed ids, or every stored one matching a filter. */
export const messageSelectionSchema = z.union([
  z.object({ ids: z.array(z.bigint()).min(1, 'no messages selected: give message ids or a filter') }),
  z.object({ filter: messageFilterSchema }),
]);
export type MessageSelection = z.infer<typeof messageSelectionSchema>;

/** Chunk size of bulk actions: big enough to be quick, small enough to never hold long locks. */
export const BULK_CHUNK_SIZE = 5_000;

/**
 * SQL selecting the next chunk of a sink's selected messages in the given states, in id order
 * after `afterId`. Parameters: `$1` sink id, `$2` last id done, `$3` states, then the selection's.
 */
export function selectChunkSql(selection: MessageSelection, params: unknown[], condition?: string): string {
  const conditions = ['sink_id = $1', 'id > $2::int8', 'state = ANY($3::message_state[])'];
  if (condition) conditions.push(condition);
  if ('ids' in selection) {
    if (selection.ids.length === 0)
      throw new ValidationError('no messages selected: give message ids or a filter', 'ids');
    params.push(selection.ids.map(String));
    conditions.push(`id = ANY($${params.length}::int8[])`);
  } else {
    conditions.push(...filterConditions(selection.filter, params));
  }
  params.push(BULK_CHUNK_SIZE);
  return `SELECT id FROM message WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT $${params.length}`;
}
