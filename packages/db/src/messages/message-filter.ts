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
  /** Text anywhere in the stored payload's JSON, case-insensitive. Reads every payload: see message-search.ts. */
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
    // A payload without a key list (not written by capture) matches no key rather than failing.
    conditions.push(
      `CASE WHEN json_typeof(payload #> '{metadata,record_pks}') = 'array'
         THEN array_to_string(ARRAY(SELECT json_array_elements_text(payload #> '{metadata,record_pks}')), ':')
       END = ${add(filter.key)}`,
    );
  }
  if (filter.q) conditions.push(`payload::text ILIKE ${add(`%${escapeLike(filter.q)}%`)}`);
  return conditions;
}

/** The text as a LIKE pattern that matches it literally (`%`, `_` and `\` are LIKE's own). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
