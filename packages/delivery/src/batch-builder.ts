import type { LaneHead } from '@shardline/db';

export interface PlannedBatch {
  /** Heads to send, in one request. Each is the head of a different group. */
  send: LaneHead[];
  /** Heads over the record size limit: failed at once, never sent. */
  tooLarge: LaneHead[];
  /** The last group looked at; the next batch starts after it. */
  cursor: string | null;
}

/**
 * Splits the heads the walk chose (the due ones that fill one request, in walk order) into those
 * to send and those too large to, and finds where the next walk starts: after the last head
 * looked at before the first due one that did not fit.
 */
export function planBatch(heads: LaneHead[], maxRecordBytes: number): PlannedBatch {
  const send: LaneHead[] = [];
  const tooLarge: LaneHead[] = [];
  let cursor: string | null = null;
  for (const head of heads) {
    if (head.message && !head.chosen) break;
    cursor = head.groupKey;
    if (!head.chosen) continue;
    if (head.sizeBytes > maxRecordBytes) tooLarge.push(head);
    else send.push(head);
  }
  return { send, tooLarge, cursor };
}

/** The earliest time a head that is not due yet becomes due. */
export function earliestDue(heads: LaneHead[]): Date | null {
  let earliest: Date | null = null;
  for (const head of heads) {
    if (!head.message && (earliest === null || head.nextAttemptAt < earliest)) earliest = head.nextAttemptAt;
  }
  return earliest;
}
