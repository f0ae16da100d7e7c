import type pg from 'pg';
import { type EnsureOutcome, PublicationSession } from '../publication/publication-session';
import type { SourceTableChoice } from './source-check-report';

export interface EnsurePublicationAndSlotOptions {
  publicationName: string;
  slotName: string;
  tables: SourceTableChoice[];
  /**
   * Adds chosen tables an existing publication lacks (ALTER PUBLICATION … ADD TABLE). Off by
   * default: checkSource then tells the operator what it lacks.
   */
  addMissingTables?: boolean;
}

export type EnsurePublicationAndSlotResult = EnsureOutcome;

/**
 * Creates the publication (for `tables`) and the pgoutput slot when they do not exist; safe to
 * run again and from several processes at once (under the source's publication lock).
 */
export async function ensurePublicationAndSlot(
  clientConfig: pg.ClientConfig,
  options: EnsurePublicationAndSlotOptions,
): Promise<EnsurePublicationAndSlotResult> {
  const session = await PublicationSession.open(clientConfig, options);
  try {
    return await session.ensure(options.tables, { addMissingTables: options.addMissingTables ?? false });
  } finally {
    await session.close();
  }
}
