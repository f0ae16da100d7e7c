import { ConflictError, type SecretBox } from '@shardline/core';
import { countMessages, type Database, deleteSink, getSinkSourceTables } from '@shardline/db';
import { saveWithPublication } from './save-with-publication';
import type { SinkPublicationReport } from './sink-publication-report';

/** Messages a sink still had to deliver when someone asked to delete it. */
export class SinkHasWaitingMessagesError extends ConflictError {
  constructor(
    readonly sinkName: string,
    readonly pending: number,
    readonly failing: number,
  ) {
    super(
      `the sink "${sinkName}" still has ${pending} pending and ${failing} failing message(s): deleting it deletes them undelivered. ` +
        'Confirm to delete anyway (force=true), or wait until they are delivered',
    );
  }
}

/**
 * Deletes a sink with its messages. Refused while it has messages waiting (pending or failing)
 * unless `force`: they would be deleted undelivered. Changes committed once this returns are not
 * stored for it; the tables no sink takes any more leave the source's publication, and a source
 * with no sink left has its slot dropped (saveWithPublication). A source that cannot be reached
 * does not stop the deletion: the report says what is left behind there.
 */
export async function deleteSinkAndUnpublish(
  db: Database,
  options: { secretBox: SecretBox; sinkId: string; by?: string; force?: boolean },
): Promise<{ publication: SinkPublicationReport | null }> {
  const current = await getSinkSourceTables(db, { sinkId: options.sinkId });
  if (current && !options.force) {
    const counts = await countMessages(db, { sinkId: options.sinkId });
    if (counts.pending + counts.failing > 0)
      throw new SinkHasWaitingMessagesError(current.name, counts.pending, counts.failing);
  }
  const remove = (sourcePositions?: Record<string, bigint>) =>
    deleteSink(db, { sinkId: options.sinkId, by: options.by, sourcePositions });
  if (!current?.sourceId) {
    await remove();
    return { publication: null };
  }
  const { publication } = await saveWithPublication(db, {
    secretBox: options.secretBox,
    sourceId: current.sourceId,
    tables: [],
    publishes: false,
    save: remove,
  });
  return { publication };
}
