import type { SecretBox } from '@shardline/core';
import type { Database, SourcePositions } from '@shardline/db';
import { PublicationRefusal } from '../publication/publication-refusal';
import type { EnsureOutcome } from '../publication/publication-session';
import { SourceUnreachableError } from '../source-catalog/source-unreachable-error';
import type { SourceTableChoice } from '../source-checks/source-check-report';
import { publishSinkTables } from './publish-sink-tables';
import { type PublicationCleanup, reconcilePublication } from './reconcile-publication';
import { publicationReport, type SinkPublicationReport } from './sink-publication-report';
import { withSourcePublication } from './source-publication';

/**
 * The order every change of a source's sinks follows, under the source's publication lock:
 * 1. the tables the change needs go into the publication (and the slot is created if the
 *    source has none), so changes committed once the request returns are decoded;
 * 2. the source's WAL insert position is read, and the configuration is saved with it: the
 *    snapshot of the source's sinks its triggers take applies from there, so every change
 *    committed after the request returns follows it, and every earlier one the one before;
 * 3. the publication is tidied to what the saved configuration needs (always, also when 2
 *    failed, which undoes 1).
 * A source that cannot be reached, or refuses step 1, stops the save unless `force` (or unless
 * the change needs nothing published: `publishes` false); the report then says what was not
 * applied, and the snapshot applies from when the reader sees it.
 */
export async function saveWithPublication<T>(
  db: Database,
  options: {
    secretBox: SecretBox;
    sourceId: string;
    /** The tables the saved configuration needs published. */
    tables: readonly SourceTableChoice[];
    /** The change adds tables (or moves the sink here): without the source it cannot take effect. */
    publishes: boolean;
    force?: boolean;
    save(sourcePositions: SourcePositions | undefined): Promise<T>;
  },
): Promise<{ saved: T; publication: SinkPublicationReport }> {
  const mayGoWithout = options.force || !options.publishes;
  try {
    return await withSourcePublication(db, options, async (opened) => {
      let ensured: EnsureOutcome | null = null;
      let notApplied: string | null = null;
      try {
        if (options.tables.length > 0) ensured = await publishSinkTables(db, opened, options.tables);
      } catch (error) {
        const refusal = asRefusal(error);
        if (!mayGoWithout) throw refusal;
        notApplied = refusal.message;
      }
      let cleanup: PublicationCleanup | null = null;
      let cleanupError: string | null = null;
      let appliesFrom: bigint | null = null;
      let saved: T;
      try {
        appliesFrom = await opened.session.walInsertPosition();
        saved = await options.save({ [opened.source.id]: appliesFrom });
      } finally {
        try {
          cleanup = await reconcilePublication(db, opened);
        } catch (error) {
          cleanupError = (error as Error).message;
        }
      }
      return {
        saved,
        publication: publicationReport({ appliesFrom, ensured, cleanup, notApplied, cleanupError }),
      };
    });
  } catch (error) {
    if (!(error instanceof SourceUnreachableError) || !mayGoWithout) throw error;
    const saved = await options.save(undefined);
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
