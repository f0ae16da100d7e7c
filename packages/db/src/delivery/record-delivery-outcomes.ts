import type { Db } from '../database';
import { LaneLeaseLostError } from './lane-lease';

export interface DeliveredOutcome {
  id: bigint;
  shardId: string;
  sequenceNumber: string;
  /** The stream a routing function sent it to; null: the sink's own stream. */
  streamArn?: string | null;
  /**
   * Set when a person asked for this attempt (retry now, re-send): it is kept in the history as a
   * delivered attempt, so the one who asked sees its outcome. Scheduled successes are not kept.
   */
  manual?: { attemptNumber: number; durationMs: number };
}

export interface FailedOutcome {
  id: bigint;
  /** Number this attempt had (the message's deliver count after it). */
  attemptNumber: number;
  trigger: 'scheduled' | 'manual';
  errorCode: string;
  errorMessage: string;
  durationMs: number;
  /** When to try again; ignored when the message is given up on. */
  retryInMs: number;
  /**
   * Kinesis throttled it: back-pressure, not a failure. The message stays `pending` (never
   * `failing`), the attempt is kept in its history, and it is counted apart so that it moves
   * neither the retry schedule nor the sink's maximum of attempts.
   */
  throttled: boolean;
  /** Set when the sink's maximum of attempts is reached: the message is discarded, saying why. */
  giveUpReason: string | null;
}

/**
 * Writes what one request did, as one statement (so one round trip, and atomic): delivered
 * messages with where they landed, failed ones with their error, next attempt and a history
 * row. Every part is conditional on the lane lease still being ours, and taking the lease row
 * first means no new holder can start until this is committed.
 *
 * Writing the same outcomes again changes nothing more: a caller that lost the connection
 * without hearing whether the commit happened can simply write them again.
 */
export async function recordDeliveryOutcomes(
  db: Db,
  options: {
    sinkId: string;
    lane: number;
    token: string;
    leaseMs: number;
    delivered: DeliveredOutcome[];
    failed: FailedOutcome[];
  },
): Promise<void> {
  const { sinkId, lane, token, delivered, failed } = options;
  const manual = delivered.filter((d) => d.manual !== undefined);
  const result = await db.pool.query<{ fenced: boolean }>(
    `WITH fence AS (
       -- last_delivered_at tells the alert evaluator how long a sink has had nothing accepted.
       UPDATE delivery_lane SET in_flight_ids = '{}', lease_expires_at = clock_timestamp() + $4 * interval '1 millisecond',
              last_delivered_at = CASE WHEN cardinality($5::int8[]) > 0 THEN clock_timestamp() ELSE last_delivered_at END
        WHERE sink_id = $1 AND lane = $2 AND lease_token = $3
        RETURNING 1
     ),
     -- A message discarded while its request was in flight still landed: delivered is the truth.
     delivered AS (
       UPDATE message m
          SET state = 'delivered', deliver_count = m.deliver_count + 1, delivered_at = clock_timestamp(),
              shard_id = u.shard_id, sequence_number = u.sequence_number, stream_arn = u.stream_arn,
              next_attempt_trigger = 'scheduled'
         FROM unnest($5::int8[], $6::text[], $7::text[], $20::text[]) AS u(id, shard_id, sequence_number, stream_arn)
        WHERE m.id = u.id AND m.state <> 'delivered' AND EXISTS (SELECT 1 FROM fence)
        RETURNING 1
     ),
     -- An attempt already recorded under its number is the same outcome written again.
     failed_input AS (
       SELECT * FROM unnest($8::int8[], $9::text[], $10::text[], $11::int8[], $12::text[], $13::int4[], $14::text[], $15::int4[], $16::bool[])
         AS u(id, error_code, error_message, retry_in_ms, give_up_reason, attempt_number, trigger, duration_ms, throttled)
        WHERE EXISTS (SELECT 1 FROM fence)
          AND NOT EXISTS (SELECT 1 FROM delivery_attempt a WHERE a.message_id = u.id AND a.attempt_number = u.attempt_number)
     ),
     -- Only messages still waiting are touched: one a person discarded meanwhile stays discarded.
     failed AS (
       UPDATE message m
          SET state = CASE WHEN u.give_up_reason IS NOT NULL THEN 'discarded'::message_state
                           WHEN u.throttled THEN 'pending'::message_state ELSE 'failing'::message_state END,
              deliver_count = m.deliver_count + 1,
              throttled_count = m.throttled_count + u.throttled::int,
              last_error_code = u.error_code, last_error_message = u.error_message, last_error_at = clock_timestamp(),
              next_attempt_at = clock_timestamp() + u.retry_in_ms * interval '1 millisecond',
              next_attempt_trigger = 'scheduled',
              discarded_at = CASE WHEN u.give_up_reason IS NULL THEN NULL ELSE clock_timestamp() END,
              discarded_by = CASE WHEN u.give_up_reason IS NULL THEN NULL ELSE 'shardline' END,
              discard_reason = u.give_up_reason
         FROM failed_input u
        WHERE m.id = u.id AND m.state IN ('pending', 'failing')
        RETURNING 1
     ),
     -- Delivered attempts a person asked for, in the history without an error; once per number.
     manual_delivered AS (
       INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, duration_ms)
       SELECT u.id, $1::uuid, u.attempt_number, 'manual', u.duration_ms
         FROM unnest($17::int8[], $18::int4[], $19::int4[]) AS u(id, attempt_number, duration_ms)
        WHERE EXISTS (SELECT 1 FROM fence)
          AND NOT EXISTS (SELECT 1 FROM delivery_attempt a WHERE a.message_id = u.id AND a.attempt_number = u.attempt_number)
       RETURNING 1
     ),
     attempts AS (
       INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms)
       SELECT u.id, $1::uuid, u.attempt_number, u.trigger::attempt_trigger, u.error_code, u.error_message, u.duration_ms
         FROM failed_input u
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM fence) AS fenced,
            (SELECT count(*) FROM delivered) + (SELECT count(*) FROM failed) + (SELECT count(*) FROM attempts)
              + (SELECT count(*) FROM manual_delivered) AS written`,
    [
      sinkId,
      lane,
      token,
      options.leaseMs,
      delivered.map((d) => d.id.toString()),
      delivered.map((d) => d.shardId),
      delivered.map((d) => d.sequenceNumber),
      failed.map((f) => f.id.toString()),
      failed.map((f) => f.errorCode),
      failed.map((f) => f.errorMessage),
      failed.map((f) => f.retryInMs),
      failed.map((f) => f.giveUpReason),
      failed.map((f) => f.attemptNumber),
      failed.map((f) => f.trigger),
      failed.map((f) => f.durationMs),
      failed.map((f) => f.throttled),
      manual.map((d) => d.id.toString()),
      manual.map((d) => d.manual?.attemptNumber),
      manual.map((d) => d.manual?.durationMs),
      delivered.map((d) => d.streamArn ?? null),
    ],
  );
  if (!result.rows[0]?.fenced)
    throw new LaneLeaseLostError(`lost the lease on lane ${lane} of sink ${sinkId}`);
}
