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
  const requestBytes = maxRequestBytes(limits);
  const groups = new Set<string>();
  let current: T[] = [];
  let bytes = 0;
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
    if (
      current.length > 0 &&
      (current.length >= MAX_RECORDS_PER_REQUEST || bytes + message.sizeBytes > requestBytes)
    ) {
      packed.requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += message.sizeBytes;
  }
  if (current.length > 0) packed.requests.push(current);
  return packed;
}

/**
 * The limits of the walk that chooses one request's heads from a lane: the request's record
 * count (no more than the shard budgets take now) and bytes. With a transform, the stored size
 * does not decide: the transformed record is judged by packRequests.
 */
export function walkLimitsFor(
  limits: PackingLimits & { headsPerWalk: number; budgetRecords: number; judgedAfterTransform: boolean },
): LaneWalkLimits {
  return {
    heads: limits.headsPerWalk,
    dueHeads: Math.max(1, Math.min(MAX_RECORDS_PER_REQUEST, limits.budgetRecords)),
    dueBytes: maxRequestBytes(limits),
    maxRecordBytes: limits.judgedAfterTransform ? Number.POSITIVE_INFINITY : limits.maxRecordBytes,
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
