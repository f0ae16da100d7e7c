import type { LaneHead } from '@shardline/db';

export interface PlannedBatch {
  /** Heads the walk chose for one request, each the head of a different group; packRequests judges them. */
  chosen: LaneHead[];
  /** The last group looked at; the next batch starts after it. */
  cursor: string | null;
}

/**
 * Takes the heads the walk chose (the due ones that fill one request, in walk order) and finds
 * where the next walk starts: after the last head looked at before the first due one that did
 * not fit.
 */
export function planBatch(heads: LaneHead[]): PlannedBatch {
  const chosen: LaneHead[] = [];
  let cursor: string | null = null;
  for (const head of heads) {
    if (head.message && !head.chosen) break;
    cursor = head.groupKey;
    if (head.chosen) chosen.push(head);
  }
  return { chosen, cursor };
}

/** The earliest time a head that is not due yet becomes due. */
export function earliestDue(heads: LaneHead[]): Date | null {
  let earliest: Date | null = null;
  for (const head of heads) {
    if (!head.message && (earliest === null || head.nextAttemptAt < earliest)) earliest = head.nextAttemptAt;
  }
  return earliest;
}
