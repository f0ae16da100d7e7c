import { dropSlotAndPublication } from '@shardline/capture';
import type { SourceConnection } from '@shardline/db';

/** What deleting a source did on its database. `error` says what is left to drop by hand. */
export interface SourceDatabaseCleanup {
  slotDropped: boolean;
  publicationDropped: boolean;
  error: string | null;
}

/**
 * Drops a deleted source's replication slot (a slot nobody reads makes the server keep WAL for
 * ever, until its disk fills) and its publication. The source is gone either way: when its
 * database cannot be reached, the answer tells what to run there.
 */
export async function cleanUpSourceDatabase(
  clientConfig: SourceConnection['clientConfig'],
  source: { publicationName: string; slotName: string },
): Promise<SourceDatabaseCleanup> {
  try {
    return { ...(await dropSlotAndPublication(clientConfig, source)), error: null };
  } catch (error) {
    return {
      slotDropped: false,
      publicationDropped: false,
      error:
        `The source is deleted, but its replication slot and publication could not be dropped ` +
        `(${(error as Error).message}). Until the slot is dropped the source database keeps WAL for it: ` +
        `run there SELECT pg_drop_replication_slot('${source.slotName}'); DROP PUBLICATION IF EXISTS ${source.publicationName};`,
    };
  }
}
