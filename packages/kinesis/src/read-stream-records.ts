import {
  type _Record,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  ListShardsCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import { createKinesisClient, type KinesisConnection, requestTimeoutOf } from './connection';
import { withDeadline } from './deadline';
import { StreamReadError, type StreamReadOperation } from './stream-read-error';
import { type StreamRecordView, viewsOfNewest } from './stream-record-view';

export type { StreamRecordView };

export interface LatestStreamRecords {
  /** Newest first. */
  records: StreamRecordView[];
  /** Shards read (open and closed, as ListShards lists them). */
  shardCount: number;
  /** The records are from this moment on; null: from the oldest the stream keeps. */
  readSince: Date | null;
  /** False when a shard held more than one look reads, so newer records may exist than shown. */
  complete: boolean;
}

export interface ReadLatestOptions {
  /** How many messages to return at most (the newest); an aggregated record shows as its messages. */
  limit: number;
  /** Data longer than this many bytes is cut (default 16 KiB): a record may be 10 MiB. */
  maxDataBytes?: number;
  /**
   * How far back each look starts, shortest first, before the last look from the oldest record
   * the stream keeps. Default: 5 minutes, then 1 hour.
   */
  lookbacksMs?: number[];
}

const DEFAULT_MAX_DATA_BYTES = 16 * 1024;
// Kinesis has no "latest N": each look starts at a moment further back until it finds enough.
const DEFAULT_LOOKBACKS_MS = [5 * 60_000, 60 * 60_000];
// Every shard allows 5 GetRecords calls a second, shared with the stream's real consumers.
const MAX_PAGES_PER_SHARD = 8;
const RECORDS_PER_PAGE = 1_000;
const SHARDS_AT_ONCE = 4;

/**
 * The newest records of a stream, read back through ListShards, GetShardIterator (AT_TIMESTAMP,
 * then TRIM_HORIZON) and GetRecords, so a person sees what actually landed. Throws a
 * StreamReadError naming the call that failed.
 */
export async function readLatestStreamRecords(
  connection: KinesisConnection,
  options: ReadLatestOptions,
): Promise<LatestStreamRecords> {
  const client = createKinesisClient(connection);
  const now = new Date();
  // The last look starts at the oldest record the stream keeps (TRIM_HORIZON).
  const lookbacks = [...(options.lookbacksMs ?? DEFAULT_LOOKBACKS_MS), null];
  try {
    const shardIds = await listShardIds(client, connection);
    let result: LatestStreamRecords = {
      records: [],
      shardCount: shardIds.length,
      readSince: now,
      complete: true,
    };
    for (const lookbackMs of lookbacks) {
      const since = lookbackMs === null ? null : new Date(now.getTime() - lookbackMs);
      const shards = await mapLimited(shardIds, SHARDS_AT_ONCE, (shardId) =>
        readShardTail(client, connection, shardId, since, options),
      );
      result = {
        records: newestFirst(shards.flatMap((shard) => shard.records)).slice(0, options.limit),
        shardCount: shardIds.length,
        readSince: since,
        complete: shards.every((shard) => shard.complete),
      };
      // Looking further back would only read more of what a busy stream already cut short.
      if (result.records.length >= options.limit || !result.complete) break;
    }
    return result;
  } finally {
    client.destroy();
  }
}

async function listShardIds(client: KinesisClient, connection: KinesisConnection): Promise<string[]> {
  const shardIds: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(connection, 'ListShards', (abortSignal) =>
      // ListShards refuses the stream together with a NextToken.
      client.send(
        new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamARN: connection.streamArn }),
        { abortSignal },
      ),
    );
    for (const shard of page.Shards ?? []) if (shard.ShardId) shardIds.push(shard.ShardId);
    nextToken = page.NextToken;
  } while (nextToken);
  return shardIds;
}

async function readShardTail(
  client: KinesisClient,
  connection: KinesisConnection,
  shardId: string,
  since: Date | null,
  options: ReadLatestOptions,
): Promise<{ records: StreamRecordView[]; complete: boolean }> {
  const start: { ShardIteratorType: ShardIteratorType; Timestamp?: Date } = since
    ? { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: since }
    : { ShardIteratorType: 'TRIM_HORIZON' };
  const { ShardIterator: first } = await call(connection, 'GetShardIterator', (abortSignal) =>
    client.send(
      new GetShardIteratorCommand({ StreamARN: connection.streamArn, ShardId: shardId, ...start }),
      {
        abortSignal,
      },
    ),
  );
  let iterator = first;
  // Only the newest `limit` of this shard can be among the newest `limit` of the stream (an
  // aggregated record holds one message or more, so `limit` records hold enough).
  let kept: _Record[] = [];
  for (let page = 0; page < MAX_PAGES_PER_SHARD; page++) {
    if (!iterator) return { records: newestViews(shardId, kept, options), complete: true };
    const current = iterator;
    const output = await call(connection, 'GetRecords', (abortSignal) =>
      client.send(
        new GetRecordsCommand({
          StreamARN: connection.streamArn,
          ShardIterator: current,
          Limit: RECORDS_PER_PAGE,
        }),
        { abortSignal },
      ),
    );
    const batch = output.Records ?? [];
    kept = [...kept, ...batch].slice(-options.limit);
    iterator = output.NextShardIterator;
    // At the tip: Kinesis says it is 0 ms behind. Some emulators say 0 on a page cut short by the
    // limit too, so a full page always asks again.
    if ((output.MillisBehindLatest ?? 0) === 0 && batch.length < RECORDS_PER_PAGE) {
      return { records: newestViews(shardId, kept, options), complete: true };
    }
  }
  return { records: newestViews(shardId, kept, options), complete: iterator === undefined };
}

function newestViews(shardId: string, records: _Record[], options: ReadLatestOptions): StreamRecordView[] {
  return viewsOfNewest(shardId, records, {
    limit: options.limit,
    maxDataBytes: options.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES,
  });
}

/**
 * Newest first by arrival; within one shard the sequence number breaks ties, and within one
 * aggregated record the later message comes first.
 */
function newestFirst(records: StreamRecordView[]): StreamRecordView[] {
  return [...records].sort((a, b) => {
    const byTime = (b.arrivedAt?.getTime() ?? 0) - (a.arrivedAt?.getTime() ?? 0);
    if (byTime !== 0) return byTime;
    if (a.shardId !== b.shardId) return a.shardId < b.shardId ? -1 : 1;
    const bySequence = compareSequenceNumbers(b.sequenceNumber, a.sequenceNumber);
    if (bySequence !== 0) return bySequence;
    return (b.aggregate?.index ?? 0) - (a.aggregate?.index ?? 0);
  });
}

// Sequence numbers are decimal strings too long for a number.
function compareSequenceNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

async function call<T>(
  connection: KinesisConnection,
  operation: StreamReadOperation,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await withDeadline(requestTimeoutOf(connection), send);
  } catch (error) {
    throw new StreamReadError(operation, error, connection);
  }
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
