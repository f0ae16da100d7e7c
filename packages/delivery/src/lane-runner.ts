import { randomUUID } from 'node:crypto';
import { isThrottlingCode, parseStreamArn, RECORD_TOO_LARGE, type RetryPolicy } from '@shardline/core';
import {
  acquireLaneLease,
  type Database,
  type LaneHead,
  LaneLeaseLostError,
  type LaneWalkLimits,
  type OutgoingMessage,
  releaseLaneLease,
  walkLane,
} from '@shardline/db';
import { MAX_RECORDS_PER_REQUEST, putRecords, type RecordOutcome } from '@shardline/kinesis';
import type { EngineMetrics } from '@shardline/metrics';
import type { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';
import { earliestDue, planBatch } from './batch-builder';
import { TRANSFORM_FAILED, transformOutgoing } from './payload-transform';
import { recordOutcomesPatiently } from './record-outcomes-patiently';
import { routeOutgoing } from './routing/route-outgoing';
import type { StreamTarget } from './routing/stream-targets';
import {
  aggregatedWalkBytes,
  type PackedRecords,
  packAggregated,
  plainRecords,
  type SendRecord,
} from './send/aggregation-packing';
import {
  type MappedOutcomes,
  mapOutcomes,
  messagesOfRecords,
  type NotSent,
  type SentMessage,
  type SentRecord,
} from './send/outcomes';
import { packRequests, remainingLimits, walkLimitsFor } from './send/packing';
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

interface BatchResult {
  delivered: number;
  /** Failed or throttled attempts. */
  failed: number;
  /** Left for the next request by a router or transform out of time (first in line there). */
  transformHeldBack: number;
  /**
   * When the soonest of the heads chosen but not sent (their shard had no room in its budget;
   * still waiting, not attempted) may go; Infinity when none was held back.
   */
  deferredReadyInMs: number;
}

/**
 * Delivers what is due in one lane: takes the lane's lease, then repeatedly sends one request
 * holding the due head of as many groups as fit, and records each record's outcome.
 */
export class LaneRunner {
  constructor(private readonly options: LaneRunnerOptions) {}

  async run(sinkId: string, lane: number): Promise<LaneRunResult> {
    const { db, sinks, leaseMs, runBudgetMs } = this.options;
    const token = randomUUID();
    const lease = await acquireLaneLease(db, { sinkId, lane, token, leaseMs });
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
        await sink.sendRate.ready();
        // A routed sink's streams are known only once its messages are routed: their budgets are
        // asked when the batch is packed, stream by stream.
        if (sink.router.kind === 'none' && sink.sendRate.available() === 0) {
          // Every shard is at its budget: nothing could go now; the lane runs again when one has room.
          const roomAt = new Date(Date.now() + sink.sendRate.soonestReadyInMs());
          return delivered + failed > 0
            ? { kind: 'worked', delivered, failed }
            : { kind: 'idle', nextDueAt: earlier(waitingDueAt, roomAt) };
        }
        const limits = this.#walkLimits(sink);
        const { heads, walkedAll, sinkVersion } = await this.#walkHeads(sinkId, lane, token, cursor, limits);
        // Edited since the lease was taken: what this walk found is sent with the new settings.
        if (sinkVersion !== sink.config.version) sink = await sinks.get(sinkId, sinkVersion);
        const plan = planBatch(heads);
        cursor = plan.cursor ?? cursor;
        const { chosen } = plan;
        let nextDueAt = earlier(waitingDueAt, earliestDue(heads));
        if (chosen.length > 0) {
          const outgoing = chosen.flatMap((head) => (head.message ? [head.message] : []));
          const result = await this.#deliver(sink, lane, token, outgoing);
          delivered += result.delivered;
          failed += result.failed;
          if (Date.now() - startedAt >= runBudgetMs) return { kind: 'worked', delivered, failed };
          if (result.delivered + result.failed + result.transformHeldBack > 0) {
            firstWaitingGroup = null;
            waitingDueAt = null;
            continue;
          }
          // Every chosen head's shard was at its budget: they wait as heads not due yet do.
          if (Number.isFinite(result.deferredReadyInMs))
            nextDueAt = earlier(nextDueAt, new Date(Date.now() + result.deferredReadyInMs));
        }
        // Releasing the lease (below) keeps the cursor for the next run.
        const startedWaitingAt = firstWaitingGroup;
        const wentAround = heads.some((head) => head.groupKey === startedWaitingAt);
        if (walkedAll || wentAround) {
          return delivered + failed > 0 ? { kind: 'worked', delivered, failed } : { kind: 'idle', nextDueAt };
        }
        // More heads than one walk looks at, none of them to send now: go on around the lane once.
        if (Date.now() - startedAt >= runBudgetMs) return { kind: 'worked', delivered, failed };
        firstWaitingGroup ??= heads[0]?.groupKey ?? null;
        waitingDueAt = nextDueAt;
      }
    } catch (error) {
      if (error instanceof LaneLeaseLostError) {
        leaseLost = true;
        this.options.logger.warn({ sinkId, lane }, 'lane lease was taken over; stopping this run');
        return { kind: 'busy', busyUntil: null };
      }
      throw error;
    } finally {
      if (!leaseLost) await releaseLaneLease(db, { sinkId, lane, token, groupCursor: cursor });
    }
  }

  #walkLimits(sink: SinkRuntime): LaneWalkLimits {
    const routed = sink.router.kind !== 'none';
    // Aggregates are packed per shard: without the shard map the sink sends plain. A routed sink
    // walks as if plain (its streams' shards are not known yet) and still aggregates per stream.
    const shardBytes = sink.config.aggregateRecords && !routed ? sink.sendRate.bytesAvailableByShard() : null;
    const maxRecordBytes = sink.streams.own.maxRecordBytes;
    return walkLimitsFor({
      aggregatedBytes: shardBytes && aggregatedWalkBytes(maxRecordBytes, shardBytes.values()),
      headsPerWalk: this.options.headsPerWalk,
      maxRecordBytes,
      budgetRecords: routed ? MAX_RECORDS_PER_REQUEST : sink.sendRate.available(),
      // A transform may shrink a stored message below the record limit, and a routed message's
      // limit is its stream's, known once routed: either is judged when packed for its stream.
      judgedAfterTransform: sink.transform.kind !== 'none' || routed,
    });
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
    const first = await walkLane(db, {
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
      const wrapped = await walkLane(db, {
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

  /**
   * Sends one batch of chosen heads: route and transform, pack per stream, send, map the
   * outcomes, record them. Each request goes to one stream; the streams of a batch are sent to
   * at once, and each group is in the batch at most once, so order within a group holds.
   */
  async #deliver(
    sink: SinkRuntime,
    lane: number,
    token: string,
    outgoing: OutgoingMessage[],
  ): Promise<BatchResult> {
    // Each message's age was read on the database's clock as the batch started; what passes
    // from here is measured here, so the latency never depends on the two clocks agreeing.
    const batchStartedAt = performance.now();
    const { ready, notSent, heldBack } = await this.#prepare(sink, outgoing);
    const targetOf = new Map<bigint, StreamTarget>();
    const byStream = new Map<StreamTarget, OutgoingMessage[]>();
    for (const { message, target } of ready) {
      targetOf.set(message.id, target);
      byStream.set(target, [...(byStream.get(target) ?? []), message]);
    }
    const streams = await Promise.all(
      [...byStream].map(async ([target, messages]) => ({
        target,
        ...(await this.#sendToStream(sink, target, messages)),
      })),
    );
    const throttledByShard = new Map<string, number>();
    for (const stream of streams)
      for (const [shardId, count] of stream.throttledByShard)
        throttledByShard.set(shardId, (throttledByShard.get(shardId) ?? 0) + count);
    const readyInMs = (message: OutgoingMessage) =>
      (targetOf.get(message.id) ?? sink.streams.own).sendRate.readyInMs(message.groupKey);
    const outcomes = mapOutcomes({
      sent: streams.flatMap((stream) => stream.sent),
      notSent: [
        ...notSent,
        ...streams.flatMap((stream) =>
          stream.tooLarge.map((message) => ({
            message,
            code: RECORD_TOO_LARGE,
            text: tooLargeText(message.sizeBytes, sink, stream.target),
          })),
        ),
      ],
      policy: this.#policyOf(sink),
      durationMs: Math.max(0, ...streams.map((stream) => stream.durationMs)),
      throttledRetryInMs: readyInMs,
      streamArnOf: (message) =>
        sink.router.kind === 'none' ? null : (targetOf.get(message.id)?.streamArn ?? null),
    });
    await recordOutcomesPatiently(
      this.options.db,
      {
        sinkId: sink.config.id,
        lane,
        token,
        leaseMs: this.options.leaseMs,
        delivered: outcomes.delivered,
        failed: outcomes.failed,
      },
      { logger: this.options.logger, stopping: this.options.stopping },
    );
    const landedElsewhere = streams.flatMap((stream) => stream.landedElsewhere);
    this.#count(sink, outcomes, throttledByShard, performance.now() - batchStartedAt);
    this.#log(sink, lane, outcomes, landedElsewhere.length);
    return {
      delivered: outcomes.delivered.length,
      failed: outcomes.failed.length,
      transformHeldBack: heldBack,
      deferredReadyInMs: Math.min(
        ...[...streams.flatMap((stream) => stream.deferred), ...landedElsewhere].map(readyInMs),
        Number.POSITIVE_INFINITY,
      ),
    };
  }

  /** Packs and sends one stream's share of a batch; feeds what Kinesis answered to its budgets. */
  async #sendToStream(
    sink: SinkRuntime,
    target: StreamTarget,
    messages: OutgoingMessage[],
  ): Promise<{
    sent: SentMessage[];
    landedElsewhere: OutgoingMessage[];
    tooLarge: OutgoingMessage[];
    deferred: OutgoingMessage[];
    throttledByShard: Map<string, number>;
    durationMs: number;
  }> {
    const { sendRate } = target;
    // A routed stream's shard map and record limit are read on its first use (the sink's own
    // were read by the run).
    await sendRate.ready();
    await sink.streams.refreshRecordLimit(target);
    const packed = this.#pack(sink, target, messages);
    const { sent, durationMs } = await this.#send(target, packed.requests);
    // The budgets count Kinesis records: an aggregate is one record of its bytes.
    const throttledByShard = sendRate.observe(
      sent.map(({ record, outcome, sentAt }) => ({
        partitionKey: record.partitionKey,
        sentAt,
        outcome: outcome.ok
          ? { ok: true as const, shardId: outcome.shardId }
          : { ok: false as const, throttled: isThrottlingCode(outcome.error.code), code: outcome.error.code },
      })),
    );
    const { sent: sentMessages, landedElsewhere } = messagesOfRecords(sent);
    return {
      sent: sentMessages,
      landedElsewhere,
      tooLarge: packed.tooLarge,
      deferred: packed.deferred,
      throttledByShard,
      durationMs,
    };
  }

  /**
   * What goes in which request to one stream. Stored sizes chose the batch; transformed payloads
   * may be larger, so the batch may take more than one request (each group still appears once, so
   * order within a group holds). Each stream's records are held to that stream's record limit.
   */
  #pack(sink: SinkRuntime, target: StreamTarget, ready: OutgoingMessage[]): PackedRecords<OutgoingMessage> {
    const { sendRate } = target;
    const limits = { maxRecordBytes: target.maxRecordBytes };
    if (sink.config.aggregateRecords) {
      // Each shard is asked once per batch, before any of its room is taken.
      const shardBytes = sendRate.bytesAvailableByShard();
      return packAggregated(ready, limits, {
        shardOf: (groupKey) => sendRate.knownShardOf(groupKey),
        bytesAvailable: (shardId) => shardBytes?.get(shardId) ?? 0,
        tryTake: (groupKey, bytes) => sendRate.tryTake(groupKey, bytes),
      });
    }
    const packed = packRequests(ready, limits, (message) =>
      sendRate.tryTake(message.groupKey, message.sizeBytes),
    );
    return { ...packed, requests: plainRecords(packed.requests) };
  }

  #policyOf(sink: SinkRuntime): RetryPolicy {
    return {
      ...this.options.retryPolicy,
      maxDelayMs: sink.config.backoffCapMs,
      maxAttempts: sink.config.maxAttempts,
    };
  }

  /**
   * Routes each message (by the sink's routing function, run on the message as stored) and runs
   * the sink's transform: each message ready to send with its stream, or the error that stops it.
   */
  async #prepare(
    sink: SinkRuntime,
    outgoing: OutgoingMessage[],
  ): Promise<{
    ready: Array<{ message: OutgoingMessage; target: StreamTarget }>;
    notSent: NotSent[];
    heldBack: number;
  }> {
    const notSent: NotSent[] = [];
    let heldBack = 0;
    const targetOf = new Map<bigint, StreamTarget>();
    let routable = outgoing;
    if (sink.router.kind === 'attached') {
      routable = [];
      for (const routed of await routeOutgoing(this.options.transforms, sink.router, outgoing)) {
        if (routed.ok === true) {
          routable.push(routed.message);
          targetOf.set(routed.message.id, sink.streams.of(routed.streamArn, routed.region));
        } else if (routed.ok === false) {
          notSent.push({ message: routed.message, code: routed.code, text: routed.error });
        } else {
          // The router's time for this batch ran out: it goes first in the next request.
          heldBack += 1;
        }
      }
    }
    const transformed = await transformOutgoing(this.options.transforms, sink.transform, routable);
    const ready: Array<{ message: OutgoingMessage; target: StreamTarget }> = [];
    for (const result of transformed) {
      const target = targetOf.get(result.message.id) ?? sink.streams.own;
      if (result.ok === true) ready.push({ message: result.message, target });
      else if (result.ok === false)
        notSent.push({ message: result.message, code: TRANSFORM_FAILED, text: result.error });
      // The transform's time for this batch ran out: it goes first in the next request.
      else heldBack += 1;
    }
    return { ready, notSent, heldBack };
  }

  /** One PutRecords request after the other; every record gets an outcome, none throws. */
  async #send(
    target: StreamTarget,
    requests: SendRecord<OutgoingMessage>[][],
  ): Promise<{ sent: Array<SentRecord & { sentAt: number }>; durationMs: number }> {
    const startedAt = Date.now();
    const sent: Array<SentRecord & { sentAt: number }> = [];
    for (const request of requests) {
      const sentAt = performance.now();
      const outcomes = await putRecords(target.client, target.connection, request);
      request.forEach((record, index) => {
        const outcome: RecordOutcome = outcomes[index] ?? {
          ok: false,
          error: {
            code: 'MissingResult',
            message: 'Kinesis returned no result for this record',
          },
        };
        sent.push({ record, outcome, sentAt });
      });
    }
    return { sent, durationMs: Date.now() - startedAt };
  }

  #log(sink: SinkRuntime, lane: number, outcomes: MappedOutcomes, landedElsewhere: number): void {
    const { config } = sink;
    const { failed, delivered } = outcomes;
    if (landedElsewhere > 0) {
      this.options.logger.info(
        { sinkId: config.id, sink: config.name, lane, messages: landedElsewhere },
        "an aggregated record landed on another shard than expected (the stream's shards changed): its other messages go again once the shard map is read again",
      );
    }
    // Throttles are back-pressure, counted and reported as the sink's rate, not logged one by one.
    const failures = failed.filter((outcome) => !outcome.throttled);
    if (failures.length > 0) {
      const first = failures[0];
      this.options.logger.warn(
        {
          sinkId: config.id,
          sink: config.name,
          lane,
          failed: failures.length,
          delivered: delivered.length,
          errorCode: first?.errorCode,
          // The message the error text is about; the others of the request may have other errors.
          messageId: first?.id.toString(),
        },
        first?.errorMessage ?? 'delivery failed',
      );
    }
    for (const outcome of failures) {
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
  }

  /** Once per request: a label lookup per sink (and per error code, shard or stream), never per message. */
  #count(
    sink: SinkRuntime,
    outcomes: MappedOutcomes,
    throttledByShard: Map<string, number>,
    sinceBatchStartMs: number,
  ): void {
    const { metrics } = this.options;
    const sinkId = sink.config.id;
    const { deliveredAgesMs, failed } = outcomes;
    const attempts = deliveredAgesMs.length + failed.length;
    if (attempts > 0) metrics.deliverAttempts.labels(sinkId).inc(attempts);
    if (deliveredAgesMs.length > 0) {
      metrics.messagesDelivered.labels(sinkId).inc(deliveredAgesMs.length);
      const deliveredByStream = new Map<string, number>();
      for (const delivered of outcomes.delivered) {
        const streamArn = delivered.streamArn ?? sink.connection.streamArn;
        deliveredByStream.set(streamArn, (deliveredByStream.get(streamArn) ?? 0) + 1);
      }
      for (const [streamArn, count] of deliveredByStream) {
        metrics.messagesDeliveredByStream
          .labels(sinkId, metrics.streamLabels.of(sinkId, streamArn))
          .inc(count);
      }
      const latency = metrics.deliveryLatency.labels(sinkId);
      for (const ageMs of deliveredAgesMs) latency.observe((ageMs + sinceBatchStartMs) / 1000);
    }
    const failedByCode = new Map<string, number>();
    for (const outcome of failed) {
      if (outcome.throttled) continue;
      failedByCode.set(outcome.errorCode, (failedByCode.get(outcome.errorCode) ?? 0) + 1);
    }
    for (const [code, count] of failedByCode) metrics.messagesFailed.labels(sinkId, code).inc(count);
    for (const [shardId, count] of throttledByShard)
      metrics.throttledRecords.labels(sinkId, shardId).inc(count);
    metrics.sendRate.labels(sinkId).set(sink.streams.summary().recordsPerSecond);
  }
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** Names a routed stream, whose limit may not be the sink's own stream's. */
function tooLargeText(sizeBytes: number, sink: SinkRuntime, target: StreamTarget): string {
  const limit =
    target === sink.streams.own
      ? `the stream's limit of ${formatBytes(target.maxRecordBytes)}`
      : `the limit of its routed stream ${parseStreamArn(target.streamArn)?.streamName ?? target.streamArn} of ${formatBytes(target.maxRecordBytes)}`;
  return sink.transform.kind === 'none'
    ? `The record is ${formatBytes(sizeBytes)} (data plus partition key), over ${limit}: it was not sent. Attach a transform that makes it smaller, or discard it.`
    : `The record is ${formatBytes(sizeBytes)} (data plus partition key) after the sink's transform, over ${limit}: it was not sent. Change the transform to make it smaller, or discard it.`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toFixed(2)} MiB (${bytes.toLocaleString('en-US')} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;
  return `${bytes} bytes`;
}
