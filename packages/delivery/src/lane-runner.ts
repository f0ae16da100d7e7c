import { randomUUID } from 'node:crypto';
import { hasExhaustedAttempts, RECORD_TOO_LARGE, type RetryPolicy, retryDelayMs } from '@shardline/core';
import {
  acquireLaneLease,
  type Database,
  type DeliveredOutcome,
  type FailedOutcome,
  type LaneHead,
  LaneLeaseLostError,
  type LaneWalkLimits,
  type OutgoingMessage,
  releaseLaneLease,
  walkLane,
} from '@shardline/db';
import { MAX_RECORDS_PER_REQUEST, MAX_REQUEST_BYTES, putRecords } from '@shardline/kinesis';
import type { EngineMetrics } from '@shardline/metrics';
import type { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';
import { earliestDue, planBatch } from './batch-builder';
import { TRANSFORM_FAILED, transformOutgoing } from './payload-transform';
import { recordOutcomesPatiently } from './record-outcomes-patiently';
import { splitIntoRequests } from './request-split';
import type { SinkRegistry, SinkRuntime } from './sink-registry';

export interface LaneRunnerOptions {
  db: Database;
  sinks: SinkRegistry;
  logger: Logger;
  /** Counts what each request did, once per request. */
  metrics: EngineMetrics;
  transforms: TransformRunner;
  retryPolicy: Omit<RetryPolicy, 'maxDelayMs' | 'maxAttempts'>;
  /** How long a lane stays taken without a sign of life from its holder. */
  leaseMs: number;
  /** A run stops taking new batches after this long, so other lanes get their turn. */
  runBudgetMs: number;
  /** Heads looked at per walk step. */
  headsPerWalk: number;
  /** Aborted when the engine stops: a run waiting for the store to record outcomes gives up. */
  stopping: AbortSignal;
}

export type LaneRunResult =
  /** Sent at least one batch: there may be more right away. */
  | { kind: 'worked'; delivered: number; failed: number }
  /** Nothing due; `nextDueAt` is when the earliest waiting message becomes due. */
  | { kind: 'idle'; nextDueAt: Date | null }
  /** Another holder has the lane until `busyUntil`. */
  | { kind: 'busy'; busyUntil: Date | null }
  /** The sink is paused or gone: nothing to do until it is resumed. */
  | { kind: 'stopped' };

/**
 * Delivers what is due in one lane: takes the lane's lease, then repeatedly sends one request
 * holding the due head of as many groups as fit, and records each record's outcome.
 */
export class LaneRunner {
  constructor(private readonly options: LaneRunnerOptions) {}

  async run(sinkId: string, lane: number): Promise<LaneRunResult> {
    const { db, sinks, leaseMs, runBudgetMs } = this.options;
    const token = randomUUID();
    const lease = await acquireLaneLease(db.pool, { sinkId, lane, token, leaseMs });
    if (lease.kind === 'stopped') return { kind: 'stopped' };
    if (lease.kind === 'busy') return { kind: 'busy', busyUntil: lease.busyUntil };

    let leaseLost = false;
    let cursor = lease.groupCursor;
    let delivered = 0;
    let failed = 0;
    const startedAt = Date.now();
    // While walks find only heads that are not due: the group where that began, and the
    // earliest time one of them becomes due.
    let firstWaitingGroup: string | null = null;
    let waitingDueAt: Date | null = null;
    try {
      let sink = await sinks.get(sinkId, lease.sinkVersion);
      for (;;) {
        const limits = this.#walkLimits(sink);
        const { heads, walkedAll, sinkVersion } = await this.#walkHeads(sinkId, lane, token, cursor, limits);
        // Edited since the lease was taken: what this walk found is sent with the new settings.
        if (sinkVersion !== sink.config.version) sink = await sinks.get(sinkId, sinkVersion);
        const plan = planBatch(heads, this.#walkLimits(sink).maxRecordBytes);
        cursor = plan.cursor ?? cursor;
        const chosen = [...plan.send, ...plan.tooLarge];
        if (chosen.length === 0) {
          // Releasing the lease (below) keeps the cursor for the next run.
          const nextDueAt = earlier(waitingDueAt, earliestDue(heads));
          const startedWaitingAt = firstWaitingGroup;
          const wentAround = heads.some((head) => head.groupKey === startedWaitingAt);
          if (walkedAll || wentAround) {
            return delivered + failed > 0
              ? { kind: 'worked', delivered, failed }
              : { kind: 'idle', nextDueAt };
          }
          // More heads than one walk looks at, none of them due: go on around the lane once.
          if (Date.now() - startedAt >= runBudgetMs) return { kind: 'worked', delivered, failed };
          firstWaitingGroup ??= heads[0]?.groupKey ?? null;
          waitingDueAt = nextDueAt;
          continue;
        }
        firstWaitingGroup = null;
        waitingDueAt = null;
        const outgoing = chosen.flatMap((head) => (head.message ? [head.message] : []));
        const result = await this.#deliver(sink, lane, token, outgoing);
        delivered += result.delivered;
        failed += result.failed;
        if (Date.now() - startedAt >= runBudgetMs) return { kind: 'worked', delivered, failed };
      }
    } catch (error) {
      if (error instanceof LaneLeaseLostError) {
        leaseLost = true;
        this.options.logger.warn({ sinkId, lane }, 'lane lease was taken over; stopping this run');
        return { kind: 'busy', busyUntil: null };
      }
      throw error;
    } finally {
      if (!leaseLost) await releaseLaneLease(db.pool, { sinkId, lane, token, groupCursor: cursor });
    }
  }

  #walkLimits(sink: SinkRuntime): LaneWalkLimits {
    return {
      heads: this.options.headsPerWalk,
      dueHeads: MAX_RECORDS_PER_REQUEST,
      dueBytes: Math.max(MAX_REQUEST_BYTES, sink.maxRecordBytes),
      // A transform may shrink a stored message below the record limit: its size is judged after.
      maxRecordBytes: sink.transform.kind === 'none' ? sink.maxRecordBytes : Number.POSITIVE_INFINITY,
    };
  }

  /**
   * Heads from the cursor to the end of the lane, then from the start back to the cursor, until
   * one request is full or `limits.heads` were looked at; the chosen ones are then in flight.
   */
  async #walkHeads(
    sinkId: string,
    lane: number,
    token: string,
    cursor: string,
    limits: LaneWalkLimits,
  ): Promise<{ heads: LaneHead[]; walkedAll: boolean; sinkVersion: string }> {
    const { db, leaseMs } = this.options;
    const walk = { sinkId, lane, token, leaseMs };
    const first = await walkLane(db.pool, {
      ...walk,
      afterGroupKey: cursor,
      limits,
      continuesRequest: false,
    });
    const { heads } = first;
    // The later statement's version: it sees every edit the earlier one saw, and any since.
    let sinkVersion = first.sinkVersion;
    let left = remainingLimits(heads, limits);
    if (left && cursor !== '') {
      const wrapped = await walkLane(db.pool, {
        ...walk,
        afterGroupKey: '',
        upToGroupKey: cursor,
        limits: left,
        continuesRequest: heads.some((head) => head.chosen),
      });
      heads.push(...wrapped.heads);
      sinkVersion = wrapped.sinkVersion;
      left = remainingLimits(heads, limits);
    }
    return { heads, walkedAll: left !== null, sinkVersion };
  }

  async #deliver(
    sink: SinkRuntime,
    lane: number,
    token: string,
    outgoing: OutgoingMessage[],
  ): Promise<{ delivered: number; failed: number }> {
    const { config } = sink;
    const policy: RetryPolicy = {
      ...this.options.retryPolicy,
      maxDelayMs: config.backoffCapMs,
      maxAttempts: config.maxAttempts,
    };
    // Each message's age was read on the database's clock as the batch started; what passes
    // from here is measured here, so the latency never depends on the two clocks agreeing.
    const batchStartedAt = performance.now();
    const transformed = await transformOutgoing(this.options.transforms, sink.transform, outgoing);
    const ready = transformed.flatMap((result) => (result.ok === true ? [result.message] : []));
    const send = ready.filter((message) => message.sizeBytes <= sink.maxRecordBytes);
    const tooLarge = ready.filter((message) => message.sizeBytes > sink.maxRecordBytes);

    const sentAt = Date.now();
    // Stored sizes chose the batch; transformed payloads may be larger, so the batch may take
    // more than one request (each group still appears once, so order within a group holds).
    const outcomes: Awaited<ReturnType<typeof putRecords>> = [];
    for (const request of splitIntoRequests(send, Math.max(MAX_REQUEST_BYTES, sink.maxRecordBytes))) {
      outcomes.push(
        ...(await putRecords(
          sink.client,
          sink.connection,
          request.map((message) => ({
            data: Buffer.from(message.payload, 'utf8'),
            partitionKey: message.groupKey,
          })),
        )),
      );
    }
    const durationMs = Date.now() - sentAt;

    const delivered: DeliveredOutcome[] = [];
    const deliveredAgesMs: number[] = [];
    const failed: FailedOutcome[] = [];
    const fail = (message: OutgoingMessage, code: string, text: string, duration: number) => {
      const attemptNumber = message.deliverCount + 1;
      failed.push({
        id: message.id,
        attemptNumber,
        trigger: message.trigger,
        errorCode: code,
        errorMessage: text,
        durationMs: duration,
        retryInMs: retryDelayMs(policy, attemptNumber),
        giveUpReason: hasExhaustedAttempts(policy, attemptNumber)
          ? `gave up after ${attemptNumber} attempts (the sink's maximum); last error: ${text}`
          : null,
      });
    };
    send.forEach((message, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) {
        delivered.push({ id: message.id, shardId: outcome.shardId, sequenceNumber: outcome.sequenceNumber });
        deliveredAgesMs.push(message.storedAgeMs);
      } else {
        fail(
          message,
          outcome?.error.code ?? 'MissingResult',
          outcome?.error.message ?? 'Kinesis returned no result for this record',
          durationMs,
        );
      }
    });
    for (const result of transformed) {
      if (result.ok === false) fail(result.message, TRANSFORM_FAILED, result.error, 0);
    }
    for (const message of tooLarge) {
      fail(
        message,
        RECORD_TOO_LARGE,
        sink.transform.kind === 'none'
          ? `The record is ${formatBytes(message.sizeBytes)} (data plus partition key), over the stream's limit of ${formatBytes(sink.maxRecordBytes)}: it was not sent. Attach a transform that makes it smaller, or discard it.`
          : `The record is ${formatBytes(message.sizeBytes)} (data plus partition key) after the sink's transform, over the stream's limit of ${formatBytes(sink.maxRecordBytes)}: it was not sent. Change the transform to make it smaller, or discard it.`,
        0,
      );
    }

    await recordOutcomesPatiently(
      this.options.db.pool,
      { sinkId: config.id, lane, token, leaseMs: this.options.leaseMs, delivered, failed },
      { logger: this.options.logger, stopping: this.options.stopping },
    );
    this.#count(config.id, deliveredAgesMs, failed, performance.now() - batchStartedAt);
    if (failed.length > 0) {
      const first = failed[0];
      this.options.logger.warn(
        {
          sinkId: config.id,
          sink: config.name,
          lane,
          failed: failed.length,
          delivered: delivered.length,
          errorCode: first?.errorCode,
          // The message the error text is about; the others of the request may have other errors.
          messageId: first?.id.toString(),
        },
        first?.errorMessage ?? 'delivery failed',
      );
    }
    for (const outcome of failed) {
      if (!outcome.giveUpReason) continue;
      this.options.logger.warn(
        {
          sinkId: config.id,
          sink: config.name,
          messageId: outcome.id.toString(),
          attempts: outcome.attemptNumber,
        },
        'message discarded: it reached the sink maximum of attempts',
      );
    }
    return { delivered: delivered.length, failed: failed.length };
  }

  /** Once per request: a label lookup per sink (and per error code), never per message. */
  #count(
    sinkId: string,
    deliveredAgesMs: number[],
    failed: FailedOutcome[],
    sinceBatchStartMs: number,
  ): void {
    const { metrics } = this.options;
    const attempts = deliveredAgesMs.length + failed.length;
    if (attempts > 0) metrics.deliverAttempts.labels(sinkId).inc(attempts);
    if (deliveredAgesMs.length > 0) {
      metrics.messagesDelivered.labels(sinkId).inc(deliveredAgesMs.length);
      const latency = metrics.deliveryLatency.labels(sinkId);
      for (const ageMs of deliveredAgesMs) latency.observe((ageMs + sinceBatchStartMs) / 1000);
    }
    const failedByCode = new Map<string, number>();
    for (const outcome of failed)
      failedByCode.set(outcome.errorCode, (failedByCode.get(outcome.errorCode) ?? 0) + 1);
    for (const [code, count] of failedByCode) metrics.messagesFailed.labels(sinkId, code).inc(count);
  }
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** What the walk may still look at after `heads`; null when a limit is reached. */
function remainingLimits(heads: LaneHead[], limits: LaneWalkLimits): LaneWalkLimits | null {
  let dueHeads = 0;
  let dueBytes = 0;
  for (const head of heads) {
    if (!head.message || head.sizeBytes > limits.maxRecordBytes) continue;
    dueHeads += 1;
    dueBytes += head.sizeBytes;
  }
  const left = {
    heads: limits.heads - heads.length,
    dueHeads: limits.dueHeads - dueHeads,
    dueBytes: limits.dueBytes - dueBytes,
    maxRecordBytes: limits.maxRecordBytes,
  };
  return left.heads > 0 && left.dueHeads > 0 && left.dueBytes > 0 ? left : null;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toFixed(2)} MiB (${bytes.toLocaleString('en-US')} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;
  return `${bytes} bytes`;
}
