import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { describeStream, type KinesisConnection, listOpenShards, mayMeanReshard } from '@shardline/kinesis';
import type { Logger } from 'pino';
import { PROVISIONED_SHARD_RATE, ShardBudget } from './shard-budget';
import { ShardMap } from './shard-map';

/** The budget key when the shards are unknown (ListShards refused): one budget for the stream. */
export const WHOLE_STREAM = 'stream';

/** How long a shard counts as "at its limit" after a throttle, and throttles are summed over. */
export const THROTTLE_MEMORY_MS = 30_000;

export interface SendRateOptions {
  sinkId: string;
  client: KinesisClient;
  connection: KinesisConnection;
  logger: Logger;
  /** How often the shard map is read again when nothing suggests it changed. */
  refreshMs?: number;
  now?: () => number;
}

/** What one record did, for the budgets. `shardId` is where Kinesis put it, when it took it. */
export interface SentRecord {
  partitionKey: string;
  sentAt: number;
  outcome: { ok: true; shardId: string } | { ok: false; throttled: boolean; code: string };
}

export interface ThrottleSummary {
  /** Records a second allowed now, summed over shards (an unlimited one counts what it sent). */
  recordsPerSecond: number;
  /** Shards throttled within THROTTLE_MEMORY_MS (none named when the shards are unknown). */
  shardsAtLimit: string[];
  /** Records throttled within THROTTLE_MEMORY_MS. */
  throttledRecords: number;
}

/**
 * How fast one sink may write to its stream, per shard: the shard map from ListShards, a budget
 * per open shard, and the throttles of the last 30 s. One per sink in an engine process, shared by
 * all its lanes. Without kinesis:ListShards it keeps one adaptive budget for the whole stream.
 */
export class StreamSendRate {
  readonly #options: SendRateOptions;
  readonly #now: () => number;
  #map: ShardMap | null = null;
  #mapReadAt = Number.NEGATIVE_INFINITY;
  #mapStale = false;
  #reading: Promise<void> | null = null;
  #onDemand = false;
  #budgets = new Map<string, ShardBudget>();
  /** Per shard, when each throttled record was answered (pruned past THROTTLE_MEMORY_MS). */
  #throttles = new Map<string, number[]>();
  #warnedNoShards = false;

  constructor(options: SendRateOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Reads the shard map the first time (waiting for it), later in the background when due. */
  async ready(): Promise<void> {
    const due = this.#now() - this.#mapReadAt >= (this.#options.refreshMs ?? 60_000);
    if (!this.#reading && (due || this.#mapStale)) {
      this.#reading = this.#readShards().finally(() => {
        this.#reading = null;
      });
    }
    if (this.#mapReadAt === Number.NEGATIVE_INFINITY && this.#reading) await this.#reading;
  }

