import { type Database, recordSourceEvent } from '@shardline/db';
import { type CompiledFilter, compileFilter } from '@shardline/transforms';
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
 * Each sink's filter function, compiled once per version of its text. A filter that fails to
 * compile or to answer keeps the message: a broken filter must never lose a change.
 */
export class SinkFilters {
  readonly #compiled = new Map<string, { source: string; filter: CompiledFilter | string }>();
  readonly #warnedAt = new Map<string, number>();

  constructor(private readonly context: { db: Database; sourceId: string; logger: Logger }) {}

  async apply<T extends { payload: string }>(sink: FilteredSink, messages: T[]): Promise<FilterOutcome<T>> {
    if (!sink.filterSource || messages.length === 0) return { kept: messages, filteredOut: 0 };
    const filter = await this.#filterOf(sink.sinkId, sink.filterSource);
    if (typeof filter === 'string') {
      await this.#report(sink, [filter]);
      return { kept: messages, filteredOut: 0 };
    }
    const results = await filter.runBatch(messages.map((message) => message.payload));
    const kept: T[] = [];
    const problems: string[] = [];
    let filteredOut = 0;
    messages.forEach((message, index) => {
      const result = results[index];
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

  async #filterOf(sinkId: string, source: string): Promise<CompiledFilter | string> {
    const cached = this.#compiled.get(sinkId);
    if (cached?.source === source) return cached.filter;
    if (cached && typeof cached.filter !== 'string') cached.filter.dispose();
    const compiled = await compileFilter(source);
    const filter = compiled.ok ? compiled.filter : `the filter does not compile: ${compiled.error}`;
    this.#compiled.set(sinkId, { source, filter });
    return filter;
  }

  dispose(): void {
    for (const { filter } of this.#compiled.values()) if (typeof filter !== 'string') filter.dispose();
    this.#compiled.clear();
  }
}
