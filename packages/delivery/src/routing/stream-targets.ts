import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { createKinesisClient, describeStream, type KinesisConnection } from '@shardline/kinesis';
import type { Logger } from 'pino';
import { StreamSendRate, type ThrottleSummary } from '../send/stream-send-rate';

/** One stream a sink writes to: its connection, a client for its region, and its send budgets. */
export interface StreamTarget {
  streamArn: string;
  connection: KinesisConnection;
  client: KinesisClient;
  /** How fast each shard of this stream takes records now; shared by the sink's lanes. */
  sendRate: StreamSendRate;
  /** This stream's record size limit when DescribeStreamSummary gave one, else the sink's setting. */
  maxRecordBytes: number;
  /** When the limit was last asked for (0: never). */
  recordLimitCheckedAt: number;
}

/** Where a stream's record size limit comes from when the stream reports none. */
export interface RecordLimitSettings {
  /** The sink's setting: the limit of a stream that reports none, or cannot be asked. */
  sinkSettingBytes: number;
  /** How often to ask a stream for its limit again. */
  refreshMs: number;
}

/**
 * The streams a sink writes to: its own, and those its router named. A stream gets its own shard
 * map, budgets and record size limit (they are the stream's, not the sink's); a client is per
 * region, since a Kinesis client is bound to one. Routed streams use the sink's endpoint and
 * credentials.
 */
export class StreamTargets {
  readonly own: StreamTarget;
  readonly #targets = new Map<string, StreamTarget>();
  readonly #clients = new Map<string, KinesisClient>();

  constructor(
    own: KinesisConnection,
    private readonly deps: { sinkId: string; logger: Logger; recordLimit: RecordLimitSettings },
  ) {
    const client = createKinesisClient(own);
    this.#clients.set(own.region, client);
    this.own = this.#newTarget(own, client);
  }

  /** The target for a stream ARN (already parsed): the sink's own, or one made on first use. */
  of(streamArn: string, region: string): StreamTarget {
    const known = this.#targets.get(streamArn);
    if (known) return known;
    const connection: KinesisConnection = { ...this.own.connection, streamArn, region };
    let client = this.#clients.get(region);
    if (!client) {
      client = createKinesisClient(connection);
      this.#clients.set(region, client);
    }
    return this.#newTarget(connection, client);
  }

  all(): StreamTarget[] {
    return [...this.#targets.values()];
  }

  clients(): KinesisClient[] {
    return [...this.#clients.values()];
  }

  /** The rate allowed now and the recent throttles, over every stream. */
  summary(): ThrottleSummary {
    const summaries = this.all().map((target) => target.sendRate.summary());
    return {
      recordsPerSecond: summaries.reduce((sum, summary) => sum + summary.recordsPerSecond, 0),
      shardsAtLimit: summaries.flatMap((summary) => summary.shardsAtLimit).sort(),
      throttledRecords: summaries.reduce((sum, summary) => sum + summary.throttledRecords, 0),
    };
  }

  /**
   * Asks the stream for its record size limit when it was never asked, or not for `refreshMs`:
   * a stream's limit can be raised (up to 10 MiB) while the sink runs.
   */
  async refreshRecordLimit(target: StreamTarget): Promise<void> {
    const { sinkSettingBytes, refreshMs } = this.deps.recordLimit;
    if (target.recordLimitCheckedAt !== 0 && Date.now() - target.recordLimitCheckedAt <= refreshMs) return;
    target.recordLimitCheckedAt = Date.now();
    try {
      const summary = await describeStream(target.client, target.connection);
      target.maxRecordBytes = summary.maxRecordSizeBytes ?? sinkSettingBytes;
    } catch (error) {
      // Without kinesis:DescribeStreamSummary (or while the stream is unreachable) the sink's own
      // setting is the limit; delivery itself will report what is wrong.
      target.maxRecordBytes = sinkSettingBytes;
      this.deps.logger.debug(
        { sinkId: this.deps.sinkId, streamArn: target.streamArn, err: (error as Error).message },
        'could not read the stream record size limit; using the sink setting',
      );
    }
  }

  #newTarget(connection: KinesisConnection, client: KinesisClient): StreamTarget {
    const target: StreamTarget = {
      streamArn: connection.streamArn,
      connection,
      client,
      sendRate: new StreamSendRate({
        sinkId: this.deps.sinkId,
        client,
        connection,
        logger: this.deps.logger,
      }),
      maxRecordBytes: this.deps.recordLimit.sinkSettingBytes,
      recordLimitCheckedAt: 0,
    };
    this.#targets.set(connection.streamArn, target);
    return target;
  }
}
