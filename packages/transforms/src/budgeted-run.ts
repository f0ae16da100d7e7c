import type { CompiledTransform, TransformResult } from './transform';

/** A transform's result, or `deferred`: not run, because the batch's time budget ran out first. */
export type BudgetedResult = TransformResult | { ok: 'deferred' };

/** Messages per sandbox entry while calls are quick; one at a time once a call was slow. */
const CHUNK = 25;
const QUICK_CALL_MS = 5;

export interface BudgetedRun {
  results: BudgetedResult[];
  /** The time each message took (a chunk's time shared by its messages); 0 for a deferred one. */
  durationsMs: number[];
}

/**
 * Runs `transform` on as many of `messagesJson` as fit in `budgetMs`, in order; the rest are
 * `deferred`. The first message goes alone, so a transform that is slow on every message costs one
 * call's time limit before the rest go one by one, not a whole chunk of them. `oneAtATime` sends
 * every message alone (a test timing each, or a transform that once had to be stopped mid-chunk).
 * `onChunk` is told which messages are about to run, so whoever ends a stuck call knows whose it was.
 */
export async function runWithinBudget(
  transform: CompiledTransform,
  messagesJson: readonly string[],
  budgetMs: number,
  options: { oneAtATime?: boolean; onChunk?: (first: number, count: number) => void } = {},
): Promise<BudgetedRun> {
  const startedAt = performance.now();
  const results: BudgetedResult[] = [];
  const durationsMs: number[] = [];
  let chunkSize = 1;
  while (results.length < messagesJson.length) {
    if (results.length > 0 && performance.now() - startedAt > budgetMs) {
      while (results.length < messagesJson.length) {
        results.push({ ok: 'deferred' });
        durationsMs.push(0);
      }
      break;
    }
    const chunk = messagesJson.slice(results.length, results.length + chunkSize);
    options.onChunk?.(results.length, chunk.length);
    const chunkStartedAt = performance.now();
    results.push(...(await transform.runBatch(chunk)));
    const perMessageMs = (performance.now() - chunkStartedAt) / chunk.length;
    for (const _ of chunk) durationsMs.push(perMessageMs);
    chunkSize = !options.oneAtATime && perMessageMs < QUICK_CALL_MS ? CHUNK : 1;
  }
  return { results, durationsMs };
}
