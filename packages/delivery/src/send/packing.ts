import type { LaneHead, LaneWalkLimits } from '@shardline/db';
import { MAX_RECORDS_PER_REQUEST, MAX_REQUEST_BYTES } from '@shardline/kinesis';

/**
 * What fits one PutRecords request, decided here and nowhere else: at most 500 records and
 * 5 MiB (or one record, when the stream's record limit is above that), no record over the
 * stream's record size limit (judged per message), each group at most once, and only records
 * whose shard has room in its send budget now.
 */
export interface PackingLimits {
  /** The stream's record size limit: data plus partition key. */
  maxRecordBytes: number;
}

/**
 * Heads one walk may choose when aggregating. A request still holds one record per shard, but
 * each record carries many messages: 5,000 heads of 1 KiB fill the 5 MiB request.
 */
export const AGGREGATED_HEADS_PER_REQUEST = 5_000;

export interface Packable {
  groupKey: string;
  sizeBytes: number;
}

export interface Packed<T> {
  /** Requests to send, in order; each holds a group at most once. */
  requests: T[][];
  /** Over the record size limit: never sent, failed at once. */
  tooLarge: T[];
  /** Not sent now (their shard has no room, or their group is already in this batch): still waiting. */
  deferred: T[];
}

/** Bytes one request may carry: the PutRecords limit, or one record when a record may be larger. */
export function maxRequestBytes(limits: PackingLimits): number {
  return Math.max(MAX_REQUEST_BYTES, limits.maxRecordBytes);
}

/**
 * Packs `messages` (in order) into requests. `admit` is asked last, once per message that fits
 * otherwise, and takes room in its shard's budget when it says yes.
 */
export function packRequests<T extends Packable>(
  messages: T[],
  limits: PackingLimits,
  admit: (message: T) => boolean = () => true,
): Packed<T> {
  const packed: Packed<T> = { requests: [], tooLarge: [], deferred: [] };
  const groups = new Set<string>();
  const fitting: T[] = [];
  for (const message of messages) {
    if (message.sizeBytes > limits.maxRecordBytes) {
      packed.tooLarge.push(message);
      continue;
    }
    // PutRecords may reorder records of one request when some fail: one record per group.
    if (groups.has(message.groupKey) || !admit(message)) {
      packed.deferred.push(message);
      continue;
    }
    groups.add(message.groupKey);
    fitting.push(message);
  }
  packed.requests = splitIntoRequests(fitting, limits);
  return packed;
}

/** Cuts records (in order) into requests of at most 500 records and the request byte limit. */
export function splitIntoRequests<T extends { sizeBytes: number }>(
  records: T[],
  limits: PackingLimits,
): T[][] {
  const requestBytes = maxRequestBytes(limits);
  const requests: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const record of records) {
    if (
      current.length > 0 &&
      (current.length >= MAX_RECORDS_PER_REQUEST || bytes + record.sizeBytes > requestBytes)
    ) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += record.sizeBytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * The limits of the walk that chooses one request's heads from a lane: the request's record
 * count (no more than the shard budgets take now) and bytes. With a transform, the stored size
 * does not decide: the transformed record is judged by packRequests.
 *
 * With aggregation (`aggregatedBytes`: what the shards' aggregates may hold now) a request
 * carries many messages per record: the walk chooses up to AGGREGATED_HEADS_PER_REQUEST heads,
 * within those bytes and the request's.
 */
export function walkLimitsFor(
  limits: PackingLimits & {
    headsPerWalk: number;
    budgetRecords: number;
    judgedAfterTransform: boolean;
    aggregatedBytes?: number | null;
  },
): LaneWalkLimits {
  const maxRecordBytes = limits.judgedAfterTransform ? Number.POSITIVE_INFINITY : limits.maxRecordBytes;
  const { aggregatedBytes } = limits;
  if (aggregatedBytes !== undefined && aggregatedBytes !== null) {
    return {
      heads: Math.max(limits.headsPerWalk, AGGREGATED_HEADS_PER_REQUEST),
      dueHeads: AGGREGATED_HEADS_PER_REQUEST,
      // Whole bytes: budgets hold fractions, the walk statement takes an integer.
      dueBytes: Math.max(1, Math.floor(Math.min(maxRequestBytes(limits), aggregatedBytes))),
      maxRecordBytes,
    };
  }
  return {
    heads: limits.headsPerWalk,
    dueHeads: Math.max(1, Math.min(MAX_RECORDS_PER_REQUEST, limits.budgetRecords)),
    dueBytes: maxRequestBytes(limits),
    maxRecordBytes,
  };
}

/** What the walk may still look at after `heads`; null when a limit is reached. */
export function remainingLimits(heads: LaneHead[], limits: LaneWalkLimits): LaneWalkLimits | null {
  let dueHeads = 0;
  let dueBytes = 0;
  for (const head of heads) {
    if (!head.message || head.sizeBytes > limits.maxRecordBytes) continue;
    dueHeads += 1;
    dueBytes += head.sizeBytes;
  }
  const left = {
    heads: limits.heads - heads.length,
    dueHeads: limits.dueHeads - dueHeads,
    dueBytes: limits.dueBytes - dueBytes,
    maxRecordBytes: limits.maxRecordBytes,
  };
  return left.heads > 0 && left.dueHeads > 0 && left.dueBytes > 0 ? left : null;
}
