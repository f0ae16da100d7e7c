import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { SecretBox } from '@shardline/core';
import { type Database, getSinkDeliveryConfig, type SinkDeliveryConfig } from '@shardline/db';
import type { KinesisConnection } from '@shardline/kinesis';
import type { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';
import { type SinkTransform, sinkTransformOf } from './payload-transform';
import { type SinkRouter, sinkRouterOf } from './routing/route-outgoing';
import { StreamTargets } from './routing/stream-targets';
import type { StreamSendRate } from './send/stream-send-rate';

export interface SinkRuntime {
  config: SinkDeliveryConfig;
  connection: KinesisConnection;
  client: KinesisClient;
  /** The sink's current transform version. */
  transform: SinkTransform;
  /** How fast each shard of the stream takes records now; shared by the sink's lanes. */
  sendRate: StreamSendRate;
  /** The sink's routing function, which picks each message's stream; `none`: all go to its own. */
  router: SinkRouter;
  /** The sink's own stream and the streams its router named, each with its client and budgets. */
  streams: StreamTargets;
}

interface CachedSink {
  runtime: SinkRuntime;
}

/**
 * Keeps one Kinesis client per sink and rebuilds it when the sink is edited. Every lane run
 * checks the sink's version and pause flag with one small query, so edits and pauses take
 * effect on the next run.
 */
export class SinkRegistry {
  readonly #cache = new Map<string, CachedSink>();

  constructor(
    private readonly deps: {
      db: Database;
      secretBox: SecretBox;
      logger: Logger;
      transforms: TransformRunner;
      requestTimeoutMs: number;
      /** How often to ask the stream for its record size limit again. */
      recordLimitRefreshMs: number;
    },
  ) {}

  /**
   * The sink ready to deliver. `version` is the sink's `updated_at` as the caller just read it
   * (taking the lane lease returns it), so an edited sink is reloaded without an extra query.
   */
  async get(sinkId: string, version: string): Promise<SinkRuntime> {
    let cached = this.#cache.get(sinkId);
    if (!cached || cached.runtime.config.version !== version) {
      this.#evict(sinkId);
      cached = await this.#load(sinkId);
    }
    // The walk needs the sink's own stream's limit; a routed stream's is read when it is sent to.
    await cached.runtime.streams.refreshRecordLimit(cached.runtime.streams.own);
    return cached.runtime;
  }

  async #load(sinkId: string): Promise<CachedSink> {
    const config = await getSinkDeliveryConfig(this.deps.db, { secretBox: this.deps.secretBox, sinkId });
    const connection: KinesisConnection = {
      streamArn: config.streamArn,
      region: config.region,
      endpoint: config.endpoint,
      credentials: config.credentials,
      requestTimeoutMs: this.deps.requestTimeoutMs,
    };
    // An edit starts the budgets afresh: the stream or its credentials may be new.
    const streams = new StreamTargets(connection, {
      sinkId,
      logger: this.deps.logger,
      recordLimit: {
        sinkSettingBytes: config.maxRecordSizeBytes,
        refreshMs: this.deps.recordLimitRefreshMs,
      },
    });
    const cached: CachedSink = {
      runtime: {
        config,
        connection,
        client: streams.own.client,
        transform: sinkTransformOf(config),
        sendRate: streams.own.sendRate,
        router: sinkRouterOf(config),
        streams,
      },
    };
    this.#cache.set(sinkId, cached);
    return cached;
  }

  #evict(sinkId: string, options: { inFlightDone?: boolean } = {}): void {
    const cached = this.#cache.get(sinkId);
    // Other lanes of the sink may have a request in flight on this client: destroying it now
    // would abort them, and what Kinesis already took would be sent again. It goes once they
    // have ended (each ends within the request timeout).
    for (const client of cached?.runtime.streams.clients() ?? []) {
      if (options.inFlightDone) client.destroy();
      else setTimeout(() => client.destroy(), 2 * this.deps.requestTimeoutMs).unref();
    }
    // The worker frees it after any batch already sent for it.
    if (cached?.runtime.transform.kind === 'attached')
      this.deps.transforms.forget(cached.runtime.transform.key);
    if (cached?.runtime.router.kind === 'attached') this.deps.transforms.forget(cached.runtime.router.key);
    this.#cache.delete(sinkId);
  }

  /** The sinks loaded now, with what they learned of their streams. */
  loaded(): SinkRuntime[] {
    return [...this.#cache.values()].map((cached) => cached.runtime);
  }

  /** Once no request is under way (the engine stopped its workers). */
  close(): void {
    for (const sinkId of [...this.#cache.keys()]) this.#evict(sinkId, { inFlightDone: true });
  }
}
