import { createHash } from 'node:crypto';
import { type Database, recordSourceEvent } from '@shardline/db';
import type { FilterResult } from '@shardline/transforms';
import type { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';

export interface FilterOutcome<T> {
  kept: T[];
  /** Messages the filter returned false for: counted on the sink, never stored. */
  filteredOut: number;
}

export interface FilteredSink {
  sinkId: string;
  sinkName: string;
  filterSource: string | null;
}

const PROBLEMS_REPORTED = 3;
const WARNING_INTERVAL_MS = 60_000;

/**
 * Each sink's filter function, run on the capture's worker threads (compiled there once per
 * version of its text). A filter that fails to compile or to answer keeps the message: a broken
 * filter must never lose a change.
 */
export class SinkFilters {
  /** The runner's key of each sink's current filter text, to free it when the text changes. */
  readonly #keys = new Map<string, string>();
  readonly #warnedAt = new Map<string, number>();

  constructor(
    private readonly context: { db: Database; sourceId: string; logger: Logger; runner: TransformRunner },
  ) {}

  async apply<T extends { payload: string }>(sink: FilteredSink, messages: T[]): Promise<FilterOutcome<T>> {
    if (!sink.filterSource || messages.length === 0) return { kept: messages, filteredOut: 0 };
    const decided = await this.#decide(sink.sinkId, sink.filterSource, messages);
    if (typeof decided === 'string') {
      await this.#report(sink, [decided]);
      return { kept: messages, filteredOut: 0 };
    }
    const kept: T[] = [];
    const problems: string[] = [];
    let filteredOut = 0;
    messages.forEach((message, index) => {
      const result = decided[index];
      if (result?.ok && !result.keep) {
        filteredOut += 1;
        return;
      }
      if (result && !result.ok && problems.length < PROBLEMS_REPORTED) problems.push(result.error);
      kept.push(message);
    });
    if (problems.length > 0) await this.#report(sink, problems);
    return { kept, filteredOut };
  }

  /**
   * The filter's answer for each message, or why it does not compile. No time budget: every
   * message needs its answer now. Messages a stopped call left undecided (its thread ended) go
   * again; each round decides at least the message that was stuck.
   */
  async #decide(
    sinkId: string,
    source: string,
    messages: ReadonlyArray<{ payload: string }>,
  ): Promise<FilterResult[] | string> {
    const key = this.#keyOf(sinkId, source);
    const results: FilterResult[] = new Array(messages.length);
    let pending = messages.map((_, index) => index);
    for (let round = 0; pending.length > 0 && round <= messages.length; round++) {
      const outcome = await this.context.runner.run(
        key,
        { kind: 'code', source },
        pending.map((index) => (messages[index] as { payload: string }).payload),
        Number.POSITIVE_INFINITY,
        { role: 'filter' },
      );
      if (!outcome.ok) return `the filter does not compile: ${outcome.compileError}`;
      const undecided: number[] = [];
      outcome.results.forEach((result, position) => {
        const index = pending[position] as number;
        if (result.ok === 'deferred') undecided.push(index);
        else results[index] = result.ok ? { ok: true, keep: result.payloadJson === 'true' } : result;
      });
      pending = undecided;
    }
    for (const index of pending) results[index] = { ok: false, error: 'the filter gave no answer' };
    return results;
  }

  #keyOf(sinkId: string, source: string): string {
    const key = `filter:${sinkId}:${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
    const previous = this.#keys.get(sinkId);
    if (previous !== key) {
      if (previous) this.context.runner.forget(previous);
      this.#keys.set(sinkId, key);
    }
    return key;
  }

  /** Logged each time; said on the source (where the console shows it) at most once a minute per sink. */
  async #report(sink: FilteredSink, problems: string[]): Promise<void> {
    const { db, sourceId, logger } = this.context;
    logger.warn(
      { sourceId, sinkId: sink.sinkId, sink: sink.sinkName, problems },
      'the filter could not decide; changes kept',
    );
    if (Date.now() - (this.#warnedAt.get(sink.sinkId) ?? 0) < WARNING_INTERVAL_MS) return;
    this.#warnedAt.set(sink.sinkId, Date.now());
    await recordSourceEvent(db, {
      sourceId,
      level: 'warning',
      message: `The filter of sink "${sink.sinkName}" could not decide on some changes, which were kept and will be sent: ${problems.join(' | ')}`,
    });
  }

  /** Frees the compiled filters on the runner's threads. */
  dispose(): void {
    for (const key of this.#keys.values()) this.context.runner.forget(key);
    this.#keys.clear();
  }
}
