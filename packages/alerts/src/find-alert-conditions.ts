import { describeFinding, type SecretBox } from '@shardline/core';
import {
  type AlertCondition,
  type AlertKind,
  type Database,
  findBlockedGroups,
  findFailingSinks,
  findOversizeMessages,
  findSinksNotCapturing,
  findThrottledSinks,
  getSourceConnection,
  listSourceProgress,
  type SourceProgress,
  thresholdFor,
} from '@shardline/db';
import type { Logger } from 'pino';
import type { EffectiveThresholds } from './effective-thresholds';
import { measureSlotLag } from './slot-lag';
import { examples, formatBytes, formatSpan, plural } from './wording';

export interface FoundConditions {
  /** Every condition found now: an alert each, opened or kept open. */
  firing: AlertCondition[];
  /** Kinds fully evaluated: their open alerts not firing now are resolved. */
  evaluatedKinds: AlertKind[];
  /** Alerts that could not be evaluated this time (a source that did not answer): left as they are. */
  undecided: Array<Pick<AlertCondition, 'kind' | 'sinkId' | 'sourceId'>>;
}

/** Looks for every kind of alert condition (docs/alerts.md) and words each for a person. */
export async function findAlertConditions(options: {
  db: Database;
  secretBox: SecretBox;
  logger: Logger;
  /** The installation's thresholds, and each sink's own where it has them. */
  thresholds: EffectiveThresholds;
  /** How long to wait for a source database when measuring its slot. */
  sourceTimeoutMs: number;
}): Promise<FoundConditions> {
  const { db } = options;
  const { perSink } = options.thresholds;
  const [oversize, blocked, failing, notCapturing, throttled, sources] = await Promise.all([
    findOversizeMessages(db),
    findBlockedGroups(db, { blockedForMs: perSink.groupBlockedMs }),
    findFailingSinks(db, { failingForMs: perSink.sinkFailingMs }),
    findSinksNotCapturing(db, { notCapturingForMs: perSink.sinkNotCapturingMs }),
    findThrottledSinks(db, { throttledForMs: perSink.sinkThrottledMs }),
    listSourceProgress(db),
  ]);
  const firing: AlertCondition[] = [];
  const undecided: FoundConditions['undecided'] = [];

  for (const sink of oversize) {
    firing.push({
      kind: 'message_too_large',
      sinkId: sink.sinkId,
      sourceId: null,
      targetName: sink.sinkName,
      summary:
        `${plural(sink.count, 'message fails', 'messages fail')} for being over the stream's record size limit ` +
        `(message ${sink.messageIds.join(', ')}${sink.count > sink.messageIds.length ? ', …' : ''}; the largest is ${formatBytes(sink.largestBytes)} as stored). ` +
        (sink.count === 1
          ? 'It is retried, never sent: attach a transform that makes it smaller, or discard it.'
          : 'They are retried, never sent: attach a transform that makes them smaller, or discard them.'),
      details: {
        count: sink.count,
        messageIds: sink.messageIds,
        largestBytes: sink.largestBytes,
        exampleError: sink.exampleError,
      },
    });
  }

  for (const sink of blocked) {
    const { count } = sink;
    const thresholdMs = thresholdFor(perSink.groupBlockedMs, sink.sinkId);
    const longest = Date.now() - sink.blockedSince.getTime();
    firing.push({
      kind: 'group_blocked',
      sinkId: sink.sinkId,
      sourceId: null,
      targetName: sink.sinkName,
      summary:
        `${sink.capped ? 'At least ' : ''}${plural(count, 'group has', 'groups have')} been blocked behind a failing message ` +
        `for more than ${formatSpan(thresholdMs)} (the longest for ${formatSpan(longest)}): ` +
        `${examples(sink.groups, count)}. Their later messages wait until it is delivered or discarded.`,
      details: {
        count,
        capped: sink.capped,
        groups: sink.groups,
        blockedSince: sink.blockedSince.toISOString(),
        thresholdMs,
      },
    });
  }

  for (const sink of failing) {
    const since = Date.now() - sink.failingSince.getTime();
    const accepted = sink.lastDeliveredAt
      ? `Kinesis last accepted a record at ${sink.lastDeliveredAt.toISOString()}`
      : 'Kinesis has accepted none of its records yet';
    firing.push({
      kind: 'sink_failing',
      sinkId: sink.sinkId,
      sourceId: null,
      targetName: sink.sinkName,
      summary:
        `Every delivery has failed for ${formatSpan(since)} (${accepted})` +
        (sink.latestError ? `; the latest error: ${sink.latestError.message}` : '.'),
      details: {
        failingSince: sink.failingSince.toISOString(),
        lastDeliveredAt: sink.lastDeliveredAt?.toISOString() ?? null,
        latestError: sink.latestError,
        thresholdMs: thresholdFor(perSink.sinkFailingMs, sink.sinkId),
      },
    });
  }

  for (const sink of notCapturing) {
    const { health } = sink;
    firing.push({
      kind: 'sink_not_capturing',
      sinkId: sink.sinkId,
      sourceId: null,
      targetName: sink.sinkName,
      summary:
        `It has captured nothing for ${formatSpan(sink.forMs)}: ${health.summary} ${health.fix ?? ''}`.trim(),
      details: {
        reason: health.reason,
        problems: health.problems,
        notCapturingSince: sink.since.toISOString(),
        thresholdMs: thresholdFor(perSink.sinkNotCapturingMs, sink.sinkId),
      },
    });
  }

  for (const sink of throttled) {
    const { forMs, ...facts } = sink.throttling;
    // Worded as the sink's health words it.
    const problem = describeFinding({ code: 'throttled', ...facts });
    firing.push({
      kind: 'sink_throttled',
      sinkId: sink.sinkId,
      sourceId: null,
      targetName: sink.sinkName,
      summary: `It has been throttled for ${formatSpan(forMs)}. ${problem.sentence} ${problem.fix}`,
      details: {
        recordsPerSecond: facts.recordsPerSecond,
        shardsAtLimit: facts.shardsAtLimit,
        throttledRecords: facts.throttledRecords,
        throttledSince: facts.since.toISOString(),
        thresholdMs: thresholdFor(perSink.sinkThrottledMs, sink.sinkId),
      },
    });
  }

  const lags = await Promise.all(sources.map((source) => sourceLag(options, source)));
  for (const [index, lag] of lags.entries()) {
    const sourceId = sources[index]?.sourceId ?? null;
    if (lag.condition) firing.push(lag.condition);
    else if (lag.undecided) undecided.push({ kind: 'source_lagging', sinkId: null, sourceId });
  }

  return {
    firing,
    evaluatedKinds: [
      'message_too_large',
      'group_blocked',
      'sink_failing',
      'sink_not_capturing',
      'sink_throttled',
      'source_lagging',
    ],
    undecided,
  };
}

