import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  ListShardsCommand,
} from '@aws-sdk/client-kinesis';
import { createTestKinesisClient } from './kinesis-client';

export interface StreamRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  /** The record's bytes decoded as UTF-8. */
  data: string;
  /** The record's bytes as they are (an aggregated record is not UTF-8 text). */
  bytes: Buffer;
  /** When the stream accepted it (ApproximateArrivalTimestamp), in ms since the epoch; NaN if not given. */
  arrivedAt: number;
}

export interface ReadAllRecordsOptions {
  /** Keep polling until at least this many records were read (or the timeout passes). */
  expectCount?: number;
  /** Default 10 000 ms; only used with expectCount. */
  timeoutMs?: number;
}

const POLL_INTERVAL_MS = 100;

/**
 * Every record in the stream, shard by shard in sequence order. Without expectCount it reads once;
 * with it, it returns whatever was read when the timeout passes, so the caller's assertion reports
 * what is missing rather than a timeout.
 */
export async function readAllRecords(
  endpoint: string,
  streamArn: string,
  options: ReadAllRecordsOptions = {},
): Promise<StreamRecord[]> {
  const client = createTestKinesisClient(endpoint);
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  try {
    for (;;) {
      const records = await readOnce(client, streamArn);
      if (options.expectCount === undefined || records.length >= options.expectCount) return records;
      if (Date.now() > deadline) return records;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  } finally {
    client.destroy();
  }
}

async function readOnce(client: KinesisClient, streamArn: string): Promise<StreamRecord[]> {
  const shardIds: string[] = [];
  let nextToken: string | undefined;
  do {
    // ListShards rejects StreamARN together with NextToken.
    const page = await client.send(
      new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamARN: streamArn }),
    );
    for (const shard of page.Shards ?? []) if (shard.ShardId) shardIds.push(shard.ShardId);
    nextToken = page.NextToken;
  } while (nextToken);

  const records: StreamRecord[] = [];
  for (const shardId of shardIds) records.push(...(await readShard(client, streamArn, shardId)));
  return records;
}

async function readShard(client: KinesisClient, streamArn: string, shardId: string): Promise<StreamRecord[]> {
  const records: StreamRecord[] = [];
  let { ShardIterator: iterator } = await client.send(
    new GetShardIteratorCommand({
      StreamARN: streamArn,
      ShardId: shardId,
      ShardIteratorType: 'TRIM_HORIZON',
    }),
  );
  while (iterator) {
    const page = await client.send(new GetRecordsCommand({ StreamARN: streamArn, ShardIterator: iterator }));
    const batch = page.Records ?? [];
    for (const record of batch) {
      const bytes = Buffer.from(record.Data ?? new Uint8Array());
      records.push({
        shardId,
        sequenceNumber: record.SequenceNumber ?? '',
        partitionKey: record.PartitionKey ?? '',
        data: bytes.toString('utf8'),
        bytes,
        arrivedAt: record.ApproximateArrivalTimestamp?.getTime() ?? Number.NaN,
      });
    }
    // kinesis-local reports MillisBehindLatest 0 even on a page cut short by a limit, so only an
    // empty page proves the end of an open shard.
    if (batch.length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}
