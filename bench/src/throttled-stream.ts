/**
 * What the throttled runs share: a simulated provisioned stream (@shardline/testing's
 * startShardedKinesis) with scaled per-shard limits, the engine delivering one sink to it, and
 * ways to wait for and read what it took.
 */
import type { Database } from '@shardline/db';
import { type ShardedKinesis, startShardedKinesis } from '@shardline/testing';
import type { Ceiling } from './ceilings';
import { type DeliverySetup, setupDelivery, undelivered } from './delivery-setup';
import { residentMemoryMiB } from './engine-memory';

// BENCH_SHARD_RATE sets the simulated shards' records a second (250 by default, a quarter of a
// real shard's 1,000, as issue 17 measured it): the runs then take a few hundred messages a
// second, far below this machine's ceilings, so the stream's limits are what binds.
export const SHARD_RATE = Number(process.env.BENCH_SHARD_RATE ?? 250);
// A real shard takes 1 MiB for its 1,000 records a second: scaled alike, records bind first for
// the workload's ~500-byte records, as they would on Kinesis.
const BYTES_PER_RECORD_OF_LIMIT = (1024 * 1024) / 1_000;

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/bench-throttled';

export interface ThrottledRun {
  kinesis: ShardedKinesis;
  delivery: DeliverySetup;
  /** Records a second all its shards take together. */
  capacity: number;
  /** The engine's peak resident memory so far. */
  enginePeakMiB(): Promise<number>;
  cleanup(): Promise<void>;
}

/** A shard's bytes a second, scaled with its records (256 KiB/s at the default 250 records/s). */
export const SHARD_BYTES_RATE = Math.round(SHARD_RATE * BYTES_PER_RECORD_OF_LIMIT);

/**
 * A stream of `shards` shards at SHARD_RATE each, and a sink on it with its engine started.
 * `aggregateRecords`: the sink aggregates, and the stream's record limit is scaled as its
 * limits are (a real shard's 1 MiB/s and 1 MiB records: 256 KiB at the default), so an
 * aggregate never outgrows what a shard takes in a second.
 */
export async function startThrottledRun(
  shards: number,
  options: { aggregateRecords?: boolean } = {},
): Promise<ThrottledRun> {
  const kinesis = await startShardedKinesis({
    shards,
    recordsPerSecondPerShard: SHARD_RATE,
    bytesPerSecondPerShard: SHARD_BYTES_RATE,
    ...(options.aggregateRecords ? { maxRecordSizeKiB: Math.floor(SHARD_BYTES_RATE / 1024) } : {}),
  });
  try {
    const delivery = await setupDelivery(kinesis.endpoint, STREAM_ARN, undefined, {
      aggregateRecords: options.aggregateRecords ?? false,
    });
    try {
      await delivery.engine.start();
    } catch (error) {
      await delivery.cleanup();
      throw error;
    }
    return {
      kinesis,
      delivery,
      capacity: shards * SHARD_RATE,
      enginePeakMiB: async () => (await residentMemoryMiB(delivery.engine.pid ?? 0)).peak,
      async cleanup() {
        await delivery.cleanup();
        await kinesis.stop();
      },
    };
  } catch (error) {
    await kinesis.stop();
    throw error;
  }
}

/** A share of what `shards` simulated shards take, for the table's ceiling column. */
export function capacityCeiling(name: string, recordsPerSecond: number): Ceiling {
  return { name, value: recordsPerSecond, unit: 'msg/s', as: 'share' };
}

/**
 * Waits until every stored message is delivered or `deadline` (performance.now()) passes; says
 * which. The stream's count of records taken is free to read; the store is asked once a second.
 */
export async function waitForDelivery(
  run: ThrottledRun,
  offered: number,
  deadline: number,
): Promise<boolean> {
  let askedAt = 0;
  while (performance.now() < deadline) {
    const taken = [...run.kinesis.takenByShard().values()].reduce((sum, count) => sum + count, 0);
    if (taken >= offered && performance.now() - askedAt >= 1_000) {
      askedAt = performance.now();
      if ((await undelivered(run.delivery.db, run.delivery.sinkId)) === 0) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Each message's time from stored (`created_at`) to acknowledged (`delivered_at`, written after
 * the stream took it), ascending; a message not delivered by `until` counts as `until -
 * created_at`, so a percentile that lands on one is a lower bound.
 */
export async function storedToAcknowledgedMs(
  db: Database,
  sinkId: string,
  until: Date,
): Promise<{ latencies: number[]; notDelivered: number }> {
  const result = await db.pool.query<{ ms: number; delivered: boolean }>(
    `SELECT extract(epoch FROM coalesce(delivered_at, $2) - created_at) * 1000 AS ms,
            delivered_at IS NOT NULL AS delivered
       FROM message WHERE sink_id = $1`,
    [sinkId, until],
  );
  return {
    latencies: result.rows.map((row) => Number(row.ms)).sort((a, b) => a - b),
    notDelivered: result.rows.filter((row) => !row.delivered).length,
  };
}

/** "shardId-000000000000 1,234, …": records refused per shard. */
export function throttledPerShard(kinesis: ShardedKinesis): string {
  const entries = [...kinesis.throttledByShard()];
  if (entries.length === 0) return 'none';
  return entries.map(([shard, count]) => `${shard} ${count.toLocaleString('en-US')}`).join(', ');
}
