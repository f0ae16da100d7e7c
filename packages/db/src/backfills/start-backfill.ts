import { NotFoundError, ValidationError } from '@shardline/core';
import { z } from 'zod';
import type { Database } from '../database';
import { tableKey } from '../sinks/sink-route';
import { parseOrThrow } from '../validation';
import type { BackfillTableProgress } from './backfill-tables';
import { type PublicBackfill, toPublicBackfill } from './public-backfill';

const startBackfillSchema = z.object({
  sinkId: z.uuid('sinkId must be a sink id (a UUID)'),
  /** A subset of the sink's tables, read in the order given; all of them when absent. */
  tables: z
    .array(z.object({ schema: z.string().trim().min(1).default('public'), name: z.string().trim().min(1) }))
    .min(1, "choose at least one table, or leave tables out to backfill all of the sink's tables")
    .optional(),
});
export type StartBackfillInput = z.input<typeof startBackfillSchema>;

/**
 * Starts sending the existing rows of a sink's tables as `read` messages. The engine that reads
 * the sink's source picks it up within a second or so. Refused while the sink has another
 * backfill running or paused.
 */
export async function startBackfill(db: Database, input: StartBackfillInput): Promise<PublicBackfill> {
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
  const keys = chosen ? chosen.map((table) => tableKey(table.schema, table.name)) : sinkTables;
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

  const tables: BackfillTableProgress[] = (chosen ?? sink.tables.map(toChoice)).map((table) => ({
    schema: table.schema,
    name: table.name,
    after: null,
    done: false,
    rowsDone: 0,
    rowsEstimate: null,
  }));
  try {
    const created = await db.prisma.backfill.create({ data: { sinkId, tables: tables as object[] } });
    return toPublicBackfill(created);
  } catch (error) {
    // The partial unique index is the real guard: two starts at once cannot both succeed.
    if ((error as { code?: string }).code !== 'P2002') throw error;
    await refuseUnfinished(db, sinkId, sink.name);
    throw error;
  }
}

async function refuseUnfinished(db: Database, sinkId: string, sinkName: string): Promise<void> {
  const unfinished = await db.prisma.backfill.findFirst({
    where: { sinkId, state: { in: ['running', 'paused'] } },
    select: { id: true, state: true },
  });
  if (unfinished) {
    throw new ValidationError(
      `the sink "${sinkName}" already has a ${unfinished.state} backfill (${unfinished.id}): ` +
        'cancel it, or wait for it to finish, before starting another',
      'sinkId',
    );
  }
}

function toChoice(table: { tableSchema: string; tableName: string }) {
  return { schema: table.tableSchema, name: table.tableName };
}
