import { type Database, type PublicSource, recordSlotEnsured, recordSourceEvent } from '@shardline/db';
import type pg from 'pg';
import { type EnsureOutcome, PublicationSession } from '../publication/publication-session';
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

/**
 * Opens the source's publication session and publishes `tables` (see publishSinkTables): what an
 * engine does for sinks saved without their tables published (with force, or before the table
 * existed, or by code that saves sinks directly).
 */
export async function publishSourceTables(
  db: Database,
  options: { source: PublicSource; clientConfig: pg.ClientConfig; tables: readonly SourceTableChoice[] },
): Promise<EnsureOutcome> {
  const session = await PublicationSession.open(options.clientConfig, options.source);
  try {
    return await publishSinkTables(db, { source: options.source, session }, options.tables);
  } finally {
    await session.close();
  }
}
