import { type MessageState, ValidationError } from '@shardline/core';
import type { Db } from '../database';
import { filterConditions, type MessageFilter } from './message-filter';
import {
  MESSAGE_RECORD_COLUMNS,
  type MessageRecord,
  type MessageRow,
  toMessageRecord,
} from './message-record';

export interface MessagePage {
  messages: MessageRecord[];
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

// Waiting messages read oldest first (the order they will go out); finished ones newest first.
const ORDER: Record<MessageState, 'position' | 'recent'> = {
  pending: 'position',
  failing: 'position',
  delivered: 'recent',
  discarded: 'recent',
};

/** One page of a sink's messages in one state, keyset-paginated so deep pages stay fast. */
export async function listMessages(
  db: Db,
  options: {
    sinkId: string;
    state: MessageState;
    filter?: MessageFilter;
    after?: string | null;
    limit?: number;
  },
): Promise<MessagePage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const params: unknown[] = [options.sinkId, options.state];
  const conditions = [
    'sink_id = $1',
    'state = $2::message_state',
    ...filterConditions(options.filter ?? {}, params),
  ];
  const order = ORDER[options.state];
  if (options.after) {
    const cursor = decodeCursor(options.after);
    if (order === 'position') {
      params.push(cursor.commitLsn, cursor.commitIdx);
      conditions.push(`(commit_lsn, commit_idx) > ($${params.length - 1}::int8, $${params.length}::int4)`);
    } else {
      params.push(cursor.id);
      conditions.push(`id < $${params.length}::int8`);
    }
  }
  params.push(limit + 1);
  const orderBy = order === 'position' ? 'commit_lsn, commit_idx' : 'id DESC';
  const result = await db.pool.query<MessageRow>(
    `SELECT ${MESSAGE_RECORD_COLUMNS} FROM message WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`,
    params,
  );
  const messages = result.rows.slice(0, limit).map(toMessageRecord);
  const last = messages.at(-1);
  const hasMore = result.rows.length > limit;
  return { messages, nextCursor: hasMore && last ? encodeCursor(last) : null };
}

function encodeCursor(message: MessageRecord): string {
  return Buffer.from(`${message.commitLsn}:${message.commitIdx}:${message.id}`).toString('base64url');
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;
const MAX_INTEGER = 2_147_483_647n;

function decodeCursor(cursor: string): { commitLsn: string; commitIdx: number; id: string } {
  const [commitLsn, commitIdx, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const inRange = (digits: string | undefined, max: bigint) =>
    digits !== undefined && /^\d{1,19}$/.test(digits) && BigInt(digits) <= max;
  // Each part as Postgres stores it (bigint, integer, bigint): a value beyond would be its error.
  if (!inRange(commitLsn, MAX_BIGINT) || !inRange(commitIdx, MAX_INTEGER) || !inRange(id, MAX_BIGINT)) {
    throw new ValidationError('the page cursor is not valid: use the nextCursor of a previous page', 'after');
  }
  return { commitLsn: commitLsn as string, commitIdx: Number(commitIdx), id: id as string };
}
