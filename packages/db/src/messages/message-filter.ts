import { MESSAGE_ACTIONS } from '@shardline/core';
import { z } from 'zod';

/** Narrows a sink's messages for listing and for bulk retry/discard. All parts are optional. */
export const messageFilterSchema = z.object({
  /** `table` or `schema.table`. */
  table: z.string().trim().min(1).max(200, 'table must be at most 200 characters').optional(),
  action: z.enum(MESSAGE_ACTIONS).optional(),
  /** The group exactly as sent (the partition key). */
  group: z.string().min(1).max(1_000, 'group must be at most 1000 characters').optional(),
  errorCode: z.string().trim().min(1).max(200, 'errorCode must be at most 200 characters').optional(),
  /**
   * The row's primary key value, as in the payload's `metadata.record_pks`; a composite key's
   * values joined with `:` (the default group). Matches whatever group the sink uses.
   */
  key: z.string().min(1).max(1_000, 'key must be at most 1000 characters').optional(),
  /** Text anywhere in the stored payload's JSON text, as written there (case counts). See message-search.ts. */
  q: z.string().trim().min(1).max(200, 'q must be at most 200 characters').optional(),
});

export type MessageFilter = z.infer<typeof messageFilterSchema>;

/**
 * Builds the SQL conditions of a filter. `params` already holds the statement's earlier
 * parameters; the filter's values are appended after them.
 */
export function filterConditions(filter: MessageFilter, params: unknown[]): string[] {
  const conditions: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.table) {
    const dot = filter.table.indexOf('.');
    if (dot > 0) {
      conditions.push(
        `table_schema = ${add(filter.table.slice(0, dot))}`,
        `table_name = ${add(filter.table.slice(dot + 1))}`,
      );
    } else {
      conditions.push(`table_name = ${add(filter.table)}`);
    }
  }
  if (filter.action) conditions.push(`action = ${add(filter.action)}::message_action`);
  if (filter.group) conditions.push(`group_key = ${add(filter.group)}`);
  if (filter.errorCode) conditions.push(`last_error_code = ${add(filter.errorCode)}`);
  if (filter.key) {
    const hint = keyTextHint(filter.key);
    conditions.push(
      // A plain substring test of the text first (fast), then the key list parsed (slow) only for
      // the payloads that pass it. A payload without a key list matches no key rather than failing.
      ...hint.map((piece) => `strpos(payload::text, ${add(piece)}) > 0`),
      `CASE WHEN json_typeof(payload #> '{metadata,record_pks}') = 'array'
         THEN array_to_string(ARRAY(SELECT json_array_elements_text(payload #> '{metadata,record_pks}')), ':')
       END = ${add(filter.key)}`,
    );
  }
  // strpos, not ILIKE: a case-insensitive match reads the text about five times slower.
  if (filter.q) conditions.push(`strpos(payload::text, ${add(filter.q)}) > 0`);
  return conditions;
}

/**
 * Texts that a payload with this key holds verbatim in its JSON text (capture writes it with
 * JSON.stringify). A one-value key is there as a JSON string (`"42"`); the values of a composite
 * key, joined with `:`, are each there, unless one needs escaping in JSON; then nothing is sure.
 */
function keyTextHint(key: string): string[] {
  if (!key.includes(':')) return [JSON.stringify(key)];
  const pieces = key.split(':').filter((piece) => piece !== '');
  return pieces.every((piece) => JSON.stringify(piece) === `"${piece}"`) ? pieces : [];
}