  /** The budget a record of `partitionKey` is sent under, and its name (a shard id or WHOLE_STREAM). */
  shardOf(partitionKey: string): string {
    if (!this.#map) return WHOLE_STREAM;
    const shardId = this.#map.shardOf(partitionKey);
    if (shardId) return shardId;
    this.#mapStale = true;
    return WHOLE_STREAM;
  }

  /** The open shard a record of `partitionKey` lands on, or null when the shards are unknown. */
  knownShardOf(partitionKey: string): string | null {
    const shardId = this.shardOf(partitionKey);
    return shardId === WHOLE_STREAM ? null : shardId;
  }

  /**
   * Per open shard, the bytes its budget holds now (0 when it has no room for a record); null
   * when the shards are unknown.
   */
  bytesAvailableByShard(): Map<string, number> | null {
    if (!this.#map) return null;
    const now = this.#now();
    return new Map(this.#map.shardIds.map((shardId) => [shardId, this.#budget(shardId).availableBytes(now)]));
  }

  /** Takes room for one record on its shard; false when the shard has none now. */
  tryTake(partitionKey: string, bytes: number): boolean {
    return this.#budget(this.shardOf(partitionKey)).tryTake(bytes, this.#now());
  }

  /** Records the budgets would take now, over every shard. */
  available(): number {
    const now = this.#now();
    let total = 0;
    for (const key of this.#budgetKeys()) total += this.#budget(key).available(now);
    return total;
  }

  /** Milliseconds until a record of `partitionKey` may go (0: now). */
  readyInMs(partitionKey: string): number {
    return this.#budget(this.shardOf(partitionKey)).readyInMs(this.#now());
  }

  /** Milliseconds until any shard may take a record. */
  soonestReadyInMs(): number {
    const now = this.#now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const key of this.#budgetKeys()) soonest = Math.min(soonest, this.#budget(key).readyInMs(now));
    return Number.isFinite(soonest) ? soonest : 0;
  }

  /** Feeds what Kinesis answered back into the budgets; returns the throttled records per shard. */
  observe(records: SentRecord[]): Map<string, number> {
    const now = this.#now();
    const throttledByShard = new Map<string, number>();
    for (const record of records) {
      const expected = this.shardOf(record.partitionKey);
      const { outcome } = record;
      if (outcome.ok) {
        // Landed elsewhere than the map says: the shards changed (a split or merge).
        if (this.#map && outcome.shardId !== expected) this.#mapStale = true;
        this.#budget(expected).accepted(now);
      } else if (outcome.throttled) {
        this.#budget(expected).throttled(record.sentAt, now);
        throttledByShard.set(expected, (throttledByShard.get(expected) ?? 0) + 1);
        const times = this.#throttles.get(expected) ?? [];
        times.push(now);
        this.#throttles.set(expected, times);
      } else if (mayMeanReshard(outcome.code)) {
        this.#mapStale = true;
      }
    }
    return throttledByShard;
  }

  /** Records a second the budgets allow now, summed over shards; an unlimited one counts 0. */
  recordsPerSecond(): number {
    let total = 0;
    for (const key of this.#budgetKeys()) {
      const rate = this.#budget(key).rate.records;
      total += Number.isFinite(rate) ? rate : 0;
    }
    return Math.round(total);
  }

  /** The state to report: the rate allowed now and the recent throttles. */
  summary(): ThrottleSummary {
    const now = this.#now();
    const shardsAtLimit: string[] = [];
    let throttledRecords = 0;
    for (const [shardId, times] of this.#throttles) {
      const recent = times.filter((at) => now - at < THROTTLE_MEMORY_MS);
      if (recent.length === 0) {
        this.#throttles.delete(shardId);
        continue;
      }
      this.#throttles.set(shardId, recent);
      // Throttled without a known shard (the shards could not be listed): counted, not named.
      if (shardId !== WHOLE_STREAM) shardsAtLimit.push(shardId);
      throttledRecords += recent.length;
    }
    return {
      recordsPerSecond: this.recordsPerSecond(),
      shardsAtLimit: shardsAtLimit.sort(),
      throttledRecords,
    };
  }

  #budgetKeys(): string[] {
    return this.#map ? this.#map.shardIds : [WHOLE_STREAM];
  }

  #budget(key: string): ShardBudget {
    let budget = this.#budgets.get(key);
    if (!budget) {
      // Without the shard list nothing says how the stream's limit is split, nor whether the
      // endpoint's shard count is true (emulators and proxies report one): throttles tell.
      const ceiling = key === WHOLE_STREAM || this.#onDemand ? null : PROVISIONED_SHARD_RATE;
      budget = new ShardBudget(ceiling, this.#now());
      this.#budgets.set(key, budget);
    }
    return budget;
  }

  async #readShards(): Promise<void> {
    const { client, connection, logger, sinkId } = this.#options;
    this.#mapStale = false;
    // Both at once: the first read holds up the sink's first request, by one request timeout at most.
    const [description, listed] = await Promise.allSettled([
      describeStream(client, connection),
      listOpenShards(client, connection),
    ]);
    // Without the summary the mode stays as last read; delivery reports what is wrong with the stream.
    if (description.status === 'fulfilled' && description.value.onDemand !== this.#onDemand) {
      // Switched between provisioned and on-demand: the ceilings learned under the other mode go.
      this.#onDemand = description.value.onDemand;
      this.#budgets.clear();
    }
    try {
      if (listed.status === 'rejected') throw listed.reason;
      const shards = listed.value;
      if (shards.length === 0) throw new Error('ListShards returned no open shard');
      const map = new ShardMap(shards);
      // Shards that stay keep what they learned; new ones (a split's children) start afresh.
      for (const key of [...this.#budgets.keys()]) if (!map.has(key)) this.#budgets.delete(key);
      this.#map = map;
    } catch (error) {
      // A map read before stays (a blip of the network, or of the permission, changes no shard).
      if (this.#map) return;
      if (!this.#warnedNoShards) {
        this.#warnedNoShards = true;
        logger.warn(
          { sinkId, err: (error as Error).message },
          "could not list the stream's shards (the sink needs kinesis:ListShards): sending at one adaptive rate for the whole stream",
        );
      }
    } finally {
      this.#mapReadAt = this.#now();
    }
  }
}
