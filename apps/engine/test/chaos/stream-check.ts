import type { WriterCommit } from './steady-writer';

/** A record as read back from the stream, in stream order within its shard. */
export interface ReadRecord {
  partitionKey: string;
  data: string;
  /** When the stream accepted it, in ms since the epoch. */
  arrivedAt: number;
}

export interface StreamCheck {
  /** Changes committed in the source. */
  committed: number;
  /** Distinct committed changes found in the stream. */
  delivered: number;
  /** Committed changes not in the stream. Must be 0. */
  missing: number;
  /**
   * First appearances of a change that came after a later change of its group. Must be 0: a
   * consumer that skips keys it has seen must see every group's changes in commit order.
   */
  outOfOrder: number;
  /** Records repeating a change already in the stream (same idempotency key): at-least-once delivery. */
  duplicates: number;
  /** Of those, repeats that came after a later change of their group (a consumer's dedupe drops them). */
  duplicatesAfterLater: number;
  /**
   * A change sent under two idempotency keys (its position was not the same when it was read
   * again). Must be 0: consumers could not dedupe it.
   */
  twoKeys: number;
  /** Records of no committed change, or whose partition key is not their group. Must be 0. */
  unexpected: number;
  /** When each change first arrived, by `group:seq`. */
  firstArrival: Map<string, number>;
}

interface ChaosPayload {
  record: { id: number; seq: number };
  metadata: { idempotency_key: string };
}

/**
 * Checks what the stream holds against what the source committed, given as each group's last
 * `seq` (its changes are 1..last, see steady-writer.ts). Records are taken in stream order:
 * within a shard by sequence number, and a group lives in one shard.
 */
export function checkStream(records: ReadRecord[], lastSeqByGroup: Map<number, number>): StreamCheck {
  const groups = new Map<number, { keyBySeq: Map<number, string>; highest: number }>();
  const firstArrival = new Map<string, number>();
  let outOfOrder = 0;
  let duplicates = 0;
  let duplicatesAfterLater = 0;
  let twoKeys = 0;
  let unexpected = 0;

  for (const record of records) {
    const payload = JSON.parse(record.data) as ChaosPayload;
    const { id: group, seq } = payload.record;
    const key = payload.metadata.idempotency_key;
    const last = lastSeqByGroup.get(group);
    if (last === undefined || seq < 1 || seq > last || record.partitionKey !== String(group)) {
      unexpected++;
      continue;
    }
    let state = groups.get(group);
    if (!state) {
      state = { keyBySeq: new Map(), highest: 0 };
      groups.set(group, state);
    }
    const seenKey = state.keyBySeq.get(seq);
    if (seenKey !== undefined) {
      if (seenKey === key) {
        duplicates++;
        if (seq < state.highest) duplicatesAfterLater++;
      } else twoKeys++;
      continue;
    }
    state.keyBySeq.set(seq, key);
    firstArrival.set(`${group}:${seq}`, record.arrivedAt);
    if (seq < state.highest) outOfOrder++;
    else state.highest = seq;
  }

  let committed = 0;
  let delivered = 0;
  for (const [group, last] of lastSeqByGroup) {
    committed += last;
    delivered += groups.get(group)?.keyBySeq.size ?? 0;
  }
  return {
    committed,
    delivered,
    missing: committed - delivered,
    outOfOrder,
    duplicates,
    duplicatesAfterLater,
    twoKeys,
    unexpected,
    firstArrival,
  };
}

/**
 * From `since` (the fault ended) until every change the writer saw committed before then, and
 * the first transaction it committed after, was in the stream, in seconds (0 if they all were already; NaN when one never arrived), and how
 * many of those changes were still to arrive at `since`: the backlog the fault left.
 */
export function recoveryAfter(
  commits: WriterCommit[],
  firstArrival: Map<string, number>,
  since: number,
): { seconds: number; backlog: number } {
  let latest = since;
  let backlog = 0;
  for (const commit of commits) {
    const after = commit.at > since;
    for (const change of commit.changes) {
      const arrived = firstArrival.get(`${change.group}:${change.seq}`);
      if (arrived === undefined || Number.isNaN(arrived)) return { seconds: Number.NaN, backlog: Number.NaN };
      if (arrived > since && !after) backlog++;
      latest = Math.max(latest, arrived);
    }
    // The first transaction committed after the fault: flowing again, not only the backlog drained.
    if (after) break;
  }
  return { seconds: (latest - since) / 1000, backlog };
}
