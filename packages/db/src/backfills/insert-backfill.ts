import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../database';
import type { Backfill } from '../generated/prisma/client';
import type { BackfillNarrowing, BackfillTableProgress } from './backfill-tables';

/** A table to backfill, as chosen: which one, and what part of it. */
export interface BackfillTableChoice extends BackfillNarrowing {
  schema: string;
  name: string;
}

/**
 * Writes a new running backfill and its `backfill.start` audit event, inside the caller's
 * transaction (starting one from the API, or with a new sink). The partial unique index on
 * unfinished backfills refuses a second one for the sink (Prisma P2002).
 */
export async function insertBackfill(
  tx: Db,
  options: { sinkId: string; sinkName: string; tables: readonly BackfillTableChoice[]; by?: string },
): Promise<Backfill> {
  const tables = options.tables.map(toProgress);
  const createdBy = actorOf(options.by);
  const created = await tx.prisma.backfill.create({
    data: { sinkId: options.sinkId, tables: tables as object[], createdBy },
  });
  await recordAuditEvent(tx, {
    actor: createdBy,
    action: 'backfill.start',
    targetType: 'sink',
    targetId: options.sinkId,
    targetName: options.sinkName,
    details: {
      backfillId: created.id,
      tables: options.tables.map((table) => ({
        table: `${table.schema}.${table.name}`,
        ...narrowingOf(table),
      })),
    },
  });
  return created;
}

function toProgress(table: BackfillTableChoice): BackfillTableProgress {
  return {
    schema: table.schema,
    name: table.name,
    ...narrowingOf(table),
    after: null,
    done: false,
    rowsDone: 0,
    rowsEstimate: null,
  };
}

/** The narrowing with absent parts left out (progress is compared as JSON; see backfill-tables). */
function narrowingOf(table: BackfillNarrowing): BackfillNarrowing {
  const from = table.keyRange?.from?.length ? table.keyRange.from : undefined;
  const to = table.keyRange?.to?.length ? table.keyRange.to : undefined;
  return {
    ...(table.where?.trim() ? { where: table.where.trim() } : {}),
    ...(from || to ? { keyRange: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } : {}),
  };
}
