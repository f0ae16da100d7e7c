import { type AttemptTrigger, NotFoundError } from '@shardline/core';
import type { Queryable } from '../database';
import {
  MESSAGE_RECORD_COLUMNS,
  type MessageRecord,
  type MessageRow,
  toMessageRecord,
} from './message-record';

export interface DeliveryAttemptRecord {
  attemptNumber: number;
  trigger: AttemptTrigger;
  errorCode: string;
  errorMessage: string;
  durationMs: number;
  attemptedAt: Date;
}

export interface MessageDetail extends MessageRecord {
  /** The JSON exactly as stored. */
  payload: string;
  /** Every failed attempt, oldest first. */
  attempts: DeliveryAttemptRecord[];
}

export async function getMessage(
  db: Queryable,
  options: { sinkId: string; id: bigint },
): Promise<MessageDetail> {
  const [message, attempts] = await Promise.all([
    db.query<MessageRow & { payload: string }>(
      `SELECT ${MESSAGE_RECORD_COLUMNS}, payload::text AS payload FROM message WHERE sink_id = $1 AND id = $2`,
      [options.sinkId, options.id.toString()],
    ),
    db.query<{
      attempt_number: number;
      trigger: AttemptTrigger;
      error_code: string;
      error_message: string;
      duration_ms: number;
      attempted_at: Date;
    }>(
      `SELECT attempt_number, trigger, error_code, error_message, duration_ms, attempted_at
         FROM delivery_attempt WHERE message_id = $1 ORDER BY attempted_at, id`,
      [options.id.toString()],
    ),
  ]);
  const row = message.rows[0];
  if (!row) throw new NotFoundError(`message ${options.id} of sink ${options.sinkId} does not exist`);
  return {
    ...toMessageRecord(row),
    payload: row.payload,
    attempts: attempts.rows.map((a) => ({
      attemptNumber: a.attempt_number,
      trigger: a.trigger,
      errorCode: a.error_code,
      errorMessage: a.error_message,
      durationMs: a.duration_ms,
      attemptedAt: a.attempted_at,
    })),
  };
}
