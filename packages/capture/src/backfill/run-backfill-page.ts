import {
  type BackfillTableProgress,
  type Database,
  type RunningBackfill,
  type SourceSinkRoute,
  storeBackfillPage,
  tableKey,
} from '@shardline/db';
import type { SinkFilters } from '../filters/sink-filters';
import { buildMessage } from '../reader/build-message';
import { BackfillRefusal } from './backfill-refusal';
import type { BackfillSource } from './backfill-source';
import { estimateRows } from './estimate-rows';
import { readLockedPage } from './read-page';

export interface BackfillPageOutcome {
  /** False when the backfill changed meanwhile (paused, cancelled, or another engine got there first). */
  stored: boolean;
  rows: number;
  /** Messages stored: the page's rows less those the sink's filter dropped (0 when not stored). */
  messages: number;
  /** The page finished the backfill's last table. */
  finished: boolean;
}

/**
 * One page of a backfill: reads the next rows of its current table (locked), stores them as
 * `read` messages together with the progress past them, and only then releases the locks.
 *
 * Releasing after storing is what keeps a read ahead of any later change of its row: a writer
 * of those rows waits for the locks, so its change commits, reaches the reader and is stored
 * after the read is stored, at a higher position; delivery sends a group's messages in position
 * order, only after the earlier ones went through, so the read reaches Kinesis first.
 */
export async function runBackfillPage(
  context: {
    db: Database;
    source: BackfillSource;
    publicationName: string;
    pageSize: number;
    filters: SinkFilters;
  },
  backfill: RunningBackfill,
  sink: SourceSinkRoute,
): Promise<BackfillPageOutcome> {
  const { db, source, pageSize } = context;
  const next = backfill.tables.map((table) => ({ ...table }));
  const current = next.find((table) => !table.done);
  await refreshEstimates(source, next, current, context.publicationName);
  const store = (messages: Parameters<typeof storeBackfillPage>[1]['messages'], filteredCount = 0) =>
    storeBackfillPage(db, {
      backfillId: backfill.id,
      sinkId: backfill.sinkId,
      expected: backfill.tables,
      next,
      messages,
      filteredCount,
    });
  if (!current) return { stored: await store([]), rows: 0, messages: 0, finished: true };

  const label = tableKey(current.schema, current.name);
  const route = sink.tables.get(label);
  if (!route) throw new BackfillRefusal(`the sink no longer takes table ${label}: start a new backfill`);
  const page = await readLockedPage(
    source,
    { ...current, publicationName: context.publicationName },
    pageSize,
  ).catch((error: unknown) => {
    throw conditionRefusal(error, current) ?? error;
  });
  try {
    const built = page.rows.map((row, index) =>
      buildMessage(
        { action: 'read', relation: page.relation, newRow: row.record, oldRow: null },
        { commitLsn: page.lsn, commitIdx: index, commitTimestamp: page.readAt, backfillId: backfill.id },
        { databaseName: source.databaseName, sink, table: route },
      ),
    );
    current.after = page.cursor;
    current.rowsDone += page.rows.length;
    if (page.complete) {
      current.done = true;
      current.rowsEstimate = current.rowsDone;
    }
    // A backfill's reads pass the sink's filter like live changes do.
    const filtered = await context.filters.apply(
      sink,
      built.map((message) => ({ message, payload: JSON.stringify(message.payload) })),
    );
    const stored = await store(
      filtered.kept.map((candidate) => candidate.message),
      filtered.filteredOut,
    );
    await page.release();
    return {
      stored,
      rows: page.rows.length,
      messages: stored ? filtered.kept.length : 0,
      finished: next.every((table) => table.done),
    };
  } catch (error) {
    await page.abandon().catch(() => {});
    throw error;
  }
}

/** Estimates tables never estimated, and the current one again as it starts (it may have grown). */
async function refreshEstimates(
  source: BackfillSource,
  tables: BackfillTableProgress[],
  current: BackfillTableProgress | undefined,
  publicationName: string,
): Promise<void> {
  for (const table of tables) {
    const starting = table === current && table.after === null;
    if (!table.done && (table.rowsEstimate === null || starting)) {
      const estimate = await estimateRows(source, { ...table, publicationName }).catch((error: unknown) => {
        throw conditionRefusal(error, table) ?? error;
      });
      table.rowsEstimate = estimate ?? 0;
    }
  }
}

/**
 * A table's condition that Postgres no longer accepts (a column it names was dropped or changed
 * type) or that fails on some row (a division by zero, a bad cast): trying again reads the same
 * rows and fails the same way, so the backfill fails with Postgres' message.
 */
function conditionRefusal(error: unknown, table: BackfillTableProgress): BackfillRefusal | null {
  const code = (error as { code?: string }).code ?? '';
  // Not a missing privilege (42501): asRefusal says what to grant.
  const fromCondition = (code.startsWith('42') && code !== '42501') || code.startsWith('22');
  if (table.where === undefined || !fromCondition) return null;
  return new BackfillRefusal(
    `the condition on ${table.schema}.${table.name} (${table.where}) fails on the source: ${(error as Error).message}. Start a new backfill with a condition that works.`,
  );
}
