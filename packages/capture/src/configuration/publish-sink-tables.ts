import { type Database, recordSlotEnsured, recordSourceEvent } from '@shardline/db';
import type { EnsureOutcome } from '../publication/publication-session';
import type { SourceTableChoice } from '../source-checks/source-check-report';
import type { OpenedSourcePublication } from './source-publication';

/**
 * Puts a sink's tables in its source's publication (creating the publication and the slot when
 * the source has none yet), before the sink's configuration is saved: once the request that
 * saves it returns, every change committed on those tables is decoded for the reader.
 */
export async function publishSinkTables(
  db: Database,
  opened: OpenedSourcePublication,
  tables: readonly SourceTableChoice[],
): Promise<EnsureOutcome> {
  const outcome = await opened.session.ensure(tables, { addMissingTables: true });
  const { ensuredBefore } = await recordSlotEnsured(db, {
    sourceId: opened.source.id,
    publicationCreated: outcome.publicationCreated,
  });
  if (outcome.slotCreated && ensuredBefore) await reportSlotRecreated(db, opened);
  return outcome;
}

/** The slot Shardline had made was gone: what was committed while it was missing was not read. */
export async function reportSlotRecreated(db: Database, { source }: OpenedSourcePublication): Promise<void> {
  await recordSourceEvent(db, {
    sourceId: source.id,
    level: 'warning',
    message:
      `The replication slot "${source.slotName}" had been dropped on the source and was created again: ` +
      'changes committed while it was missing were not captured. Start a backfill of the affected sinks to send the current rows.',
  });
}
