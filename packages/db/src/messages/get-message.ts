import { type AttemptTrigger, isThrottlingCode, NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import {
  MESSAGE_RECORD_COLUMNS,
  type MessageRecord,
  type MessageRow,
  toMessageRecord,
} from './message-record';

export interface DeliveryAttemptRecord {
  attemptNumber: number;
  trigger: AttemptTrigger;
  /** Only attempts a person asked for (manual) are kept when delivered; every failure is kept. */
  outcome: 'delivered' | 'failed' | 'throttled';
  /** Null for a delivered attempt. */
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  attemptedAt: Date;
}

export interface MessageDetail extends MessageRecord {
  /** The JSON exactly as stored. */
  payload: string;
  /** Every failed attempt and every delivered one a person asked for, oldest first. */
  attempts: DeliveryAttemptRecord[];
}

export async function getMessage(db: Db, options: { sinkId: string; id: bigint }): Promise<MessageDetail> {
  const [message, attempts] = await Promise.all([
    db.pool.query<MessageRow & { payload: string }>(
      `SELECT ${MESSAGE_RECORD_COLUMNS}, payload::text AS payload FROM message WHERE sink_id = $1 AND id = $2`,
      [options.sinkId, options.id.toString()],
    ),
    db.pool.query<{
      attempt_number: number;
      trigger: AttemptTrigger;
      error_code: string | null;
      error_message: string | null;
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
      outcome: a.error_code === null ? 'delivered' : isThrottlingCode(a.error_code) ? 'throttled' : 'failed',
      errorCode: a.error_code,
      errorMessage: a.error_message,
      durationMs: a.duration_ms,
      attemptedAt: a.attempted_at,
    })),
  };
}
