import type { CompiledTransform, TransformResult } from './transform';

/** A transform's result, or `deferred`: not run, because the batch's time budget ran out first. */
export type BudgetedResult = TransformResult | { ok: 'deferred' };

/** Messages per sandbox entry while calls are quick; one at a time once a call was slow. */
const CHUNK = 25;
const QUICK_CALL_MS = 5;

/**
 * Runs `transform` on as many of `messagesJson` as fit in `budgetMs`, in order; the rest are
 * `deferred`. The first message goes alone, so a transform that is slow on every message costs one
 * call's time limit before the rest go one by one, not a whole chunk of them.
 */
export function runWithinBudget(
  transform: CompiledTransform,
  messagesJson: readonly string[],
  budgetMs: number,
): BudgetedResult[] {
  const startedAt = performance.now();
  const results: BudgetedResult[] = [];
  let chunkSize = 1;
  while (results.length < messagesJson.length) {
    if (results.length > 0 && performance.now() - startedAt > budgetMs) {
      while (results.length < messagesJson.length) results.push({ ok: 'deferred' });
      break;
    }
    const chunk = messagesJson.slice(results.length, results.length + chunkSize);
    const chunkStartedAt = performance.now();
    results.push(...transform.runBatch(chunk));
    chunkSize = (performance.now() - chunkStartedAt) / chunk.length < QUICK_CALL_MS ? CHUNK : 1;
  }
  return results;
}
