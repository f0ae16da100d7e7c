/** A record the stream took, as the simulated stream keeps it. */
export interface TakenRecord {
  shardId: string;
  data: string;
  /** performance.now() when it was taken. */
  at: number;
}

/**
 * When each message first reached the stream, per shard: a message taken again (a retry after a
 * lost answer) used the stream's capacity but delivered nothing new, so it is counted once.
 */
export function firstTakes(records: readonly TakenRecord[]): { at: number; shardId: string }[] {
  const seen = new Set<string>();
  const first: { at: number; shardId: string }[] = [];
  for (const record of records) {
    if (seen.has(record.data)) continue;
    seen.add(record.data);
    first.push({ at: record.at, shardId: record.shardId });
  }
  return first;
}

/**
 * Events a second in each whole window of `windowMs` from `from` until `to`; a last window cut
 * short by `to` is left out (its rate would mix two regimes on a shorter base).
 */
export function windowRates(times: readonly number[], from: number, to: number, windowMs: number): number[] {
  const windows = Math.max(0, Math.floor((to - from) / windowMs));
  const counts = new Array<number>(windows).fill(0);
  for (const at of times) {
    const index = Math.floor((at - from) / windowMs);
    if (index >= 0 && index < windows) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count) => count / (windowMs / 1000));
}
