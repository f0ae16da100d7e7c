import type { SecretBox } from '@shardline/core';
import type { Database } from '@shardline/db';
import { PublicationRefusal } from '../publication/publication-refusal';
import type { EnsureOutcome } from '../publication/publication-session';
import { SourceUnreachableError } from '../source-catalog/source-unreachable-error';
import type { SourceTableChoice } from '../source-checks/source-check-report';
import { publishSinkTables } from './publish-sink-tables';
import { type PublicationCleanup, reconcilePublication } from './reconcile-publication';
import { publicationReport, type SinkPublicationReport } from './sink-publication-report';
import { withSourcePublication } from './source-publication';

/**
 * The order every sink change follows on a source, under its publication lock:
 * 1. the tables the change needs go into the publication (and the slot is created if the
 *    source has none), so changes committed once the request returns are decoded;
 * 2. the configuration is saved (its trigger moves the source's configuration version, which
 *    the reader compares before every store);
 * 3. the publication is tidied to what the saved configuration needs (always, also when 2
 *    failed, which undoes 1).
 * With `force`, a source that cannot be reached or refuses step 1 does not stop the save: the
 * report says what was not applied, and the sink's health shows it until an engine applies it.
 */
export async function saveWithPublication<T>(
  db: Database,
  options: {
    secretBox: SecretBox;
    sourceId: string;
    /** The tables the saved configuration needs published; empty for a change that removes only. */
    tables: readonly SourceTableChoice[];
    force?: boolean;
    save(): Promise<T>;
  },
): Promise<{ saved: T; publication: SinkPublicationReport }> {
  try {
    return await withSourcePublication(db, options, async (opened) => {
      let ensured: EnsureOutcome | null = null;
      let notApplied: string | null = null;
      try {
        if (options.tables.length > 0) ensured = await publishSinkTables(db, opened, options.tables);
      } catch (error) {
        const refusal = asRefusal(error);
        if (!options.force) throw refusal;
        notApplied = refusal.message;
      }
      let cleanup: PublicationCleanup | null = null;
      let cleanupError: string | null = null;
      let saved: T;
      try {
        saved = await options.save();
      } finally {
        try {
          cleanup = await reconcilePublication(db, opened);
        } catch (error) {
          cleanupError = (error as Error).message;
        }
      }
      return { saved, publication: publicationReport({ ensured, cleanup, notApplied, cleanupError }) };
    });
  } catch (error) {
    if (!(error instanceof SourceUnreachableError) || !options.force) throw error;
    const saved = await options.save();
    return { saved, publication: publicationReport({ notApplied: error.message }) };
  }
}

function asRefusal(error: unknown): PublicationRefusal {
  return error instanceof PublicationRefusal
    ? error
    : new PublicationRefusal(`the source could not be set up for this sink: ${(error as Error).message}`, {
        cause: error,
      });
}
