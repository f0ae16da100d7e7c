import { ConflictError, NotFoundError, ValidationError } from '@shardline/core';
import { z } from 'zod';
import { type Db, inTransaction } from '../database';
import { tableKey } from '../sinks/sink-route';
import { parseOrThrow } from '../validation';
import { isNarrowed } from './backfill-tables';
import { type BackfillTableChoice, insertBackfill } from './insert-backfill';
import { type PublicBackfill, toPublicBackfill } from './public-backfill';

const keyValues = z
  .array(z.string().max(1_000, 'a key value must be at most 1000 characters'))
  .max(32, 'a primary key has at most 32 columns')
  .nullish();

/** One table to backfill, and optionally what part of it (see BackfillNarrowing). */
export const backfillTableInputSchema = z.object({
  schema: z.string().trim().min(1).max(63).default('public'),
  name: z.string().trim().min(1).max(63),
  /** A boolean SQL expression over the table's columns; empty or left out: every row. */
  where: z
    .string()
    .max(4_000, 'the condition must be at most 4000 characters')
    .nullish()
    .transform((value) => (value?.trim() ? value.trim() : undefined)),
  /** Inclusive primary key bounds, values as text in key-column order. */
  keyRange: z
    .object({ from: keyValues, to: keyValues })
    .nullish()
    .transform((range) =>
      range?.from?.length || range?.to?.length
        ? {
            ...(range.from?.length ? { from: range.from } : {}),
            ...(range.to?.length ? { to: range.to } : {}),
          }
        : undefined,
    ),
});

/** What the API takes to start a backfill of a sink. */
export const startBackfillBodySchema = z.object({
  /** A subset of the sink's tables, read in the order given; all of them when absent. */
  tables: z
    .array(backfillTableInputSchema)
    .min(1, "choose at least one table, or leave tables out to backfill all of the sink's tables")
    .optional(),
});

const startBackfillSchema = startBackfillBodySchema.extend({
  sinkId: z.uuid('sinkId must be a sink id (a UUID)'),
});
export type StartBackfillInput = z.input<typeof startBackfillSchema>;

/** A narrowed table to check on the source before the backfill is saved; `index` is its place in `tables`. */
export type NarrowedTable = BackfillTableChoice & { index: number };

export interface StartBackfillOptions {
  /** Recorded as who started it, and in the audit trail. */
  by?: string;
  /**
   * Checks the conditions and key ranges against the source (they need its connection, which
   * this package does not open), after the sink's own rules held and before anything is saved.
   * Throws a ValidationError naming the table. Without it, narrowings are saved as given.
   */
  checkNarrowing?: (check: { sourceId: string; tables: NarrowedTable[] }) => Promise<void>;
}

/**
 * Starts sending the existing rows of a sink's tables as `read` messages. The engine that reads
 * the sink's source picks it up within a second or so. Refused while the sink has another
 * backfill running or paused.
 */
export async function startBackfill(
  db: Db,
  input: StartBackfillInput,
  options: StartBackfillOptions = {},
): Promise<PublicBackfill> {
  const { sinkId, tables: chosen } = parseOrThrow(startBackfillSchema, input);
  const sink = await db.prisma.sink.findUnique({
    where: { id: sinkId },
    include: { tables: { orderBy: [{ tableSchema: 'asc' }, { tableName: 'asc' }] } },
  });
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);
  if (!sink.sourceId) {
    throw new ValidationError(
      `the sink "${sink.name}" has no source: its messages only come through the store's ingest, so there are no tables to backfill`,
      'sinkId',
    );
  }
  const sinkTables = sink.tables.map((table) => tableKey(table.tableSchema, table.tableName));
  const tables: BackfillTableChoice[] = chosen ?? sink.tables.map(toChoice);
  const keys = tables.map((table) => tableKey(table.schema, table.name));
  for (const [index, key] of keys.entries()) {
    if (!sinkTables.includes(key)) {
      throw new ValidationError(
        `the sink "${sink.name}" does not take table ${key} (its tables: ${sinkTables.join(', ')})`,
        `tables.${index}`,
      );
    }
    if (keys.indexOf(key) !== index)
      throw new ValidationError(`table ${key} is listed twice`, `tables.${index}`);
  }
  await refuseUnfinished(db, sinkId, sink.name);
  const narrowed = tables.map((table, index) => ({ ...table, index })).filter(isNarrowed);
  if (narrowed.length > 0) await options.checkNarrowing?.({ sourceId: sink.sourceId, tables: narrowed });

  try {
    const created = await inTransaction(db, (tx) =>
      insertBackfill(tx, { sinkId, sinkName: sink.name, tables, by: options.by }),
    );
    return toPublicBackfill(created);
  } catch (error) {
    // The partial unique index is the real guard: two starts at once cannot both succeed.
    if ((error as { code?: string }).code !== 'P2002') throw error;
    await refuseUnfinished(db, sinkId, sink.name);
    throw error;
  }
}

async function refuseUnfinished(db: Db, sinkId: string, sinkName: string): Promise<void> {
  const unfinished = await db.prisma.backfill.findFirst({
    where: { sinkId, state: { in: ['running', 'paused'] } },
    select: { id: true, state: true },
  });
  if (unfinished) {
    throw new ConflictError(
      `the sink "${sinkName}" already has a ${unfinished.state} backfill (${unfinished.id}): ` +
        'cancel it, or wait for it to finish, before starting another',
      'sinkId',
    );
  }
}

function toChoice(table: { tableSchema: string; tableName: string }): BackfillTableChoice {
  return { schema: table.tableSchema, name: table.tableName };
}
