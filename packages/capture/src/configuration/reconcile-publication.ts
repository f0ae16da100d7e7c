import { type Database, isPublicationManaged, listSourceSinkTables, recordSlotDropped } from '@shardline/db';
import type { OpenedSourcePublication } from './source-publication';

/** What reconciling did on the source. */
export interface PublicationCleanup {
  /** `schema.name` of the tables removed from the publication: no sink takes them any more. */
  tablesRemoved: string[];
  /** The source has no sink left: its slot was dropped, so it keeps no WAL. */
  slotDropped: boolean;
  publicationDropped: boolean;
}

// The reader of a source whose last sink went stops within the capture supervisor's poll (2 s).
const READER_RELEASE_WAIT_MS = 10_000;

/**
 * Brings the source's publication and slot in line with the sinks saved now (call it under the
 * publication lock, after the configuration is committed): a table no sink takes leaves a
 * publication Shardline created, and a source with no sink left has its slot dropped (and that
 * publication too), so it never keeps WAL for nobody. A publication someone else created keeps
 * its tables: it may serve other subscribers.
 */
export async function reconcilePublication(
  db: Database,
  { source, session }: OpenedSourcePublication,
): Promise<PublicationCleanup> {
  const tables = await listSourceSinkTables(db, { sourceId: source.id });
  const managed = await isPublicationManaged(db, { sourceId: source.id });
  if (tables.length === 0) {
    const dropped = await session.dropSlotAndPublication({
      dropPublication: managed,
      releaseWaitMs: READER_RELEASE_WAIT_MS,
    });
    await recordSlotDropped(db, { sourceId: source.id, publicationDropped: dropped.publicationDropped });
    return { tablesRemoved: [], ...dropped };
  }
  const tablesRemoved = managed ? await session.removeTablesExcept(tables) : [];
  return { tablesRemoved, slotDropped: false, publicationDropped: false };
}
