import { AggregatedSize, encodeAggregatedRecord } from '@shardline/kinesis';
import { type Packable, type PackingLimits, packRequests, splitIntoRequests } from './packing';

/**
 * An aggregate may always be this large, whatever its shard's byte budget holds now (the budget
 * goes into debt, as for a large plain record): one PUT payload unit, so a shard at its limit
 * still makes progress in records worth sending.
 */
export const AGGREGATE_FLOOR_BYTES = 25 * 1024;

/** A message with the bytes it is sent as. */
export interface Sendable extends Packable {
  payload: string;
}

/** One Kinesis record of a request and the messages it carries (one, unless aggregated). */
export interface SendRecord<T> {
  partitionKey: string;
  data: Buffer;
  /** Data plus partition key. */
  sizeBytes: number;
  /** The messages inside, in order; the first's group is the record's partition key. */
  messages: T[];
  /** The shard the record was packed for; null for a plain record (any shard will do). */
  packedForShard: string | null;
}

export interface PackedRecords<T> {
  /** Requests to send, in order: each holds a group at most once and a shard's aggregate at most once. */
  requests: SendRecord<T>[][];
  /** Over the record size limit on their own: never sent, failed at once. */
  tooLarge: T[];
  /** Not sent now (no room in their shard's budget or its aggregate, or their group is already in): still waiting. */
  deferred: T[];
}

/** What the packing asks of the shards' send budgets. */
export interface ShardRoom {
  /** The open shard a group's records land on; null when the shards are unknown. */
  shardOf(groupKey: string): string | null;
  /** Bytes the shard's budget holds now; 0 when it has no room for a record. */
  bytesAvailable(shardId: string): number;
  /** Takes room for one record of `bytes` on the group's shard; false when it has none. */
  tryTake(groupKey: string, bytes: number): boolean;
}

/**
 * The size an aggregate for a shard may reach now: the stream's record limit, and no more than
 * the shard's byte budget holds, but never below the floor. 0 when the shard takes no record now.
 */
export function aggregateBytesAllowed(maxRecordBytes: number, bytesAvailable: number): number {
  if (bytesAvailable <= 0) return 0;
  return Math.min(maxRecordBytes, Math.max(AGGREGATE_FLOOR_BYTES, bytesAvailable));
}

/**
 * Bytes one walk may choose when aggregating: what the shards' aggregates may hold now (by
 * `aggregateBytesAllowed`), summed over the shards.
 */
export function aggregatedWalkBytes(maxRecordBytes: number, bytesAvailableByShard: Iterable<number>): number {
  let total = 0;
  for (const bytes of bytesAvailableByShard) total += aggregateBytesAllowed(maxRecordBytes, bytes);
  return total;
}

/** Plain records: each message sent as it is, one record per message. */
export function plainRecords<T extends Sendable>(requests: T[][]): SendRecord<T>[][] {
  return requests.map((request) => request.map(plainRecord));
}

/**
 * Packs one request's messages with aggregation on. Each message is first judged alone (over the
 * record limit: failed with its own error; its group already in: deferred). The rest are grouped
 * by the shard their group lands on, and each shard gets at most one record: a KPL aggregate of
 * its messages, in order, up to `aggregateBytesAllowed`; those that do not fit wait for the next
 * request (still their group's head, so group order holds). Messages whose shard is unknown go
 * plain, one record each, as without aggregation.
 */
export function packAggregated<T extends Sendable>(
  messages: T[],
  limits: PackingLimits,
  room: ShardRoom,
): PackedRecords<T> {
  const byShard = new Map<string, T[]>();
  const unknownShard: T[] = [];
  // The per-message rules (size, one record per group) are packRequests'; nothing is admitted yet.
  const judged = packRequests(messages, limits);
  for (const message of judged.requests.flat()) {
    const shardId = room.shardOf(message.groupKey);
    if (shardId === null) {
      unknownShard.push(message);
      continue;
    }
    const list = byShard.get(shardId) ?? [];
    list.push(message);
    byShard.set(shardId, list);
  }
  const deferred = [...judged.deferred];
  const records: SendRecord<T>[] = [];
  for (const [shardId, candidates] of byShard) {
    const { fits, rest } = fillAggregate(
      candidates,
      aggregateBytesAllowed(limits.maxRecordBytes, room.bytesAvailable(shardId)),
    );
    deferred.push(...rest);
    if (fits.length === 0) continue;
    const record = fits.length === 1 ? plainRecord(fits[0] as T) : aggregateRecord(fits, shardId);
    if (room.tryTake(record.partitionKey, record.sizeBytes)) records.push(record);
    else deferred.push(...fits);
  }
  const plain = packRequests(unknownShard, limits, (message) =>
    room.tryTake(message.groupKey, message.sizeBytes),
  );
  deferred.push(...plain.deferred);
  records.push(...plain.requests.flat().map(plainRecord));
  return { requests: splitIntoRequests(records, limits), tooLarge: judged.tooLarge, deferred };
}

/**
 * The messages (in order) that one aggregate of at most `maxBytes` holds, counted exactly as it
 * will be encoded. A message too large to join is skipped, not a stop: the aggregate's messages
 * are of different groups, so any of them may go. The first always goes (alone and plain if it
 * must: it is within the record limit).
 */
function fillAggregate<T extends Sendable>(candidates: T[], maxBytes: number): { fits: T[]; rest: T[] } {
  if (maxBytes <= 0) return { fits: [], rest: candidates };
  const size = new AggregatedSize();
  const fits: T[] = [];
  const rest: T[] = [];
  for (const message of candidates) {
    const userRecord = { partitionKey: message.groupKey, data: dataOf(message) };
    if (size.count > 0 && size.bytesWith(userRecord) > maxBytes) rest.push(message);
    else {
      size.add(userRecord);
      fits.push(message);
    }
  }
  return { fits, rest };
}

function aggregateRecord<T extends Sendable>(messages: T[], shardId: string): SendRecord<T> {
  const partitionKey = (messages[0] as T).groupKey;
  const data = encodeAggregatedRecord(messages.map((m) => ({ partitionKey: m.groupKey, data: dataOf(m) })));
  return {
    partitionKey,
    data,
    sizeBytes: data.length + Buffer.byteLength(partitionKey, 'utf8'),
    messages,
    packedForShard: shardId,
  };
}

function plainRecord<T extends Sendable>(message: T): SendRecord<T> {
  return {
    partitionKey: message.groupKey,
    data: dataOf(message),
    sizeBytes: message.sizeBytes,
    messages: [message],
    packedForShard: null,
  };
}

function dataOf(message: Sendable): Buffer {
  return Buffer.from(message.payload, 'utf8');
}
