import type { Db } from '../database';
import { type BackfillTableProgress, parseBackfillTables } from './backfill-tables';

/** What the engine needs to read a backfill's next page. */
export interface RunningBackfill {
  id: string;
  sinkId: string;
  tables: BackfillTableProgress[];
}

/** The running backfills of a source's sinks, oldest first: the engine reading the source runs them. */
export async function listRunningBackfills(
  db: Db,
  options: { sourceId: string },
): Promise<RunningBackfill[]> {
  const rows = await db.prisma.backfill.findMany({
    where: { state: 'running', sink: { sourceId: options.sourceId } },
    select: { id: true, sinkId: true, tables: true },
    orderBy: { startedAt: 'asc' },
  });
  return rows.map((row) => ({ id: row.id, sinkId: row.sinkId, tables: parseBackfillTables(row.tables) }));
}
