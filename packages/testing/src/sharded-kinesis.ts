import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';
import { serveKinesisOperations, streamSummaryAnswer } from './kinesis-endpoint';

/** The hash key space Kinesis maps partition keys onto: MD5 as a 128-bit unsigned integer. */
const MAX_HASH_KEY = (1n << 128n) - 1n;

export interface SimulatedShard {
  shardId: string;
  startingHashKey: bigint;
  endingHashKey: bigint;
  /** Closed shards (split) keep their records but take no new ones. */
  open: boolean;
}

export interface LandedRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  /** The data as UTF-8 text (a message's JSON, unless aggregated). */
  data: string;
  /** The data as sent: an aggregated record is binary. */
  bytes: Buffer;
  /** Which PutRecords request brought it: 1 for the first the endpoint answered, and so on. */
  request: number;
  /** performance.now() when the endpoint took it. */
  at: number;
}

export interface ShardedKinesisOptions {
  /** Open shards at the start, splitting the hash key space evenly. */
  shards: number;
  /** Per shard, as a provisioned Kinesis shard: 1,000 records and 1 MiB a second. */
  recordsPerSecondPerShard?: number;
  bytesPerSecondPerShard?: number;
  /** Answer as an on-demand stream (StreamMode ON_DEMAND); the per-shard limits still apply. */
  onDemand?: boolean;
  /** The record size limit reported by DescribeStreamSummary (KiB). */
  maxRecordSizeKiB?: number;
}

export interface ShardedKinesis {
  endpoint: string;
  /** Every record taken, in the order taken. */
  records(): LandedRecord[];
  /** Records refused with ProvisionedThroughputExceededException, per shard. */
  throttledByShard(): Map<string, number>;
  /** Records taken, per shard. */
  takenByShard(): Map<string, number>;
  shards(): SimulatedShard[];
  /** Splits an open shard in two at the middle of its range, as UpdateShardCount or SplitShard do. */
  splitShard(shardId: string): void;
  stop(): Promise<void>;
}

