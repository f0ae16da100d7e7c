import type { LaneHead } from '@shardline/db';

export interface BatchLimits {
  maxRecords: number;
  maxRequestBytes: number;
  maxRecordBytes: number;
}

export interface PlannedBatch {
  /** Heads to send, in one request. Each is the head of a different group. */
  send: LaneHead[];
  /** Heads over the record size limit: failed at once, never sent. */
  tooLarge: LaneHead[];
  /** The last group looked at; the next batch starts after it. */
  cursor: string | null;
}

/**
 * Picks due heads, in walk order, into one PutRecords request within the record count and
 * request size limits. Heads are one per group, so a request never holds two of one group.
 */
export function planBatch(heads: LaneHead[], limits: BatchLimits): PlannedBatch {
  const send: LaneHead[] = [];
  const tooLarge: LaneHead[] = [];
  let bytes = 0;
  let cursor: string | null = null;
  for (const head of heads) {
    if (!head.due) {
      cursor = head.groupKey;
      continue;
    }
    if (head.sizeBytes > limits.maxRecordBytes) {
      tooLarge.push(head);
      cursor = head.groupKey;
      continue;
    }
    // A head larger than a whole request still goes, alone: a transform may shrink it, and if
    // it does not, it fails as too large instead of stopping its lane.
    if (
      send.length > 0 &&
      (send.length >= limits.maxRecords || bytes + head.sizeBytes > limits.maxRequestBytes)
    )
      break;
    send.push(head);
    bytes += head.sizeBytes;
    cursor = head.groupKey;
  }
  return { send, tooLarge, cursor };
}

/** The earliest time a head that is not due yet becomes due. */
export function earliestDue(heads: LaneHead[]): Date | null {
  let earliest: Date | null = null;
  for (const head of heads) {
    if (!head.due && (earliest === null || head.nextAttemptAt < earliest)) earliest = head.nextAttemptAt;
  }
  return earliest;
}
