import type { SecretBox } from '@shardline/core';
import { type Database, getSourceConnection, type PublicSource } from '@shardline/db';
import { PublicationSession } from '../publication/publication-session';
import { SourceUnreachableError } from '../source-catalog/source-unreachable-error';

/** A saved source and its publication session (the source's publication lock held). */
export interface OpenedSourcePublication {
  source: PublicSource;
  session: PublicationSession;
}

/**
 * Runs `work` holding the saved source's publication lock. Connecting fails with
 * SourceUnreachableError, worded like the connection check.
 */
export async function withSourcePublication<T>(
  db: Database,
  options: { secretBox: SecretBox; sourceId: string },
  work: (opened: OpenedSourcePublication) => Promise<T>,
): Promise<T> {
  const { source, clientConfig } = await getSourceConnection(db, options);
  let session: PublicationSession;
  try {
    session = await PublicationSession.open(clientConfig, source);
  } catch (error) {
    throw new SourceUnreachableError(error, clientConfig);
  }
  try {
    return await work({ source, session });
  } finally {
    await session.close();
  }
}