/** The shard a partition key belongs to, as Kinesis maps it. */
export function hashKeyOf(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

/**
 * A Kinesis endpoint that behaves like a provisioned stream at its limits: every open shard has a
 * budget of records and bytes per second (a token bucket holding one second's worth), and a
 * record beyond it is refused with ProvisionedThroughputExceededException, as Kinesis does, per
 * record. It answers PutRecords, ListShards and DescribeStreamSummary (any stream name), keeps
 * every record taken with its shard and sequence number, and can split a shard mid-run. What
 * the emulators lack: neither enforces throughput, and neither is fast enough to measure it.
 */
export async function startShardedKinesis(options: ShardedKinesisOptions): Promise<ShardedKinesis> {
  const recordsPerSecond = options.recordsPerSecondPerShard ?? 1_000;
  const bytesPerSecond = options.bytesPerSecondPerShard ?? 1024 * 1024;
  let shards = evenShards(options.shards);
  const buckets = new Map<string, { records: number; bytes: number; at: number }>();
  const taken: LandedRecord[] = [];
  const throttled = new Map<string, number>();
  const takenCount = new Map<string, number>();
  const sequences = new Map<string, number>();
  let nextShardNumber = options.shards;
  let requests = 0;

  const bucketOf = (shardId: string) => {
    const now = performance.now();
    let bucket = buckets.get(shardId);
    if (!bucket) {
      bucket = { records: recordsPerSecond, bytes: bytesPerSecond, at: now };
      buckets.set(shardId, bucket);
    }
    const elapsed = (now - bucket.at) / 1000;
    bucket.records = Math.min(recordsPerSecond, bucket.records + elapsed * recordsPerSecond);
    bucket.bytes = Math.min(bytesPerSecond, bucket.bytes + elapsed * bytesPerSecond);
    bucket.at = now;
    return bucket;
  };

  const shardFor = (partitionKey: string, explicitHashKey?: string): SimulatedShard => {
    const key = explicitHashKey === undefined ? hashKeyOf(partitionKey) : BigInt(explicitHashKey);
    const shard = shards.find(
      (candidate) => candidate.open && candidate.startingHashKey <= key && key <= candidate.endingHashKey,
    );
    if (!shard) throw new Error(`no open shard for hash key ${key}`);
    return shard;
  };

  const putRecords = (body: Buffer, response: ServerResponse) => {
    const request = JSON.parse(body.toString('utf8')) as {
      Records: Array<{ Data: string; PartitionKey: string; ExplicitHashKey?: string }>;
    };
    let failed = 0;
    requests += 1;
    const results = request.Records.map((record) => {
      const shard = shardFor(record.PartitionKey, record.ExplicitHashKey);
      const data = Buffer.from(record.Data, 'base64');
      const size = data.length + Buffer.byteLength(record.PartitionKey, 'utf8');
      const bucket = bucketOf(shard.shardId);
      if (bucket.records < 1 || bucket.bytes < size) {
        failed += 1;
        throttled.set(shard.shardId, (throttled.get(shard.shardId) ?? 0) + 1);
        return {
          ErrorCode: 'ProvisionedThroughputExceededException',
          ErrorMessage: `Rate exceeded for shard ${shard.shardId} in stream simulated under account 000000000000.`,
        };
      }
      bucket.records -= 1;
      bucket.bytes -= size;
      const sequence = (sequences.get(shard.shardId) ?? 0) + 1;
      sequences.set(shard.shardId, sequence);
      const sequenceNumber = String(sequence).padStart(56, '0');
      taken.push({
        shardId: shard.shardId,
        sequenceNumber,
        partitionKey: record.PartitionKey,
        data: data.toString('utf8'),
        bytes: data,
        request: requests,
        at: performance.now(),
      });
      takenCount.set(shard.shardId, (takenCount.get(shard.shardId) ?? 0) + 1);
      return { ShardId: shard.shardId, SequenceNumber: sequenceNumber };
    });
    sendJson(response, 200, { FailedRecordCount: failed, Records: results });
  };

  const listShards = (response: ServerResponse) => {
    sendJson(response, 200, {
      Shards: shards.map((shard) => ({
        ShardId: shard.shardId,
        HashKeyRange: {
          StartingHashKey: shard.startingHashKey.toString(),
          EndingHashKey: shard.endingHashKey.toString(),
        },
        SequenceNumberRange: {
          StartingSequenceNumber: '0',
          ...(shard.open ? {} : { EndingSequenceNumber: '1' }),
        },
      })),
    });
  };

  const describeStreamSummary = (body: Buffer, response: ServerResponse) => {
    sendJson(
      response,
      200,
      streamSummaryAnswer(body, {
        defaultName: 'simulated',
        onDemand: options.onDemand ?? false,
        openShardCount: shards.filter((shard) => shard.open).length,
        maxRecordSizeKiB: options.maxRecordSizeKiB,
      }),
    );
  };

  const server = await serveKinesisOperations(
    {
      PutRecords: putRecords,
      ListShards: (_body, response) => listShards(response),
      DescribeStreamSummary: describeStreamSummary,
    },
    (operation, response) =>
      sendJson(response, 400, { __type: 'UnknownOperationException', message: operation }),
  );

  return {
    endpoint: server.endpoint,
    records: () => [...taken],
    throttledByShard: () => new Map(throttled),
    takenByShard: () => new Map(takenCount),
    shards: () => shards.map((shard) => ({ ...shard })),
    splitShard(shardId) {
      const parent = shards.find((shard) => shard.shardId === shardId && shard.open);
      if (!parent) throw new Error(`no open shard ${shardId} to split`);
      const middle = (parent.startingHashKey + parent.endingHashKey) / 2n;
      const child = (start: bigint, end: bigint): SimulatedShard => ({
        shardId: shardIdOf(nextShardNumber++),
        startingHashKey: start,
        endingHashKey: end,
        open: true,
      });
      shards = [
        ...shards.map((shard) => (shard === parent ? { ...shard, open: false } : shard)),
        child(parent.startingHashKey, middle),
        child(middle + 1n, parent.endingHashKey),
      ];
    },
    stop: () => server.stop(),
  };
}

function evenShards(count: number): SimulatedShard[] {
  const width = (MAX_HASH_KEY + 1n) / BigInt(count);
  return Array.from({ length: count }, (_, index) => ({
    shardId: shardIdOf(index),
    startingHashKey: width * BigInt(index),
    endingHashKey: index === count - 1 ? MAX_HASH_KEY : width * BigInt(index + 1) - 1n,
    open: true,
  }));
}

function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}