/**
 * A source lags when its slot keeps more unread WAL than the threshold, or when its reader has
 * made no progress for longer than the threshold (it stopped, cannot connect, or is stuck). The
 * second needs only Shardline's database; the first asks the source, and when the source does not
 * answer the alert is left as it is (the reader cannot read either, which the second will show).
 */
async function sourceLag(
  options: Parameters<typeof findAlertConditions>[0],
  source: SourceProgress,
): Promise<{ condition: AlertCondition | null; undecided: boolean }> {
  const thresholds = options.thresholds.installation;
  let retainedBytes: number | null = null;
  let measureError: string | null = null;
  try {
    const { clientConfig } = await getSourceConnection(options.db, {
      secretBox: options.secretBox,
      sourceId: source.sourceId,
    });
    retainedBytes = await measureSlotLag(clientConfig, {
      slotName: source.slotName,
      timeoutMs: options.sourceTimeoutMs,
    });
  } catch (error) {
    measureError = error instanceof Error ? error.message : String(error);
    options.logger.debug(
      { sourceId: source.sourceId, source: source.sourceName, error: measureError },
      "could not measure the source slot's lag",
    );
  }
  const behind = retainedBytes !== null && retainedBytes > thresholds.sourceLagBytes;
  const stalled = source.sinceProgressMs > thresholds.sourceStalledMs;
  if (!behind && !stalled) return { condition: null, undecided: measureError !== null };
  const reasons = [
    behind &&
      `its slot "${source.slotName}" keeps ${formatBytes(retainedBytes ?? 0)} of WAL not read yet (more than ${formatBytes(thresholds.sourceLagBytes)})`,
    stalled &&
      (source.readerSeenAt
        ? `its reader has made no progress for ${formatSpan(source.sinceProgressMs)}`
        : `no reader has read it since its first sink was created ${formatSpan(source.sinceProgressMs)} ago`),
  ].filter((reason): reason is string => Boolean(reason));
  const latest = stalled && source.lastErrorMessage ? `; its latest error: ${source.lastErrorMessage}` : '';
  return {
    condition: {
      kind: 'source_lagging',
      sinkId: null,
      sourceId: source.sourceId,
      targetName: source.sourceName,
      summary: `Changes reach the sinks late: ${reasons.join(', and ')}${latest}.`,
      details: {
        slotName: source.slotName,
        retainedBytes,
        readerSeenAt: source.readerSeenAt?.toISOString() ?? null,
        sinceProgressMs: source.sinceProgressMs,
        lastErrorMessage: source.lastErrorMessage,
        measureError,
        thresholdBytes: thresholds.sourceLagBytes,
        thresholdMs: thresholds.sourceStalledMs,
      },
    },
    undecided: false,
  };
}
