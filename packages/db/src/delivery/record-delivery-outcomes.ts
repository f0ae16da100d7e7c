import type pg from 'pg';
import { inTransaction } from '../database';
import { LaneLeaseLostError } from './start-lane-batch';

export interface DeliveredOutcome {
  id: bigint;
  shardId: string;
  sequenceNumber: string;
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
  /** Set when the sink's maximum of attempts is reached: the message is discarded, saying why. */
  giveUpReason: string | null;
}

/**
 * Writes what one request did, in one transaction: delivered messages with where they landed,
 * failed ones with their error, next attempt and a history row. Checks the lane lease first:
 * a holder whose lease was taken over writes nothing.
 */
export async function recordDeliveryOutcomes(
  pool: pg.Pool,
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
  await inTransaction(pool, async (client) => {
    const fence = await client.query(
      `UPDATE delivery_lane SET in_flight_ids = '{}', lease_expires_at = clock_timestamp() + $4 * interval '1 millisecond'
        WHERE sink_id = $1 AND lane = $2 AND lease_token = $3`,
      [sinkId, lane, token, options.leaseMs],
    );
    if (fence.rowCount === 0)
      throw new LaneLeaseLostError(`lost the lease on lane ${lane} of sink ${sinkId}`);

    if (delivered.length > 0) {
      // A message discarded while its request was in flight still landed: delivered is the truth.
      await client.query(
        `UPDATE message m
            SET state = 'delivered', deliver_count = m.deliver_count + 1, delivered_at = clock_timestamp(),
                shard_id = u.shard_id, sequence_number = u.sequence_number, next_attempt_trigger = 'scheduled'
           FROM unnest($1::int8[], $2::text[], $3::text[]) AS u(id, shard_id, sequence_number)
          WHERE m.id = u.id`,
        [
          delivered.map((d) => d.id.toString()),
          delivered.map((d) => d.shardId),
          delivered.map((d) => d.sequenceNumber),
        ],
      );
    }

    if (failed.length > 0) {
      const columns = [
        failed.map((f) => f.id.toString()),
        failed.map((f) => f.errorCode),
        failed.map((f) => f.errorMessage),
        failed.map((f) => f.retryInMs),
        failed.map((f) => f.giveUpReason),
      ];
      // Only messages still waiting are touched: one a person discarded meanwhile stays discarded.
      await client.query(
        `UPDATE message m
            SET state = CASE WHEN u.give_up_reason IS NULL THEN 'failing'::message_state ELSE 'discarded'::message_state END,
                deliver_count = m.deliver_count + 1,
                last_error_code = u.error_code, last_error_message = u.error_message, last_error_at = clock_timestamp(),
                next_attempt_at = clock_timestamp() + u.retry_in_ms * interval '1 millisecond',
                next_attempt_trigger = 'scheduled',
                discarded_at = CASE WHEN u.give_up_reason IS NULL THEN NULL ELSE clock_timestamp() END,
                discarded_by = CASE WHEN u.give_up_reason IS NULL THEN NULL ELSE 'shardline' END,
                discard_reason = u.give_up_reason
           FROM unnest($1::int8[], $2::text[], $3::text[], $4::int8[], $5::text[])
             AS u(id, error_code, error_message, retry_in_ms, give_up_reason)
          WHERE m.id = u.id AND m.state IN ('pending', 'failing')`,
        columns,
      );
      await client.query(
        `INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms)
         SELECT u.id, $1::uuid, u.attempt_number, u.trigger::attempt_trigger, u.error_code, u.error_message, u.duration_ms
           FROM unnest($2::int8[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::int4[])
             AS u(id, attempt_number, trigger, error_code, error_message, duration_ms)`,
        [
          sinkId,
          failed.map((f) => f.id.toString()),
          failed.map((f) => f.attemptNumber),
          failed.map((f) => f.trigger),
          failed.map((f) => f.errorCode),
          failed.map((f) => f.errorMessage),
          failed.map((f) => f.durationMs),
        ],
      );
    }
  });
}
