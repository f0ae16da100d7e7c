import type pg from 'pg';
import { PublicationSession } from '../publication/publication-session';

export interface DropSlotAndPublicationResult {
  slotDropped: boolean;
  publicationDropped: boolean;
}

const DEFAULT_RELEASE_WAIT_MS = 10_000;

/**
 * Drops the source's slot (so the server stops keeping WAL for it) and its publication. A slot of
 * another database is left alone: it is not this source's. Waits a little for a reader that is
 * stopping to let go of the slot, then gives up with an error naming the process.
 */
export async function dropSlotAndPublication(
  clientConfig: pg.ClientConfig,
  options: {
    publicationName: string;
    slotName: string;
    /** How long a reader that is stopping may take to let go of the slot; default 10 s. */
    releaseWaitMs?: number;
  },
): Promise<DropSlotAndPublicationResult> {
  const session = await PublicationSession.open(clientConfig, options);
  try {
    return await session.dropSlotAndPublication({
      dropPublication: true,
      releaseWaitMs: options.releaseWaitMs ?? DEFAULT_RELEASE_WAIT_MS,
    });
  } finally {
    await session.close();
  }
}
