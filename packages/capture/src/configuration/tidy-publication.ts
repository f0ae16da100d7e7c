import type { SecretBox } from '@shardline/core';
import type { Database } from '@shardline/db';
import { reconcilePublication } from './reconcile-publication';
import { publicationReport, type SinkPublicationReport } from './sink-publication-report';
import { withSourcePublication } from './source-publication';

/**
 * After a sink left a source (deleted, or moved to another): the source's publication and slot
 * follow the sinks it has now. The sink's change is saved already, so a source that cannot be
 * reached only leaves a table (or a slot) behind: the report says so, never an error.
 */
export async function tidyPublication(
  db: Database,
  options: { secretBox: SecretBox; sourceId: string },
): Promise<SinkPublicationReport> {
  try {
    const cleanup = await withSourcePublication(db, options, (opened) => reconcilePublication(db, opened));
    return publicationReport({ cleanup });
  } catch (error) {
    return publicationReport({ cleanupError: (error as Error).message });
  }
}
