import { hasExhaustedAttempts, isThrottlingCode, type RetryPolicy, retryDelayMs } from '@shardline/core';
import type { DeliveredOutcome, FailedOutcome, OutgoingMessage } from '@shardline/db';
import type { RecordOutcome } from '@shardline/kinesis';
import type { SendRecord } from './aggregation-packing';

/** A throttled record goes again as soon as its shard's budget allows, within these bounds. */
export const THROTTLED_RETRY_MS = { min: 10, max: 1_000 };

export interface SentMessage {
  message: OutgoingMessage;
  outcome: RecordOutcome;
}

export interface SentRecord {
  record: SendRecord<OutgoingMessage>;
  outcome: RecordOutcome;
}

/**
 * Each sent record's answer, given to every message inside it: delivered (all at the record's
 * shard and sequence number, in the record's order), throttled or failed alike. An aggregate that
 * landed on another shard than it was packed for (the shards changed) delivered only its first
 * message, whose own key routed it; the others may belong elsewhere, where a consumer reading
 * by shard (the KCL) drops them: they are not recorded at all and go again, repacked, once the
 * shard map is read again. No attempt is counted against them: the move was not theirs.
 */
export function messagesOfRecords(sent: SentRecord[]): {
  sent: SentMessage[];
  landedElsewhere: OutgoingMessage[];
} {
  const messages: SentMessage[] = [];
  const landedElsewhere: OutgoingMessage[] = [];
  for (const { record, outcome } of sent) {
    const moved = outcome.ok && record.packedForShard !== null && outcome.shardId !== record.packedForShard;
    record.messages.forEach((message, index) => {
      if (moved && index > 0) landedElsewhere.push(message);
      else messages.push({ message, outcome });
    });
  }
  return { sent: messages, landedElsewhere };
}

export interface MappedOutcomes {
  delivered: DeliveredOutcome[];
  /** Stored age of each delivered message, for the latency histogram. */
  deliveredAgesMs: number[];
  failed: FailedOutcome[];
}

export interface NotSent {
  message: OutgoingMessage;
  code: string;
  text: string;
}

/**
 * What each record's answer means for its message: delivered; throttled (back-pressure: waits
 * only until its shard's budget allows, and counts as no failure); or failed, retried on the
 * exponential schedule of its failures and given up on at the sink's maximum.
 */
export function mapOutcomes(options: {
  sent: SentMessage[];
  /** Messages never sent: a transform that failed, a record over the size limit. */
  notSent: NotSent[];
  policy: RetryPolicy;
  durationMs: number;
  /** Milliseconds until the throttled message's shard takes a record again. */
  throttledRetryInMs: (message: OutgoingMessage) => number;
  /** The stream a routing function sent the message to; null (or absent): the sink's own. */
  streamArnOf?: (message: OutgoingMessage) => string | null;
}): MappedOutcomes {
  const mapped: MappedOutcomes = { delivered: [], deliveredAgesMs: [], failed: [] };
  const fail = (message: OutgoingMessage, code: string, text: string, durationMs: number) => {
    const attemptNumber = message.deliverCount + 1;
    const throttled = isThrottlingCode(code);
    const failures = attemptNumber - message.throttledCount;
    mapped.failed.push({
      id: message.id,
      attemptNumber,
      trigger: message.trigger,
      errorCode: code,
      errorMessage: text,
      durationMs,
      throttled,
      retryInMs: throttled
        ? Math.round(
            Math.min(
              THROTTLED_RETRY_MS.max,
              Math.max(THROTTLED_RETRY_MS.min, options.throttledRetryInMs(message)),
            ),
          )
        : retryDelayMs(options.policy, failures),
      giveUpReason:
        !throttled && hasExhaustedAttempts(options.policy, failures)
          ? `gave up after ${failures} attempts (the sink's maximum); last error: ${text}`
          : null,
    });
  };
  for (const { message, outcome } of options.sent) {
    if (outcome.ok) {
      mapped.delivered.push({
        id: message.id,
        shardId: outcome.shardId,
        sequenceNumber: outcome.sequenceNumber,
        streamArn: options.streamArnOf?.(message) ?? null,
        ...(message.trigger === 'manual'
          ? { manual: { attemptNumber: message.deliverCount + 1, durationMs: options.durationMs } }
          : {}),
      });
      mapped.deliveredAgesMs.push(message.storedAgeMs);
    } else {
      fail(message, outcome.error.code, outcome.error.message, options.durationMs);
    }
  }
  for (const { message, code, text } of options.notSent) fail(message, code, text, 0);
  return mapped;
}
